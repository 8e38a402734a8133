"""The ``policy-match profiles`` commands: check (CONTRACT §4), import, export."""

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

from recommender.cli import main
from recommender.profiles.importer import read_table

FIXTURES = Path(__file__).parent / "fixtures" / "profiles"
GBK = FIXTURES / "registry_gbk.csv"


def test_check_writes_valid_rows_with_derived_columns(tmp_path, capsys):
    out = tmp_path / "checked.csv"
    assert main(["profiles", str(GBK), "--out", str(out), "--as-of", "2025-06-30"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert "row 3: 统一社会信用代码校验码错误，应为E" in err
    assert "row 5: 统一社会信用代码重复（与第2行）" in err
    assert [line.split(":")[0] for line in err if line.startswith("row ")] == [f"row {n}" for n in range(3, 10)]
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["credit_code"] for r in rows] == ["91500229MA5U00001B", "914403001922038216"]
    first, second = rows
    assert first["size"] == "小型" and first["small_low_profit"] == "true" and first["age_years"] == "10"
    assert first["established"] == "2015-03-01" and first["dishonest"] == "false"
    assert first["qualifications"] == "高新技术企业；科技型中小企业"
    assert second["size"] == "微型" and second["small_low_profit"] == "" and second["revenue"] == ""
    assert list(rows[0])[:2] == ["credit_code", "name"]


def test_check_to_stdout_reads_back(capsys):
    assert main(["profiles", str(FIXTURES / "registry_bom.csv")]) == 0
    printed = capsys.readouterr().out
    again = read_table(printed.encode("utf-8"), filename="out.csv")
    assert again.rejected == [] and len(again.frame) == 2


def test_import_then_reimport_then_export(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'pm.db'}"
    assert main(["profiles", "import", str(GBK), "--db", db]) == 0
    assert capsys.readouterr().out.strip() == "读取9行，导入2行，新增2，更新0，未变0，拒绝7"
    assert main(["profiles", "import", str(GBK), "--db", db]) == 0
    assert capsys.readouterr().out.strip() == "读取9行，导入2行，新增0，更新0，未变2，拒绝7"
    target = tmp_path / "registry.xlsx"
    assert main(["profiles", "export", str(target), "--db", db]) == 0
    exported = read_table(target)
    assert sorted(exported.frame["credit_code"]) == ["914403001922038216", "91500229MA5U00001B"]
    assert {"size", "small_low_profit", "age_years"} <= set(exported.frame.columns)


def test_a_file_named_import_still_works(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "registry_bom.csv", tmp_path / "import")
    assert main(["profiles", "./import"]) == 0
    assert "91510100MA6C00003Y" in capsys.readouterr().out


def test_unreadable_input_exits_non_zero(tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert main(["profiles", str(empty)]) != 0
    assert "文件为空" in capsys.readouterr().err
    assert main(["profiles", "a", "b", "c"]) != 0


def test_installed_command(tmp_path):
    exe = shutil.which("policy-match") or [sys.executable, "-m", "recommender.cli"]
    out = tmp_path / "o.csv"
    cmd = [exe] if isinstance(exe, str) else exe
    done = subprocess.run(
        [*cmd, "profiles", str(GBK), "--out", str(out), "--as-of", "2025-01-01"],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "row 9: 成立日期晚于2025-01-01" in done.stderr
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))) == 2
