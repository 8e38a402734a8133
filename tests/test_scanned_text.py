"""A scanned or PDF-copied text: wrapped lines joined back (wrapped_lines) and OCR slips put right (ocr_repairs)."""

from __future__ import annotations

from recommender.text.extract import extract_policy
from recommender.text.ocr_repairs import ocr_repaired
from recommender.text.wrapped_lines import unwrapped

# A notice as a scan reads it: paragraphs indented, lines broken at the page width in mid-word, a page mark.
_SCANNED = """某 某 县 人 民 政 府 办 公 室 文 件

    为支持茶叶产业发展，推动茶叶加工企业提档升级，结合本
县实际，制定如下措施。
    一、适用范围。本措施适用于在本县依法登记注册、具有
独立法人资格的茶叶加工企业。申报企业纳税信用等级须为 B
级以上(含 B 级),未被列人失信被执行人名单，近两年内末
发生重大食品安全事故。
    二、支持加工设备更新。对企业上年度购置茶叶加工设备投
资额达到 200 万元以上的，按投资额的 10%给予补助，单户
最高补助 50 万元。己享受市级设备补助的项目不重复补助。

                            - 2 -

    三、支持品牌建设。对企业新获得中国驰名商标的，一次性
奖励 30 万元。申报本条的企业上年度营业收入须达到 1000
万元以上。
    四、本措施自印发之日起施行，由县农业农村局负责解释。
"""


def test_a_scanned_notice_is_joined_into_its_paragraphs_without_its_page_mark() -> None:
    lines = [ln.strip() for ln in unwrapped(_SCANNED).splitlines() if ln.strip()]
    assert "- 2 -" not in lines
    assert any(ln.startswith("一、适用范围") and ln.endswith("近两年内末发生重大食品安全事故。") for ln in lines)
    assert any(ln.startswith("二、支持加工设备更新") and "己享受市级设备补助的项目不重复补助。" in ln for ln in lines)
    # a deeper-indented line starts a paragraph of its own, it is not the tail of the one before
    assert sum(ln.startswith(("一、", "二、", "三、", "四、")) for ln in lines) == 4


def test_a_list_of_one_line_entries_keeps_its_lines() -> None:
    entries = [f"{n}号地块：茶园面积{n}0亩，种植品种为福鼎大白茶，管护主体为村集体经济组织" for n in range(1, 13)]
    assert unwrapped("\n".join(entries)) == "\n".join(entries)


def test_ocr_spaces_western_punctuation_and_misreads_are_put_right() -> None:
    fixed = ocr_repaired("纳税信用等级须为 B 级以上(含 B 级),未被列人失信被执行人名单，近两年内末发生事故，己享受补助")
    assert fixed == "纳税信用等级须为B级以上（含B级），未被列入失信被执行人名单，近两年内未发生事故，已享受补助"
    assert ocr_repaired("某 某 县 人 民 政 府") == "某某县人民政府"


def test_ocr_repairs_leave_what_is_written_right_alone() -> None:
    kept = ("1.1 总则\n序号    项目名称    补助标准\n1       设备补助    50 万元\n"
            "营业收入5,000万元，比例1:2，年末发生额，自己承担，列入名录，2025 年\n")
    assert ocr_repaired(kept) == kept


def test_a_scanned_notice_yields_its_conditions_whole() -> None:
    policy = extract_policy(_SCANNED, "scan", {"region_code": "500229"})
    assert [item.name for item in policy.items] == ["支持加工设备更新", "支持品牌建设"]
    first = policy.items[0].conditions
    assert any(c.field == "tax_credit" and "B" in c.value and "C" not in c.value for c in first)
    assert any(c.field == "dishonest" and c.value is False for c in first)
    assert any(c.op == "unknown" and "未发生重大食品安全事故" in c.text for c in first)
    second = policy.items[1].conditions
    assert any(c.field == "revenue" and c.op == "ge" and c.value == 1000 for c in second)
