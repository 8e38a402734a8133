"""Benchmark: generate N synthetic enterprises to CSV, import them, and compare with plain pandas.

Each phase runs in a fresh process so its peak memory (ru_maxrss) is its own.

    python bench/profiles_import.py --rows 1000000
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sqlite3
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

__all__ = ["main"]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _generate(csv: str, rows: int, seed: int, scope: str) -> list[tuple]:
    from recommender.profiles.synthetic import write_registry_csv

    start = time.perf_counter()
    written = write_registry_csv(rows, csv, seed=seed, scope=scope)
    return [("生成CSV（write_registry_csv）", written, time.perf_counter() - start, _peak_mb(), "")]


def _import(csv: str, db: str) -> list[tuple]:
    from recommender.profiles.importer import read_table
    from recommender.profiles.store import load_enterprises, upsert_enterprises
    from recommender.storage.db import get_engine, init_db

    out = []
    start = time.perf_counter()
    result = read_table(csv)
    took = time.perf_counter() - start
    note = f"接受{len(result.frame)}行，拒绝{len(result.rejected)}行"
    out.append(("校验读取（read_table）", result.rows_read, took, _peak_mb(), note))
    engine = init_db(get_engine(f"sqlite:///{db}"))
    for label in ("写入SQLite（upsert_enterprises）", "再次导入同一数据（应无变化）"):
        start = time.perf_counter()
        stats = upsert_enterprises(result.frame, engine)
        took = time.perf_counter() - start
        note = f"新增{stats.inserted}，更新{stats.updated}，未变{stats.unchanged}"
        out.append((label, len(result.frame), took, _peak_mb(), note))
    start = time.perf_counter()
    loaded = load_enterprises(engine)
    out.append(("读出全部企业（load_enterprises）", len(loaded), time.perf_counter() - start, _peak_mb(), ""))
    with sqlite3.connect(db) as con:
        tables = [r[0] for r in con.execute("select name from sqlite_master where type='table'")]
        counts = {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}
    stored = "，".join(f"{t}={c}" for t, c in counts.items())
    out[-2] = (*out[-2][:4], f"{out[-2][4]}；库中行数：{stored}")
    return out


def _baseline(csv: str, db: str) -> list[tuple]:
    import pandas as pd

    start = time.perf_counter()
    frame = pd.read_csv(csv)
    out = [
        ("基线：pandas.read_csv（不校验）", len(frame), time.perf_counter() - start, _peak_mb(), "")
    ]
    start = time.perf_counter()
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA journal_mode=WAL")  # the same settings as the application's engine
        con.execute("PRAGMA synchronous=NORMAL")
        frame.to_sql("enterprises", con, index=False, chunksize=50_000)
    out.append(
        (
            "基线：DataFrame.to_sql（SQLite）",
            len(frame),
            time.perf_counter() - start,
            _peak_mb(),
            "",
        )
    )
    return out


def _pad(text: str, width: int, right: bool = False) -> str:
    """Pad to a display width, counting CJK characters as two columns."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    fill = " " * max(0, width - shown)
    return fill + text if right else text + fill


def _run(target, *args) -> list[tuple]:
    """Run one phase in a fresh process and return its rows of figures."""
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        return pool.apply(target, args)


def main(argv: list[str] | None = None) -> int:
    """Run every phase and print a table of figures."""
    parser = argparse.ArgumentParser(description="企业名录导入基准测试")
    parser.add_argument("--rows", type=int, default=1_000_000, help="合成企业数（默认1000000）")
    parser.add_argument("--seed", type=int, default=0, help="随机种子")
    parser.add_argument("--scope", default="city", choices=("county", "city"), help="合成范围")
    parser.add_argument("--keep", type=Path, help="把CSV和数据库留在此目录（默认用临时目录）")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        csv, db, base_db = (str(folder / n) for n in ("registry.csv", "import.db", "baseline.db"))
        for path in (db, base_db):
            Path(path).unlink(missing_ok=True)
        rows = _run(_generate, csv, args.rows, args.seed, args.scope)
        size_mb = Path(csv).stat().st_size / 2**20
        rows += _run(_import, csv, db)
        rows += _run(_baseline, csv, base_db)
    print(f"企业数 {args.rows:,}，CSV {size_mb:,.0f} MB，范围 {args.scope}，种子 {args.seed}")
    widths = (40, 11, 9, 11, 12)

    def line(cells: tuple[str, ...], note: str) -> str:
        padded = (_pad(c, w, i > 0) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
        return "".join(padded) + "  " + note

    print(line(("阶段", "行数", "秒", "行/秒", "峰值内存MB"), "说明"))
    for label, count, seconds, peak, note in rows:
        rate = count / seconds if seconds else float("inf")
        print(line((label, f"{count:,}", f"{seconds:.2f}", f"{rate:,.0f}", f"{peak:,.0f}"), note))
    return 0


if __name__ == "__main__":
    sys.exit(main())
