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
        "| 主体 | 贴息 | 贴息 |", "|---|---|---|", "| 家庭农场 | 1年期 | 50% |", "| 家庭农场 | 3年期以内 | R&D 30% |"]


def test_rows_of_an_html_table_become_items_with_their_own_conditions():
    items = extract_policy(PAGE, "html", {"region_code": "430211"}).items
    assert len(items) == 2
    first, second = ({(c.field, c.op): c.value for c in i.conditions} for i in items)
    assert ("size", "in") not in first and second[("size", "in")] == ("小型", "微型")
    assert second[("revenue", "le")] == 2000 and first[("region_code", "within")] == "430211"
    assert [b.amount for b in items[1].benefits if b.unit == "万元"] == [30]


def test_line_breaks_in_a_cell_part_its_phrases_and_elsewhere_end_a_line():
    from recommender.text.html_tables import pipe_tables

    assert pipe_tables("| 甲 | 收入2000万元以上<br>纳税信用A级<br/>未退库 | 奖励。<BR>限一次 |") == \
        "| 甲 | 收入2000万元以上；纳税信用A级；未退库 | 奖励。限一次 |"
    assert pipe_tables("第一行<br>第二行") == "第一行\n第二行"
    assert "| 在本市注册；纳税信用A级 |" in pipe_tables(
        "<table><tr><td>条件</td></tr><tr><td>在本市注册<br>纳税信用A级</td></tr></table>")


def test_conditions_parted_by_line_breaks_in_a_cell_are_read_one_by_one():
    text = ("| 政策名称 | 申报条件 | 支持标准 |\n|---|---|---|\n"
            "| 升规奖励 | 上年度主营业务收入2000万元以上（含）<br>纳税信用等级为A级、B级或M级<br>纳入统计后未发生退库 | 奖励10万元 |\n"
            "| 社保补贴 | 从业人员200人以下的小型、微型企业<br>按月足额为其缴纳社会保险费 | 按缴费额补贴 |\n")
    first, second = extract_policy(text, "br", {"region_code": "140500"}).items
    assert ("ge", "revenue", 2000) in {c.key() for c in first.conditions}
    assert "纳入统计后未发生退库" in {c.text for c in first.conditions}
    assert "按月足额为其缴纳社会保险费" in {c.text for c in second.conditions}
