"""The store on PostgreSQL: a throwaway cluster (initdb + pg_ctl) reached through DATABASE_URL.

Every test of test_store.py runs again here against the server, plus PostgreSQL-only checks.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import SQLModel
from test_store import (  # noqa: F401  (collected again here, with this module's engine)
    test_counts_new_changed_and_unchanged,
    test_duplicate_keys_are_refused,
    test_empty_database_loads_canonical_empty_frame,
    test_failed_upsert_leaves_database_untouched,
    test_partial_table_updates_only_its_columns,
    test_reimport_is_idempotent_and_round_trips,
    test_upserts_agree_with_a_model_of_the_table,
)

from recommender.profiles.importer import read_table
from recommender.profiles.store import count_enterprises, load_enterprises, upsert_enterprises
from recommender.storage.db import get_engine, init_db

FIXTURES = Path(__file__).parent / "fixtures" / "profiles"


def _server_binary(name: str) -> str:
    """A PostgreSQL server program: on PATH, else the newest Debian install."""
    found = shutil.which(name) or max(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), default=None)
    assert found, f"PostgreSQL server program {name} not installed (apt-get install postgresql)"
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_url():
    """Start a private cluster on a free localhost port; stop and delete it afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="pm-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()

    def run(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True, timeout=120)

    run(_server_binary("initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(_server_binary("pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        run(_server_binary("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def engine(postgres_url, monkeypatch):
    """The application's own engine for DATABASE_URL, on an empty schema."""
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    engine = get_engine()
    SQLModel.metadata.drop_all(engine)
    return init_db(engine)


def test_engine_is_postgres(engine):
    with engine.connect() as conn:
        assert conn.execute(text("select version()")).scalar_one().startswith("PostgreSQL")
        column = "select data_type from information_schema.columns where table_name = 'enterprise' and column_name = :c"
        assert conn.execute(text(column), {"c": "extra"}).scalar_one() == "jsonb"


def test_copy_keeps_awkward_text(engine):
    frame = read_table(FIXTURES / "registry_gbk.csv").frame
    frame.loc[0, "name"] = "制表\t换行\n反斜杠\\N 引号\"'"
    frame.loc[1, "联系人"] = "\\.\r"
    assert upsert_enterprises(frame, engine).inserted == 2
    assert count_enterprises(engine) == 2
    loaded = load_enterprises(engine).set_index("credit_code")
    assert loaded.loc[frame.loc[0, "credit_code"], "name"] == frame.loc[0, "name"]
    assert loaded.loc[frame.loc[1, "credit_code"], "联系人"] == "\\.\r"
    assert upsert_enterprises(frame, engine).unchanged == 2


def test_outreach_marks_receipts_and_push_outbox_on_postgres(engine):
    from datetime import date

    import recommender.storage.tracking  # noqa: F401  (registers the tracking tables)
    from recommender.matching.marks import mark_received, marks_for_item, received_by, set_mark
    from recommender.matching.matcher import Matcher
    from recommender.matching.push import new_for, outbox, push_policy
    from recommender.profiles.derive import derive
    from recommender.rules.schema import Condition, Policy, SupportItem

    SQLModel.metadata.create_all(engine)
    frame = read_table(FIXTURES / "registry_gbk.csv").frame
    item = SupportItem(item_id="p#1", kind="incentive", name="补助",
                       conditions=(Condition(op="ge", field="employees", value=0, text="有职工"),))
    matcher = Matcher([Policy(policy_id="p", title="测试政策", items=(item,))],
                      derive(frame, date(2026, 6, 30)), date(2026, 6, 30))
    code = matcher.frame["credit_code"].iloc[0]
    first = push_policy(matcher, "p", engine)
    again = push_policy(matcher, "p", engine)
    assert first.created >= 1 and again.created == 0 and again.already_sent == first.created
    assert len(outbox(engine, policy_id="p")) == first.created
    assert "p#1" in new_for(engine, code)
    set_mark(engine, code, "p#1", "已联系", "电话已通")
    assert marks_for_item(engine, "p#1")["state"].tolist() == ["已联系"]
    mark_received(engine, code, "p#1")
    assert received_by(engine, code) == {"p#1"}
