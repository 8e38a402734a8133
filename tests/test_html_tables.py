"""HTML tables pasted from web pages are read like Markdown tables."""

from recommender.text.extract import extract_policy
from recommender.text.html_tables import pipe_tables

PAGE = """某区关于开展技术改造奖励申报的通知

一、申报主体

申报企业须为在本区注册的工业企业。

二、奖励类别与标准

<table border="1">
<tr><th>类别</th><th>申报条件</th><th>奖励标准</th></tr>
<tr><td>一类：智能化改造项目</td><td>设备投资额不低于1000万元</td><td>按设备投资额的8%给予奖励，最高300万元</td></tr>
<tr><td>二类：小微企业设备更新项目</td><td>小型、微型企业，上年度营业收入不超过两千万元</td><td>按设备投资额的6%给予奖励，最高30万元</td></tr>
</table>
"""


def test_each_row_of_an_html_table_is_read_as_a_row_of_a_pipe_table():
    lines = pipe_tables(PAGE).splitlines()
    at = lines.index("| 类别 | 申报条件 | 奖励标准 |")
    assert lines[at + 1] == "|---|---|---|"
    assert lines[at + 2] == "| 一类：智能化改造项目 | 设备投资额不低于1000万元 | 按设备投资额的8%给予奖励，最高300万元 |"
    assert not any("<" in line for line in lines)
    assert lines[:at] == PAGE.splitlines()[:at]  # the prose around the table is left as it was


def test_merged_cells_hold_for_every_place_they_cover_and_entities_are_decoded():
    table = ("<TABLE><tr><td>主体</td><td colspan='2'>贴息</td></tr>"
             "<tr><td rowspan=\"2\">家庭农场</td><td>1年期</td><td>50%</td></tr>"
             "<tr><td>3年期<br>以内</td><td>R&amp;D 30%</td></tr></TABLE>")
    assert pipe_tables(table).splitlines() == [
        "| 主体 | 贴息 | 贴息 |", "|---|---|---|", "| 家庭农场 | 1年期 | 50% |", "| 家庭农场 | 3年期 以内 | R&D 30% |"]


def test_rows_of_an_html_table_become_items_with_their_own_conditions():
    items = extract_policy(PAGE, "html", {"region_code": "430211"}).items
    assert len(items) == 2
    first, second = ({(c.field, c.op): c.value for c in i.conditions} for i in items)
    assert ("size", "in") not in first and second[("size", "in")] == ("小型", "微型")
    assert second[("revenue", "le")] == 2000 and first[("region_code", "within")] == "430211"
    assert [b.amount for b in items[1].benefits if b.unit == "万元"] == [30]
