from recommender.text.extract import extract_policy
from recommender.text.linear_tables import linear_tables

COPIED = (
    "附件\n支持项目表\n"
    "序号 项目名称 支持对象 支持标准\n"
    "1\n研发奖励\n上年度研发费用500万元以上的高新技术企业\n奖励40万元\n"
    "2\n担保费补贴\n区内中小微企业\n按担保费的50%补贴，最高20万元\n"
    "\n以上事项由区财政局负责兑付。\n"
)


def test_cells_copied_one_per_line_under_a_numbered_header_become_a_pipe_table():
    lines = linear_tables(COPIED).split("\n")
    assert lines[2:5] == ["| 序号 | 项目名称 | 支持对象 | 支持标准 |", "|---|---|---|---|",
                          "| 1 | 研发奖励 | 上年度研发费用500万元以上的高新技术企业 | 奖励40万元 |"]
    assert lines[5] == "| 2 | 担保费补贴 | 区内中小微企业 | 按担保费的50%补贴，最高20万元 |"
    assert lines[-2] == "以上事项由区财政局负责兑付。"


def test_a_run_with_a_wrapped_cell_or_a_single_row_is_left_alone():
    wrapped = "序号 项目名称 支持对象\n1\n研发奖励\n上年度研发费用500万元以上的\n高新技术企业\n2\n贴息\n小微企业\n"
    assert linear_tables(wrapped) == wrapped
    single = "序号 项目名称 支持对象\n1\n研发奖励\n高新技术企业\n"
    assert linear_tables(single) == single


def test_each_rebuilt_row_is_an_item():
    items = extract_policy(COPIED, "linear", {"region_code": "120111"}).items
    assert [i.name for i in items] == ["研发奖励", "担保费补贴"]
    assert ("has", "qualifications", "高新技术企业") in {c.key() for c in items[0].conditions}
    assert any(c.field == "size" for c in items[1].conditions)
