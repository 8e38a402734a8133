from recommender.text.csv_tables import csv_tables
from recommender.text.extract import extract_policy

NOTICE = (
    "某农商银行普惠产品公告\n\n产品要素如下：\n\n```csv\n"
    "序号,产品名称,准入条件,额度\n"
    '1,棉农贷,"从事棉花种植的小微企业，经营满2年",单户最高300万元\n'
    '2,税信贷,"纳税信用等级A级、B级的小型和微型企业，上年度纳税额不低于2万元",单户最高200万元\n'
    "```\n\n特此公告。\n"
)


def test_a_csv_block_becomes_a_pipe_table_without_its_fences():
    lines = csv_tables(NOTICE).split("\n")
    at = lines.index("| 序号 | 产品名称 | 准入条件 | 额度 |")
    assert lines[at + 1] == "|---|---|---|---|"
    assert lines[at + 2] == "| 1 | 棉农贷 | 从事棉花种植的小微企业，经营满2年 | 单户最高300万元 |"
    assert not any(line.startswith("```") for line in lines) and lines[-2] == "特此公告。"


def test_prose_with_commas_or_an_uneven_run_is_left_alone():
    prose = "最近一年销售收入小于5,000万元（含）的企业，比例不低于5%，或者1,000万元,2,000万元。\n"
    assert csv_tables(prose) == prose
    uneven = "项目,对象,标准\n甲,乙\n丙,丁,戊,己\n"
    assert csv_tables(uneven) == uneven


def test_each_csv_row_is_a_product_with_its_own_requirements():
    items = extract_policy(NOTICE, "csv", {"region_code": "652801"}).items
    assert [i.name for i in items] == ["棉农贷", "税信贷"]
    assert {i.kind for i in items} == {"credit"}
    assert ("in", "tax_credit", ("A", "B")) in {c.key() for c in items[1].conditions}
    assert not any(c.field == "tax_credit" for c in items[0].conditions)
