from recommender.text.extract import extract_policy
from recommender.text.tab_tables import tab_tables

PASTED = (
    "某县奖补标准\n\n"
    "项目\t支持对象\t申报条件\t补助标准\n"
    "设备补助\t农副食品加工企业\t年主营业务收入500万元以上\t按投资额的20%补助，最高30万元\n"
    "认证奖励\t种植业企业\t当年新获得有机农产品认证\t每个产品奖励3万元\n\n"
    "注：申报主体须在本县注册。\n"
)


def test_rows_pasted_from_a_spreadsheet_become_a_pipe_table():
    lines = tab_tables(PASTED).split("\n")
    assert lines[2] == "| 项目 | 支持对象 | 申报条件 | 补助标准 |"
    assert lines[3] == "|---|---|---|---|"
    assert lines[5] == "| 认证奖励 | 种植业企业 | 当年新获得有机农产品认证 | 每个产品奖励3万元 |"
    assert lines[0] == "某县奖补标准" and lines[-2] == "注：申报主体须在本县注册。"


def test_a_lone_tabbed_line_or_rows_of_unequal_width_stay_as_they_are():
    text = "一、总则\t（试行）\n二、补助\n"
    assert tab_tables(text) == text
    uneven = "甲\t乙\n丙\t丁\t戊\n"
    assert tab_tables(uneven) == uneven


def test_each_pasted_row_is_an_item_with_its_own_conditions():
    items = extract_policy(PASTED, "tsv", {"region_code": "411528"}).items
    assert [i.name for i in items] == ["设备补助", "认证奖励"]
    assert ("ge", "revenue", 500) in {c.key() for c in items[0].conditions}
    assert not any(c.field == "revenue" for c in items[1].conditions)


def test_a_sheet_exported_with_full_width_bars_keeps_its_empty_cells_but_label_lines_stay_lines():
    sheet = "序号｜兑现事项｜兑现对象｜备注\n1｜设备补助｜制造业企业｜\n2｜认证奖励｜种植业企业｜预留\n"
    lines = tab_tables(sheet).split("\n")
    assert lines[:4] == ["| 序号 | 兑现事项 | 兑现对象 | 备注 |", "|---|---|---|---|",
                         "| 1 | 设备补助 | 制造业企业 |  |", "| 2 | 认证奖励 | 种植业企业 | 预留 |"]
    labels = "对象｜在本区注册的小微企业\n额度｜单户最高300万元\n期限｜最长2年\n"
    assert tab_tables(labels) == labels
    notes = "行号｜说明\n1｜从事房地产开发经营的企业不得申报。\n2｜逾期不予受理。\n"
    assert tab_tables(notes).split("\n")[2] == "| 1 | 从事房地产开发经营的企业不得申报。 |"
