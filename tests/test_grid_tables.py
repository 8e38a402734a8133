from recommender.text.extract import extract_policy
from recommender.text.grid_tables import grid_tables

ASCII = (
    "某市专项资金支持事项\n\n"
    "+----+--------------+--------------------------+----------------+\n"
    "| 序号 | 事项       | 申报条件                 | 标准           |\n"
    "+====+==============+==========================+================+\n"
    "| 1  | 设计中心奖励 | 新认定为省级工业设计中心 | 奖励30万元     |\n"
    "|    |              | 的制造业企业             |                |\n"
    "+----+--------------+--------------------------+----------------+\n"
    "| 2  | 上云补助     | 中小企业；年度云服务支出 | 补助30%，最高  |\n"
    "|    |              | 不低于5万元              | 10万元         |\n"
    "+----+--------------+--------------------------+----------------+\n"
)
BOXED = (
    "┌──┬────┬──────┐\n"
    "│序号│项目│条件│\n"
    "├──┼────┼──────┤\n"
    "│1│贷款贴息│年营业收入2000万元以下的小微企业│\n"
    "├──┼────┼──────┤\n"
    "│2│首贷奖励│首次获得银行贷款│\n"
    "└──┴────┴──────┘\n"
)


def test_a_wrapped_row_of_an_ascii_grid_becomes_one_pipe_row():
    lines = grid_tables(ASCII).split("\n")
    assert lines[2] == "| 序号 | 事项 | 申报条件 | 标准 |" and lines[3] == "|---|---|---|---|"
    assert lines[4] == "| 1 | 设计中心奖励 | 新认定为省级工业设计中心的制造业企业 | 奖励30万元 |"
    assert lines[5] == "| 2 | 上云补助 | 中小企业；年度云服务支出不低于5万元 | 补助30%，最高10万元 |"
    assert len(lines) == 7 and lines[0] == "某市专项资金支持事项"


def test_a_box_drawn_table_is_read_the_same_way():
    lines = grid_tables(BOXED).split("\n")
    assert lines[:2] == ["| 序号 | 项目 | 条件 |", "|---|---|---|"]
    assert lines[3] == "| 2 | 首贷奖励 | 首次获得银行贷款 |"


def test_a_grid_whose_rows_do_not_fit_its_border_is_left_alone():
    broken = "+----+----+\n| a | b | c |\n| d | e | f |\n+----+----+\n"
    assert grid_tables(broken) == broken
    assert grid_tables("甲方+-乙方\n") == "甲方+-乙方\n"


def test_each_grid_row_is_an_item_with_its_own_conditions():
    items = extract_policy(ASCII, "grid", {"region_code": "341000"}).items
    assert [i.name for i in items] == ["设计中心奖励", "上云补助"]
    assert ("in", "industry", ("C",)) in {c.key() for c in items[0].conditions}
    assert not any(c.field == "industry" for c in items[1].conditions)
    assert any(c.field == "size" for c in items[1].conditions)
