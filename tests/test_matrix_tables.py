from recommender.text.extract import extract_policy
from recommender.text.matrix_tables import requirement_matrices

FLYER = (
    "# 对公信贷产品准入要求对照（2025年三季度）\n\n“不限”表示该项不作要求。\n\n"
    "| 产品 | 成立年限 | 纳税信用 | 资质要求 | 行业 | 额度 |\n|---|---|---|---|---|---|\n"
    "| 科创贷 | 须满2年 | A级、B级 | 高新技术企业或科技型中小企业 | 不限 | 最高1000万元 |\n"
    "| 制造贷 | 须满3年 | A级 | 不限 | 制造业 | 最高2000万元 |\n\n"
    "以上产品均面向在海东市辖区内注册的企业。\n"
)


def test_a_row_per_product_grid_becomes_one_conditions_column():
    lines = requirement_matrices(FLYER).split("\n")
    at = lines.index("| 产品 | 申报条件 | 额度 |")
    assert lines[at + 2] == "| 科创贷 | 成立年限须满2年；纳税信用A级、B级；高新技术企业或科技型中小企业 | 最高1000万元 |"
    assert lines[at + 3] == "| 制造贷 | 成立年限须满3年；纳税信用A级；制造业 | 最高2000万元 |"
    plain = "| 项目 | 申报条件 | 标准 |\n|---|---|---|\n| 贴息 | 小微企业 | 50% |\n"
    assert requirement_matrices(plain) == plain


def test_each_product_of_a_dated_grid_is_an_item_with_its_own_requirements():
    first, second = extract_policy(FLYER, "matrix", {"region_code": "630200",
                                                     "title": "某农商银行对公信贷产品准入要求对照"}).items
    assert (first.name, second.name) == ("科创贷", "制造贷")
    assert {("ge", "age_years", 2), ("in", "tax_credit", ("A", "B"))} <= {c.key() for c in first.conditions}
    assert {("ge", "age_years", 3), ("in", "industry", ("C",))} <= {c.key() for c in second.conditions}
    assert not any(c.field == "industry" for c in first.conditions)
    assert all(("within", "region_code", "630200") in {c.key() for c in i.conditions} for i in (first, second))


def test_a_column_of_cases_that_may_not_apply_rules_them_out_of_its_row():
    text = ("本行开办以下两款信贷产品。\n\n| 产品 | 可以申请的情形 | 不得申请的情形 | 额度与期限 |\n|---|---|---|---|\n"
            "| 物流贷 | 道路运输企业，成立满1年 | 纳税信用等级为C级或D级；企业被列为失信被执行人 | 单户最高500万元 |\n"
            "| 税信通 | 小型、微型企业 | 成立未满2年 | 最高200万元 |\n")
    first, second = extract_policy(text, "access", {"region_code": "450700"}).items
    assert {("not_in", "tax_credit", ("C", "D")), ("eq", "dishonest", False)} <= {c.key() for c in first.conditions}
    assert ("ge", "age_years", 2) in {c.key() for c in second.conditions}
    assert not any(c.field == "tax_credit" for c in second.conditions)
