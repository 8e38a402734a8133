from recommender.text.extract import extract_policy
from recommender.text.revisions import revised_only

REVISION = (
    "对《某区促进科技服务业发展若干政策》部分条款作如下修订。\n\n"
    "| 条款 | 原规定 | 修订后 |\n|---|---|---|\n"
    "| 第三条 入驻奖励 | 年营业收入达到300万元的，奖励10万元 | 上年度营业收入达到500万元的，奖励15万元 |\n"
    "| 第五条 租金补贴 | 按租金的30%给予补贴，最高20万元 | 删除 |\n"
    "| 第六条 合同奖励 | 按1%给予奖励 | 从业人员10人以上的企业，按成交额的百分之一给予奖励，最高50万元 |\n"
)


def test_a_revision_table_keeps_the_revised_wording_and_drops_deleted_clauses():
    text = revised_only(REVISION)
    assert "300万元" not in text and "租金补贴" not in text
    assert "| 第三条 入驻奖励 |  | 上年度营业收入达到500万元的，奖励15万元 |" in text
    assert revised_only("| 项目 | 内容 |\n|---|---|\n| 额度 | 300万元 |\n") == "| 项目 | 内容 |\n|---|---|\n| 额度 | 300万元 |\n"


def test_each_revised_clause_is_an_item_with_its_new_terms_only():
    entry, contract = extract_policy(REVISION, "rev", {"region_code": "120104", "title": "修订对照表"}).items
    assert (entry.name, contract.name) == ("第三条 入驻奖励", "第六条 合同奖励")
    assert ("ge", "revenue", 500) in {c.key() for c in entry.conditions}
    assert not any(c.key() == ("ge", "revenue", 300) for c in entry.conditions)
    assert ("ge", "employees", 10) in {c.key() for c in contract.conditions}
