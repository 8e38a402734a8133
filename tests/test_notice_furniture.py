from recommender.text.extract import extract_policy
from recommender.text.notice_furniture import notice_furniture

NOTICE = (
    "关于组织申报2025年度科技专项资金的通知\n\n"
    "现组织申报，支持事项见附件1，申报条件见附件2。\n\n"
    "附件：1. 支持事项\n"
    "　　　2. 申报条件\n\n"
    "某市科学技术局 某市财政局\n"
    "2025年4月21日\n\n"
    "## 附件1：支持事项\n\n"
    "1. 研发投入奖励：按研发费用增量的10%给予奖励，最高50万元。\n\n"
    "2. 技术合同奖励：按技术合同成交额的2%给予奖励，最高20万元。\n\n"
    "## 附件2：申报条件\n\n"
    "所有事项均须满足：在本市注册；纳税信用等级不是D级。\n\n"
    "申报“研发投入奖励”的，须满足：上年度研发费用不低于200万元；已享受研发费用加计扣除。\n\n"
    "申报“技术合同奖励”的，须满足：属于高新技术企业；上年度技术合同成交额累计100万元以上。\n"
)


def test_the_annex_list_is_one_line_and_the_issuers_line_is_blank():
    out = notice_furniture(NOTICE)
    assert len(out) == len(NOTICE)
    assert "附件：1. 支持事项 　　　2. 申报条件\n" in out
    assert "某市科学技术局" not in out and "2025年4月21日" in out
    assert notice_furniture("某市财政局\n负责资金拨付。\n") == "某市财政局\n负责资金拨付。\n"


def test_annex_titles_and_the_signature_give_no_item_and_no_requirement():
    items = extract_policy(NOTICE, "furniture", {"region_code": "441800"}).items
    assert [i.name for i in items] == ["研发投入奖励", "技术合同奖励"]
    texts = [c.text for i in items for c in i.conditions]
    assert not any("科学技术局" in t or "申报条件" in t for t in texts), texts


def test_a_named_support_binds_every_requirement_of_its_colon_list():
    first, second = extract_policy(NOTICE, "furniture", {"region_code": "441800"}).items
    own = {c.text for c in first.conditions}
    assert "已享受研发费用加计扣除" in own and ("ge", "rd_expense", 200) in {c.key() for c in first.conditions}
    assert not any("研发" in c.text for c in second.conditions)
    assert "上年度技术合同成交额累计100万元以上" in {c.text for c in second.conditions}
    assert ("has", "qualifications", "高新技术企业") in {c.key() for c in second.conditions}
    assert ("not_in", "tax_credit", ("D",)) in {c.key() for c in second.conditions}
