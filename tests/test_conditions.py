"""Conditions read from policy phrases: the closed condition set, boilerplate and benefit terms."""

import re

import pytest

from recommender.text.conditions import find_conditions
from recommender.text.extract import extract_policy
from recommender.text.passages import Passage
from recommender.text.requirements import read_passages


def keys(text, region="500229", negated=False):
    found = find_conditions(text, 0, "第二条", region_code=region, negated=negated)
    return {c.key() for c in found.conditions}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("中小微企业", ("in", "size", ("中型", "小型", "微型"))),
        ("小微企业", ("in", "size", ("小型", "微型"))),
        ("属于小型、微型企业", ("in", "size", ("小型", "微型"))),
        ("中小企业", ("in", "size", ("中型", "小型", "微型"))),
        ("中型企业", ("eq", "size", "中型")),
        ("小型微利企业", ("eq", "small_low_profit", True)),
        ("在本县注册登记", ("within", "region_code", "500229")),
        ("注册地在重庆市辖区内", ("within", "region_code", "500000")),
        ("注册地在城口县", ("within", "region_code", "500229")),
        ("在恩施土家族苗族自治州行政区域内注册登记", ("within", "region_code", "422800")),
        ("注册登记地在汉中市（含所辖各县区）", ("within", "region_code", "610700")),
        ("在遵义市（含所辖县、市、区）工商注册登记", ("within", "region_code", "520300")),
        ("在锡林郭勒盟注册", ("within", "region_code", "152500")),
        ("民营企业和个体工商户", ("in", "ownership", ("个体工商户", "民营"))),
        ("成立不满三年", ("lt", "age_years", 3)),
        ("注册成立一年以上", ("ge", "age_years", 1)),
        ("取得营业执照满6个月", ("ge", "age_years", 0.5)),
        ("参保人数20人以上（含）", ("ge", "employees", 20)),
        ("2024年1月1日以后新设立", ("ge", "established", "2024-01-01")),
        ("年应纳税所得额不超过300万元", ("le", "taxable_income", 300)),
        ("从业人数不超过300人", ("le", "employees", 300)),
        ("资产总额不超过5000万元", ("le", "assets", 5000)),
        ("上年度营业收入2000万元以上", ("ge", "revenue", 2000)),
        ("研发费用占营业收入比例不低于3%", ("ge", "rd_ratio", 0.03)),
        ("年度研发费用不低于100万元", ("ge", "rd_expense", 100)),
        ("拥有2件以上发明专利", ("ge", "invention_patents", 2)),
        ("纳税信用等级为A级", ("in", "tax_credit", ("A",))),
        ("纳税信用等级B级及以上", ("in", "tax_credit", ("A", "B"))),
        ("纳税信用等级为A级、B级或M级", ("in", "tax_credit", ("A", "B", "M"))),
        ("纳税信用M级以上", ("in", "tax_credit", ("A", "B", "M"))),
        ("纳税信用非D级", ("not_in", "tax_credit", ("D",))),
        ("未被列入失信被执行人名单", ("eq", "dishonest", False)),
        ("首贷户", ("eq", "has_bank_loan", False)),
        ("首次获得银行贷款", ("eq", "has_bank_loan", False)),
        ("此前无贷款记录", ("eq", "has_bank_loan", False)),
        ("此前未获得过银行贷款", ("eq", "has_bank_loan", False)),
        ("营业执照满1年", ("ge", "age_years", 1)),
        ("领取营业执照满六个月", ("ge", "age_years", 0.5)),
        ("已在银行业金融机构取得流动资金贷款", ("eq", "has_bank_loan", True)),
        ("国家高新技术企业", ("has", "qualifications", "高新技术企业")),
        ("专精特新“小巨人”企业", ("has", "qualifications", "专精特新小巨人企业")),
        ("科技型中小企业", ("has", "qualifications", "科技型中小企业")),
        ("民营企业", ("eq", "ownership", "民营")),
        ("增值税小规模纳税人", ("eq", "taxpayer_type", "小规模纳税人")),
        ("属于制造业的企业", ("in", "industry", ("C",))),
        ("从事软件和信息技术服务业的企业", ("in", "industry", ("I65",))),
    ],
)
def test_single_condition(text, key):
    assert keys(text) == {key}


def test_qualification_is_not_a_size_word():
    assert ("in", "size", ("中型", "小型", "微型")) not in keys("科技型中小企业")


def test_or_group():
    (cond,) = find_conditions("高新技术企业或科技型中小企业", 0, "第二条", region_code=None).conditions
    assert cond.op == "any_of"
    assert {c.value for c in cond.any_of} == {"高新技术企业", "科技型中小企业"}


def test_excluded_industries_of_rd_super_deduction():
    text = "烟草制造业、住宿和餐饮业、批发和零售业、房地产业、租赁和商务服务业、娱乐业"
    (key,) = keys(text, negated=True)
    assert key[:2] == ("not_in", "industry")
    assert set(key[2]) == {"C16", "H", "F", "K", "L", "R90"}


def test_exclusion_word_negates_industry():
    (key,) = keys("从事房地产业、金融业的企业不纳入本办法贴息范围")
    assert key == ("not_in", "industry", ("J", "K"))


@pytest.mark.parametrize(
    "text",
    ["贷款金额不超过1000万元", "贷款期限一年以内", "单户贴息最高不超过50万元",
     "按贷款实际利息的50%给予贴息", "对年应纳税所得额不超过100万元的部分减按25%计入"],
)
def test_benefit_terms_are_not_conditions(text):
    assert {k for k in keys(text) if k[1] != "small_low_profit"} == set()


def test_subject_before_benefit_is_a_condition():
    assert keys("对在本县注册的小微企业，按贷款利息的50%给予贴息") == {
        ("within", "region_code", "500229"), ("in", "size", ("小型", "微型"))
    }


def test_boilerplate_is_assumed():
    found = find_conditions("依法注册登记，具有独立法人资格，财务制度健全", 0, "", region_code=None)
    assert found.conditions == []
    assert set(found.assumed) == {"依法注册登记", "具有独立法人资格", "财务制度健全"}
    premises = find_conditions("持有有效营业执照，有固定的生产经营场所", 0, "", region_code=None)
    assert premises.conditions == [] and len(premises.assumed) == 2


def test_sound_bookkeeping_in_other_words_is_assumed():
    found = read_passages([Passage("具有独立法人资格、财务核算规范；", 0, "一、", True, False, True)], None)
    assert found.conditions == [] and found.assumed


def test_operating_normally_is_assumed_but_a_run_of_years_is_a_bound():
    passages = [Passage("在本市注册登记、具有独立法人资格并正常经营的企业。", 0, "一、", True, False, True)]
    found = read_passages(passages, "370100")
    assert [c.op for c in found.conditions] == ["within"]
    assert keys("自成立之日起正常经营满1年") == {("ge", "age_years", 1)}


def test_spans_point_at_the_phrase():
    text = "企业须在本县注册登记，年营业收入不超过2000万元"
    found = find_conditions(text, 100, "第二条", region_code="500229")
    revenue = next(c for c in found.conditions if c.field == "revenue")
    start, end = revenue.span
    assert text[start - 100:end - 100] == revenue.text == "年营业收入不超过2000万元"
    assert revenue.clause == "第二条"


def test_unchecked_requirement_in_a_condition_list_is_unknown():
    passages = [
        Passage("拥有核心自主知识产权；", 0, "第二条第（四）项", True, False, True),
        Passage("依法注册登记，具有独立法人资格；", 20, "第二条第（一）项", True, False, True),
        Passage("纳税信用等级为B级及以上；", 40, "第二条第（二）项", True, False, True),
    ]
    found = read_passages(passages, None)
    assert {c.key() for c in found.conditions} == {
        ("unknown", "拥有核心自主知识产权"), ("in", "tax_credit", ("A", "B"))
    }


def test_one_of_list_becomes_any_of():
    passages = [
        Passage("高新技术企业；", 0, "一、（一）", True, False, True, group=1),
        Passage("拥有省级以上研发机构；", 10, "一、（二）", True, False, True, group=1),
    ]
    (cond,) = read_passages(passages, None).conditions
    assert cond.op == "any_of"
    assert {c.key() for c in cond.any_of} == {
        ("has", "qualifications", "高新技术企业"), ("unknown", "拥有省级以上研发机构")
    }


def test_sentence_level_exclusion_negates_the_industries_it_names():
    found = find_conditions("从事房地产业和金融业的企业，不适用本办法。", 0, "第五条", region_code=None)
    assert [c.key() for c in found.conditions] == [("not_in", "industry", ("J", "K"))]


def test_who_cannot_enjoy_or_apply_is_left_out():
    found = conditions_of("答：纳税信用等级为D级的企业，以及被列为失信被执行人的企业，不能享受这批政策。")
    assert ("not_in", "tax_credit", ("D",)) in found
    assert conditions_of("答：个体工商户不能申报。") == [("not_in", "ownership", ("个体工商户",))]


def test_who_a_measure_leaves_out_is_an_unknown_requirement_even_in_its_offer_clause():
    found = conditions_of("对通过陆港发运班列货物的企业，按每标准集装箱1500元给予运费补贴。年发运量不足20个标准箱的，不予补贴。")
    assert ("unknown", None, "年发运量不足20个标准箱") in found
    found = conditions_of("对客房数20间以上的民宿，给予奖励5万元，近两年内受到文化和旅游部门行政处罚的经营主体除外。")
    assert ("unknown", None, "近两年内受到文化和旅游部门行政处罚的经营主体除外") in found
    found = conditions_of("县财政与合作银行设立风险补偿资金，对小型、微型企业发放特色产业贷，纳税信用等级为D级的企业除外。")
    assert not any(op == "unknown" and "风险补偿资金" in text for op, _, text in found)
    assert not any(op == "unknown" for op, _, _ in conditions_of("被列入失信被执行人名单的企业，不予兑现。"))


def test_an_answers_lead_is_not_part_of_its_requirement():
    found = conditions_of("答：对引进国内外知名餐饮品牌、在本市开设该品牌首店的餐饮企业，给予一次性奖励10万元。")
    assert [text for op, _, text in found if op == "unknown"][0].startswith("引进国内外知名餐饮品牌")


def test_industry_synonym_descends_to_the_single_child_class():
    found = find_conditions("房地产开发企业不得申请使用转贷资金。", 0, "第四条", region_code=None)
    assert [c.key() for c in found.conditions] == [("not_in", "industry", ("K7010",))]
    local = find_conditions("从事老腊肉等肉制品加工的企业", 0, "一、", region_code=None)
    assert [c.key() for c in local.conditions] == [("in", "industry", ("C1353",))]
    both = find_conditions("连续生产经营的工业和建筑业小微企业", 0, "一、", region_code=None)
    assert ("in", "industry", ("B", "C", "D", "E")) in [c.key() for c in both.conditions]


def test_date_and_place_of_establishment_are_both_read():
    found = find_conditions("本政策适用于2025年1月1日（含）以后在城口县新设立的企业。", 0, "一、",
                            region_code="500229")
    assert {c.key() for c in found.conditions} == {
        ("ge", "established", "2025-01-01"), ("within", "region_code", "500229")}


def test_leftover_requirement_becomes_one_unknown_without_lead_in():
    passages = [Passage("企业须近三年内未发生重大安全生产事故；", 0, "第三条第（二）项", True, False, True),
                Passage("符合下列条件：", 30, "第三条", True, False, False)]
    found = read_passages(passages, None)
    assert [(c.op, c.text) for c in found.conditions] == [("unknown", "近三年内未发生重大安全生产事故")]


def test_numeric_condition_keeps_its_field_words_and_both_ends_of_a_range():
    found = find_conditions("上年度营业收入在1000万元至4亿元之间", 0, "2.", region_code=None)
    assert [(c.key(), c.text) for c in found.conditions] == [
        (("ge", "revenue", 1000), "上年度营业收入在1000万元至4亿元"),
        (("le", "revenue", 40000), "上年度营业收入在1000万元至4亿元之间"),
    ]


def test_share_of_revenue_takes_the_field_of_the_phrase_before():
    assert keys("年度研发费用不低于50万元，且占营业收入总额比重不低于4%") == {
        ("ge", "rd_expense", 50), ("ge", "rd_ratio", 0.04)}


def test_book_titles_and_defined_terms_name_no_condition():
    assert keys("符合《中小企业划型标准规定》的小型、微型企业") == {("in", "size", ("小型", "微型"))}
    definition = "本办法所称科技型中小企业，是指经省科技厅评价入库的企业。"
    assert read_passages([Passage(definition, 0, "一、", True, False, True)], None).conditions == []


def test_bracketed_exclusion_negates_only_the_bracket():
    assert keys("在本县注册的小微企业（住宿业、餐饮业企业除外）") == {
        ("within", "region_code", "500229"), ("in", "size", ("小型", "微型")),
        ("not_in", "industry", ("H",))}  # 住宿业 and 餐饮业 are the whole of H


def test_phrase_level_exclusion_leaves_the_rest_of_the_sentence():
    assert keys("对中小微企业发放信用贷款，纳税信用等级为D级的企业除外。") == {
        ("in", "size", ("中型", "小型", "微型")), ("not_in", "tax_credit", ("D",))}


def test_enjoying_subject_is_not_a_benefit_term():
    assert keys("享受本办法的企业应当未被列入失信被执行人名单") == {("eq", "dishonest", False)}


def test_size_prefix_before_a_trade_word():
    assert keys("面向中小外贸企业") == {("in", "size", ("中型", "小型", "微型"))}
    assert keys("小微商贸企业") == {("in", "size", ("小型", "微型"))}


def test_restated_subject_is_one_requirement():
    found = find_conditions("从事茶叶种植或者加工的企业，即国民经济行业分类中的制造业企业", 0, "一、", region_code=None)
    assert [c.key() for c in found.conditions] == [("in", "industry", ("C",))]
    assert found.leftovers == []


def test_requirement_sentence_after_the_offer_is_unknown():
    text = "对新获得有机产品认证的企业，给予一次性奖励3万元。申报企业近一年内未发生重大质量事故。"
    found = read_passages([Passage(text, 0, "二、（三）", False, False, False)], None)
    assert [(c.op, c.text) for c in found.conditions] == [
        ("unknown", "新获得有机产品认证"), ("unknown", "近一年内未发生重大质量事故")]


@pytest.mark.parametrize("text", [
    "本细则自2024年1月1日至2026年12月31日执行。", "以上条件适用于本办法所列各项支持。",
    "获得补助的企业应当建立项目台账。", "各区县主管部门应当加强政策宣传。", "入库有效期两年。",
])
def test_statements_that_are_not_requirements_give_no_unknown(text):
    assert read_passages([Passage(text, 0, "一、", True, False, True)], None).conditions == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("纳税信用等级不低于B级", ("in", "tax_credit", ("A", "B"))),
        ("纳税信用等级B级以上（含B级）", ("in", "tax_credit", ("A", "B"))),
        ("纳税信用等级不为C级、D级", ("not_in", "tax_credit", ("C", "D"))),
        ("纳税信用非C、D级", ("not_in", "tax_credit", ("C", "D"))),
        ("纳税信用等级未被税务机关评定为C级或者D级", ("not_in", "tax_credit", ("C", "D"))),
        ("企业上一年度的纳税信用等级不能是D级", ("not_in", "tax_credit", ("D",))),
    ],
)
def test_tax_credit_wordings(text, key):
    assert keys(text) == {key}


def test_or_across_commas_mixes_checkable_and_unknown_alternatives():
    text = "对小型、微型企业中2022年1月1日以后新设立的商贸企业，或者上年度进口额不超过100万美元的商贸企业"
    conds = find_conditions(text, 0, "二、", region_code=None).conditions
    assert [c.key() for c in conds[:1]] == [("in", "size", ("小型", "微型"))]
    (group,) = conds[1:]
    assert group.op == "any_of"
    assert [c.op for c in group.any_of] == ["ge", "unknown"]
    assert group.any_of[0].value == "2022-01-01"
    assert "进口额不超过100万美元" in group.any_of[1].text


def test_bare_bound_of_another_alternative_is_unknown():
    (group,) = find_conditions("拥有有效发明专利两项以上，或者拥有软件著作权等其他知识产权八项以上",
                               0, "三、", region_code=None).conditions
    assert [c.key()[:2] for c in group.any_of] == [("ge", "invention_patents"), ("unknown", group.any_of[1].text)]
    assert "软件著作权" in group.any_of[1].text


def test_all_unknown_alternatives_after_a_comma_become_one_any_of():
    text = "企业产品新获得有机产品认证、绿色食品认证，或者新登记农产品地理标志"
    (cond,) = read_passages([Passage(text, 0, "二、（一）", True, False, True)], None).conditions
    assert cond.op == "any_of"
    assert [c.op for c in cond.any_of] == ["unknown"] * 3
    assert "地理标志" in cond.any_of[2].text


def test_negated_or_is_not_an_alternative():
    text = "企业未被列入经营异常名录，或者严重失信主体名单"
    conds = read_passages([Passage(text, 0, "二、", True, False, True)], None).conditions
    assert all(c.op != "any_of" for c in conds)


def test_size_words_listed_together_are_one_condition():
    (cond,) = find_conditions("小型企业、微型企业和个体工商户", 0, "一、", region_code=None).conditions
    assert cond.op == "any_of"
    assert [c.key() for c in cond.any_of] == [
        ("in", "size", ("小型", "微型")), ("eq", "ownership", "个体工商户")]


def measure(text):
    return [(c.op, c.field, c.text) for c in
            read_passages([Passage(text, 0, "三、", False, False, False)], None).conditions]


def test_benefit_tier_is_not_a_condition():
    assert measure("对新入库企业给予奖励5万元，上年度营业收入达到八千万元以上的，奖励提高至15万元。") == []
    assert measure("返还标准为上年度实际缴纳失业保险费的50%，参保职工20人（含）以下的按80%返还。") == []
    # a lower cap for some firms after the offer: a tier of what is given, not whom it is for
    assert keys("企业开展专利导航分析的，按合同金额的50%给予资助，最高20万元。有效发明专利未满3件的企业，资助上限为10万元。") == set()
    # an add-on that opens its article and names the article it adds to is an item of its own
    assert keys("成立未满三年的企业首次参加境外展会的，在第四条补助之外再给予一次性奖励一万元。") == {("lt", "age_years", 3)}
    assert keys("成立未满三年的企业首次参加境外展会的，再给予一次性奖励一万元。") == set()
    # a rate for some sizes beside the rate for every other firm: whom each rate is for, no one is left out
    assert keys("参加境外展会的，按展位费给予补助，小型、微型企业补助百分之七十，其他企业补助百分之五十。") == set()


def test_a_higher_tier_after_a_semicolon_is_no_condition_and_a_refusal_no_offer():
    assert measure("对首次纳入限额以上零售业统计、上年度主营业务收入在500万元以上的零售企业，给予一次性奖励5万元；"
                   "上年度主营业务收入超过1亿元的，奖励10万元。") == [
        ("ge", "revenue", "上年度主营业务收入在500万元以上"), ("in", "industry", "零售企业"),
        ("unknown", None, "首次纳入限额以上零售业统计")]
    assert measure("对通过陆港组织发运班列货物的企业，按每标准箱1500元给予运费补贴。年发运量不足20个标准箱的，不予补贴。") == [
        ("unknown", None, "通过陆港组织发运班列货物"), ("unknown", None, "年发运量不足20个标准箱")]
    assert measure("对上年末职工人数20人以上、新建冷库库容在5000立方米以上的企业，按投资额的20%给予补助。") == [
        ("ge", "employees", "职工人数20人以上"), ("unknown", None, "新建冷库库容在5000立方米以上")]


def test_raised_threshold_before_a_plain_offer_is_a_condition():
    assert measure("上年度营业收入达到六千万元以上的，按新增投资额的10%给予奖励。") == [
        ("ge", "revenue", "上年度营业收入达到六千万元以上")]


def test_conditional_clause_of_a_measure_is_an_unknown_requirement():
    assert measure("企业已有银行贷款，且通过应急转贷方式办理续期的，按利息的20%给予贴息。") == [
        ("eq", "has_bank_loan", "已有银行贷款"), ("unknown", None, "通过应急转贷方式办理续期")]


def test_a_demand_on_some_applicants_is_either_not_them_or_the_demand():
    assert keys("成立不满五年的企业，须为高新技术企业或者科技型中小企业。") == {("any_of", (
        ("ge", "age_years", 5), ("has", "qualifications", "科技型中小企业"), ("has", "qualifications", "高新技术企业")))}
    assert keys("营业收入不足500万元的，须拥有发明专利2件以上。") == {
        ("any_of", (("ge", "invention_patents", 2), ("ge", "revenue", 500)))}
    assert keys("营业收入不足500万元的企业，按5万元给予奖励。") == {("lt", "revenue", 500)}


def test_an_exempted_case_of_a_requirement_is_an_alternative_to_it():
    either = {("any_of", (("in", "tax_credit", ("A", "B")), ("lt", "age_years", 1)))}
    assert keys("纳税信用等级为B级及以上，成立未满一年的新办企业除外。") == either
    assert keys("纳税信用等级为B级及以上（成立未满一年的新办企业除外）。") == either
    assert keys("在本县注册的企业，房地产业企业除外。") == {
        ("within", "region_code", "500229"), ("not_in", "industry", ("K",))}
    # several cases let off: each is a branch of its own, not a second condition on every applicant
    assert keys("成立未满三年（经认定的高新技术企业、科技型中小企业不受此限）。") == {("any_of", (
        ("has", "qualifications", "科技型中小企业"), ("has", "qualifications", "高新技术企业"), ("lt", "age_years", 3)))}


def test_industry_codes_the_text_states_outrank_the_names():
    assert keys("从事苗绣、蜡染等民族工艺美术品制造（国民经济行业代码C243）的企业") == {("in", "industry", ("C243",))}
    assert keys("从事中药材种植或者魔芋种植（行业代码A017、A0123）") == {("in", "industry", ("A0123", "A017"))}
    assert keys("从事辣椒制品加工（行业代码C1469）") == {("in", "industry", ("C1469",))}  # a trade no name resolves
    assert keys("注册登记的批发、零售、住宿、餐饮企业") == {("in", "industry", ("F", "H"))}
    assert keys("从事道路货物运输、多式联运、装卸搬运和仓储的企业") == {("in", "industry", ("G543", "G5810", "G59"))}
    assert "industry" not in {k[1] for k in keys("已取得网络货运道路运输经营许可")}  # a licence, not a trade
    assert keys("小型、微型批发零售企业") >= {("in", "industry", ("F",))}
    assert keys("从事计算机、通信和其他电子设备制造业（国民经济行业代码C39）或者软件和信息技术服务业"
                "（国民经济行业代码I65）的中小企业") >= {("in", "industry", ("C39", "I65"))}


def test_a_growth_rate_is_not_the_figure_it_grows():
    found = find_conditions("研发费用占比达到5%，营业收入增长率不低于百分之十五。", 0, "二、", region_code=None)
    assert {c.key() for c in found.conditions} == {("ge", "rd_ratio", 0.05)}
    assert [t for _, t in found.leftovers] == ["营业收入增长率不低于百分之十五"]
    assert keys("上年度营业收入同比增长20%以上") == set()


def test_a_bound_on_whom_a_measure_refuses_is_required_the_other_way():
    assert keys("从业人员超过50人的，不适用本项补贴。") == {("le", "employees", 50)}
    assert keys("上年度营业收入不足100万元的企业不予受理。") == {("ge", "revenue", 100)}
    assert keys("在本县注册的企业，成立满一年的，给予奖励。") == {
        ("within", "region_code", "500229"), ("ge", "age_years", 1)}


def test_a_loan_falling_due_is_a_loan_the_firm_has():
    assert keys("原流动资金贷款到期，银行以无还本续贷方式办理续贷的") >= {("eq", "has_bank_loan", True)}
    found = find_conditions("实行独立核算", 0, "二、", region_code=None)
    assert not found.conditions and found.assumed == ["实行独立核算"]


def test_wording_a_supplementary_notice_replaces_sets_no_condition():
    assert keys("将《若干措施》第三条第（一）项中的“上年度营业收入1000万元以上”调整为“上年度营业收入3000万元及以下”。") == {
        ("le", "revenue", 3000)}
    assert keys("将原通知中“从业人员不超过100人”修改为“从业人员不超过200人”。") == {("le", "employees", 200)}


def test_a_look_back_window_bounds_no_age_and_its_requirement_is_kept():
    found = find_conditions("在巫溪县注册并依法纳税、近两年内未发生重大安全生产事故。", 0, "二、", region_code="500238")
    assert {c.key() for c in found.conditions} == {("within", "region_code", "500238")}
    assert [t for _, t in found.leftovers] == ["近两年内未发生重大安全生产事故"]
    assert keys("注册成立3年以内") == {("le", "age_years", 3)}


def test_tourism_trades_resolve_and_named_trades_narrow_the_sector_after_them():
    assert keys("从事旅行社服务、旅游住宿或者旅游景区经营的企业") == {("in", "industry", ("H61", "L7291", "N786"))}
    assert keys("从事水果种植或者茶叶种植的农业企业") == {("in", "industry", ("A015", "A0164"))}
    assert keys("从事农业、水果种植的企业") == {("in", "industry", ("A01",))}  # the sector itself is named, and covers the trade


def test_whom_a_measure_does_not_serve_is_left_out():
    assert keys("个体工商户、农民专业合作社和事业单位不在申领范围之内。") == {("not_in", "ownership", ("个体工商户",))}


def test_a_section_label_is_no_requirement():
    assert measure("政策内容：对首次通过认定的高新技术企业，给予一次性奖励30万元。") == [
        ("has", "qualifications", "高新技术企业"), ("unknown", None, "首次通过认定的高新技术企业")]


def test_registered_or_operating_here_is_either_place():
    assert keys("申报企业应当在黔江区注册登记或者在黔江区实际经营。", region="500114") == {
        ("any_of", (("unknown", "在黔江区实际经营"), ("within", "region_code", "500114")))}
    assert keys("在本县注册登记的企业") == {("within", "region_code", "500229")}


def test_statuses_of_two_levels_listed_together_are_alternatives():
    assert keys("对新认定的国家级专精特新“小巨人”企业、自治区级专精特新中小企业，分别给予一次性奖励100万元、20万元。") == {
        ("any_of", (("has", "qualifications", "专精特新中小企业"), ("has", "qualifications", "专精特新小巨人企业")))}


def test_what_a_taxpayer_was_before_re_registering_is_not_what_it_is():
    assert keys("由小规模纳税人转登记为增值税一般纳税人") == {("eq", "taxpayer_type", "一般纳税人")}


def test_a_count_before_its_field_words_checks_its_alternative_and_not_the_next():
    assert keys("拥有1件以上有效发明专利，或者拥有10件以上软件著作权两项条件之一") == {
        ("any_of", (("ge", "invention_patents", 1), ("unknown", "拥有10件以上软件著作权")))}
    assert keys("拥有1件以上有效发明专利，或者拥有5件以上实用新型专利") == {
        ("any_of", (("ge", "invention_patents", 1), ("unknown", "拥有5件以上实用新型专利")))}


def test_newly_recognised_status_is_an_event_beside_the_qualification():
    assert measure("对首次通过科技型中小企业评价的企业，给予一次性奖励2万元。") == [
        ("has", "qualifications", "科技型中小企业"), ("unknown", None, "首次通过科技型中小企业评价")]
    assert keys("已取得科技型中小企业入库登记编号") == {("has", "qualifications", "科技型中小企业")}


def test_applicant_of_this_measure_is_no_requirement():
    assert measure("申请本办法支持的企业，须未被列入失信被执行人名单。") == [
        ("eq", "dishonest", "失信被执行人")]


def test_industries_joined_by_or_are_one_condition():
    assert keys("从事精制茶加工或者水果加工的企业") == {("in", "industry", ("C1373", "C1530"))}


def test_excluded_trade_of_small_firms_negates_the_trade_not_the_size():
    assert keys("在本县注册的企业（从事房地产业的小微企业除外）") == {
        ("within", "region_code", "500229"), ("not_in", "industry", ("K",))}


def test_one_of_the_listed_industries_is_one_industry_condition():
    passages = [Passage("住宿和餐饮业；", 0, "一、1.", True, False, True, group=1),
                Passage("批发和零售业；", 10, "一、2.", True, False, True, group=1)]
    assert [c.key() for c in read_passages(passages, None).conditions] == [("in", "industry", ("F", "H"))]


def test_registration_in_china_is_boilerplate():
    text = "在中国境内（不包括港、澳、台地区）注册的法人企业；"
    found = read_passages([Passage(text, 0, "一、（一）", True, False, True)], None)
    assert found.conditions == [] and found.assumed


def test_procedure_duties_and_bank_duties_are_not_requirements():
    for text in ("企业应当按照有关规定，自行判别是否符合优惠条件，相关资料留存备查。",
                 "对于展期贷款，银行业金融机构不得仅因展期而下调风险分类。"):
        assert read_passages([Passage(text, 0, "五、", False, False, False)], None).conditions == []


def test_encouragement_reference_and_origin_name_no_condition():
    assert keys("鼓励国有企业在同等条件下优先采购本地产品。") == set()
    assert keys("以单位形式参保的个体工商户参照中小微企业执行。") == set()
    assert keys("鼓励银行开发信用贷款产品，对小微企业发放贷款。") == {("in", "size", ("小型", "微型"))}
    assert ("eq", "ownership", "个体工商户") not in keys("由个体工商户转型设立的企业")


def test_size_prefix_before_manufacturing_also_names_the_industry():
    assert keys("面向中小制造企业") == {("in", "size", ("中型", "小型", "微型")), ("in", "industry", ("C",))}


def test_clause_joined_by_a_pause_mark_is_a_requirement_of_its_own():
    text = "申报单位须为在本县依法登记注册、在县内参加失业保险并按时缴费的企业。"
    found = read_passages([Passage(text, 0, "一、", True, False, False)], "500229")
    assert [c.key() for c in found.conditions] == [
        ("within", "region_code", "500229"), ("unknown", "在县内参加失业保险并按时缴费")]


def test_lists_of_records_are_materials_not_requirements():
    text = "留存备查资料主要包括从业人数的季度计算底稿和年度财务会计报表。"
    assert read_passages([Passage(text, 0, "五、", True, False, True)], None).conditions == []


def test_scope_sentence_names_requirements_and_offer_after_a_conditional():
    scope = "本办法适用于会计核算健全、实行查账征收的居民企业。"
    assert [c.text for c in read_passages([Passage(scope, 0, "第二条", False, False, False)], None).conditions] == [
        "会计核算健全、实行查账征收的居民企业"]
    assert measure("新落户的制造业企业，且项目投资在500万元以上的，第一年租金全额补贴。") == [
        ("in", "industry", "制造业企业"), ("unknown", None, "项目投资在500万元以上")]


def test_monthly_sales_are_not_annual_revenue():
    assert keys("月销售额15万元以下的企业") == set()
    assert keys("年销售额500万元以下的企业") == {("le", "revenue", 500)}


def conditions_of(text, region="510722"):
    found = read_passages([Passage(text, 0, "一、", False, False, False)], region)
    return [(c.op, c.field, c.text if c.op == "unknown" else c.value) for c in found.conditions]


def test_a_newly_acquired_title_is_an_unknown_event_beside_the_qualification():
    assert conditions_of("对上一年度新认定的创新型中小企业，给予一次性奖励5万元。") == [
        ("has", "qualifications", "创新型中小企业"), ("unknown", None, "新认定的创新型中小企业")]
    assert conditions_of("对首次纳入规模以上工业企业统计库的制造业企业，给予一次性奖励10万元。") == [
        ("in", "industry", ("C",)), ("unknown", None, "首次纳入规模以上工业企业统计库")]
    assert conditions_of("对创新型中小企业，给予一次性奖励5万元。") == [("has", "qualifications", "创新型中小企业")]
    conferred = conditions_of("对首次被工业和信息化部认定为专精特新“小巨人”企业的，给予一次性奖励60万元。")
    assert conferred == [("has", "qualifications", "专精特新小巨人企业"),
                         ("unknown", None, "首次被工业和信息化部认定为专精特新“小巨人”企业")]
    assert ("has", "qualifications", "专精特新小巨人企业") in conditions_of(
        "对被工业和信息化部认定为专精特新“小巨人”企业的，给予一次性奖励60万元。")


def test_a_title_not_yet_held_is_an_unknown_requirement_not_the_qualification():
    found = read_passages([Passage("注册成立一年以上（含），尚未被认定为高新技术企业；", 0, "1.", True, False, True)], None)
    assert [(c.op, c.field, c.text if c.op == "unknown" else c.value) for c in found.conditions] == [
        ("ge", "age_years", 1), ("unknown", None, "尚未被认定为高新技术企业")]


def test_a_list_ending_in_two_conditions_of_which_one_is_an_any_of():
    text = "软件产品列入省级首版次软件产品目录，且企业满足拥有1件以上有效发明专利、拥有10件以上软件著作权两项条件之一"
    found = read_passages([Passage(text, 0, "3.", True, False, True)], None).conditions
    [group] = [c for c in found if c.op == "any_of"]
    assert [c.key() for c in group.any_of] == [("ge", "invention_patents", 1), ("unknown", "拥有10件以上软件著作权")]
    assert len(found) == 2  # and the product's listing, required besides
    three = read_passages([Passage("满足拥有1件以上有效发明专利、拥有10件以上软件著作权三项条件之一", 0, "3.", True, False, True)], None)
    assert not any(c.op == "any_of" for c in three.conditions)  # two listed, three announced: not read as alternatives


def test_a_tax_relief_already_enjoyed_is_a_requirement_not_a_benefit():
    found = read_passages([Passage("已在2025年度企业所得税汇算清缴中享受研发费用加计扣除政策；", 0, "4.", True, False, True)], None)
    assert [(c.op, c.text) for c in found.conditions] == [("unknown", "已在2025年度企业所得税汇算清缴中享受研发费用加计扣除政策")]
    assert measure("对首次认定的企业给予奖励50万元；已享受本部分第（一）项奖励的，按差额补足。") == []


def test_a_number_with_thousands_separators_is_one_number():
    assert keys("上年度营业收入5,000万元以上，从业人员50人以上") == {("ge", "revenue", 5000), ("ge", "employees", 50)}


def test_a_tier_of_a_list_is_a_premise_or_its_demand_never_a_hard_bound():
    tiers = ("1.最近一年销售收入小于5,000万元（含）的企业，比例不低于5%；"
             "2.最近一年销售收入在5,000万元至2亿元（含）的企业，比例不低于4%；")
    found = read_passages([Passage(tiers, 0, "（五）", True, False, True)], None).conditions
    assert [c.op for c in found] == ["any_of", "any_of"]
    assert [c.key() for c in found[0].any_of] == [("gt", "revenue", 5000), ("unknown", "比例不低于5%")]
    assert [c.key() for c in found[1].any_of] == [
        ("lt", "revenue", 5000), ("gt", "revenue", 20000), ("unknown", "比例不低于4%")]


def test_two_prohibitions_in_a_row_are_two_requirements():
    found = read_passages([Passage("申请企业近一年内不得发生重大旅游安全责任事故，也不得因服务质量问题被省级以上文化和旅游部门通报。",
                                   0, "问一", True, False, False)], None).conditions
    assert [c.text for c in found] == ["近一年内不得发生重大旅游安全责任事故", "不得因服务质量问题被省级以上文化和旅游部门通报"]


def test_a_title_applied_for_is_not_held():
    found = conditions_of("申报首次认定高新技术企业奖励的，须为2024年度首次通过认定的高新技术企业。")
    assert found == [("has", "qualifications", "高新技术企业"), ("unknown", None, "首次通过认定的高新技术企业")]
    assert conditions_of("企业申请认定为高新技术企业的，给予辅导补贴2万元。") == []


def test_a_title_being_recognised_names_no_industry():
    assert conditions_of("对新认定为农业产业化国家重点龙头企业的，给予一次性奖励50万元。") == [
        ("has", "qualifications", "农业产业化龙头企业"), ("unknown", None, "新认定为农业产业化国家重点龙头企业")]


def test_parallel_offers_make_their_events_alternatives():
    found = read_passages([Passage(
        "对新认定为市级数字化车间的，给予一次性奖励100万元；新认定为市级智能工厂的，给予一次性奖励200万元。",
        0, "第五条", False, False, False)], None)
    [group] = found.conditions
    assert group.op == "any_of"
    assert [c.text for c in group.any_of] == ["新认定为市级数字化车间", "新认定为市级智能工厂"]


def test_industries_named_apart_in_one_passage_are_one_list():
    found = conditions_of("对从事采矿业，制造业，电力、热力、燃气及水生产和供应业的企业，给予奖励。")
    assert found == [("in", "industry", ("B", "C", "D"))]
    nested = conditions_of("制造业企业，其中从事农副食品加工业的，给予奖励。")  # C13 inside C: no alternative
    assert nested == [("in", "industry", ("C",)), ("in", "industry", ("C13",))]


def test_classes_named_by_their_trade_are_industries_and_institutions_are_not():
    assert keys("从事白酒制造的小型、微型企业") == {("in", "industry", ("C1512",)), ("in", "size", ("小型", "微型"))}
    assert not any(k[1] == "industry" for k in keys("经人民法院判决的企业"))


def test_a_requirement_beside_checkable_words_is_kept_and_does_not_read_as_an_offer():
    found = conditions_of("从事制造业且为本市白酒产业链链主企业提供配套的小微企业，首次获得银行贷款的，给予贴息。")
    assert found == [("in", "industry", ("C",)), ("in", "size", ("小型", "微型")), ("eq", "has_bank_loan", False),
                     ("unknown", None, "本市白酒产业链链主企业提供配套")]
    assert conditions_of("申请企业未被列入失信被执行人名单的，给予贴息。") == [("eq", "dishonest", False)]


def test_a_trade_named_as_its_enterprises_and_a_date_of_conversion():
    assert keys("年营业收入500万元以上的零售企业") == {("ge", "revenue", 500), ("in", "industry", ("F52",))}
    found = conditions_of("2024年1月1日以后由个体工商户转型升级设立的企业，给予奖励。")
    assert ("ge", "established", "2024-01-01") in found


def test_duties_of_others_and_lists_of_taxes_are_not_requirements():
    found = read_passages([Passage(
        "各区县应当结合本地主导产业，培育一批数字化转型样板。合作银行不得收取贷款承诺费、资金管理费等费用。",
        0, "第八条", True, False, True)], None)
    assert found.conditions == []
    taxes = read_passages([Passage("减半征收城市维护建设税、房产税、印花税和教育费附加。", 0, "一、", True, False, True)], None)
    assert taxes.conditions == []


def test_a_conversion_from_individual_business_is_an_event_not_an_ownership():
    found = conditions_of("2023年1月1日（含）以后由个体工商户转型设立的企业，给予奖励。")
    assert ("unknown", None, "由个体工商户转型设立") in found
    assert not [f for f in found if f[1] == "ownership"]


def test_months_of_premiums_are_not_the_firms_age_and_the_premium_requirement_stays():
    found = conditions_of("在苏州市注册登记并在本市依法参加失业保险、足额缴纳失业保险费满12个月的企业，给予返还。", "320500")
    assert not [f for f in found if f[1] == "age_years"]
    assert ("unknown", None, "本市依法参加失业保险、足额缴纳失业保险费满12个月") in found
    assert conditions_of("成立满一年（含）的企业，给予贷款。")[0] == ("ge", "age_years", 1)
    assert not [f for f in conditions_of("经营者本人近两年内无逾期记录的，给予贷款。") if f[1] == "age_years"]


def test_a_labour_contract_term_is_a_requirement_not_a_benefit_term():
    found = conditions_of("企业新招用退役士兵，签订1年以上期限劳动合同的，同样可以在3年内依次扣减税费。")
    assert [f[0] for f in found] == ["unknown"] and "签订1年以上期限劳动合同" in found[0][2]


def test_the_applicant_named_by_the_award_it_seeks_is_no_offer():
    assert conditions_of("申请升规奖励的企业近三年内未发生较大及以上安全生产事故。") == [
        ("unknown", None, "近三年内未发生较大及以上安全生产事故")]
    found = conditions_of("申请奖励的民宿须通过消防、治安、卫生等部门检查。")
    assert not [f for f in found if f[1] == "industry" and "Q84" in f[2]]  # 卫生等部门: offices, not a trade


def test_a_requirement_after_a_trade_starts_at_a_word():
    found = conditions_of("制造业企业实施列入市级智能化改造项目库的项目，投资额达到500万元以上的，给予贴息。")
    assert ("unknown", None, "实施列入市级智能化改造项目库") in found


def test_a_complete_set_of_sibling_trades_is_their_parent():
    assert keys("从事住宿业、餐饮业的企业") == {("in", "industry", ("H",))}
    assert keys("从事住宿业的企业") == {("in", "industry", ("H61",))}
    assert keys("民营中小企业") == {("eq", "ownership", "民营"), ("in", "size", ("中型", "小型", "微型"))}


def test_listed_whole_requirements_are_separate_facts_and_a_back_reference_is_not():
    found = read_passages([Passage("项目已完成备案，设备投资额达到500万元以上，并通过县经济信息委组织的竣工验收。",
                                   0, "二、3.", True, False, True)], None)
    assert [c.text for c in found.conditions] == [
        "项目已完成备案", "设备投资额达到500万元以上", "通过县经济信息委组织的竣工验收"]
    trade = read_passages([Passage("依法办理对外贸易经营者备案，2024年度有出口实绩，并通过合作机构投保出口信用保险。",
                                   0, "二、", True, False, True)], None)
    assert [c.text for c in trade.conditions] == [
        "依法办理对外贸易经营者备案", "2024年度有出口实绩", "通过合作机构投保出口信用保险"]
    joined = read_passages([Passage("招用登记失业人员，与其签订1年以上劳动合同。", 0, "一、", True, False, True)], None)
    assert len(joined.conditions) == 1


def test_references_methods_and_lead_ins_are_not_requirements():
    for text in ("除符合第三条规定外", "以上一年度从业人员、营业收入、资产总额数据确定", "还须同时满足",
                 "白名单实行动态管理", "名录每季度更新一次", "同一企业招用同一人员的，两项补贴不得重复享受",
                 "由企业自主选择其中一项申领", "不含个人应缴部分", "除满足2.1条外", "支持待遇", "名单由省级工业和信息化部门会同同级部门确定", "第二部分第（四）项除外", "申请专项资金的企业和个体工商户（以下统称申请人）"):
        found = read_passages([Passage(text + "。", 0, "一、", True, False, True)], None)
        assert found.conditions == [], text


def test_a_sentence_limiting_who_may_apply_elsewhere_excludes_them_here():
    assert ("not_in", "ownership", ("个体工商户",)) in conditions_of("申请人为个体工商户的，仅可申请本办法第九条规定的贴息。")
    assert ("not_in", "ownership", ("个体工商户",)) in conditions_of("个体工商户不适用本项补贴。")


def test_size_lists_joined_by_or_and_rd_spending():
    assert keys("属于中型、小型或者微型企业") == {("in", "size", ("中型", "小型", "微型"))}
    assert keys("小型、微型外贸企业") == {("in", "size", ("小型", "微型"))}
    assert keys("企业开展研发活动中实际发生的研发费用") == {("gt", "rd_expense", 0)}


def test_an_award_already_received_that_rules_this_one_out_is_an_unknown():
    found = conditions_of("对首次认定为市级专精特新中小企业的，给予一次性奖励20万元；已获得“小巨人”奖励的企业，不再享受本项奖励。")
    assert ("unknown", None, "已获得“小巨人”奖励的企业，不再享受本项奖励") in found


def test_a_second_bound_after_qie_keeps_the_field_of_the_first():
    assert keys("上一会计年度营业收入50万元以上（含），且不超过2000万元的企业") == {
        ("ge", "revenue", 50), ("le", "revenue", 2000)}
    assert keys("从业人员10人以上，且不超过50万元的设备投资") == {("ge", "employees", 10)}  # 人 ≠ 万元


@pytest.mark.parametrize(
    "text",
    [
        "汇算清缴后确定不属于小型微利企业的，应当自次月起停止享受。",
        "高新技术企业资格被依法取消的，自取消年度起停止享受本细则支持；已拨付资金予以追回。",
        "对不符合条件而享受优惠的小微企业，由税务机关依法追缴税款。",
    ],
)
def test_sanction_for_no_longer_qualifying_sets_no_condition(text):
    assert keys(text) == set()


def test_run_of_whole_requirements_ending_in_de_gives_one_unknown_each():
    text = "企业与种植户签订保护价收购合同，当年在本区收购鲜茶叶100吨以上，且带动农户50户以上的，每吨奖励20元。"
    found = find_conditions(text, 0, "第七条", region_code="500102")
    assert [t for _, t in found.leftovers] == [
        "企业与种植户签订保护价收购合同", "当年在本区收购鲜茶叶100吨以上", "且带动农户50户以上的",
    ]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("从事房地产开发经营、金融业的企业，不属于专项资金支持对象。", ("not_in", "industry", ("J", "K7010"))),
        ("房地产业、金融业企业不在本公司担保服务范围内。", ("not_in", "industry", ("J", "K"))),
    ],
)
def test_out_of_scope_sentence_excludes_the_trades_it_names(text, key):
    assert keys(text) == {key}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("成立未满一年的", ("ge", "age_years", 1)),
        ("上年度营业收入低于500万元的", ("ge", "revenue", 500)),
    ],
)
def test_a_bound_in_an_exclusion_list_is_required_the_other_way(text, key):
    assert keys(text, negated=True) == {key}


def test_a_waived_bound_is_either_the_bound_or_the_waived_case():
    for text in ("上一年度营业收入应当不超过五千万元（成立未满一年的企业不受此限）；",
                 "上一年度营业收入不超过五千万元，成立未满一年的企业不受此限制。"):
        (group,) = find_conditions(text, 0, "二、", region_code=None).conditions
        assert group.op == "any_of"
        assert {c.key() for c in group.any_of} == {("le", "revenue", 5000), ("lt", "age_years", 1)}


def test_a_note_on_material_to_hand_in_sets_no_condition():
    found = find_conditions("纳税信用等级为A级或者B级（2024年以后新设立、尚未参加信用评价的企业，应当提供税务部门出具的无欠税证明）；",
                            0, "二、", region_code=None)
    assert [c.field for c in found.conditions] == ["tax_credit"]
    assert not found.leftovers


def test_preferences_allowances_and_cases_let_back_in_set_no_condition():
    preferred = read_passages([Passage("拥有自主品牌的，可优先办理（非必需条件）。", 0, "4.", True, False, True)], None)
    assert not preferred.conditions
    allowed = find_conditions("成立满一年（个体工商户转型为企业的，可连续计算经营年限）；", 0, "1.", region_code=None)
    assert [c.key() for c in allowed.conditions] == [("ge", "age_years", 1)] and not allowed.leftovers
    excluded = find_conditions("房地产开发、金融投资类企业（为保障性住房项目提供施工服务的建筑业企业除外）；", 0, "1.",
                               region_code=None, negated=True)
    (trades,) = excluded.conditions
    assert trades.op == "not_in" and "J" in trades.value and "E" not in trades.value
    assert not excluded.leftovers


def test_registration_in_the_prefecture_or_county_the_document_governs():
    from recommender.text.condition_patterns import region_hits

    for text in ("在全州范围内注册的企业", "在州内注册登记", "在县内注册登记的企业", "在本州注册"):
        (hit,) = region_hits(text, "522300")
        assert (hit.field, hit.op, hit.value) == ("region_code", "within", "522300")
    assert [h.value for h in region_hits("注册地在城口县", "522300")] == ["500229"]


def test_a_party_refused_beside_excluded_trades_is_a_requirement_of_its_own():
    found = read_passages([Passage("房地产开发经营、金融业企业及地方政府融资平台不得申请。", 0, "3.", True, False, True)], None)
    trades = [c for c in found.conditions if c.field == "industry"]
    assert trades and trades[0].op == "not_in"
    assert any(c.op == "unknown" and "地方政府融资平台不得申请" in c.text for c in found.conditions)


def test_the_noun_naming_whom_an_award_is_for_is_no_benefit_term():
    found = find_conditions("本细则奖励对象为在济南市行政区域内注册登记的企业。", 0, "一、", region_code="370100")
    assert ("within", "region_code", "370100") in {c.key() for c in found.conditions}


def test_the_verb_frame_around_a_list_is_no_requirement_of_its_own():
    found = find_conditions("用人企业应当未被列入失信被执行人名单。", 0, "一、", region_code=None)
    assert [c.key() for c in found.conditions] == [("eq", "dishonest", False)]
    assert not found.leftovers


def test_how_a_term_is_determined_sets_no_condition():
    found = find_conditions("小型企业、微型企业按照《中小企业划型标准规定》（工信部联企业〔2011〕300号）确定。", 0, "一、",
                            region_code=None)
    assert not found.conditions and not found.leftovers


def test_a_rating_held_in_each_of_recent_years_is_a_rating():
    found = find_conditions("近两年纳税信用等级均为B级及以上。", 0, "一、", region_code=None)
    assert [c.key() for c in found.conditions] == [("in", "tax_credit", ("A", "B"))]


def test_when_applying_is_no_benefit_and_labour_dispatch_is_a_trade():
    first_loan = find_conditions("企业在申请贴息之前从未在银行业金融机构取得过贷款。", 0, "第四条", region_code=None)
    assert [c.key() for c in first_loan.conditions] == [("eq", "has_bank_loan", False)]
    dispatch = find_conditions("劳务派遣单位不适用本项补贴。", 0, "问3", region_code=None)
    assert [c.key() for c in dispatch.conditions] == [("not_in", "industry", ("L7263",))]


def test_the_applicant_named_before_whole_requirements_is_none_of_them():
    found = find_conditions("申请兑现的企业，近三年内不得发生重大安全、质量、环境污染事故，且不得被列入严重失信主体名单。", 0, "一、",
                            region_code=None)
    assert [t for _, t in found.leftovers] == ["近三年内不得发生重大安全、质量、环境污染事故", "且不得被列入严重失信主体名单"]


def test_a_bare_refusal_closes_the_case_before_it_but_a_bare_duty_stays():
    found = find_conditions("有违法记录的企业，不予补贴；申报企业不得有欠税。", 0, "三、", region_code=None, negated=False)
    texts = [t for _, t in found.leftovers]
    assert "不予补贴" not in "".join(texts)
    assert any("不得有欠税" in t for t in texts)


def test_what_the_loan_may_not_pay_for_is_no_industry_exclusion_but_a_state_owned_firm_is_left_out():
    assert keys("企业不得将贷款资金用于股权投资或者房地产开发。") == set()
    assert keys("小型、微型企业（国有及国有控股企业除外）", negated=False) >= {("not_in", "ownership", ("国有",))}


def test_projects_left_out_by_a_deal_or_a_quasi_financial_trade_are_read():
    found = find_conditions("已按“一事一议”方式另行约定支持政策的项目。", 0, "第二条", region_code=None, negated=True)
    assert [t for _, t in found.leftovers] == ["已按“一事一议”方式另行约定支持政策的项目"]
    assert keys("金融和类金融项目", negated=True) == {("not_in", "industry", ("J",))}


def test_a_name_or_a_landlord_is_no_size_or_ownership_of_the_firm():
    assert keys("在全国中小企业股份转让系统挂牌的") == set()
    assert ("eq", "ownership", "国有") not in keys("承租区属国有企业经营性用房的个体工商户")
    assert keys("国有企业除外", negated=True) == {("not_in", "ownership", ("国有",))}


def test_requirements_before_waived_rent_and_a_case_let_off_are_read():
    passages = [Passage("对在开发区内租用标准化厂房的制造业企业，租赁面积达到1000平方米以上的，第一年租金全免。"
                        "实际生产经营内容与入园协议约定不符的除外。", 0, "六、", False, False, False)]
    texts = [c.text for c in read_passages(passages, "511923").conditions if c.op == "unknown"]
    assert "租赁面积达到1000平方米以上" in texts
    assert any(t.startswith("实际生产经营内容与入园协议约定不符") for t in texts)


def test_every_alias_the_profile_table_knows_is_read_as_a_qualification():
    assert keys("州级以上农业产业化重点龙头企业") == {("has", "qualifications", "农业产业化龙头企业")}
    assert keys("国家知识产权示范企业") == {("has", "qualifications", "知识产权示范企业")}


def test_a_place_before_the_registration_it_hosts_and_a_threshold_label_are_read():
    assert keys("须在包头市办理工商注册和税务登记", region="150200") == {("within", "region_code", "150200")}
    from recommender.text.headings import heading_role
    assert heading_role("通用门槛") == "conditions"
    assert heading_role("调整小微企业流动资金贷款贴息门槛") is None


def test_a_range_with_inclusive_marks_is_two_bounds():
    assert keys("上一年度营业收入在100万元（含）至2000万元（含）之间") == {("ge", "revenue", 100), ("le", "revenue", 2000)}


def test_an_exclusion_list_reads_examples_boilerplate_and_either_case_as_a_reviewer_would():
    passages = [
        Passage("小额贷款公司、典当行、融资租赁公司等金融和类金融企业；", 0, "二、（二）", True, True, True),
        Passage("属于国家产业政策限制类、淘汰类项目的企业；", 30, "二、（三）", True, True, True),
        Passage("被列入严重失信主体名单，或者近三年内存在科研失信行为记录的。", 60, "二、（四）", True, True, True),
    ]
    found = read_passages(passages, None)
    assert {c.key() for c in found.conditions if c.field} == {("not_in", "industry", ("J",))}
    unknowns = [c for c in found.conditions if c.op in ("unknown", "any_of")]
    assert [c.op for c in unknowns] == ["unknown"] and "或者" in unknowns[0].text
    assert found.assumed


def test_the_labels_of_a_policy_card_have_their_roles():
    from recommender.text.headings import heading_role
    assert [heading_role(h) for h in ("谁能享受", "享受什么", "找谁办")] == ["conditions", "standard", "procedure"]


def test_a_case_let_back_into_an_exclusion_is_not_turned_around():
    found = find_conditions("纳税信用等级为C级、D级的，但成立不满两年的企业除外；", 0, "一、（二）", region_code=None,
                            negated=True)
    (group,) = found.conditions
    assert group.op == "any_of"
    assert {c.key() for c in group.any_of} == {("not_in", "tax_credit", ("C", "D")), ("lt", "age_years", 2)}


@pytest.mark.parametrize(("text", "codes"), [("从事道路货物运输或者仓储业", ("G543", "G59")),
                                           ("电子设备制造企业", ("C39",)), ("从事麻纺织", ("C173",))])
def test_common_trade_words_resolve_to_their_class(text, codes):
    assert keys(text) == {("in", "industry", codes)}


def test_trades_named_by_their_full_class_name():
    assert keys("主营房地产开发经营的企业", negated=True) == {("not_in", "industry", ("K7010",))}
    assert keys("从事谷物磨制的企业") == {("in", "industry", ("C131",))}


def test_an_officers_listing_as_dishonest_is_not_the_firms():
    assert keys("企业及其实际控制人未被列为失信被执行人") == {("eq", "dishonest", False)}
    found = find_conditions("其法定代表人被列为失信被执行人的", 0, "一、", region_code=None, negated=True)
    assert "dishonest" not in {c.field for c in found.conditions}


def test_either_case_of_an_exclusion_is_a_requirement_of_its_own():
    text = "企业被列为失信被执行人，或者其法定代表人、实际控制人被列为失信被执行人的"
    found = find_conditions(text, 0, "一、", region_code=None, negated=True)
    assert [c.op for c in found.conditions] == ["eq", "unknown"]
    assert found.conditions[1].text == "其法定代表人、实际控制人被列为失信被执行人"


def test_how_a_figure_is_counted_is_no_part_of_the_requirement():
    from recommender.text.phrases import requirement_text

    assert requirement_text("当年实际到位外资金额达到1000万美元以上（以商务部门统计为准）。") == "当年实际到位外资金额达到1000万美元以上"
    assert requirement_text("项目固定资产投资（不含土地价款）达到1亿元以上") == "项目固定资产投资（不含土地价款）达到1亿元以上"


def test_run_together_trade_pairs_and_state_ownership_before_a_trade():
    assert keys("从事批发零售、住宿餐饮的企业") == {("in", "industry", ("F", "H"))}
    assert keys("国有及国有控股物流企业", negated=True) == {("not_in", "ownership", ("国有",))}


@pytest.mark.parametrize("phrase", ["《若干政策》的支持对象", "需要提醒的是", "不能享受《若干政策》中的任何一项支持"])
def test_discourse_words_are_no_requirements(phrase):
    from recommender.text.phrases import NOT_REQUIREMENT

    assert NOT_REQUIREMENT.search(phrase)


def test_a_promise_not_to_move_away_names_no_registration():
    assert "region_code" not in {k[1] for k in keys("但获奖企业须承诺三年内不将注册地迁出本州", region="522600")}
    assert keys("在本州注册登记", region="522600") == {("within", "region_code", "522600")}


def test_a_listed_tier_of_thresholds_requires_its_lowest_step():
    assert keys("上一年度营业收入超过5亿元、2亿元、1亿元的物流企业") >= {("gt", "revenue", 10000)}
    assert ("gt", "revenue", 50000) not in keys("上一年度营业收入超过5亿元、2亿元、1亿元的物流企业")
    assert keys("从业人员不超过100人、200人") == {("le", "employees", 200)}


def test_one_side_of_an_or_inside_a_phrase_that_no_field_checks_is_an_unknown_alternative():
    found = find_conditions("对2025年1月1日以后在我区新注册或者由区外整体迁入的软件企业", 0, "一、", region_code="500104")
    group = next(c for c in found.conditions if c.op == "any_of")
    assert [(c.op, c.text) for c in group.any_of] == [("ge", "2025年1月1日以后"), ("unknown", "由区外整体迁入")]
    assert ("in", "industry", ("I65",)) in {c.key() for c in found.conditions}  # the subject both sides share
    assert "any_of" not in {c.op for c in find_conditions("新认定为市级或者国家级农业产业化龙头企业", 0, "一、",
                                                         region_code=None).conditions}


def test_one_trades_sales_threshold_is_no_revenue_bound_on_every_firm():
    found = find_conditions("当年度批发业销售额达到2000万元或者零售业销售额达到500万元的企业", 0, "二、", region_code=None)
    assert "revenue" not in {c.field for c in found.conditions}
    assert keys("企业上年度营业收入达到2000万元") == {("ge", "revenue", 2000)}


@pytest.mark.parametrize("phrase", ["将《若干政策》第六条“技术改造补助”修改为", "在《若干政策》第七条后增加一条，作为第七条之一",
                                    "仍应当符合《若干政策》第三条规定的基本条件，即"])
def test_the_words_of_an_amendment_are_no_requirements(phrase):
    from recommender.text.phrases import NOT_REQUIREMENT

    assert NOT_REQUIREMENT.search(phrase)


def test_a_fee_or_a_contract_term_describing_the_applicant_is_no_benefit():
    found = find_conditions("通过区内政府性融资担保机构获得银行贷款、担保费率不超过1%的小型、微型企业", 0, "5.", region_code=None)
    assert ("in", "size", ("小型", "微型")) in {c.key() for c in found.conditions}
    assert any("担保机构获得银行贷款" in t for _, t in found.leftovers)
    found = find_conditions("单店经营面积不低于200平方米且租赁合同期限在3年以上的", 0, "四、", region_code=None)
    assert any("租赁合同期限在3年以上" in t for _, t in found.leftovers)


def test_how_long_a_land_right_is_leased_is_not_the_firms_age():
    assert "age_years" not in {k[1] for k in keys("林地经营权流转期限不少于10年")}


def test_a_category_after_fei_is_left_out():
    assert keys("非外商投资企业") == {("not_in", "ownership", ("外资",))}
    assert keys("属于外商投资企业") == {("eq", "ownership", "外资")}


def test_who_applies_and_boilerplate_duties_are_no_requirements():
    p = Passage("申请《举措》支持的，企业还应当依法诚信经营。", 0, "二、", True, False, True)
    found = read_passages([p], None)
    assert found.conditions == [] and "依法诚信经营" in found.assumed


def test_a_benefit_already_had_in_a_refused_case_is_the_case():
    found = find_conditions("同一项目已经拿到其他财政补助的。", 0, "三、4.", region_code=None, negated=True)
    assert any("已经拿到其他财政补助" in t for _, t in found.leftovers)
    from recommender.text.headings import heading_role

    assert heading_role("同一项目已经拿到其他财政补助的") is None  # not the 其他 of 五、其他
    assert heading_role("其他事项") == "procedure"


def test_either_list_in_a_refused_case_is_two_requirements():
    found = find_conditions("被列入失信被执行人名单或者严重失信主体名单的；", 0, "（1）", region_code=None, negated=True)
    assert [(c.op, c.text) for c in found.conditions] == [("eq", "失信被执行人"), ("unknown", "严重失信主体名单")]


def test_a_relation_held_here_and_a_listing_avoided_are_two_requirements():
    found = find_conditions("统计关系在中山市，近三年未被列入严重失信主体名单，", 0, "三、", region_code=None)
    assert [t for _, t in found.leftovers] == ["统计关系在中山市", "近三年未被列入严重失信主体名单"]


def test_equal_treatment_of_foreign_firms_sets_no_condition():
    assert keys("外商投资企业与内资企业同等适用本意见。") == set()


def test_where_a_firm_is_holds_for_either_case_of_an_or():
    found = find_conditions("2024年1月1日以后在海口市新设立，或者从海口市以外整体迁入；", 0, "三、2.", region_code="460100")
    assert ("within", "region_code", "460100") in {c.key() for c in found.conditions}
    group = next(c for c in found.conditions if c.op == "any_of")
    assert [(c.op, c.text) for c in group.any_of] == [("ge", "2024年1月1日以后"), ("unknown", "从海口市以外整体迁入")]


def test_invoiced_sales_over_a_rolling_year_are_no_revenue_bound():
    found = find_conditions("近12个月增值税开票销售额不低于80万元；", 0, "3.", region_code=None)
    assert "revenue" not in {c.field for c in found.conditions}
    assert any("开票销售额不低于80万元" in t for _, t in found.leftovers)


@pytest.mark.parametrize(("raw", "text"), [("● 需要注意：团队游客须持有效行程单", "团队游客须持有效行程单"),
                                           ("▲ 支持谁：取得旅行社业务经营许可证", "取得旅行社业务经营许可证")])
def test_a_bullet_and_its_label_are_no_part_of_a_requirement(raw, text):
    from recommender.text.phrases import requirement_text

    assert requirement_text(raw) == text


@pytest.mark.parametrize(("text", "key"), [
    ("是指在本市登记注册的非国有控股、非外商投资的企业。", ("not_in", "ownership", ("国有", "外资"))),
    ("申请企业不属于国有企业或外商投资企业。", ("not_in", "ownership", ("国有", "外资"))),
    ("国有控股企业不享受此项贴息。", ("not_in", "ownership", ("国有",))),
])
def test_forms_of_ownership_ruled_out_together_are_one_condition(text, key):
    found = find_conditions(text, 0, "二、", region_code=None)
    assert [c.key() for c in found.conditions if c.field == "ownership"] == [key]


def test_a_share_of_a_benefit_for_some_firms_sets_no_requirement():
    found = find_conditions("成功上市后奖励300万元。国有控股企业按上述标准的50%给予奖励。", 0, "三、", region_code=None)
    assert found.conditions == [] and found.leftovers == []


@pytest.mark.parametrize(("text", "key"), [
    ("申请企业不属于房地产、金融、类金融行业。", ("not_in", "industry", ("K", "J"))),
    ("主要从事制造、批发和零售业的企业", ("in", "industry", ("C", "F"))),
])
def test_a_trade_listed_beside_an_industry_without_its_ending_is_that_industry(text, key):
    assert (key[0], key[1], frozenset(key[2])) in {(k[0], k[1], frozenset(k[2])) for k in keys(text)}


def test_a_bare_trade_word_alone_names_no_industry():
    assert not any(k[1] == "industry" for k in keys("支持企业开展金融创新。"))


def test_a_trade_that_takes_no_part_in_an_item_is_left_out():
    found = find_conditions("属于零售业、住宿业或者餐饮业企业，批发业企业不参与本项申报。", 0, "1.", region_code=None)
    assert ("not_in", "industry", ("F51",)) in {c.key() for c in found.conditions}


def test_a_comma_before_a_year_ends_the_phrase_so_the_let_off_case_is_an_alternative():
    found = find_conditions("纳税信用等级为B级以上，2025年以后新设立、尚未参加纳税信用评价的企业不受此限。", 0, "一、", region_code=None)
    (group,) = found.conditions
    assert group.op == "any_of"
    assert [c.op for c in group.any_of] == ["in", "unknown"]
    assert found.conditions[0].any_of[1].text.startswith("2025年以后新设立")


def test_when_one_applies_is_no_requirement_and_two_whole_requirements_stay_two():
    found = find_conditions("申请时，企业须未被列入严重失信主体名单，且近三年内未受到证券监管部门的行政处罚。", 0, "二、",
                            region_code=None)
    texts = [t for _, t in found.leftovers]
    assert len(texts) == 2 and not any("申请时" in t for t in texts)
    assert texts[1].endswith("未受到证券监管部门的行政处罚")


@pytest.mark.parametrize("text", ["高耗能行业企业不享受本条补贴。", "高耗能行业企业不得申请本项补贴。"])
def test_a_refused_subject_no_field_checks_is_kept_as_a_requirement(text):
    found = find_conditions(text, 0, "3.", region_code=None)
    assert [t for _, t in found.leftovers] == [text.rstrip("。")]


@pytest.mark.parametrize(("text", "key"), [
    ("以上奖励的申报企业须在马鞍山市登记注册。", ("within", "region_code", "340500")),
    ("上年度纳税信用等级未被评为D级。", ("not_in", "tax_credit", ("D",))),
])
def test_support_named_above_and_a_rating_never_given_read_as_requirements(text, key):
    assert key in keys(text, region="340500")


def test_two_subjects_left_out_together_are_two_requirements():
    found = find_conditions("同时，被列入严重失信主体名单的企业，以及近两年内发生较大及以上生产安全事故的企业，不能享受《措施》各项支持。",
                            0, "二、", region_code=None)
    assert [t for _, t in found.leftovers] == ["被列入严重失信主体名单的企业", "以及近两年内发生较大及以上生产安全事故的企业"]


def test_a_joining_word_is_no_part_of_a_requirements_text():
    from recommender.text.phrases import requirement_text

    assert requirement_text("以及近两年内发生较大及以上生产安全事故的企业").startswith("近两年内")


def test_where_taxes_are_settled_is_a_requirement_beside_the_registration():
    found = find_conditions("在万州区注册登记、税收解缴关系在万州区，且具有独立法人资格", 0, "第三条", region_code="500101")
    assert [(c.field, c.value) for c in found.conditions] == [("region_code", "500101")]
    assert [t for _, t in found.leftovers] == ["税收解缴关系在万州区"]
    joined = find_conditions("注册地和税收征管关系均在金华市行政区域内", 0, "二、", region_code="330700")
    assert joined.leftovers == []


def test_an_alternative_naming_one_of_a_list_joins_the_or_group():
    found = find_conditions("申请企业应当拥有有效发明专利1件以上，或者属于科技型中小企业、高新技术企业之一", 0, "一、",
                            region_code=None)
    (group,) = found.conditions
    assert group.op == "any_of"
    assert [(c.field, c.value) for c in group.any_of] == [
        ("invention_patents", 1), ("qualifications", "科技型中小企业"), ("qualifications", "高新技术企业")]


def test_firms_of_the_documents_own_area_are_a_region_requirement():
    assert ("within", "region_code", "341100") in keys("对辖内小型、微型企业的流动资金周转贷款", region="341100")
    assert ("within", "region_code", "511724") in keys("县内企业首次从银行拿到贷款的", region="511724")
    assert not any(k[1] == "region_code" for k in keys("从县内银行业金融机构取得的贷款", region="511724"))


def test_push_message_wording_resolves_trades_first_loans_and_purchases():
    assert ("in", "industry", ("F", "H")) in keys("限上批零住餐企业二季度销售额同比增长15%以上的")
    assert ("in", "industry", ("C1512", "C173")) in keys("苎麻纺织、白酒酿造企业新购生产设备投资200万元以上的")
    assert ("eq", "has_bank_loan", False) in keys("县内小型、微型企业首次从银行拿到贷款的")
    found = find_conditions("白酒酿造企业新购生产设备投资200万元以上的", 0, "一、", region_code=None)
    assert [t.removeprefix("企业") for _, t in found.leftovers] == ["新购生产设备投资200万元以上"]


def test_a_window_of_registration_gives_both_bounds():
    assert keys("登记日期在2025年1月1日至2026年12月31日之间") >= {
        ("ge", "established", "2025-01-01"), ("le", "established", "2026-12-31")}
    assert keys("于2025年1月1日至12月31日期间新设立的企业") >= {
        ("ge", "established", "2025-01-01"), ("le", "established", "2025-12-31")}


def test_facts_of_the_firm_the_applicant_was_before_are_no_field_of_its_own():
    found = find_conditions("原个体工商户在本市登记，转型前已连续经营满两年，且上一年度应税销售额不低于60万元；", 0, "二、①",
                            region_code="510682")
    assert found.conditions == []
    assert found.leftovers


def test_a_requirement_no_field_checks_with_a_young_firm_let_off_is_an_either():
    found = find_conditions("上年度在本市缴纳税收十万元以上，成立未满两年的企业除外；", 0, "2.2(2)", region_code=None)
    (either,) = found.conditions
    assert either.op == "any_of"
    assert [(c.op, c.field) for c in either.any_of] == [("unknown", None), ("lt", "age_years")]
    assert either.any_of[0].text == "上年度在本市缴纳税收十万元以上"


def test_firms_of_every_kind_funds_use_and_an_officer_beside_the_applicant():
    assert not any(k[1] == "ownership" for k in keys("是指在本县行政区域内登记注册的企业和个体工商户"))
    assert not any(k[1] == "ownership" for k in keys("从事网络销售的增值税小规模纳税人（含个体工商户）"))
    assert ("eq", "ownership", "个体工商户") in keys("对个体工商户给予补贴")
    assert not any(k[1] == "industry" for k in keys("贷款资金用于非农业生产经营或者被挪用的", negated=True))
    assert ("eq", "dishonest", False) in keys("申报主体或者其法定代表人被列为失信被执行人的", negated=True)
    assert ("in", "industry", ("A01", "A03")) in keys("从事种植业、养殖业的家庭农场")


def test_an_excluded_trade_of_sole_traders_leaves_out_the_trade_not_every_sole_trader():
    excluded = keys("从事网吧、歌舞厅娱乐经营的个体工商户", negated=True)
    assert ("not_in", "industry", ("R9011", "R9013")) in excluded or ("not_in", "industry", ("R9013", "R9011")) in excluded
    assert not any(k[1] == "ownership" for k in excluded)
    assert ("not_in", "ownership", ("国有",)) in keys("房地产业、金融业企业及国有企业除外", negated=True)
    assert ("in", "industry", ("F52", "H", "R88", "R90")) in keys("从事住宿、餐饮、零售或者文化娱乐经营的企业")


def test_listed_trades_read_by_the_start_of_a_class_name_or_their_institutions():
    def industries(text):
        return [set(k[2]) for k in keys(text, negated=True) if k[1] == "industry"]

    assert industries("从事房地产开发、小额贷款、典当业务的企业") == [{"K7010", "J6635", "J6633"}]  # 小额贷款公司服务
    assert industries("从事网吧、歌舞厅娱乐、洗浴等行业的创业实体") == [{"R9013", "R9011", "O8051"}]  # 洗浴服务
    assert industries("房地产开发企业、金融机构不适用本措施") == [{"K7010", "J"}]  # financial institutions are a trade
    assert industries("消防、卫生等部门检查合格的房地产开发企业") == [{"K7010"}]  # offices, not trades
    assert ("in", "industry", ("C", "M")) in keys("从事制造业或者科技服务业的中小微企业")


def test_others_left_out_by_a_subject_of_their_own_leave_the_firms_taken_in_required():
    found = keys("服务对象：依法纳税、纳税信用良好的小微企业，个体工商户不适用本产品")
    assert ("in", "size", ("小型", "微型")) in found  # the firms served
    assert ("not_in", "ownership", ("个体工商户",)) in found  # the ones left out
    only = keys("该项仅支持农业企业，农民专业合作社、家庭农场不得申报")
    assert not any(k[1] == "industry" and k[0] == "not_in" for k in only)  # the trade supported is not the one left out
    either = keys("营业收入低于500万元的企业，或者纳税信用等级为D级的企业不予支持")
    assert ("not_in", "tax_credit", ("D",)) in either and any(k[1] == "revenue" for k in either)


def test_a_kind_of_firm_listed_beside_an_excluded_class_is_a_requirement_of_its_own():
    from recommender.text.conditions import find_conditions

    found = find_conditions("申请企业不属于房地产开发企业和地方政府融资平台公司", 0, "", region_code=None)
    assert [t for _, t in found.leftovers] == ["地方政府融资平台公司"]  # left for an unknown requirement
    first_loan = find_conditions("成立未满三年、此前在银行业金融机构无贷款记录的小型企业", 0, "", region_code=None)
    assert not any("金融机构" in t for _, t in first_loan.leftovers)  # the frame of a hit, no kind of firm
    audited = find_conditions("在镇江市注册、实行查账征收的企业", 0, "", region_code=None)
    assert [t for _, t in audited.leftovers] == ["实行查账征收的企业"]  # what the firms beside the place must do


def test_a_short_tax_relation_and_a_record_after_a_filing_are_requirements_of_their_own():
    relation = find_conditions("在沙坡头区注册登记、税收关系在本区的独立法人企业", 0, "", region_code="640502")
    assert [t for _, t in relation.leftovers] == ["税收关系在本区"]
    record = find_conditions("已办理对外贸易经营者备案登记和海关进出口货物收发货人备案，且2024年度有进出口实绩的外贸经营主体",
                             0, "", region_code=None)
    assert len(record.leftovers) == 2 and "2024年度有进出口实绩" in record.leftovers[1][1]  # its own requirement


def test_a_finance_class_closing_a_list_of_its_members_is_said_by_them():
    def industries(text):
        return [set(k[2]) for k in keys(text, negated=True) if k[1] == "industry"]

    assert industries("从事房地产开发经营以及小额贷款、典当等类金融业务的企业") == [{"K7010", "J6635", "J6633"}]
    assert industries("从事房地产开发经营、典当或者融资租赁业务的") == [{"K7010", "J6633", "J6631"}]  # not 租赁业
    assert industries("从事房地产开发经营、类金融业务的企业") == [{"K7010", "J"}]  # no members: the class
    assert not any(k[1] == "industry" for k in keys("企业通过融资租赁方式购置设备的"))  # a way to pay, no trade


def test_bounds_of_two_measures_joined_by_or_are_either_unless_ruled_out():
    found = find_conditions("年营业收入超过500万元或者雇工人数在10人以上的个体工商户", 0, "", region_code=None).conditions
    (either,) = [c for c in found if c.op == "any_of"]
    assert [(c.field, c.op, c.value) for c in either.any_of] == [("revenue", "gt", 500), ("employees", "ge", 10)]
    assert either.text == "年营业收入超过500万元或者雇工人数在10人以上"
    ruled_out = find_conditions("营业收入低于500万元或者从业人数少于10人的，不予支持", 0, "", region_code=None).conditions
    assert not any(c.op == "any_of" for c in ruled_out) and len(ruled_out) == 2  # either rules the firm out
    assert ("ge", "established", "2024-01-01") in {c.key() for c in find_conditions(
        "2024年1月1日以后首次登记的个体工商户", 0, "", region_code=None).conditions}


def test_a_size_that_has_a_rule_of_its_own_is_no_requirement():
    looser = keys("上年度未裁员或裁员率不高于5.5%，30人（含）以下的参保企业裁员率不高于参保职工总数20%的")
    assert not any(k[1] == "employees" for k in looser)  # small firms meet a looser rule; big ones still apply
    apart = keys("职工30人（含）以下的企业，裁员率不高于参保职工总数20%的")
    assert not any(k[1] == "employees" for k in apart)
    assert ("le", "employees", 30) in keys("从业人员30人（含）以下的企业")  # a size alone is still required


def test_a_higher_rate_for_some_firms_is_no_requirement():
    found = find_conditions("按实际支付利息的百分之三十给予贴息。民营企业贴息比例提高至百分之四十。", 0, "二、", region_code=None)
    assert not any(c.field == "ownership" for c in found.conditions)


def test_the_sole_trader_a_firm_was_before_is_no_ownership_of_its_own():
    assert not any(k[1] == "ownership" for k in keys("转型企业与原个体工商户的经营者、经营场所基本一致"))


def test_a_second_blacklist_beside_the_debtors_one_is_a_requirement_of_its_own():
    found = read_passages([Passage("未被列入失信被执行人名单和严重失信主体名单；", 0, "（六）", True, False, True)], None)
    assert [(c.op, c.field, c.text) for c in found.conditions] == [
        ("eq", "dishonest", "失信被执行人"), ("unknown", None, "严重失信主体名单")]


def test_the_rating_named_after_2022_as_纳税缴费信用_is_the_tax_credit_field():
    assert ("in", "tax_credit", ("A", "B")) in keys("纳税缴费信用等级为A级或者B级")


def test_names_of_bodies_and_markets_holding_中小企业_set_no_size():
    assert not any(k[1] == "size" for k in keys("在全国中小企业股份转让系统挂牌的企业"))
    assert not any(k[1] == "size" for k in keys("经市中小企业服务中心推荐的企业"))
    assert not any(k[1] == "size" for k in keys("联系人：省工业和信息化厅中小企业处"))
    assert ("in", "size", ("中型", "小型", "微型")) in keys("在本县注册的中小企业")


def test_a_place_name_two_regions_share_resolves_in_the_documents_own_province():
    from recommender.text.conditions import find_conditions

    text = "工商注册关系在江北区的企业。"
    (in_chongqing,) = find_conditions(text, 0, "", region_code="500105").conditions
    (in_ningbo,) = find_conditions(text, 0, "", region_code="330200").conditions
    assert (in_chongqing.value, in_ningbo.value) == ("500105", "330205")
    assert find_conditions("在婺源县注册登记的企业。", 0, "", region_code="361100").conditions[0].value == "361130"


def test_statistics_registry_status_is_an_unknown_requirement_unless_a_revenue_bound_spells_it_out():
    from recommender.text.extract import extract_policy

    text = ("# 首台套保险补偿\n\n一、申报主体\n\n申报单位应为在南阳市注册的规模以上工业企业。\n\n"
            "二、支持内容\n\n按年度实际保费的60%给予补偿。\n")
    (item,) = extract_policy(text, "s", {"region_code": "411300"}).items
    assert "规模以上" in [c.text for c in item.conditions if c.op == "unknown"]
    assert any(c.field == "industry" for c in item.conditions)
    spelled = text.replace("规模以上工业企业。", "规模以上工业企业（年主营业务收入2000万元及以上）。")
    (item,) = extract_policy(spelled, "s", {"region_code": "411300"}).items
    assert not any(c.op == "unknown" and "规模以上" in c.text for c in item.conditions)
    assert any(c.field == "revenue" for c in item.conditions)
    (item,) = extract_policy(text.replace("规模以上工业企业", "首次纳入规模以上工业统计的企业"), "s", {"region_code": "411300"}).items
    assert "规模以上" not in [c.text for c in item.conditions]


def test_a_trade_inside_another_listed_one_is_dropped_and_named_trades_resolve():
    from recommender.text.condition_patterns import cover

    assert cover(["J", "J6633"]) == ["J"]
    assert cover(["C13", "C"]) == ["C"]
    found = find_conditions("从事房地产中介、典当等行业的企业。", 0, "", region_code=None).conditions
    assert [c.value for c in found if c.field == "industry"] == [("K7030", "J6633")]
    tea = find_conditions("从事茶叶种植或者茶叶批发零售的企业。", 0, "", region_code=None).conditions
    assert set(tea[0].value) == {"A0164", "F5127", "F5226"}


def test_a_requirement_to_be_announced_later_is_none():
    from recommender.text.phrases import NOT_REQUIREMENT

    assert NOT_REQUIREMENT.search("具体要求另行公布")


def test_a_case_refused_an_award_after_a_semicolon_is_left_out():
    text = "申请奖励的单位应当依法纳税；纳税信用等级为D级的，不予奖励。"
    (rating,) = [c for c in find_conditions(text, 0, "", region_code=None).conditions if c.field == "tax_credit"]
    assert (rating.op, rating.value) == ("not_in", ("D",))


def test_serious_dishonest_conduct_beside_the_debtor_list_is_a_requirement_of_its_own():
    found = find_conditions("企业存在严重失信行为、被列为失信被执行人的，不予兑现奖励。", 0, "", region_code=None)
    assert any(c.field == "dishonest" for c in found.conditions)
    assert any("严重失信行为" in t for _, t in found.leftovers)


def test_a_lead_announcing_how_many_conditions_follow_is_no_requirement():
    from recommender.text.phrases import NOT_REQUIREMENT

    assert NOT_REQUIREMENT.search("要同时满足四个条件")
    assert not NOT_REQUIREMENT.search("须具备三年以上同类项目运营经验")


def test_firms_cooperatives_and_sole_traders_together_require_no_ownership():
    text = "支持对象为在南川区注册登记的企业、农民专业合作社和个体工商户。"
    assert not any(c.field == "ownership" for c in find_conditions(text, 0, "", region_code="500119").conditions)
    assert any(c.field == "ownership" for c in find_conditions("支持对象为个体工商户。", 0, "", region_code=None).conditions)


def test_two_cases_before_an_offer_are_both_required_not_a_bound_and_its_tier():
    text = "对上年度营业收入在500万元以上的企业，当年新购置生产设备且设备投资额达到100万元以上的，按设备购置金额的10%给予补助。"
    found = find_conditions(text, 0, "", region_code=None)
    assert [(c.op, c.value) for c in found.conditions if c.field == "revenue"] == [("ge", 500)]
    assert not any(c.op == "any_of" for c in found.conditions)


def test_a_long_heading_naming_the_conditions_to_be_met_heads_conditions():
    from recommender.text.headings import heading_role
    assert heading_role("享受上述支持须持续满足的条件") == "conditions"
    assert heading_role("企业应当具备的条件") == "conditions"
    assert heading_role("贵公司可以申请的支持事项") is None


def test_a_deduction_the_firm_has_claimed_describes_it_and_is_no_offer():
    found = find_conditions("在税务部门办理研发费用加计扣除的科技型中小企业或者高新技术企业。", 0, "二、", region_code=None)
    (either,) = found.conditions
    assert either.op == "any_of"
    assert {c.value for c in either.any_of} == {"科技型中小企业", "高新技术企业"}


def test_the_frame_of_a_title_is_no_requirement_and_a_falsified_application_is_a_refused_case():
    found = find_conditions("已通过2025年度科技型中小企业评价并取得入库登记编号的企业", 0, "一、", region_code=None)
    assert [(c.field, c.value) for c in found.conditions] == [("qualifications", "科技型中小企业")]
    assert found.leftovers == []
    from recommender.text.extract import extract_policy
    doc = "# 某市补贴细则\n\n第一条 有下列情形之一的企业，不予补贴：\n\n（一）被列入失信被执行人名单的；\n\n（二）申报材料弄虚作假的。\n\n第二条 对企业投保出口信用保险的，按保费的50%给予补贴。\n"
    (item,) = extract_policy(doc, "refused", {}).items
    assert any(c.op == "unknown" and "弄虚作假" in c.text for c in item.conditions), item.conditions


def test_members_of_an_inline_one_of_list_are_alternatives():
    from recommender.text.passages import Passage
    from recommender.text.requirements import read_passages
    text = "上年度营业收入在两千万元以下，且符合以下条件之一：研发费用占营业收入的比例达到百分之六以上；拥有有效发明专利3件以上。"
    found = read_passages([Passage(text, 0, "一、", True, False, False)], None)
    revenue, either = found.conditions
    assert revenue.field == "revenue"
    assert either.op == "any_of" and {c.field for c in either.any_of} == {"rd_ratio", "invention_patents"}


def test_registration_in_the_autonomous_region_and_a_refused_award_subsidy():
    found = find_conditions("为在自治区内注册登记的小型、微型企业提供的贷款担保", 0, "一、", region_code="450000")
    assert ("region_code", "450000") in {(c.field, c.value) for c in found.conditions}
    found = find_conditions("被担保企业属于房地产开发经营企业的，或者被担保企业为失信被执行人的，相关业务不予奖补。", 0, "二、",
                            region_code=None)
    assert {(c.field, c.op) for c in found.conditions} == {("industry", "not_in"), ("dishonest", "eq")}


def test_whom_the_support_is_for_opens_a_requirement_without_being_an_offer():
    found = find_conditions("享受奖补的企业上年度内不得发生较大及以上安全生产事故。", 0, "一、", region_code=None)
    assert found.leftovers and "不得发生较大及以上安全生产事故" in found.leftovers[0][1]
    from recommender.text.phrases import requirement_text
    assert requirement_text("享受本措施支持的经营主体，不得被列入经营异常名录") == "不得被列入经营异常名录"


def test_requirements_after_the_last_alternative_bind_every_alternative():
    from recommender.text.passages import Passage
    from recommender.text.requirements import read_passages
    text = "用人单位招用登记失业青年，或者离校两年内未就业的高校毕业生，与其签订1年以上劳动合同，并为其缴纳失业保险费满3个月。"
    found = read_passages([Passage(text, 0, "二、", True, False, True)], None)
    either = [c for c in found.conditions if c.op == "any_of"]
    assert len(either) == 1 and len(either[0].any_of) == 2
    assert not any("劳动合同" in c.text for c in either[0].any_of)
    texts = [c.text for c in found.conditions if c.op == "unknown"]
    assert "与其签订1年以上劳动合同" in texts and "为其缴纳失业保险费满3个月" in texts, texts


def test_a_period_in_another_alternative_is_no_age_of_the_firm():
    found = find_conditions("已在郴州市登记注册，或者承诺入驻后3个月内将注册地址变更至基地", 0, "一、", region_code="431000")
    assert not any(c.field == "age_years" for c in found.conditions)
    assert [c.value for c in find_conditions("注册满3年的企业", 0, "一、", region_code=None).conditions] == [3]
    window = find_conditions("新设外商投资企业，自设立之日起一年内实际使用外资达到1000万美元以上", 0, "三、", region_code=None)
    assert not any(c.field == "age_years" for c in window.conditions)
    assert [c.value for c in find_conditions("自成立之日起满一年", 0, "一、", region_code=None).conditions] == [1]


def test_each_kind_of_applicant_with_its_own_duty_is_one_alternative():
    from recommender.text.passages import Passage
    from recommender.text.requirements import read_passages
    text = "在汉源县依法登记的家庭农场和农民专业合作社，家庭农场应当纳入全国家庭农场名录系统，农民专业合作社应当为县级以上示范社。"
    found = read_passages([Passage(text, 0, "二、", True, False, False)], None)
    (either,) = [c for c in found.conditions if c.op == "any_of"]
    assert [c.text for c in either.any_of] == ["家庭农场应当纳入全国家庭农场名录系统", "农民专业合作社应当为县级以上示范社"]


def test_the_firm_joined_to_another_party_stays_in_the_requirement():
    from recommender.text.phrases import requirement_text

    assert requirement_text("企业及实际控制人征信良好") == "企业及实际控制人征信良好"
    assert requirement_text("企业须近两年无欠薪记录") == "近两年无欠薪记录"  # the bare subject and duty still go


def test_the_name_of_a_support_before_its_case_gives_nothing_yet():
    assert keys("一是研发投入后补助，上年度研发费用占营业收入的比例达到百分之十以上的，按上年度研发费用的10%给予补助") == {
        ("ge", "rd_ratio", 0.1)}
    assert keys("科技保险补贴，上年度营业收入不超过2000万元的，按保费的50%给予补贴") == {("le", "revenue", 2000)}


def test_the_other_side_of_an_or_read_as_its_own_requirement_leaves_no_scrap_behind():
    found = find_conditions("存在失信被执行人记录或者被列入严重违法失信名单的企业，不享受本公告各项支持。", 0, "四、", region_code=None)
    assert ("eq", "dishonest", False) in {c.key() for c in found.conditions}
    assert not any("记录或者" in t for _, t in found.leftovers), found.leftovers


def test_never_having_had_the_support_is_a_requirement_not_what_is_given():
    found = find_conditions("上年度进出口额较前一年度增长百分之二十以上；同一企业此前未获得过本项奖励。", 0, "二、", region_code=None)
    assert "同一企业此前未获得过本项奖励" in [t for _, t in found.leftovers]


def test_a_figure_broken_through_beside_a_size_word_is_kept_as_a_requirement():
    found = find_conditions("上年度进出口额首次突破1000万美元的中小外贸企业。", 0, "二、", region_code=None)
    assert ("in", "size", ("中型", "小型", "微型")) in {c.key() for c in found.conditions}
    assert "上年度进出口额首次突破1000万美元" in [t for _, t in found.leftovers]


def test_a_least_loan_term_is_required_of_the_loan_but_a_longest_term_is_given():
    assert [t for _, t in find_conditions("贷款期限在3年以上（含3年）；", 0, "一、", region_code=None).leftovers] == [
        "贷款期限在3年以上（含3年）"]
    assert not find_conditions("单户额度最高300万元，期限不超过1年。", 0, "一、", region_code=None).leftovers


def test_a_note_naming_the_item_a_case_is_for_names_no_trade():
    assert not any(k[1] == "industry" for k in keys("林下种植过程中毁林开垦的（仅适用于林下中药材种植补助）", negated=True))


def test_how_a_self_check_form_is_ticked_is_no_requirement():
    assert conditions_of("企业须逐项勾选下方自查表，任一项勾选“否”的，不予受理。") == []


def test_a_refused_case_naming_papers_is_still_a_requirement():
    found = conditions_of("展位由他人代订、无法提供本企业付款凭证的，不予补助。")
    assert found and found[0][0] == "unknown" and "付款凭证" in found[0][2], found
    assert conditions_of("申请时须提交参展合同、展位费发票及付款凭证。") == []  # the papers to hand in still set none


def test_terms_listed_in_a_bracket_of_the_case_are_requirements_of_their_own():
    found = find_conditions("对新建标准化茶园（连片50亩以上、当年栽植成活率达到85%以上）的经营主体，每亩一次性补助800元。",
                            0, "1.", region_code=None)
    assert [t for _, t in found.leftovers] == ["连片50亩以上", "当年栽植成活率达到85%以上"]
    items = extract_policy("一、支持基地建设\n\n1. 对实施低产茶园改造（改造面积30亩以上、通过县茶业局验收）的，每亩补助300元。\n",
                           "tea", {}).items
    assert {c.text for c in items[0].conditions if c.op == "unknown"} >= {"改造面积30亩以上", "通过县茶业局验收"}
    # a bracket that names no terms stays part of its phrase
    found = find_conditions("对小型微利企业（以下简称小微企业）给予奖励5万元。", 0, "1.", region_code=None)
    assert not any(t.startswith("以下简称") for _, t in found.leftovers)


def test_two_statuses_joined_by_or_across_their_own_words_are_alternatives():
    either = {("any_of", (("has", "qualifications", "科技型中小企业"), ("has", "qualifications", "高新技术企业")))}
    assert keys("属于科技型中小企业或者持有高新技术企业证书的企业") == either
    assert keys("既非高新技术企业也非科技型中小企业的，不得申请本项资助。") == either  # refused unless one of them
    assert keys("为高新技术企业且为专精特新中小企业") == {
        ("has", "qualifications", "高新技术企业"), ("has", "qualifications", "专精特新中小企业")}


def test_a_duty_named_before_the_firms_it_binds_is_a_requirement_not_a_bare_subject():
    found = read_passages([Passage("在本县依法登记注册并参加失业保险的各类企业", 0, "一、", True, False, True)], "371600")
    assert {c.text for c in found.conditions if c.op == "unknown"} == {"参加失业保险"}
    found = read_passages([Passage("申报企业须为上述企业", 0, "一、", True, False, True)], "371600")
    assert not [c for c in found.conditions if c.op == "unknown"]


def test_a_case_refused_funding_is_required_the_other_way():
    assert keys("上一年度研发费用低于200万元或者有效发明专利不足5件的企业，不予资助。") == {
        ("ge", "rd_expense", 200), ("ge", "invention_patents", 5)}
    assert keys("成立不满一年的企业，不予兑现。") == {("ge", "age_years", 1)}


def test_only_firms_of_a_size_when_the_others_are_refused():
    assert keys("非中小企业不得申请本项贴息。") == {("in", "size", ("中型", "小型", "微型"))}
    assert keys("中小企业不得申请本项贴息。") == {("not_in", "size", ("中型", "小型", "微型"))}


def test_firms_of_a_trade_listed_beside_firms_of_a_title_are_alternatives():
    either = {("any_of", (("has", "qualifications", "农业产业化龙头企业"), ("in", "industry", ("C13",))))}
    assert keys("农副食品加工企业、农业产业化龙头企业") == either
    assert keys("制造业中小企业") == {("in", "industry", ("C",)), ("in", "size", ("中型", "小型", "微型"))}


def test_a_product_launch_before_its_case_requires_nothing():
    text = "县农业信贷担保公司和合作银行推出“粮易贷”，对从事谷物磨制、年收购粮食在5000吨以上的企业，按收购合同金额的百分之七十授信。"
    found = read_passages([Passage(text, 0, "第二", False, False, True)], "230231")
    assert [c.text for c in found.conditions if c.op == "unknown"] == ["年收购粮食在5000吨以上"]


def test_being_newly_included_in_the_statistics_is_an_event_beside_the_trade():
    found = find_conditions("对今年新增纳入规模以上统计的工业企业，县里一次性奖励20万元。", 0, "三", region_code=None)
    assert [t for _, t in found.leftovers] == ["新增纳入规模以上统计"]
    assert {c.key() for c in found.conditions} == {("in", "industry", ("B", "C", "D"))}


def test_a_case_let_off_an_or_group_is_one_more_alternative_unless_it_is_for_one_item():
    group = ("has", "qualifications", "科技型中小企业"), ("has", "qualifications", "高新技术企业")
    assert keys("属于科技型中小企业或者高新技术企业，成立未满2年的企业不受此限；") == {
        ("any_of", (*group, ("lt", "age_years", 2)))}
    assert keys("属于科技型中小企业或者高新技术企业，其中申报2.2项的企业成立未满2年的不受此限；") == {("any_of", group)}


def test_a_phrase_after_a_refused_status_in_a_general_sentence_is_still_required():
    found = read_passages([Passage("以下产品面向在昌吉州辖内注册登记的企业。企业不得为失信被执行人，法定代表人近两年无不良信用记录。",
                                   0, "", False, False, False)], "652300")
    assert {c.text for c in found.conditions if c.op == "unknown"} == {"法定代表人近两年无不良信用记录"}


def test_the_case_before_a_self_check_s_you_can_apply_is_required():
    text = "如果您的企业上年度营业收入达到5000万元以上，且营业收入较前一年增长不低于百分之十五，就可以申请“营收增长奖励”，最高200万元。"
    found = read_passages([Passage(text, 0, "【第一步】", False, False, False)], "440106")
    assert {c.text for c in found.conditions if c.op == "unknown"} == {"营业收入较前一年增长不低于百分之十五"}


def test_firms_named_by_a_short_kind_word_that_are_refused_are_a_requirement():
    found = read_passages([Passage("近两年因茶叶质量安全问题受到行政处罚的茶企，不得享受本政策。", 0, "总则", False, False, False)],
                          "350524")
    assert [c.text for c in found.conditions if c.op == "unknown"] == ["近两年因茶叶质量安全问题受到行政处罚的茶企"]


def test_work_done_to_a_standard_is_a_requirement_not_what_is_given():
    found = find_conditions("按标准完成生态茶园改造并通过县农业农村局验收。", 0, "b.", region_code=None)
    assert [t for _, t in found.leftovers] == ["按标准完成生态茶园改造并通过县农业农村局验收"]
    assert not any("按标准" in t for _, t in find_conditions("按标准给予补助，每亩800元。", 0, "b.", region_code=None).leftovers)


def test_a_cumulative_floor_is_a_requirement_and_a_cumulative_cap_a_term():
    assert find_conditions("上年度技术合同成交额累计100万元以上", 0, "二、", region_code=None).leftovers
    assert find_conditions("累计达到3次", 0, "二、", region_code=None).leftovers
    assert not find_conditions("奖励资金累计不超过100万元", 0, "二、", region_code=None).leftovers


def test_a_sum_over_several_years_is_no_annual_figure():
    found = find_conditions("近两年研发投入累计不低于200万元", 0, "二、", region_code=None)
    assert not found.conditions and found.leftovers == [(0, "近两年研发投入累计不低于200万元")]
    assert [c.field for c in find_conditions("近三年研发费用总额不低于300万元", 0, "二、", region_code=None).conditions] == []
    assert [c.key() for c in find_conditions("上年度研发投入不低于200万元", 0, "二、", region_code=None).conditions] == [
        ("ge", "rd_expense", 200)]
    ratio = find_conditions("近三年研发费用总额占同期销售收入总额的比例不低于5%", 0, "二、", region_code=None)
    assert [c.key() for c in ratio.conditions] == [("ge", "rd_ratio", 0.05)]


def test_tiers_of_one_measure_before_parallel_offers_keep_the_floor_only():
    text = ("一、残保金减免\n在职职工人数在30人（含）以下的企业，暂免征收残疾人就业保障金。\n二、分档征收\n"
            "在职职工总数超过30人、安排残疾人就业未达到规定比例的用人单位，按以下标准分档缴纳残保金：安排比例达到1%（含）以上的，"
            "按规定应缴费额的50%缴纳；安排比例未达到1%的，按规定应缴费额的90%缴纳。")
    tiered = extract_policy(text, "levy", {"region_code": "371500"}).items[1]
    assert [(c.op, c.text) for c in tiered.conditions if c.field != "employees"] == [
        ("unknown", "安排残疾人就业未达到规定比例的用人单位")]


def test_a_task_list_box_and_a_bullet_are_no_part_of_a_requirement():
    text = "- [ ] 在寿光市行政区域内注册登记\n- [x] 具有独立法人资格\n- [ ] 近两年内未发生农产品质量安全事故"
    found = find_conditions(text, 0, "一、", region_code="370783")
    assert "具有独立法人资格" in found.assumed
    assert [t.strip() for _, t in found.leftovers] == ["-     近两年内未发生农产品质量安全事故"]
    doc = ("自查清单\n\n## 通用条件\n\n" + text + "\n\n#### 一、育苗补贴\n\n- [ ] 新建育苗温室5000平方米以上\n\n"
           "补贴标准：给予20万元补贴。\n\n#### 二、龙头企业奖励\n\n- [ ] 带动农户500户以上\n\n奖励标准：奖励30万元。\n")
    items = extract_policy(doc, "tasks", {"region_code": "370783"}).items
    assert [c.text for c in items[0].conditions if c.op == "unknown"] == [
        "近两年内未发生农产品质量安全事故", "新建育苗温室5000平方米以上"]


def test_sales_through_one_channel_are_no_revenue():
    for text in ("当年线上销售额超过500万元", "上年度出口销售额达到1000万元", "向整车企业配套销售额超过2000万元",
                 "上年度品牌产品销售额达到300万元以上", "获证产品上年度销售额不低于100万元"):
        found = find_conditions(text, 0, "二、", region_code=None)
        assert not found.conditions and found.leftovers, text
    assert [c.key() for c in find_conditions("上年度销售额超过500万元", 0, "二、", region_code=None).conditions] == [
        ("gt", "revenue", 500)]


def test_a_trade_no_class_names_beside_a_place_is_a_requirement_of_its_own():
    found = find_conditions("在五常市登记注册、从事稻米生产加工流通的企业", 0, "二、", region_code="230184")
    assert [t for _, t in found.leftovers] == ["从事稻米生产加工流通"]
    assert not find_conditions("在本县注册、从事装备制造的企业", 0, "二、", region_code="230184").leftovers


def test_a_closing_paragraph_on_the_policies_above_binds_every_paragraph_item():
    text = ("某市人民政府办公室关于稻米产业扶持政策的函\n\n各乡镇：\n\n现将扶持政策函告如下。\n\n"
            "对于新建大米加工生产线的企业，设备投资在1000万元以上的，按设备投资额的10%给予补助。\n\n"
            "凡当年线上销售额超过500万元的大米经营企业，给予一次性奖励10万元。\n\n"
            "上述政策适用于在五常市登记注册、从事稻米生产加工流通的企业。被列入失信被执行人名单的企业，不享受上述政策。\n")
    items = extract_policy(text, "letter", {"region_code": "230184"}).items
    assert len(items) == 2
    for item in items:
        assert ("eq", "dishonest", False) in {c.key() for c in item.conditions}
        assert "从事稻米生产加工流通" in {c.text for c in item.conditions}
    assert not any(c.field == "revenue" for c in items[1].conditions)


def test_a_notice_body_binds_its_annex_rows_and_lifts_a_field_for_one_row_it_numbers():
    text = ("关于做好产业扶持资金申报工作的通知\n\n各街镇：\n\n"
            "现将申报工作通知如下。申报企业应在西青区注册登记，纳税信用等级为M级以上（含M级）。"
            "其中，第2项外贸企业奖励不要求纳税信用等级。\n\n附件\n\n"
            "| 序号 | 项目名称 | 支持对象 | 支持标准 |\n|---|---|---|---|\n"
            "| 1 | 智能工厂奖励 | 规模以上制造业企业 | 奖励100万元 |\n"
            "| 2 | 外贸企业奖励 | 上年度进出口额100万美元以上的外贸企业 | 奖励30万元 |\n")
    first, second = extract_policy(text, "annex", {"region_code": "120111"}).items
    for item in (first, second):
        assert ("within", "region_code", "120111") in {c.key() for c in item.conditions}
    assert any(c.field == "tax_credit" for c in first.conditions)
    assert not any(c.field == "tax_credit" for c in second.conditions)


def test_having_invention_patents_or_rd_spending_without_a_figure_is_one_or_more():
    keys = lambda text: [c.key() for c in find_conditions(text, 0, "二、", region_code=None).conditions]  # noqa: E731
    assert keys("拥有有效发明专利") == [("ge", "invention_patents", 1)]
    assert keys("拥有有效发明专利3件及以上") == [("ge", "invention_patents", 3)]
    assert keys("上一年度有研发费用支出") == [("gt", "rd_expense", 0)]
    assert keys("有研发投入500万元以上") == [("ge", "rd_expense", 500)]
    assert not any(c[1] == "invention_patents" for c in keys("拥有有效发明专利或者实用新型专利的中小微企业"))


def test_the_title_said_again_under_an_annex_requires_nothing():
    text = ("附件\n\n某市制造业和服务业发展专项资金支持事项\n\n申报单位应为在黄山市注册登记的企业。\n\n"
            "| 序号 | 支持事项 | 申报条件 | 支持标准 |\n|---|---|---|---|\n"
            "| 1 | 设计中心奖励 | 新认定为省级工业设计中心 | 奖励30万元 |\n"
            "| 2 | 上云补助 | 中小企业 | 补助10万元 |\n")
    items = extract_policy(text, "annex-title", {"region_code": "341000",
                                                 "title": "某市制造业和服务业发展专项资金支持事项"}).items
    assert len(items) == 2
    assert not any(c.field == "industry" for i in items for c in i.conditions)
    assert all(("within", "region_code", "341000") in {c.key() for c in i.conditions} for i in items)


def test_a_group_the_requirement_does_not_ask_of_is_let_off_it():
    for text in ("纳税信用等级M级以上（个体工商户不作要求）", "纳税信用等级M级以上，个体工商户不作此要求"):
        (group,) = find_conditions(text, 0, "二、", region_code=None).conditions
        assert group.op == "any_of" and [c.key() for c in group.any_of] == [
            ("in", "tax_credit", ("A", "B", "M")), ("eq", "ownership", "个体工商户")], text


def test_titles_or_a_bound_on_the_firms_they_name_are_one_or_group():
    text = "高新技术企业、专精特新中小企业或者上一年度营业收入1亿元以上的企业"
    (group,) = read_passages([Passage(text, 0, "二、", True, False, True)], None).conditions
    assert group.op == "any_of" and [c.key() for c in group.any_of] == [
        ("has", "qualifications", "高新技术企业"), ("has", "qualifications", "专精特新中小企业"), ("ge", "revenue", 10000)]
    both = read_passages([Passage("高新技术企业，上一年度营业收入1亿元以上的企业", 0, "二、", True, False, True)], None)
    assert [c.op for c in both.conditions] == ["has", "ge"]


def test_a_scope_label_in_the_preamble_binds_every_row():
    text = ("某区政策简表\n\n适用范围：注册和纳税关系均在江宁区的企业。本简表自发布之日起施行。\n\n"
            "| 序号 | 事项 | 申报条件 | 支持标准 |\n|---|---|---|---|\n"
            "| 1 | 设备补助 | 制造业企业 | 补助300万元 |\n| 2 | 上市奖励 | 中型、小型企业 | 奖励50万元 |\n")
    items = extract_policy(text, "scope", {"region_code": "320115"}).items
    assert len(items) == 2
    assert all(("within", "region_code", "320115") in {c.key() for c in i.conditions} for i in items)


def test_a_scope_in_brackets_after_a_heading_binds_that_item_only():
    text = ("某县人参产业扶持办法\n\n一、研发费用奖励（适用于高新技术企业）\n　　中药饮片加工企业上年度研发费用不少于80万元的，按研发费用的15%给予奖励。\n\n"
            "二、种植基地奖补（适用于成立满三年的企业）\n　　新建标准化种植基地连片50亩以上的，每亩补助800元。\n")
    first, second = extract_policy(text, "scope", {"region_code": "220621"}).items
    assert ("has", "qualifications", "高新技术企业") in {c.key() for c in first.conditions}
    assert ("ge", "age_years", 3) in {c.key() for c in second.conditions}
    assert not any(c.field == "qualifications" for c in second.conditions)


def test_a_bonus_for_firms_that_are_also_something_is_no_requirement():
    text = "当年首次纳入规模以上工业企业统计的，一次性奖励20万元；如果企业同时为专精特新中小企业，再加奖10万元。"
    found = find_conditions(text, 0, "二、", region_code=None)
    assert not any(c.field == "qualifications" for c in found.conditions)
    plain = find_conditions("如果企业同时为高新技术企业，可申请补助", 0, "二、", region_code=None)
    assert [c.key() for c in plain.conditions] == [("has", "qualifications", "高新技术企业")]


def test_a_shared_duty_not_to_have_a_record_and_an_item_let_off_it_by_its_words():
    text = ("某区若干事项\n\n以下事项面向在历下区登记注册的企业。除另有说明外，申报企业近两年内不得有重大税收违法行为。\n\n---\n\n"
            "**落户奖励**\n\n新引进的商务服务企业，实缴注册资本不低于500万元的，给予一次性奖励50万元。\n\n---\n\n"
            "**研发后补助**\n\n对上年度研发费用不低于200万元的高新技术企业，按研发费用的8%给予后补助。\n\n"
            "本项不受近两年内重大税收违法行为的限制。\n")
    first, second = extract_policy(text, "duty", {"region_code": "370102"}).items
    assert any("重大税收违法行为" in c.text for c in first.conditions)
    assert not any("重大税收违法行为" in c.text for c in second.conditions)


def test_a_figure_to_reach_within_years_of_an_event_is_no_figure_held():
    found = find_conditions("自落户之日起一年内营业收入达到1000万元以上", 0, "二、", region_code=None)
    assert not found.conditions and found.leftovers == [(0, "自落户之日起一年内营业收入达到1000万元以上")]
    assert not find_conditions("投产后两年内年营业收入超过5000万元", 0, "二、", region_code=None).conditions
    held = find_conditions("上年度营业收入达到1000万元以上", 0, "二、", region_code=None)
    assert [c.key() for c in held.conditions] == [("ge", "revenue", 1000)]


def test_a_trade_let_off_a_requirement_is_an_alternative_but_an_entry_after_a_semicolon_is_no_let_off():
    found = find_conditions("上一年度研发费用占营业收入比重不低于1.5%（白酒制造企业不受此限）", 0, "T6", region_code=None)
    [group] = found.conditions
    assert group.op == "any_of" and [(c.field, c.value) for c in group.any_of] == [
        ("rd_ratio", 0.015), ("industry", ("C1512",))]
    found = find_conditions("上年度主营业务收入2000万元以上；曾退出规模以上工业统计后重新入规的除外", 0, "2", region_code=None)
    assert [c.key() for c in found.conditions] == [("ge", "revenue", 2000)]
    assert any("重新入规的除外" in words for _, words in found.leftovers)


def test_a_group_told_to_follow_the_same_rules_is_no_requirement():
    for text in ("农民专业合作社申报第三条的，参照执行。", "个体工商户参照执行。", "民办非企业单位比照本办法执行。"):
        found = find_conditions(text, 0, "一、", region_code="620702")
        assert not found.conditions and not found.leftovers, text


def test_a_word_list_pattern_takes_the_longest_word_where_one_starts():
    from recommender.text.condition_patterns import _alternation

    words = ["制造", "制造业", "汽车制造业", "汽车", "专用设备制造", "专用设备制造业", "业"]
    pattern = re.compile(_alternation(words))
    text = "汽车制造业和专用设备制造以及制造业、汽车零部件、农业"
    flat = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    assert [m.group(0) for m in pattern.finditer(text)] == [m.group(0) for m in flat.finditer(text)] == [
        "汽车制造业", "专用设备制造", "制造业", "汽车", "业"]
    assert not re.compile(_alternation(["", "汽车"])).match("农业")


def test_display_width_counts_chinese_and_full_width_marks_as_two_columns():
    from recommender.text.phrases import display_width

    assert [display_width(t) for t in ("abc 12", "补贴", "（含）", "A级、B级", "")] == [6, 4, 6, 8, 0]


def test_a_trade_refused_a_named_subsidy_is_left_out_and_a_counting_rule_requires_nothing():
    refused = find_conditions("劳务派遣单位不享受一次性扩岗补助。", 0, "三、（一）", region_code=None)
    assert [c.key() for c in refused.conditions] == [("not_in", "industry", ("L7263",))]
    for text in ("劳务派遣单位派遣至企业的人员不计入新招用人数。", "组织一日游游客的，不计入人次。"):
        counted = find_conditions(text, 0, "四、", region_code=None)
        assert not counted.conditions and not counted.leftovers, text


def test_jobs_created_counting_the_founder_are_the_start_ups_headcount_but_new_hires_are_not():
    found = find_conditions("带动就业（含创业者本人）3人以上", 0, "三、", region_code=None)
    assert [c.key() for c in found.conditions] == [("ge", "employees", 3)] and not found.leftovers
    assert not find_conditions("带动就业5人以上", 0, "三、", region_code=None).conditions


def test_an_m_grade_let_in_beside_the_grades_named_joins_them():
    for text in ("纳税信用等级要在B级及以上，评价为M级的企业也可以申报。", "纳税信用等级为B级以上（M级企业可申报）",
                 "纳税信用等级A级或B级，新设立企业评价为M级的也可申请", "纳税信用等级为B级以上（含B级），新设立企业被评价为M级的视同符合"):
        found = find_conditions(text, 0, "二、", region_code=None)
        assert [c.key() for c in found.conditions] == [("in", "tax_credit", ("A", "B", "M"))], text
        assert not found.leftovers
    assert [c.key() for c in find_conditions("纳税信用等级为B级以上", 0, "二、", region_code=None).conditions] == [
        ("in", "tax_credit", ("A", "B"))]


def test_a_figure_per_mu_or_per_worker_is_not_the_firms_revenue():
    found = find_conditions("上年度亩均税收达到20万元（含）以上、且亩均营业收入不低于300万元的", 0, "二、", region_code=None)
    assert not any(c.field == "revenue" for c in found.conditions) and found.leftovers
    assert not find_conditions("人均销售收入50万元以上", 0, "二、", region_code=None).conditions


def test_a_size_class_named_by_a_standard_is_required_but_how_a_term_is_determined_is_not():
    found = find_conditions("在仁怀市行政区域内登记注册、按照《中小企业划型标准规定》划型为中型、小型或者微型的企业",
                            0, "导语", region_code="520382")
    assert {c.key() for c in found.conditions} == {("within", "region_code", "520382"),
                                                    ("in", "size", ("中型", "小型", "微型"))}
    assert not find_conditions("企业规模按照《中小企业划型标准规定》确定。", 0, "一、", region_code=None).conditions


def test_paying_taxes_in_this_city_is_boilerplate_but_tax_registration_here_is_a_requirement():
    found = find_conditions("在本市依法纳税且具有独立法人资格", 0, "问1", region_code="652702")
    assert not found.conditions and not found.leftovers and found.assumed
    assert find_conditions("税收征管关系在本区", 0, "问1", region_code="652702").leftovers


def test_an_answers_count_of_requirements_is_no_part_of_the_first_one():
    from recommender.text.phrases import requirement_text

    assert requirement_text("答：总的要求有三条：一是海关信用等级不能是失信企业") == "海关信用等级不能是失信企业"
    assert requirement_text("二是实缴注册资本不低于1亿元") == "实缴注册资本不低于1亿元"


def test_the_keeper_and_legal_representative_not_dishonest_is_the_dishonest_condition():
    found = find_conditions("经营者及其法定代表人未被列为失信被执行人", 0, "二、（三）", region_code=None)
    assert [c.key() for c in found.conditions] == [("eq", "dishonest", False)]
    licensed = find_conditions("取得营业执照并正常经营", 0, "二、（一）", region_code=None)
    assert not licensed.conditions and not licensed.leftovers and licensed.assumed
