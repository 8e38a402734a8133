"""Storing enterprises: one-transaction upsert, idempotent re-import, partial tables, round trip."""

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from recommender.errors import ProfileError
from recommender.profiles.fields import field_specs
from recommender.profiles.importer import empty_frame, frame_from_records, read_table
from recommender.profiles.store import count_enterprises, load_enterprises, upsert_enterprises
from recommender.storage.db import get_engine, session
from recommender.storage.enterprise import Enterprise

FIXTURES = Path(__file__).parent / "fixtures" / "profiles"


@pytest.fixture
def engine(tmp_path):
    return get_engine(f"sqlite:///{tmp_path / 'pm.db'}")


def _count(engine) -> int:
    with session(engine) as db:
        return db.exec(select(func.count()).select_from(Enterprise)).one()[0]


def test_reimport_is_idempotent_and_round_trips(engine):
    result = read_table(FIXTURES / "registry_gbk.csv")
    stats = upsert_enterprises(result.frame, engine)
    assert (stats.inserted, stats.updated, stats.unchanged) == (2, 0, 0)
    first = upsert_enterprises(result.frame, engine)
    assert (first.inserted, first.updated, first.unchanged) == (0, 0, 2)
    with session(engine) as db:
        stamps = {e.credit_code: e.updated_at for e in db.exec(select(Enterprise)).scalars()}
    again = upsert_enterprises(read_table(FIXTURES / "registry_gbk.csv").frame, engine)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)
    with session(engine) as db:
        assert stamps == {e.credit_code: e.updated_at for e in db.exec(select(Enterprise)).scalars()}
    loaded = load_enterprises(engine)
    expected = result.frame.sort_values("credit_code").reset_index(drop=True)
    pd.testing.assert_frame_equal(loaded, expected)


def test_counts_new_changed_and_unchanged(engine):
    base = read_table(FIXTURES / "registry_bom.csv").frame
    stats = upsert_enterprises(base, engine)
    assert (stats.inserted, stats.updated, stats.unchanged) == (2, 0, 0)
    changed = base.copy()
    changed.loc[0, "revenue"] = 999.0
    stats = upsert_enterprises(changed, engine)
    assert (stats.inserted, stats.updated, stats.unchanged) == (0, 1, 1)
    assert load_enterprises(engine).set_index("credit_code").loc[base.loc[0, "credit_code"], "revenue"] == 999


def test_partial_table_updates_only_its_columns(engine):
    upsert_enterprises(read_table(FIXTURES / "registry_gbk.csv").frame, engine)
    part = frame_from_records([{"统一社会信用代码": "91500229MA5U00001B", "纳税信用等级": "B", "联系电话": "123"}])
    stats = upsert_enterprises(part.frame, engine, fields=part.fields)
    assert (stats.inserted, stats.updated, stats.unchanged) == (0, 1, 0)
    row = load_enterprises(engine).set_index("credit_code").loc["91500229MA5U00001B"]
    assert row["tax_credit"] == "B" and row["revenue"] == 1200 and row["联系人"] == "张三"
    assert row["联系电话"] == "123"


def test_failed_upsert_leaves_database_untouched(engine):
    good = read_table(FIXTURES / "registry_bom.csv").frame
    upsert_enterprises(good, engine)
    before = load_enterprises(engine)
    changed = good.astype({"industry_code": object})
    changed.loc[0, "industry_code"] = object()  # cannot be bound: fails after the inserts ran
    broken = pd.concat([read_table(FIXTURES / "registry_gbk.csv").frame, changed]).reset_index(drop=True)
    with pytest.raises(Exception):  # noqa: B017 - the driver's own error type
        upsert_enterprises(broken, engine)
    pd.testing.assert_frame_equal(load_enterprises(engine), before)
    assert _count(engine) == 2


def test_duplicate_keys_are_refused(engine):
    frame = read_table(FIXTURES / "registry_bom.csv").frame
    with pytest.raises(ProfileError):
        upsert_enterprises(pd.concat([frame, frame]), engine)


def test_empty_database_loads_canonical_empty_frame(engine):
    loaded = load_enterprises(engine)
    assert len(loaded) == 0 and "credit_code" in loaded.columns
    assert loaded["established"].dtype == "datetime64[ns]"


# A model of the table: credit code -> {field: value or None, "extra": {column: text}}.
_VARIED = ("name", "established", "employees", "revenue", "dishonest")
_TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=6)
_VALUES = {
    "name": st.none() | _TEXT,
    "established": st.none() | st.dates(date(1950, 1, 1), date(2030, 12, 31)),
    "employees": st.none() | st.integers(0, 10**6),
    "revenue": st.none() | st.floats(0, 1e9, allow_nan=False, allow_infinity=False),
    "dishonest": st.none() | st.booleans(),
}
_RECORD = st.fixed_dictionaries(
    {**_VALUES, "extra": st.dictionaries(st.sampled_from(["联系人", "电话"]), _TEXT, max_size=2)}
)
_BATCH = st.dictionaries(st.sampled_from([f"9150022900000000{i:02d}" for i in range(8)]), _RECORD)


def _frame(records: dict[str, dict]) -> pd.DataFrame:
    """The canonical frame holding ``records``, extras as string columns."""
    keys = sorted(records)
    out = empty_frame().reindex(range(len(keys)))
    out["credit_code"] = pd.Series(keys, dtype="str")
    for name in _VARIED:
        values = [records[k][name] for k in keys]
        out[name] = pd.Series(values, dtype=out[name].dtype if name != "established" else None)
    out["established"] = pd.to_datetime(out["established"]).astype("datetime64[ns]")
    for column in sorted({c for r in records.values() for c in r["extra"]}):
        out[column] = pd.Series([records[k]["extra"].get(column) for k in keys], dtype="str")
    return out


def _apply(model: dict[str, dict], batch: dict[str, dict], fields: set[str] | None) -> tuple:
    """Apply a batch to the model as the store should; return (inserted, updated, unchanged)."""
    counts = [0, 0, 0]
    for key, record in batch.items():
        old = model.get(key)
        if old is None:
            model[key], counts[0] = record, counts[0] + 1
            continue
        new = {f: record[f] if fields is None or f in fields else old[f] for f in _VARIED}
        new["extra"] = record["extra"] if fields is None else {**old["extra"], **record["extra"]}
        changed = new != old
        model[key] = new
        counts[1 if changed else 2] += 1
    return tuple(counts)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(st.tuples(_BATCH, st.none() | st.sets(st.sampled_from(_VARIED))), max_size=3))
def test_upserts_agree_with_a_model_of_the_table(engine, batches):
    Enterprise.__table__.drop(engine, checkfirst=True)
    model: dict[str, dict] = {}
    for batch, fields in batches:
        expected = _apply(model, batch, fields)
        stats = upsert_enterprises(_frame(batch), engine, fields=fields)
        assert (stats.inserted, stats.updated, stats.unchanged) == expected
    assert count_enterprises(engine) == len(model)
    loaded, wanted = load_enterprises(engine), _frame(model)
    assert list(loaded.columns[: len(field_specs())]) == list(field_specs())
    pd.testing.assert_frame_equal(loaded, wanted, check_like=True)
