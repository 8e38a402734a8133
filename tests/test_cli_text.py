"""The ``extract`` and ``validate`` commands through the real ``policy-match`` entry point."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from recommender import cli
from recommender.rules.reviewed import load_reviewed, validate_rules_file

ROOT = Path(__file__).parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "rules"

NEW_DOC = """---
title: 城口县支持科技型小微企业发展的若干措施
issuer: 城口县科学技术局
region_code: "500229"
published: 2025-01-10
valid_until: 2027-12-31
---
一、支持对象
在本县注册登记、纳税信用等级为B级以上的小型、微型企业。

二、支持内容
（一）研发补助。对上年度研发费用不低于50万元的高新技术企业或科技型中小企业，按研发费用的10%给予补助，最高不超过20万元。
（二）首贷贴息。对首次获得银行贷款的企业，按实际支付利息的50%给予贴息，贷款金额不超过500万元，贴息期限不超过1年。

三、本措施自2025年1月10日起施行，有效期至2027年12月31日。
"""


@pytest.fixture(autouse=True)
def only_text_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the real entry point with this area's subcommands only."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("recommender.text.commands",))


def test_extract_json_has_every_key_of_contract_section_6(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "cq-tech-sme.md"
    doc.write_text(NEW_DOC, encoding="utf-8")
    assert cli.main(["extract", str(doc), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["policy_id"] == "cq-tech-sme"
    assert data["title"] == "城口县支持科技型小微企业发展的若干措施"
    assert data["region_code"] == "500229"
    assert data["valid_until"] == "2027-12-31"
    assert "valid_from" in data
    assert data["items"], "the document offers two support items"
    for n, item in enumerate(data["items"], 1):
        assert {"item_id", "kind", "name", "conditions", "benefits"} <= set(item)
        assert item["item_id"] == f"cq-tech-sme#{n}"
        assert item["kind"] in ("credit", "incentive")
        for cond in item["conditions"]:
            assert "any_of" in cond or cond["op"] == "unknown" or {"field", "op", "value"} <= set(cond)
            assert "text" in cond
        for benefit in item["benefits"]:
            assert {"text", "amount", "unit"} <= set(benefit)


def test_extract_yaml_is_a_draft_rule_file_that_loads_and_validates(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "cq-tech-sme.md"
    doc.write_text(NEW_DOC, encoding="utf-8")
    assert cli.main(["extract", str(doc)]) == 0
    draft = capsys.readouterr().out
    assert draft.startswith("# 城口县支持科技型小微企业发展的若干措施\n")
    assert "reviewed: false" in draft
    (tmp_path / "cq-tech-sme.yaml").write_text(draft, encoding="utf-8")
    assert validate_rules_file(tmp_path / "cq-tech-sme.yaml") == []
    data = load_reviewed(tmp_path / "cq-tech-sme.yaml")
    assert data["policy_id"] == "cq-tech-sme" and data["reviewed"] is False
    assert [i["item_id"] for i in data["items"]] == [
        f"cq-tech-sme#{n}" for n in range(1, len(data["items"]) + 1)
    ]


def test_extract_of_a_missing_file_is_a_chinese_error(tmp_path: Path, capsys) -> None:
    assert cli.main(["extract", str(tmp_path / "none.md")]) == 2
    assert "找不到文件" in capsys.readouterr().err


def test_extract_of_bad_front_matter_prints_its_code(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "bad.md"
    doc.write_text("---\ntitle: [未闭合\n---\n正文\n", encoding="utf-8")
    assert cli.main(["extract", str(doc)]) == 2
    assert "错误 D103" in capsys.readouterr().err


def test_validate_prints_file_code_and_message_for_each_error(capsys) -> None:
    broken = sorted(FIXTURES.glob("R*.yaml"))
    assert cli.main(["validate", str(FIXTURES)]) == 1
    lines = capsys.readouterr().out.splitlines()
    errors, summary = lines[:-1], lines[-1]
    assert len(errors) == len(broken)
    for line, path in zip(errors, broken, strict=True):
        assert line.startswith(f"{path}:{path.name.split('-')[0]} ")
    assert summary == f"共检查 {len(broken)} 个规则文件，发现 {len(broken)} 处错误。"


def test_validate_of_clean_files_exits_zero_with_a_summary(tmp_path: Path, capsys) -> None:
    shutil.copy(FIXTURES / "R218-duplicate-key.md", tmp_path / "good.md")
    text = (FIXTURES / "R218-duplicate-key.yaml").read_text(encoding="utf-8")
    text = text.replace("R218-duplicate-key", "good").replace("    name: 首贷贴息补助\n", "")
    (tmp_path / "good.yaml").write_text(text, encoding="utf-8")
    assert cli.main(["validate", str(tmp_path / "good.yaml")]) == 0
    assert capsys.readouterr().out == "共检查 1 个规则文件，未发现错误。\n"


def test_validate_without_paths_checks_the_bundled_corpus(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(ROOT)
    status = cli.main(["validate"])
    out = capsys.readouterr().out
    assert status == 0, out
    assert out.startswith("共检查 ") and out.endswith("个规则文件，未发现错误。\n")
    assert int(out.split()[1]) == len(list((ROOT / "policies").glob("*.yaml")))
