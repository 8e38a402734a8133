"""Seeded synthetic enterprise registries (a county or all of 重庆市) for demos and benchmarks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from recommender.errors import ProfileError
from recommender.profiles.fields import FIELD_LABELS, FIELDS
from recommender.profiles.synthetic_codes import ORG_SPACE
from recommender.profiles.synthetic_rows import enterprise_rows, registry_setup

__all__ = [
    "CHUNK_ROWS",
    "EMPTY_FRACTION",
    "DEMO_SEED",
    "generate_registry",
    "write_registry_csv",
    "demo_registry",
    "write_demo_registry",
]

CHUNK_ROWS = 50_000  # generated chunk by chunk: the output never depends on how it is consumed
# Share of cells left empty ("not known") in every column but the credit code and the name.
EMPTY_FRACTION = 0.08
DEMO_SEED = 2024
_BOOLS = ("dishonest", "has_bank_loan")
_COUNTS = ("employees", "invention_patents")


def _rng(seed: int, *key: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence([seed, *key]))


def _frame(values: dict, rng: np.random.Generator, offset: int) -> pd.DataFrame:
    """The canonical frame (docs/architecture.md dtypes) with ~8% of the cells emptied."""
    n = len(values["credit_code"])
    index = pd.RangeIndex(offset, offset + n)
    out = {}
    for field in FIELDS:
        value = values[field]
        if field == "established":
            series = pd.Series(value, index=index)
        elif field in _BOOLS:
            series = pd.Series(pd.array(value, dtype="boolean"), index=index)
        elif np.issubdtype(np.asarray(value).dtype, np.number):
            series = pd.Series(value, index=index, dtype="float64")
        else:
            series = pd.Series(np.asarray(value).astype(object), index=index, dtype="str")
        if field not in ("credit_code", "name"):
            series = series.mask(rng.random(n) < EMPTY_FRACTION)
        out[field] = series
    return pd.DataFrame(out)


def _chunks(n: int, seed: int, scope: str, region: str) -> Iterator[pd.DataFrame]:
    if not 1 <= n <= ORG_SPACE:
        raise ProfileError("P193", f"合成企业数应在1到{ORG_SPACE}之间：{n}")
    setup = registry_setup(_rng(seed, 2**32 - 1), scope, region)
    for number, start in enumerate(range(0, n, CHUNK_ROWS)):
        rng = _rng(seed, number)
        rows = enterprise_rows(setup, min(CHUNK_ROWS, n - start), rng, start)
        yield _frame(rows, rng, start)


def generate_registry(
    n: int, *, seed: int = 0, scope: str = "county", region: str = "500229"
) -> pd.DataFrame:
    """``n`` synthetic enterprises of a county (``region``) or of all of 重庆市 (``scope="city"``)."""
    return pd.concat(list(_chunks(n, seed, scope, region)))


def _for_csv(frame: pd.DataFrame, chinese_headers: bool) -> pd.DataFrame:
    """Cells as a registry export writes them: whole numbers, dates, 是/否 or true/false, 无."""
    out = frame.copy()
    yes, no = ("是", "否") if chinese_headers else ("true", "false")
    for field in _BOOLS:
        out[field] = frame[field].map({True: yes, False: no}).astype("str")
    for field in _COUNTS:
        out[field] = frame[field].astype("Int64")
    out["established"] = frame["established"].dt.strftime("%Y-%m-%d")
    out["qualifications"] = frame["qualifications"].replace("", "无")
    if chinese_headers:
        out.columns = [FIELD_LABELS[c] for c in out.columns]
    return out


def _arrow(frame: pd.DataFrame, chinese_headers: bool) -> pa.Table:
    return pa.Table.from_pandas(_for_csv(frame, chinese_headers), preserve_index=False)


# Cells never hold a comma, quote or line break (the writer raises if one does): no quoting.
_CSV_OPTIONS = pa_csv.WriteOptions(include_header=False, quoting_style="none")


def _write_csv(tables: Iterator[pa.Table], path: str | Path) -> int:
    """Write tables of one schema to a UTF-8 CSV under a plain header line; returns rows."""
    first = next(tables)
    with open(path, "wb") as fh:
        fh.write((",".join(first.column_names) + "\n").encode("utf-8"))
        with pa_csv.CSVWriter(fh, first.schema, write_options=_CSV_OPTIONS) as writer:
            writer.write_table(first)
            written = first.num_rows
            for table in tables:
                writer.write_table(table.cast(first.schema))
                written += table.num_rows
    return written


def write_registry_csv(
    n: int,
    path: str | Path,
    *,
    seed: int = 0,
    scope: str = "county",
    region: str = "500229",
    chinese_headers: bool = False,
) -> int:
    """Stream ``n`` synthetic enterprises to a UTF-8 CSV chunk by chunk; returns rows written."""
    chunks = _chunks(n, seed, scope, region)
    return _write_csv((_arrow(frame, chinese_headers) for frame in chunks), path)


def demo_registry(n: int = 3000, *, seed: int = DEMO_SEED, county: str = "500229") -> pd.DataFrame:
    """The demo registry: two thirds registered in ``county``, the rest elsewhere in 重庆市."""
    local = generate_registry(round(n * 2 / 3), seed=seed, scope="county", region=county)
    rest = n - len(local)
    city = generate_registry(rest + rest // 5 + 20, seed=seed + 1, scope="city")
    elsewhere = city[city["credit_code"].str[2:8] != county].head(rest)
    return pd.concat([local, elsewhere], ignore_index=True)


def write_demo_registry(path: str | Path, n: int = 3000, *, seed: int = DEMO_SEED) -> int:
    """Write the demo registry as UTF-8 CSV with Chinese headers; returns rows written."""
    return _write_csv(iter([_arrow(demo_registry(n, seed=seed), chinese_headers=True)]), path)
