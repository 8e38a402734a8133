"""Enterprise frames in and out of the database: idempotent bulk upsert, fast load."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Connection, Engine

from recommender.errors import ProfileError
from recommender.profiles.fields import FIELDS, field_specs
from recommender.profiles.importer import empty_frame
from recommender.storage.db import init_db
from recommender.storage.enterprise import Enterprise

__all__ = ["UpsertStats", "upsert_enterprises", "load_enterprises"]

_TABLE = Enterprise.__table__
_CHUNK = 5000
_INTERNAL = frozenset({"size", "size_possible", "small_low_profit", "age_years", "rd_ratio"})


@dataclass(frozen=True)
class UpsertStats:
    """How many rows were new, changed, or already stored exactly as given."""

    inserted: int
    updated: int
    unchanged: int


def _python_column(column: pd.Series, kind: str) -> list[Any]:
    """A canonical column as database values: None for unknown, date/int/float/bool/str."""
    known = column.notna().to_numpy()
    if kind == "date":
        values = np.array(column.dt.date, dtype=object)
    elif kind == "int":
        values = np.array([int(v) if k else None for v, k in zip(column, known, strict=True)], dtype=object)
    elif kind == "money":
        values = column.astype("float64").to_numpy(dtype=object)
    elif kind == "bool":
        values = column.astype("boolean").to_numpy(dtype=object, na_value=None)
    else:
        values = column.astype(object).to_numpy()
    values = values.copy()
    values[~known] = None
    return values.tolist()


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """One dict per row with every §1 field and the extra columns as a dict."""
    columns = {name: _python_column(df[name], spec.kind) for name, spec in field_specs().items()}
    extra_names = [c for c in df.columns if c not in field_specs() and c not in _INTERNAL]
    extra_columns = [_python_column(df[c], "text") for c in extra_names]
    extras = [
        {k: v for k, v in zip(extra_names, row, strict=True) if v is not None}
        for row in zip(*extra_columns, strict=True)
    ] if extra_names else [{} for _ in range(len(df))]
    names = list(columns)
    return [
        {**dict(zip(names, row, strict=True)), "extra": extra}
        for row, extra in zip(zip(*columns.values(), strict=True), extras, strict=True)
    ]


def _stored(conn: Connection, codes: Sequence[str], columns: Sequence[str]) -> dict[str, tuple]:
    """Stored values of ``columns`` (and extra) for the given credit codes."""
    wanted = [_TABLE.c.credit_code, *(_TABLE.c[c] for c in columns), _TABLE.c.extra]
    out: dict[str, tuple] = {}
    for start in range(0, len(codes), _CHUNK):
        chunk = codes[start : start + _CHUNK]
        for row in conn.execute(select(*wanted).where(_TABLE.c.credit_code.in_(chunk))):
            out[row[0]] = tuple(row[1:])
    return out


def upsert_enterprises(
    df: pd.DataFrame, engine: Engine, *, fields: Iterable[str] | None = None
) -> UpsertStats:
    """Insert or update enterprises by credit code in one transaction; identical rows are untouched.

    ``fields`` limits which stored fields an existing enterprise may change (default: all), so a
    table holding only some columns does not erase the others; extra columns are then merged.
    """
    if df["credit_code"].isna().any() or df["credit_code"].duplicated().any():
        raise ProfileError("P140", "写入数据库的企业表中统一社会信用代码为空或重复")
    columns = list(FIELDS[1:] if fields is None else [f for f in FIELDS[1:] if f in set(fields)])
    merge_extra = fields is not None
    records = _records(df)
    now = datetime.now(UTC).replace(microsecond=0)
    init_db(engine)
    with engine.begin() as conn:
        stored = _stored(conn, [r["credit_code"] for r in records], columns)
        new, changed = [], []
        for record in records:
            old = stored.get(record["credit_code"])
            if old is None:
                new.append({**record, "updated_at": now})
                continue
            extra = {**(old[-1] or {}), **record["extra"]} if merge_extra else record["extra"]
            if tuple(record[c] for c in columns) + (extra,) != old:
                values = {c: record[c] for c in columns}
                changed.append({**values, "extra": extra, "updated_at": now, "key": record["credit_code"]})
        for start in range(0, len(new), _CHUNK):
            conn.execute(insert(_TABLE), new[start : start + _CHUNK])
        if changed:
            statement = (
                update(_TABLE)
                .where(_TABLE.c.credit_code == bindparam("key"))
                .values({c: bindparam(c) for c in [*columns, "extra", "updated_at"]})
            )
            for start in range(0, len(changed), _CHUNK):
                conn.execute(statement, changed[start : start + _CHUNK])
    return UpsertStats(len(new), len(changed), len(records) - len(new) - len(changed))


def load_enterprises(engine: Engine) -> pd.DataFrame:
    """Every stored enterprise as a canonical frame (sorted by credit code), extras as columns."""
    init_db(engine)
    with engine.connect() as conn:
        rows = conn.execute(
            select(*(_TABLE.c[f] for f in FIELDS), _TABLE.c.extra).order_by(_TABLE.c.credit_code)
        ).all()
    if not rows:
        return empty_frame()
    data = list(zip(*rows, strict=True))
    frame = {}
    for position, (name, spec) in enumerate(field_specs().items()):
        values = pd.Series(data[position], dtype=object)
        if spec.kind == "date":
            frame[name] = pd.to_datetime(values).astype("datetime64[ns]")
        elif spec.kind in ("int", "money"):
            frame[name] = pd.to_numeric(values).astype("float64")
        elif spec.kind == "bool":
            frame[name] = values.astype("boolean")
        else:
            frame[name] = values.astype("str")
    out = pd.DataFrame(frame)
    extras = pd.DataFrame.from_records(list(data[-1]), index=out.index)
    for name in extras.columns:
        if name not in out.columns:
            out[name] = extras[name].astype("str")
    return out
