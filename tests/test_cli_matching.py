"""The batch commands of CONTRACT.md sections 3 and 5, end to end on real files."""

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from recommender.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ["cqf-first-loan-subsidy", "ck-cured-meat-industry", "cqf-inclusive-loan-2023"]
TABLE = ROOT / "profiles" / "examples" / "chengkou_gbk.csv"
AS_OF = "2026-06-30"


@pytest.fixture(scope="module")
def policies(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("policies")
    for stem in DOCS:
        for suffix in (".md", ".yaml"):
            shutil.copy(ROOT / "policies" / f"{stem}{suffix}", folder)
    return folder


def _run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_match_writes_one_row_per_enterprise_and_item_in_force(policies, tmp_path, capsys):
    out = tmp_path / "match.csv"
    code, _, err = _run(
        ["match", "--policies", str(policies), "--enterprises", str(TABLE), "--as-of", AS_OF,
         "--out", str(out)], capsys)
    assert code == 0
    assert "row 5: 统一社会信用代码校验码错误" in err  # bad rows reported, the run goes on
    table = pd.read_csv(out, dtype=str)
    assert list(table.columns) == ["credit_code", "policy_id", "item_id", "status", "score", "reasons"]
    # the expired 2023 document offers nothing; the two others offer 1 + 3 items
    assert "cqf-inclusive-loan-2023" not in set(table["policy_id"])
    assert table.groupby("credit_code").size().unique().tolist() == [4]
    assert set(table["status"]) <= {"eligible", "ineligible", "unknown"}
    assert table["item_id"].str.fullmatch(r"[a-z0-9-]+#\d+").all()
    assert table["reasons"].str.contains(r"【[^】]+】").all()  # every reason quotes its clause


def test_reach_agrees_with_match(policies, tmp_path, capsys):
    match_out, reach_out = tmp_path / "m.csv", tmp_path / "r.csv"
    common = ["--policies", str(policies), "--enterprises", str(TABLE), "--as-of", AS_OF]
    assert main(["match", *common, "--out", str(match_out)]) == 0
    assert main(["reach", *common, "--out", str(reach_out)]) == 0
    capsys.readouterr()
    reach = pd.read_csv(reach_out).set_index("item_id").sort_index()
    assert list(reach.columns) == ["eligible", "unknown", "ineligible"]
    counts = (
        pd.read_csv(match_out).groupby("item_id")["status"].value_counts().unstack(fill_value=0)
        .reindex(columns=reach.columns, fill_value=0).sort_index()
    )
    pd.testing.assert_frame_equal(counts, reach, check_names=False, check_dtype=False)


def test_first_loan_verdicts_on_the_example_table(policies, tmp_path, capsys):
    out = tmp_path / "match.csv"
    main(["match", "--policies", str(policies), "--enterprises", str(TABLE), "--as-of", AS_OF,
          "--out", str(out)])
    capsys.readouterr()
    table = pd.read_csv(out, dtype=str)
    first = table[table["item_id"] == "cqf-first-loan-subsidy#1"].set_index("credit_code")
    # row 3 of the example: a small herbal firm in 城口县 without any bank loan, rated B
    assert first.loc["91500229MA5U4LAR0A", "status"] == "eligible"
    # row 2: a cured-meat firm that already has a bank loan
    assert first.loc["91500229MA5YQ3KD1U", "status"] == "ineligible"
    assert "不符合(failed)：此前无银行贷款记录" in first.loc["91500229MA5YQ3KD1U", "reasons"]


def test_nothing_readable_exits_non_zero(policies, tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_text("统一社会信用代码,企业名称\n", encoding="utf-8")
    code, _, err = _run(["reach", "--policies", str(policies), "--enterprises", str(empty)], capsys)
    assert code != 0
    assert err.strip()


def test_recommend_and_outreach_commands(policies, tmp_path, capsys):
    common = ["--policies", str(policies), "--enterprises", str(TABLE), "--as-of", AS_OF]
    code, out, _ = _run(["recommend", *common, "--enterprise", "91500229MA5U4LAR0A"], capsys)
    assert code == 0 and "[符合] 小微企业首贷贴息" in out and "✔ 符合" in out
    xlsx = tmp_path / "list.xlsx"
    code, _, err = _run(["outreach", *common, "--item", "cqf-first-loan-subsidy#1", "--out", str(xlsx)],
                        capsys)
    assert code == 0 and "符合" in err
    sheet = pd.read_excel(xlsx)
    assert sheet.loc[0, "统一社会信用代码"] == "91500229MA5U4LAR0A"
    assert sheet.loc[0, "匹配结果"] == "符合"


def test_installed_console_script_runs(policies, tmp_path):
    out = tmp_path / "reach.csv"
    script = Path(sys.executable).with_name("policy-match")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "recommender.cli"]
    done = subprocess.run(
        [*command, "reach", "--policies", str(policies), "--enterprises", str(TABLE), "--as-of",
         AS_OF, "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(pd.read_csv(out)) == 4


def test_a_bad_policy_file_is_reported_and_the_rest_are_matched(policies, tmp_path, capsys):
    folder = tmp_path / "mixed"
    shutil.copytree(policies, folder)
    (folder / "broken.md").write_text("---\ntitle: [unclosed\n---\n正文", encoding="utf-8")
    out = tmp_path / "reach.csv"
    code, _, err = _run(["reach", "--policies", str(folder), "--enterprises", str(TABLE),
                         "--as-of", AS_OF, "--out", str(out)], capsys)
    assert code == 0
    assert "broken.md: 已跳过" in err
    assert len(pd.read_csv(out)) == 4


def test_a_totals_row_is_reported_as_skipped(policies, tmp_path, capsys):
    table = tmp_path / "with_total.csv"
    text = TABLE.read_bytes().decode("gbk").rstrip("\n") + "\n合计,,,,,,,,,,,,,,,,,\n"
    table.write_bytes(text.encode("gbk"))
    code, _, err = _run(["reach", "--policies", str(policies), "--enterprises", str(table),
                         "--as-of", AS_OF], capsys)
    assert code == 0
    assert "合计" in err.splitlines()[-1] and err.splitlines()[-1].startswith("row ")
