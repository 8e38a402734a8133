"""A comparison table with one column per product is read as one item per product."""

from recommender.text.comparison_tables import rows_per_product
from recommender.text.extract import extract_policy

COMPARISON = """# 订单贷与海外仓贷，怎么选？

| 要素 | 订单贷 | 海外仓贷 |
|---|---|---|
| 适用对象 | 注册在南通市的中小企业 | 注册在南通市的小型、微型企业 |
| 准入条件 | 纳税信用等级为A级或B级；企业成立满2年 | 同左 |
| 额度 | 单户最高800万元 | 单户最高200万元 |
| 期限 | 最长1年 | 最长3年 |

注：从事限制类商品经营的，两款产品均不予受理。
"""


def test_each_product_column_is_an_item_with_its_own_column_of_terms():
    items = extract_policy(COMPARISON, "cmp", {"region_code": "320600", "title": "某农商银行外贸信贷产品对照表"}).items
    assert [i.name for i in items] == ["订单贷", "海外仓贷"]
    first, second = ({c.field: c for c in i.conditions if c.field} for i in items)
    assert first["tax_credit"].value == ("A", "B") and first["age_years"].value == 2
    assert second["tax_credit"].value == ("A", "B") and second["age_years"].value == 2  # 同左: as the column before
    assert first["size"].value == ("中型", "小型", "微型") and second["size"].value == ("小型", "微型")
    assert [b.amount for b in items[0].benefits if b.unit == "万元"] == [800]
    assert [b.amount for b in items[1].benefits if b.unit == "万元"] == [200]


def test_a_note_refusing_a_case_for_every_product_binds_each_of_them():
    for item in extract_policy(COMPARISON, "cmp", {"region_code": "320600", "title": "某农商银行外贸信贷产品对照表"}).items:
        assert any(c.op == "unknown" and c.text.startswith("从事限制类商品经营的") for c in item.conditions)


def test_the_refusal_after_a_case_another_condition_reads_is_no_requirement_of_its_own():
    text = "# 某县扶持办法\n\n一、对企业给予贷款贴息。\n\n二、从事房地产开发的，各项扶持均不予支持。\n"
    (item,) = extract_policy(text, "refusal", {"region_code": "320600"}).items
    assert ("not_in", "industry", ("K7010",)) in {c.key() for c in item.conditions}
    assert not any(c.op == "unknown" for c in item.conditions), item.conditions


def test_the_turned_table_keeps_every_cell_word_for_word():
    turned = rows_per_product(COMPARISON)
    for cell in ("注册在南通市的中小企业", "单户最高200万元", "纳税信用等级为A级或B级；企业成立满2年"):
        assert cell in turned
    assert "| 海外仓贷 | 注册在南通市的小型、微型企业 | 同左 | 单户最高200万元 | 最长3年 |" in turned


def test_tables_listing_one_item_per_row_are_left_as_written():
    rows = ("| 序号 | 补贴类型 | 申报条件 | 补贴标准 |\n|---|---|---|---|\n"
            "| 1 | 首贷贴息 | 首次获得银行贷款 | 按利息的50%贴息 |\n| 2 | 续贷贴息 | 续贷 | 按利息的30%贴息 |\n"
            "| 3 | 担保费补贴 | 获得担保 | 按担保费的50%补贴 |\n")
    key_value = "| 项目 | 内容 |\n|---|---|\n| 适用对象 | 小微企业 |\n| 额度 | 最高100万元 |\n| 期限 | 1年 |\n"
    tiers = "| 档次 | 第一档 | 第二档 |\n|---|---|---|\n| 申报条件 | 营收1亿元 | 营收5亿元 |\n| 奖励金额 | 10万元 | 30万元 |\n| 备注 | 无 | 无 |\n"
    for table in (rows, key_value, tiers):
        assert rows_per_product(table) == table


def test_a_bound_refused_for_every_product_is_required_the_other_way():
    text = ("# 某行产品说明\n\n一、订单贷：单户最高800万元。\n\n二、海外仓贷：单户最高200万元。\n\n"
            "三、成立不满一年的，两款产品均不予受理。\n")
    for item in extract_policy(text, "flip", {"region_code": "320600"}).items:
        assert ("ge", "age_years", 1) in {c.key() for c in item.conditions}, item.conditions


def test_a_tick_under_a_product_gives_it_the_requirement_its_row_names():
    text = ("| 项目 | 科技成长贷 | 农担e贷 |\n|---|---|---|\n| 适用对象 | 科技型中小企业 | 从事农业生产经营的小型、微型企业 |\n"
            "| 纳税信用等级须为A级或B级 | ✓ |  |\n| 额度 | 单户最高500万元 | 单户最高300万元 |\n| 期限 | 最长3年 | 同左 |\n")
    first, second = extract_policy(text, "tick", {"region_code": "341500"}).items
    assert ("in", "tax_credit", ("A", "B")) in {c.key() for c in first.conditions}
    assert not any(c.field == "tax_credit" for c in second.conditions)
