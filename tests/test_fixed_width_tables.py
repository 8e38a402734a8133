"""Space-aligned tables (a spreadsheet saved as formatted text) read as pipe tables."""

from __future__ import annotations

from recommender.text.extract import extract_policy
from recommender.text.fixed_width_tables import fixed_width_tables

_LIST = """某县2025年惠企政策兑现清单

序号  兑现事项          兑现对象                兑现条件                          兑现标准
----  ----------------  ----------------------  --------------------------------  ------------------------------
1     研发投入奖励      高新技术企业            上年度研发费用500万元以上；       按研发费用的5%给予奖励，最高
                                                近三年未发生安全生产事故          50万元
2     首贷贴息          小型、微型企业          此前未获得过银行贷款              按实际支付利息的50%给予贴息，
                        （含个体工商户）                                          最高10万元
3     政策辅导          全县中小微企业          无                                免费上门辅导

说明：兑现对象须在本县登记注册，纳税信用等级为B级及以上。
"""


def test_a_space_aligned_table_with_wrapped_cells_becomes_one_pipe_row_per_entry() -> None:
    lines = fixed_width_tables(_LIST).splitlines()
    assert "| 序号 | 兑现事项 | 兑现对象 | 兑现条件 | 兑现标准 |" in lines
    assert ("| 1 | 研发投入奖励 | 高新技术企业 | 上年度研发费用500万元以上；近三年未发生安全生产事故 "
            "| 按研发费用的5%给予奖励，最高50万元 |") in lines
    assert "| 2 | 首贷贴息 | 小型、微型企业（含个体工商户） | 此前未获得过银行贷款 | 按实际支付利息的50%给予贴息，最高10万元 |" in lines
    assert lines[-1] == "说明：兑现对象须在本县登记注册，纳税信用等级为B级及以上。"


def test_aligned_rows_without_a_dash_rule_are_a_table_too() -> None:
    text = "项目      对象          标准\n技改奖励  制造业企业    最高50万元\n贷款贴息  小微企业      最高10万元\n"
    assert fixed_width_tables(text).splitlines()[2] == "| 技改奖励 | 制造业企业 | 最高50万元 |"


def test_text_with_wide_gaps_that_is_no_table_is_left_alone() -> None:
    text = "某县人民政府办公室          2025年4月18日印发\n    抄送：县委办公室，县人大常委会办公室。\n"
    assert fixed_width_tables(text) == text


def test_each_entry_gets_its_own_row_and_a_free_service_row_binds_no_entry() -> None:
    policy = extract_policy(_LIST, "list", {"region_code": "500229"})
    assert [item.name for item in policy.items] == ["研发投入奖励", "首贷贴息"]
    first, second = (item.conditions for item in policy.items)
    assert any(c.field == "qualifications" and c.value == "高新技术企业" for c in first)
    assert not any(c.field == "qualifications" for c in second)
    assert any(c.field == "has_bank_loan" and c.value is False for c in second)
    assert not any(c.field == "size" and "中型" in c.value for c in first)  # 全县中小微企业 is the service row's own
