"""Enterprise frames in and out of the database: idempotent set-based bulk upsert, fast load.

The database compares and writes: one ``INSERT … ON CONFLICT (credit_code) DO UPDATE … WHERE <a
value differs>`` in one transaction, fed on SQLite by executemany of tuples in credit-code order
(so the key index is appended to, not scattered), on PostgreSQL by ``COPY`` into a temporary table
and ``INSERT … SELECT``. Inserted rows are counted from the table size, updated ones from the rows
the statement wrote, so identical rows are neither touched nor counted as changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import (
    Column,
    MetaData,
    Select,
    String,
    Table,
    Text,
    bindparam,
    cast,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.engine import Connection, Engine

from recommender.errors import ProfileError
from recommender.profiles.fields import FIELDS, field_specs
from recommender.profiles.importer import empty_frame
from recommender.storage.db import dump_json, init_db
from recommender.storage.enterprise import Enterprise

__all__ = ["UpsertStats", "upsert_enterprises", "load_enterprises", "count_enterprises"]

_TABLE = Enterprise.__table__
_CHUNK = 50_000
_LOAD_CHUNK = 200_000
_INTERNAL = frozenset({"size", "size_possible", "small_low_profit", "age_years", "rd_ratio"})
_STAGED = (*FIELDS, "extra")
# Stored extras merged with new ones, re-serialised with sorted keys like dump_json (SQLite).
_SQLITE_MERGE = literal_column(
    "(SELECT json_group_object(key, value) FROM (SELECT key, value FROM "
    "json_each(json_patch(enterprise.extra, excluded.extra)) ORDER BY key))"
)


@dataclass(frozen=True)
class UpsertStats:
    """How many rows were new, changed, or already stored exactly as given."""

    inserted: int
    updated: int
    unchanged: int


def _db_values(column: pd.Series, kind: str) -> list[Any]:
    """A canonical column as plain Python values in stored form; None for unknown."""
    known = column.notna().to_numpy()
    if kind == "date":
        return column.dt.strftime("%Y-%m-%d").to_numpy(dtype=object, na_value=None).tolist()
    if kind == "bool":
        return column.astype("boolean").to_numpy(dtype=object, na_value=None).tolist()
    if kind in ("int", "money"):
        numbers = column.to_numpy(dtype="float64", na_value=np.nan)
        values = np.empty(len(column), dtype=object)
        values[known] = numbers[known].astype(np.int64 if kind == "int" else np.float64).tolist()
        return values.tolist()
    return column.to_numpy(dtype=object, na_value=None).tolist()


def _coded(column: pd.Series, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """Codes and a lookup of distinct stored values (last entry None): row i is lookup[codes[i]].

    Converting each distinct value once is cheaper than once per row, and a repeated string is
    then one Python object whose UTF-8 form the driver encodes once.
    """
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    lookup = np.empty(len(uniques) + 1, dtype=object)
    lookup[:-1] = _db_values(pd.Series(uniques), kind)
    return codes, lookup


def _extras(columns: list[list[Any]], names: list[str], size: int) -> list[str]:
    """The extra columns of each row as canonical JSON text, unknown cells left out."""
    if not names:
        return ["{}"] * size
    return [
        dump_json({k: str(v) for k, v in zip(names, row, strict=True) if v is not None})
        for row in zip(*columns, strict=True)
    ]


def _key_order(codes: pd.Series) -> np.ndarray:
    """Row positions in credit-code order: a lexsort of 2-byte words for 18-character ASCII keys."""
    try:
        fixed = codes.to_numpy(dtype="S18")  # longer keys are cut: the order is only a speed hint
    except UnicodeEncodeError:
        return codes.argsort().to_numpy()
    return np.lexsort(fixed.view(">u2").reshape(-1, 9).T[::-1])


def _rows(df: pd.DataFrame) -> Iterator[list[tuple]]:
    """The frame in credit-code order as chunks of tuples in ``_STAGED`` order."""
    specs = field_specs()
    extra_names = [c for c in df.columns if c not in specs and c not in _INTERNAL]
    kinds = [spec.kind for spec in specs.values()] + ["text"] * len(extra_names)
    coded = [_coded(df[n], k) for n, k in zip([*specs, *extra_names], kinds, strict=True)]
    order = _key_order(df["credit_code"])
    for start in range(0, len(df), _CHUNK):
        rows = order[start : start + _CHUNK]
        columns = [lookup[codes[rows]].tolist() for codes, lookup in coded]
        extras = _extras(columns[len(specs) :], extra_names, len(rows))
        yield list(zip(*columns[: len(specs)], extras, strict=True))


def _on_conflict(statement: Any, dialect: str, columns: list[str], merge_extra: bool) -> Any:
    """``statement`` updating ``columns`` of an existing row only where any of them differs."""
    excluded = statement.excluded
    if not merge_extra:
        extra = excluded.extra
    elif dialect == "postgresql":
        extra = _TABLE.c.extra.op("||")(excluded.extra)
    else:
        extra = _SQLITE_MERGE
    differs = [_TABLE.c[c].is_distinct_from(excluded[c]) for c in columns]
    differs.append(_TABLE.c.extra.is_distinct_from(extra))
    return statement.on_conflict_do_update(
        index_elements=[_TABLE.c.credit_code],
        set_={**{c: excluded[c] for c in columns}, "extra": extra, "updated_at": excluded.updated_at},
        where=or_(*differs),
    )


def _write_sqlite(conn: Connection, df: pd.DataFrame, columns: list[str], merge: bool, now: datetime) -> int:
    """executemany of an upsert over sorted chunks of tuples; the number of rows written."""
    stamp = _TABLE.c.updated_at.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)(now)
    values = {name: bindparam(name) for name in _STAGED} | {"updated_at": literal_column(f"'{stamp}'")}
    statement = _on_conflict(sqlite.insert(_TABLE).values(values), "sqlite", columns, merge)
    sql = str(statement.compile(dialect=conn.dialect))
    cursor = conn.connection.cursor()
    written = 0
    try:
        for rows in _rows(df):
            cursor.executemany(sql, rows)
            written += cursor.rowcount
    finally:
        cursor.close()
    return written


def _write_postgres(conn: Connection, df: pd.DataFrame, columns: list[str], merge: bool, now: datetime) -> int:
    """COPY into a temporary table, then one INSERT … SELECT upsert; the number of rows written."""
    staging = Table(
        "enterprise_staging",
        MetaData(),
        *(Column(name, _TABLE.c[name].type) for name in _STAGED),
        prefixes=["TEMPORARY"],
        postgresql_on_commit="DROP",
    )
    staging.create(conn)
    with conn.connection.cursor() as cursor:
        with cursor.copy(f"COPY enterprise_staging ({', '.join(_STAGED)}) FROM STDIN") as copy:
            for rows in _rows(df):
                for row in rows:
                    copy.write_row(row)
    stamp = bindparam("now", now, type_=_TABLE.c.updated_at.type)
    source = select(*staging.c, stamp)
    statement = postgresql.insert(_TABLE).from_select([*_STAGED, "updated_at"], source)
    upsert = _on_conflict(statement, "postgresql", columns, merge)
    return conn.execute(upsert.execution_options(preserve_rowcount=True)).rowcount


def _count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(_TABLE)).scalar_one())


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
    now = datetime.now(UTC).replace(microsecond=0)
    init_db(engine)
    write = _write_postgres if engine.dialect.name == "postgresql" else _write_sqlite
    with engine.begin() as conn:
        before = _count(conn)
        written = write(conn, df, columns, fields is not None, now)
        inserted = _count(conn) - before
        updated = written - inserted
    return UpsertStats(inserted, updated, len(df) - inserted - updated)


def count_enterprises(engine: Engine) -> int:
    """How many enterprises are stored."""
    init_db(engine)
    with engine.connect() as conn:
        return _count(conn)


def _chunk_query(dialect: str, after: str | None) -> Select:
    """One row: each column of the next enterprises after credit code ``after`` as a JSON array.

    An aggregate per column is built by the database in one pass; Python then parses a few long
    texts instead of a million tuples. SQLite writes REAL with 15 digits in JSON, so money goes
    through quote(), which keeps every digit.
    """
    rows = select(_TABLE).order_by(_TABLE.c.credit_code).limit(_LOAD_CHUNK)
    inner = (rows if after is None else rows.where(_TABLE.c.credit_code > after)).subquery()
    values = []
    for name, spec in field_specs().items():
        column = inner.c[name]
        if spec.kind == "date":
            column = cast(column, String)
        elif spec.kind == "money" and dialect != "postgresql":
            column = func.nullif(func.quote(column), "NULL")
        values.append(column)
    values.append(cast(inner.c.extra, Text))
    if dialect == "postgresql":
        return select(*(func.json_agg(aggregate_order_by(v, inner.c.credit_code)) for v in values))
    return select(*(func.json_group_array(v) for v in values))


def _column(values: list[Any], kind: str) -> pd.Series:
    """Fetched values of one field as a canonical column."""
    if kind == "date":
        return pd.to_datetime(pd.Series(values, dtype="str"), format="%Y-%m-%d").astype("datetime64[ns]")
    if kind in ("int", "money"):  # numbers, or SQLite's exact text of a REAL
        return pd.Series(values, dtype="str" if kind == "money" else "float64").astype("float64")
    if kind == "bool":
        return pd.Series(pd.array(values, dtype="boolean"))
    return pd.Series(values, dtype="str")


def _extra_frame(texts: list[str]) -> pd.DataFrame:
    """Stored extras (JSON text) as string columns, parsing each distinct text once."""
    codes, uniques = pd.factorize(pd.Series(texts, dtype=object))
    parsed = pd.DataFrame.from_records([json.loads(u) for u in uniques], index=range(len(uniques)))
    return parsed.iloc[codes].reset_index(drop=True).astype("str")


def load_enterprises(engine: Engine) -> pd.DataFrame:
    """Every stored enterprise as a canonical frame (sorted by credit code), extras as columns."""
    specs = field_specs()
    init_db(engine)
    frames, extras, after = [], [], None
    with engine.connect() as conn:
        while True:
            arrays = [
                a if isinstance(a, list) else json.loads(a or "[]")
                for a in conn.execute(_chunk_query(conn.dialect.name, after)).one()
            ]
            if not arrays[0]:
                break
            frames.append(pd.DataFrame({n: _column(arrays[i], s.kind) for i, (n, s) in enumerate(specs.items())}))
            extras.extend(arrays[-1])
            after = arrays[0][-1]
    if not frames:
        return empty_frame()
    out = pd.concat(frames, ignore_index=True)
    found = _extra_frame(extras)
    for name in found.columns:
        if name not in out.columns:
            out[name] = found[name]
    return out
