"""Condition codes defined once in a table and cited by each support's row."""

from __future__ import annotations

from recommender.text.condition_codes import condition_codes
from recommender.text.extract import extract_policy

_WORKBOOK = """某区稳增长政策兑现工作表

工作表1：条件代码
代码｜条件内容｜核验单位
T1｜在本区依法登记注册｜区市场监管局
T2｜纳税信用等级为B级以上｜区税务局
T3｜未被列入失信被执行人名单｜区人民法院
T4｜属于制造业企业｜区工信局

工作表2：兑现事项
序号｜兑现事项｜适用条件代码｜专项条件｜兑现标准
1｜技术改造奖励｜T1、T2、T4｜设备投资500万元以上｜按设备投资额的8%给予奖励，最高100万元
2｜首贷贴息｜T1、T3｜首次获得银行贷款｜按实际支付利息的50%给予贴息，最高10万元

工作表3：填表说明
行号｜说明
1｜未列明的代码对该事项不作要求。
2｜从事房地产开发经营的企业不得申报本表任何事项。
"""

_TABLES = """| 代码 | 条件内容 |
|---|---|
| A1 | 在本区注册 |
| A2 | 小微企业 |

| 序号 | 事项 | 适用条件代码 |
|---|---|---|
| 1 | 贴息 | A1、A2 |
| 2 | 奖励 | A1、A9 |
"""


def test_a_citing_cell_is_written_out_and_the_code_table_blanked() -> None:
    lines = condition_codes(_TABLES).split("\n")
    assert "| 1 | 贴息 | 在本区注册；小微企业 |" in lines
    assert "| 2 | 奖励 | A1、A9 |" in lines  # a code the table does not define: the cell is left as written
    assert not any("A2 |" in line for line in lines)


def test_each_support_gets_exactly_the_conditions_its_codes_cite() -> None:
    policy = extract_policy(_WORKBOOK, "workbook", {"region_code": "520303"})
    assert [item.name for item in policy.items] == ["技术改造奖励", "首贷贴息"]
    first, second = ({c.field for c in item.conditions} for item in policy.items)
    assert {"region_code", "tax_credit", "industry"} <= first and "dishonest" not in first
    assert {"region_code", "dishonest", "has_bank_loan"} <= second and "tax_credit" not in second
    for item in policy.items:  # the sheet-wide note binds every support
        assert any(c.field == "industry" and c.op == "not_in" and "K7010" in c.value for c in item.conditions)
