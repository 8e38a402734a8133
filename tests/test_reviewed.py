"""Reviewed rule files: coded errors on broken fixtures, merging with front matter, YAML round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.errors import RuleError
from recommender.rules.corpus import load_corpus, load_policy
from recommender.rules.reviewed import (
    load_reviewed,
    policy_from_files,
    validate_rules_file,
)
from recommender.rules.rules_yaml import dump_policy_yaml
from recommender.rules.schema import Benefit, Condition, Policy, SupportItem
from recommender.text.loaders import load_document

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
BROKEN = sorted(FIXTURES.glob("R*.yaml"))
# Codes found only when the rule file is merged with its document, which load_reviewed does not read.
MERGE_CODES = {"R121", "R215", "R216", "R217"}

DOC = """---
title: 城口县小微企业首贷贴息办法
issuer: 城口县财政局
doc_number: 城财发〔2024〕5号
region_code: "500229"
published: 2024-03-01
valid_from: 2024-04-01
valid_until: 2026-12-31
sources:
  - 财政部 税务总局公告2023年第12号
---
第一条 为支持小微企业首次获得贷款，制定本办法。
"""

RULES = """policy_id: cq-loan
reviewed: true
valid_until: 2025-12-31
items:
  - item_id: cq-loan#1
    kind: credit
    name: 首贷贴息
    clause: 第三条
    conditions:
      - {field: region_code, op: within, value: "500229", clause: 第二条, text: 在本县注册登记}
      - any_of:
          - {field: qualifications, op: has, value: 高新技术企业, text: 高新技术企业}
          - {field: qualifications, op: has, value: 科技型中小企业, text: 科技型中小企业}
        clause: 第二条第（三）项
        text: 高新技术企业或科技型中小企业
      - {op: unknown, clause: 第二条第（四）项, text: 拥有核心自主知识产权}
    assumed: [依法注册登记]
    benefits:
      - {text: 单户贴息最高不超过10万元, amount: 10, unit: 万元, kind: cap}
"""


def test_every_rule_code_has_a_broken_fixture() -> None:
    assert len(BROKEN) >= 30
    assert {p.name.split("-")[0] for p in BROKEN} >= {f"R2{n:02d}" for n in range(19)}


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_fixture_reports_exactly_its_own_code(path: Path) -> None:
    expected = path.name.split("-")[0]
    errors = validate_rules_file(path)
    assert [e.code for e in errors] == [expected], [e.message for e in errors]
    assert all(e.message and not e.message.isascii() for e in errors)
    if expected not in MERGE_CODES:
        with pytest.raises(RuleError) as info:
            load_reviewed(path)
        assert info.value.code == expected
        assert path.name in info.value.message


def test_syntax_errors_and_condition_errors_name_their_line() -> None:
    (syntax,) = validate_rules_file(FIXTURES / "R201-syntax.yaml")
    assert syntax.message.startswith("第5行")
    (field,) = validate_rules_file(FIXTURES / "R102-unknown-field.yaml")
    assert field.message.startswith("第8行") and "turnover" in field.message


def test_every_error_of_a_file_is_collected(tmp_path: Path) -> None:
    (tmp_path / "many.md").write_text(DOC, encoding="utf-8")
    text = RULES.replace("cq-loan", "many").replace("value: 高新技术企业", "value: 高企")
    text = text.replace('value: "500229"', 'value: "5002"').replace("kind: credit", "kind: loan")
    (tmp_path / "many.yaml").write_text(text, encoding="utf-8")
    codes = sorted(e.code for e in validate_rules_file(tmp_path / "many.yaml"))
    assert codes == ["R111", "R210", "R212"]


def test_reviewed_rules_merge_with_front_matter_and_override_validity(tmp_path: Path) -> None:
    (tmp_path / "cq-loan.md").write_text(DOC, encoding="utf-8")
    (tmp_path / "cq-loan.yaml").write_text(RULES, encoding="utf-8")
    assert validate_rules_file(tmp_path / "cq-loan.yaml") == []
    policy = policy_from_files(load_document(tmp_path / "cq-loan.md"), tmp_path / "cq-loan.yaml")
    assert policy.reviewed is True
    assert policy.title == "城口县小微企业首贷贴息办法"
    assert (policy.issuer, policy.doc_number) == ("城口县财政局", "城财发〔2024〕5号")
    assert policy.region_code == "500229"
    assert (policy.published, policy.valid_from, policy.valid_until) == (
        "2024-03-01",
        "2024-04-01",
        "2025-12-31",
    )
    assert policy.sources == ("财政部 税务总局公告2023年第12号",)
    assert policy.text.startswith("第一条")
    (item,) = policy.items
    assert item.item_id == "cq-loan#1" and item.kind == "credit" and item.assumed == ("依法注册登记",)
    region, either, unknown = item.conditions
    assert region.key() == ("within", "region_code", "500229") and region.clause == "第二条"
    assert either.op == "any_of" and {c.value for c in either.any_of} == {"高新技术企业", "科技型中小企业"}
    assert unknown.op == "unknown" and unknown.text == "拥有核心自主知识产权"
    assert item.benefits == (Benefit("单户贴息最高不超过10万元", 10.0, "万元", "cap"),)


def test_rule_file_for_another_document_is_refused(tmp_path: Path) -> None:
    (tmp_path / "cq-loan.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "other.md").write_text(DOC, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        policy_from_files(load_document(tmp_path / "other.md"), tmp_path / "cq-loan.yaml")
    assert info.value.code == "R205"


def _policy(texts: list[str]) -> Policy:
    conditions = [
        Condition("within", "region_code", "500229", text=texts[0], clause="第二条"),
        Condition("in", "size", ["小型", "微型"], text=texts[1], clause="第二条第（一）项"),
        Condition("eq", "has_bank_loan", False, text=texts[2], confidence=0.8),
        Condition("le", "revenue", 2000, text=texts[3]),
        Condition("ge", "established", "2021-01-01", text=texts[0]),
        Condition("not_in", "industry", ["K", "J66"], text=texts[1]),
        Condition(
            "any_of",
            any_of=(
                Condition("has", "qualifications", "高新技术企业", text="高新技术企业"),
                Condition("in", "tax_credit", ["A", "B"], text=texts[2]),
            ),
            text=texts[3],
            clause="第二条第（三）项",
        ),
        Condition("unknown", text=texts[0] or "拥有核心自主知识产权", clause="第二条第（四）项"),
    ]
    item = SupportItem(
        item_id="cq-draft#1",
        kind="credit",
        name=texts[1] or "首贷贴息",
        conditions=tuple(conditions),
        benefits=(Benefit(texts[2] or "贴息", 0.5, "比例", "rate"), Benefit("期限一年")),
        assumed=("依法注册登记",),
        industries=("C13",),
        clause="第三条",
    )
    second = SupportItem(item_id="cq-draft#2", kind="incentive", name="稳岗返还")
    return Policy(
        policy_id="cq-draft",
        title="城口县首贷贴息办法",
        items=(item, second),
        valid_from="2024-04-01",
    )


def _round_trip(tmp_path: Path, policy: Policy) -> Policy:
    (tmp_path / "cq-draft.md").write_text(DOC, encoding="utf-8")
    (tmp_path / "cq-draft.yaml").write_text(dump_policy_yaml(policy), encoding="utf-8")
    assert validate_rules_file(tmp_path / "cq-draft.yaml") == []
    return policy_from_files(load_document(tmp_path / "cq-draft.md"), tmp_path / "cq-draft.yaml")


def test_dumped_yaml_is_readable_chinese_with_short_conditions_on_one_line(tmp_path: Path) -> None:
    policy = _policy(["在本县注册登记", "小微企业", "首次获得银行贷款", "营业收入不超过2000万元"])
    text = dump_policy_yaml(policy)
    assert "\\u" not in text and "首次获得银行贷款" in text
    assert "- {field: size, op: in, value: [小型, 微型], clause: 第二条第（一）项, text: 小微企业}" in text
    assert "value: '500229'" in text or 'value: "500229"' in text
    assert text.startswith("# 城口县首贷贴息办法\n# 由 policy-match extract 生成的草稿")
    assert "reviewed: false" in text
    back = _round_trip(tmp_path, policy)
    assert back.items == policy.items
    assert back.reviewed is False
    assert back.valid_from == "2024-04-01"


_TRICKY = st.text(alphabet="企业贷款，,：:#{}[]'\"-&*!|>%@` 　万元1０", max_size=20)


@settings(max_examples=30, deadline=None)
@given(st.lists(_TRICKY, min_size=4, max_size=4))
def test_any_condition_text_survives_the_yaml_round_trip(tmp_path_factory, texts: list[str]) -> None:
    texts = [t.strip() for t in texts]
    policy = _policy(texts)
    back = _round_trip(tmp_path_factory.mktemp("rt"), policy)
    assert back.items == policy.items


def test_corpus_prefers_reviewed_rules_and_can_leave_unreviewed_documents_out(tmp_path: Path) -> None:
    (tmp_path / "cq-loan.md").write_text(DOC, encoding="utf-8")
    (tmp_path / "cq-loan.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "draft.md").write_text(
        "---\ntitle: 关于支持小微企业的通知\n---\n一、对纳税信用等级为A级的小型微利企业，给予一次性奖励5万元。\n",
        encoding="utf-8",
    )
    reviewed_only = load_corpus(tmp_path, extract_missing=False)
    assert [(p.policy_id, p.reviewed) for p in reviewed_only] == [("cq-loan", True)]
    everything = load_corpus(tmp_path)
    assert [(p.policy_id, p.reviewed) for p in everything] == [("cq-loan", True), ("draft", False)]
    assert everything[1].title == "关于支持小微企业的通知"
    assert load_policy(tmp_path / "cq-loan.md") == reviewed_only[0]


CASES = """policy_id: cq-loan
cases:
  - name: 县内高新技术企业首贷贴息待确认知识产权
    item: cq-loan#1
    profile: {region_code: "500229", qualifications: 高新技术企业}
    expect: unknown
  - name: 外县企业被误判为符合
    item: cq-loan#1
    profile: {region_code: "500101", qualifications: 高新技术企业}
    expect: eligible
  - name: 外县企业不符合且地区条件不满足
    item: cq-loan#1
    as_of: 2025-01-01
    profile: {region_code: "500101"}
    expect: ineligible
    failed: [region_code]
  - name: 有效期满后不再提供
    item: cq-loan#1
    as_of: 2026-01-01
    profile: {region_code: "500229", qualifications: 高新技术企业}
    expect: ineligible
  - name: 引用不存在的项目
    item: cq-loan#9
    profile: {region_code: "500229"}
    expect: unknown
"""


def test_case_files_become_one_named_test_per_case_and_failures_show_the_trace(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "cq-loan.md").write_text(DOC, encoding="utf-8")
    (tmp_path / "cq-loan.yaml").write_text(RULES, encoding="utf-8")
    tests = tmp_path / "tests"
    tests.mkdir()
    conftest = Path(__file__).parents[1] / "policies" / "tests" / "conftest.py"
    (tests / "conftest.py").write_text(conftest.read_text(encoding="utf-8"), encoding="utf-8")
    (tests / "cq-loan.yaml").write_text(CASES, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", str(tests)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = run.stdout
    assert run.returncode == 1, out
    assert "PASSED tests/cq-loan.yaml::用例中的项目编号都存在" not in out
    assert "FAILED tests/cq-loan.yaml::用例中的项目编号都存在" in out and "cq-loan#9" in out
    assert "PASSED tests/cq-loan.yaml::县内高新技术企业首贷贴息待确认知识产权" in out
    assert "PASSED tests/cq-loan.yaml::外县企业不符合且地区条件不满足" in out
    assert "PASSED tests/cq-loan.yaml::有效期满后不再提供" in out
    assert "FAILED tests/cq-loan.yaml::外县企业被误判为符合" in out
    assert "期望“符合”（eligible），实际“不符合”（ineligible）" in out
    assert "拥有核心自主知识产权" in out and "500101" in out  # the trace is printed
    assert "FAILED tests/cq-loan.yaml::引用不存在的项目" in out
    assert "5 passed" not in out and "3 passed" in out


def test_a_failed_branch_of_a_held_or_group_is_not_a_reason_for_failing(tmp_path: Path) -> None:
    from recommender.rules.casetests import CaseFailure, run_cases

    (tmp_path / "cq-loan.md").write_text(DOC, encoding="utf-8")
    (tmp_path / "cq-loan.yaml").write_text(RULES, encoding="utf-8")
    policy = policy_from_files(load_document(tmp_path / "cq-loan.md"), tmp_path / "cq-loan.yaml")
    cases = [
        {"item": "cq-loan#1", "profile": {"region_code": "500101", "qualifications": "高新技术企业"}},
        {"item": "cq-loan#1", "profile": {"region_code": "500101", "qualifications": "创新型中小企业"}},
        {"item": "cq-loan#1", "profile": {"region_code": "5001"}},
        {"item": "cq-loan#1", "as_of": "2026-01-01", "profile": {"region_code": "500229"}},
    ]
    held_group, failed_group, bad_profile, expired = run_cases(policy, cases)
    assert (held_group.status, held_group.failed) == ("ineligible", {"region_code"})
    table = held_group.trace
    assert set(table.loc[table["result"] == "failed", "field"]) == {"region_code", "qualifications"}
    assert (failed_group.status, failed_group.failed) == ("ineligible", {"region_code", "qualifications"})
    assert isinstance(bad_profile, CaseFailure) and "行政区划代码" in bad_profile.message
    assert expired.status == "ineligible" and expired.failed == set()
