"""Derived fields over a registry: vectorised size class / 小型微利 / age vs a per-row loop.

Usage: python bench/derive.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import resource
import time
from datetime import date

from recommender.profiles.derive import derive
from recommender.profiles.size import classify_size
from recommender.profiles.synthetic import generate_registry

AS_OF = date(2026, 6, 30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    frame = generate_registry(args.rows, seed=7, scope="city")
    derive(frame.head(100), AS_OF)  # load the code tables once, outside the timings

    start = time.perf_counter()
    classify_size(frame)
    size_s = time.perf_counter() - start
    start = time.perf_counter()
    derive(frame, AS_OF)
    derive_s = time.perf_counter() - start

    sample = frame.head(10_000)
    start = time.perf_counter()
    for n in range(len(sample)):  # baseline: the same classification one row at a time
        classify_size(sample.iloc[[n]])
    loop_s = (time.perf_counter() - start) * len(frame) / len(sample)

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows: {len(frame):,}")
    print(f"classify_size, vectorised:   {size_s:8.2f} s  ({len(frame) / size_s:,.0f} rows/s)")
    print(f"derive (all derived fields): {derive_s:8.2f} s  ({len(frame) / derive_s:,.0f} rows/s)")
    print(f"baseline, one row at a time: {loop_s:8.1f} s  (extrapolated from 10,000 rows)")
    print(f"peak RSS: {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
