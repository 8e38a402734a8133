"""Extraction end to end: golden files, the jieba dictionary, robustness on real policy cards.

Regenerate the golden JSON after a deliberate change with ``UPDATE_GOLDEN=1 pytest tests/test_extract.py``.
"""

import json
import os
from pathlib import Path

import jieba
import pytest

from recommender.errors import PolicyMatchError
from recommender.text.extract import extract_policy
from recommender.text.loaders import load_document, split_front_matter, split_policy_cards
from recommender.text.pipeline import build_nlp, get_nlp
from recommender.text.roles import is_measure
from recommender.text.structure import parse_structure

GOLDEN = Path(__file__).parent / "golden"
CARDS = Path("/work/shared/data/bj-policy-guide/beijing_industry_policy_guide_2024.raw.txt")
if not CARDS.exists():
    CARDS = Path(__file__).resolve().parents[2] / "shared/data/bj-policy-guide" / CARDS.name


def _extract(path: Path):
    doc = load_document(path)
    return extract_policy(doc.text, doc.policy_id, doc.meta)


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.md")), ids=lambda p: p.stem)
def test_golden(path):
    got = _extract(path).validate().to_dict()
    expected_path = path.with_suffix(".json")
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


def test_first_loan_measures_read_as_a_reviewer_would():
    policy = _extract(GOLDEN / "first-loan-measures.md")
    assert [i.item_id for i in policy.items] == ["first-loan-measures#1", "first-loan-measures#2"]
    loan, award = policy.items
    assert (loan.kind, award.kind) == ("credit", "incentive")
    common = {
        ("within", "region_code", "500229"), ("in", "size", ("小型", "微型")),
        ("eq", "has_bank_loan", False), ("in", "tax_credit", ("A", "B")),
        ("unknown", "拥有核心自主知识产权"), ("not_in", "industry", ("K",)),
    }
    assert {c.key() for c in loan.conditions} == common
    assert {c.key() for c in award.conditions} - common == {
        ("any_of", (("has", "qualifications", "科技型中小企业"), ("has", "qualifications", "高新技术企业")))
    }
    assert "具有独立法人资格" in loan.assumed
    assert {(b.amount, b.unit, b.kind) for b in loan.benefits} == {(0.5, "比例", "rate"), (10, "万元", "cap")}
    assert (policy.valid_from, policy.valid_until) == ("2024-04-01", "2027-03-31")
    size = next(c for c in loan.conditions if c.field == "size")
    assert size.clause == "第二条第（二）项"
    assert policy.text[size.span[0]:size.span[1]] == size.text


def test_definition_replaces_small_low_profit_flag():
    policy = _extract(GOLDEN / "small-profit-notice.md")
    (item,) = policy.items
    assert {c.key() for c in item.conditions} == {
        ("le", "taxable_income", 300), ("le", "employees", 300), ("le", "assets", 5000)
    }
    assert (policy.valid_from, policy.valid_until) == ("2023-01-01", "2027-12-31")


def test_user_dictionary_keeps_domain_words_whole():
    nlp = get_nlp()
    words = ["首贷户", "小型微利企业", "专精特新", "纳税信用等级", "高新技术企业", "失信被执行人",
             "科技型中小企业", "知识价值信用贷款"]
    tokens = {t.text for t in nlp.make_doc("，".join(f"对{w}给予支持" for w in words))}
    assert set(words) <= tokens
    assert "首贷户" in jieba.lcut("支持首贷户融资")


def test_unknown_segmenter_is_a_coded_error():
    with pytest.raises(PolicyMatchError) as err:
        build_nlp("pkuseg-missing")
    assert err.value.code == "T101"


def test_pipeline_is_built_once():
    assert get_nlp() is get_nlp()
    assert get_nlp().pipe_names == ["policy_structure", "policy_items", "policy_conditions", "policy_benefits"]


def test_building_the_pipeline_builds_its_name_tables():
    from recommender.text import condition_patterns

    condition_patterns._industry_names.cache_clear()
    condition_patterns._qualification_re.cache_clear()
    build_nlp()
    assert condition_patterns._industry_names.cache_info().currsize == 1  # not left to the first document
    assert condition_patterns._qualification_re.cache_info().currsize == 1


def test_never_crashes_on_beijing_policy_cards():
    raw = CARDS.read_text(encoding="utf-8")
    cards = split_policy_cards(raw)
    assert len(cards) == raw.count("发文字号")
    for n, card in enumerate(cards):
        policy = extract_policy(card.text, f"bj-{n}", {"region_code": "110000"}).validate()
        assert policy.items and policy.title


def test_tiers_of_a_standard_stay_one_item_and_named_measures_split():
    tiers = ("一、补贴对象\n在本县注册登记的小微企业。\n二、补贴标准\n（一）入驻第一年，按租金的100%给予补贴；\n"
             "（二）入驻第二年，按租金的50%给予补贴。\n")
    assert len(extract_policy(tiers, "t", {"region_code": "500229"}).items) == 1
    named = ("一、支持措施\n（一）首贷贴息。对首贷户按利息的50%给予贴息。\n"
             "（二）研发奖励。对高新技术企业一次性给予奖励5万元。\n")
    assert [i.name for i in extract_policy(named, "n").items] == ["首贷贴息", "研发奖励"]


def test_grants_to_banks_and_back_references_are_not_items():
    text = ("第一条 对首次获得银行贷款的小微企业，按利息的50%给予贴息。\n"
            "第二条 对合作银行发生的贷款损失，由风险补偿基金给予补偿。\n"
            "第三条 小微企业以季度为纳税期的，同样适用前款规定。\n"
            "第四条 对还款积极的借款企业，可以继续提供贷款贴息，但累计次数不得超过3次。\n")
    assert len(extract_policy(text, "b").items) == 1


def test_a_bridge_fund_provided_for_short_turnover_is_a_credit_item():
    text = ("第七条 县财政设立应急转贷资金，为贷款即将到期、足额还本确有困难的企业提供短期周转。单笔转贷金额不超过1000万元。\n"
            "第八条 对此前从未获得过银行贷款的企业，取得首笔银行贷款的，按贷款利率的50%给予贴息。\n")
    items = extract_policy(text, "c").items
    assert [(i.clause, i.kind) for i in items] == [("第七条", "credit"), ("第八条", "credit")]


def test_a_fund_set_up_to_help_firms_is_an_offer():
    text = ("第五条 对首次纳入规模以上工业企业统计的企业，给予一次性奖励15万元；纳统当年主营业务收入超过5000万元的，另行增加奖励5万元。\n"
            "第九条 区财政设立工业企业应急转贷资金，用于帮助贷款即将到期的企业按期续贷。企业使用应急转贷资金，应当符合下列条件：\n"
            "（一）贷款银行已出具同意续贷的书面意见；\n（二）近一年内无恶意欠息记录。\n")
    first, second = extract_policy(text, "fund", {"region_code": "500101"}).items
    assert second.kind == "credit" and any("同意续贷" in c.text for c in second.conditions)
    assert not any("同意续贷" in c.text for c in first.conditions)
    assert "revenue" not in {c.field for c in first.conditions}  # 另行增加奖励: a higher tier


def test_a_loan_the_firm_asks_a_bank_for_is_no_grant_to_the_bank():
    text = ("第一条 对首次获得银行贷款的小微企业，按利息的50%给予贴息。\n"
            "第二条 对企业为实施技术改造项目向银行业金融机构申请的中长期贷款，按实际支付利息的百分之五十给予贴息。\n")
    assert len(extract_policy(text, "b").items) == 2


def test_recognition_section_is_an_item_of_its_own():
    text = ("一、税收优惠\n经认定的示范企业，减按15%的税率征收企业所得税。\n二、认定条件\n"
            "认定为示范企业须同时满足以下条件：\n（一）注册成立一年以上；\n（二）拥有自主知识产权。\n")
    tax, recognition = extract_policy(text, "r").items
    assert recognition.name == "示范企业认定"
    assert {c.key() for c in recognition.conditions} == {("ge", "age_years", 1), ("unknown", "拥有自主知识产权")}
    assert tax.conditions == ()


def test_preference_is_not_an_item_and_free_service_is():
    text = ("一、服务支持\n（一）诊断服务。为小微企业免费提供数字化诊断服务。\n"
            "（二）优先支持。对入库企业，在专项资金安排上给予优先支持。\n"
            "（三）贷款贴息。对小微企业按贷款利息的50%给予贴息。\n")
    assert [i.name for i in extract_policy(text, "p").items] == ["诊断服务", "贷款贴息"]


def test_named_items_under_a_conditions_heading_split_and_standards_stay_terms():
    text = ("一、补贴项目及申报条件\n申报单位须在本县注册登记。\n（一）招用退役军人岗位补贴\n"
            "小微企业招用退役军人，签订1年以上劳动合同的，可申请岗位补贴。\n（二）吸纳残疾人就业补贴\n"
            "企业吸纳残疾人就业的，可申请就业补贴。\n二、补贴标准\n（一）招用退役军人的，按每人每月300元给予补贴。\n"
            "（二）吸纳残疾人的，按每人每月500元给予补贴。\n")
    items = extract_policy(text, "e", {"region_code": "500229"}).items
    assert [i.name for i in items] == ["招用退役军人岗位补贴", "吸纳残疾人就业补贴"]
    assert ("in", "size", ("小型", "微型")) in {c.key() for c in items[0].conditions}


def test_question_and_answer_notice_reads_as_one_measure():
    text = ("# 关于小微企业设备贷款贴息的问答\n\n问：哪些企业可以申请设备贷款贴息？\n"
            "答：在本县注册登记、纳税信用等级不低于B级的小微企业，可以申请贴息。\n\n"
            "问：需要提交哪些材料？\n答：贴息申请表、贷款合同复印件。\n\n"
            "问：贴息标准是多少？\n答：按贷款实际利息的40%给予贴息，单户最高不超过8万元。\n")
    (item,) = extract_policy(text, "qa", {"region_code": "500229"}).items
    assert item.name == "小微企业设备贷款贴息" and item.kind == "credit"
    assert {c.key() for c in item.conditions} == {
        ("within", "region_code", "500229"), ("in", "tax_credit", ("A", "B")), ("in", "size", ("小型", "微型"))}
    assert {b.amount for b in item.benefits} == {0.4, 8}


def test_markdown_table_of_conditions_reads_its_rows_only():
    text = ("一、申报条件\n| 项目 | 要求 |\n| --- | :---: |\n| 注册地 | 在本县注册登记 |\n"
            "| 企业规模 | 小型、微型企业 |\n| 纳税信用 | B级以上（含B级） |\n| 研发 | 拥有自主知识产权 |\n"
            "二、支持标准\n按贷款利息的50%给予贴息。\n")
    (item,) = extract_policy(text, "tb", {"region_code": "500229"}).items
    assert {c.key() for c in item.conditions} == {
        ("within", "region_code", "500229"), ("in", "size", ("小型", "微型")),
        ("in", "tax_credit", ("A", "B")), ("unknown", "拥有自主知识产权")}


def test_clause_applying_an_earlier_article_is_not_an_item():
    text = ("一、小型微利企业新购置的仪器，可以一次性在计算应纳税所得额时扣除。\n"
            "二、企业按照本公告第一条规定享受扣除政策的，不再重复享受其他加速折旧政策。\n"
            "三、企业可以在预缴申报时享受本公告第一条规定的政策，也可以一次性在汇算清缴时享受。\n")
    assert len(extract_policy(text, "x").items) == 1


def test_deduction_allowed_is_a_measure_and_same_subject_siblings_are_one_item():
    headed = ("二、支持措施\n（一）研发奖励。对高新技术企业一次性给予奖励5万元。\n"
              "（二）培训费用扣除。企业发生的职工培训费用，准予在计算应纳税所得额时扣除。\n")
    assert [i.name for i in extract_policy(headed, "h").items] == ["研发奖励", "培训费用扣除"]
    same = ("第一条 自2024年1月1日起，实行以下企业所得税优惠政策：\n（一）对经认定的高新技术企业，减按15%的税率征收企业所得税；\n"
            "（二）经认定的高新技术企业发生的培训费用，准予在计算应纳税所得额时扣除。\n")
    assert len(extract_policy(same, "s").items) == 1


def test_industries_listed_under_one_of_the_following_trades():
    text = ("一、支持对象\n注册地在本县的小微企业，所属行业须为以下行业之一：\n1. 住宿和餐饮业；\n2. 批发和零售业。\n"
            "二、支持标准\n按贷款利息的30%给予贴息。\n")
    (item,) = extract_policy(text, "i", {"region_code": "500229"}).items
    assert ("in", "industry", ("F", "H")) in {c.key() for c in item.conditions}


def test_an_answer_on_who_may_apply_for_this_batch_binds_every_answer():
    text = ("# 政策问答\n\n**一、哪些市场主体可以申请这批政策？**\n\n答：在张家界市注册登记的企业均可申请。个体工商户不在本轮支持范围内。\n\n"
            "**二、旅行社有什么奖励？**\n\n答：旅行社组织游客达到1000人次以上的，按每人次20元给予奖励。\n\n"
            "**三、饭店改造能拿到补助吗？**\n\n答：可以。改造投资额在300万元以上的，按投资额的10%给予补助。\n")
    items = extract_policy(text, "qa", {"region_code": "430800"}).items
    assert len(items) == 2
    for item in items:
        assert {("within", "region_code", "430800"), ("not_in", "ownership", ("个体工商户",))} <= {
            c.key() for c in item.conditions}


def test_questions_of_a_qa_notice_are_items_and_a_refusal_is_not():
    text = (
        "# 税费优惠问答\n\n**问一：小规模纳税人有什么优惠？**\n\n答：对月销售额10万元以下的增值税小规模纳税人，免征增值税。\n\n"
        "**问二：一般纳税人能否享受上述免税政策？**\n\n答：不能。免征增值税政策仅适用于小规模纳税人，一般纳税人不适用。\n\n"
        "**问三：个体工商户有什么优惠？**\n\n答：对个体工商户年应纳税所得额不超过200万元的部分，减半征收个人所得税。\n"
    )
    policy = extract_policy(text, "qa", {})
    assert [i.clause for i in policy.items] == ["问一", "问三"]
    fields = [{c.field for c in i.conditions} for i in policy.items]
    assert fields == [{"taxpayer_type"}, {"ownership"}]
    assert policy.items[0].conditions[0].value == "小规模纳税人"


def test_a_bank_product_sheet_gives_one_credit_item_per_product():
    text = (
        "# 某农商银行信贷产品说明\n\n为加大对辖内小微企业的信贷支持力度，本行推出以下产品，欢迎符合条件的企业办理。\n\n"
        "## 产品一\n\n**产品名称**：科创贷\n\n**适用对象**：在德阳市辖内注册登记的高新技术企业。\n\n"
        "**贷款额度**：单户最高1000万元。\n\n**准入条件**：\n\n1. 企业成立满2年（含）；\n\n2. 近两年连续盈利。\n\n"
        "## 产品二\n\n**产品名称**：税易贷\n\n**适用对象**：在德阳市辖内注册登记的小型、微型企业。\n\n"
        "**贷款额度**：单户最高300万元。\n\n**准入条件**：\n\n1. 纳税信用等级为A级或者B级。\n"
    )
    policy = extract_policy(text, "bank", {"region_code": "510600"})
    assert [(i.clause, i.kind) for i in policy.items] == [("产品一", "credit"), ("产品二", "credit")]
    first, second = ({c.field or c.op for c in i.conditions} for i in policy.items)
    assert first == {"region_code", "qualifications", "age_years", "unknown"}  # 连续盈利: a listed requirement
    assert second == {"region_code", "size", "tax_credit"}


def test_a_product_whose_terms_line_gives_an_amount_is_an_offer():
    text = ("# 某农商银行信贷产品清单\n\n## 一、首户快贷\n\n准入条件：\n\n1. 属于小型或者微型企业；\n\n"
            "额度与期限：单户最高100万元，期限1年。\n\n## 二、科创积分贷\n\n准入条件：\n\n1. 成立2年以上；\n\n"
            "额度与期限：单户最高500万元。\n")
    items = extract_policy(text, "bank", {"region_code": "520500"}).items
    assert [(i.clause, i.kind) for i in items] == [("一、", "credit"), ("二、", "credit")]
    assert ("ge", "age_years", 2) in {c.key() for c in items[1].conditions}


def test_one_of_in_a_product_s_target_line_does_not_make_its_entry_list_alternatives():
    text = (
        "# 某农商银行信贷产品手册\n\n各产品均面向在太原市辖内依法登记注册的客户办理。\n\n## 一、科创贷\n\n"
        "**适用对象**：高新技术企业、科技型中小企业之一。\n\n**准入条件**：\n\n1. 注册满两年；\n\n"
        "2. 纳税信用等级B级及以上。\n\n**贷款额度**：单户最高500万元。\n"
    )
    (item,) = extract_policy(text, "bank", {"region_code": "140100"}).items
    keys = {c.key() for c in item.conditions}
    assert {("ge", "age_years", 2), ("in", "tax_credit", ("A", "B")), ("within", "region_code", "140100")} <= keys
    assert [c.op for c in item.conditions].count("any_of") == 1  # only the 之一 of the target line


def test_offers_made_one_after_another_in_one_sentence_are_items_of_their_own():
    text = (
        "某县农业农村局关于产业奖补的公告\n\n为加快特色产业发展，现将有关事项公告如下：申报主体须为在本县注册登记的企业，"
        "纳税信用等级不为D级；对新建标准化茶园100亩以上的茶叶种植主体，按每亩400元给予补助；"
        "对从事精制茶加工、上一年度销售收入达到五百万元以上的企业，按设备投资额的百分之十五给予补助；"
        "对新建果园五十亩以上的农民专业合作社，按每亩300元给予补助，单个合作社最高十万元。\n\n"
        "符合条件的申报主体请于8月15日前提交申报材料。同一项目已获得省级资金支持的，不再重复补助。\n"
    )
    policy = extract_policy(text, "notice", {"region_code": "500229", "title": "某县农业农村局关于产业奖补的公告"})
    assert len(policy.items) == 3
    for item in policy.items:  # the lead sentence binds every offer; the closing paragraph none
        keys = {c.key() for c in item.conditions}
        assert {("within", "region_code", "500229"), ("not_in", "tax_credit", ("D",))} <= keys
        assert not any("重复" in c.text for c in item.conditions)
    assert ("ge", "revenue", 500) in {c.key() for c in policy.items[1].conditions}
    assert "revenue" not in {c.field for c in policy.items[0].conditions}
    assert policy.items[1].clause == "第2段第2句"


def test_offers_for_different_titles_after_a_shared_subject_are_items_of_their_own():
    text = ("某市工业和信息化局关于兑现梯度培育奖励的公告\n\n为落实有关政策，引导中小企业走专精特新发展道路，现公告如下："
            "注册地在沈阳市、纳税信用等级为M级以上的企业，新被认定为国家级专精特新“小巨人”企业的，给予一次性奖励五十万元；"
            "新被认定为省级专精特新中小企业的，给予一次性奖励二十万元；"
            "新被评价为创新型中小企业，且上一年度营业收入达到五百万元的，给予一次性奖励五万元。\n")
    items = extract_policy(text, "x", {"region_code": "210100", "title": "某市工业和信息化局关于兑现梯度培育奖励的公告"}).items
    assert [sorted(c.value for c in i.conditions if c.field == "qualifications") for i in items] == [
        ["专精特新小巨人企业"], ["专精特新中小企业"], ["创新型中小企业"]]
    for item in items:
        assert ("within", "region_code", "210100") in {c.key() for c in item.conditions}
    assert any(c.op == "unknown" and c.text.startswith("新被评价为") for c in items[2].conditions)


def test_offers_listed_as_first_second_third_share_the_whoever_sentence_before_them():
    text = ("某市商务局关于支持商贸物流发展的公告\n\n现将有关支持政策公告如下：凡在本市注册登记、纳税信用等级为B级及以上的企业，"
            "均可按规定申请。一是对新建冷链仓储设施的物流企业，按设施投资额的10%给予补助；"
            "二是对上年度营业收入首次突破5000万元的商贸企业，给予一次性奖励20万元。\n\n本公告自发布之日起施行。\n")
    items = extract_policy(text, "x", {"region_code": "431200", "title": "某市商务局关于支持商贸物流发展的公告"}).items
    assert [i.clause for i in items] == ["一是", "二是"]
    for item in items:
        assert {("within", "region_code", "431200"), ("in", "tax_credit", ("A", "B"))} <= {c.key() for c in item.conditions}
    assert ("gt", "revenue", 5000) in {c.key() for c in items[1].conditions}


def test_a_service_guide_in_bracketed_sections_reads_its_conditions_list():
    text = ("# 宜宾市中小企业智能化改造补贴办事指南\n\n【申报对象】在宜宾市注册登记的中小微制造业企业。\n\n"
            "【申报条件】\n1. 纳税信用等级为B级及以上；\n2. 上年度主营业务收入500万元以上。\n\n"
            "【补贴标准】按设备购置额的10%给予补贴，单个企业最高100万元。\n\n【办理流程】企业登录平台提交申请。\n")
    (item,) = extract_policy(text, "guide", {"region_code": "511500"}).items
    assert {("within", "region_code", "511500"), ("in", "tax_credit", ("A", "B")), ("ge", "revenue", 500),
            ("in", "industry", ("C",))} <= {c.key() for c in item.conditions}
    assert item.benefits


def test_bracketed_labels_inside_a_product_stay_its_own_text():
    text = ("# 担保产品手册\n\n## 产品一：脐橙贷\n\n【服务对象】小型、微型企业。\n\n【担保金额】单户最高300万元。\n\n"
            "## 产品二：首担通\n\n【服务对象】个体工商户。\n\n【担保金额】单户最高100万元。\n")
    assert [i.clause for i in extract_policy(text, "g", {"region_code": "500236"}).items] == ["产品一：脐橙贷", "产品二：首担通"]


def test_a_scope_naming_items_by_number_binds_only_them():
    text = ("# 若干措施\n\n一、支持对象\n\n本措施第二项、第三项的支持对象为纳税信用等级为B级及以上的企业。\n\n"
            "二、数字化改造\n\n对企业实施数字化改造的，给予补助20万元。\n\n三、上云用云\n\n对企业购买云服务的，给予补贴2万元。\n\n"
            "四、服务商落地\n\n对软件企业在我县设立分支机构的，给予奖励5万元。\n")
    items = extract_policy(text, "scope", {"region_code": "500229"}).items
    rated = [("in", "tax_credit", ("A", "B")) in {c.key() for c in i.conditions} for i in items]
    assert rated == [True, True, False]


def test_a_preamble_sentence_naming_a_range_of_items_binds_only_them():
    text = ("# 若干措施\n\n本措施适用于在云南省注册登记的企业。申请第二项至第三项支持的企业，须未被列为失信被执行人。\n\n"
            "一、税收优惠。对高新技术企业减按15%的税率征收企业所得税。\n\n二、研发奖补。对研发费用100万元以上的企业给予奖励10万元。\n\n"
            "三、认定奖励。对首次认定的高新技术企业给予奖励20万元。\n")
    items = extract_policy(text, "range", {"region_code": "530000"}).items
    assert [("eq", "dishonest", False) in {c.key() for c in i.conditions} for i in items] == [False, True, True]
    assert all(("within", "region_code", "530000") in {c.key() for c in i.conditions} for i in items)


def test_a_list_of_what_a_fund_is_used_for_binds_nothing():
    text = ("第三条 申请专项资金的企业应当在秀山县注册登记。\n第四条 专项资金用于下列事项：\n（一）首贷贴息；\n"
            "（二）工业企业“小升规”奖励。\n第五条 对首次获得银行贷款的企业，按利息的60%给予贴息。\n"
            "第六条 对首次纳入规模以上统计的企业，给予奖励10万元。\n")
    for item in extract_policy(text, "fund", {"region_code": "500241"}).items:
        assert "industry" not in {c.field for c in item.conditions}


def test_a_table_of_named_items_and_the_notes_under_it():
    text = (
        "# 关于申报专项资金的通知\n\n一、基本要求\n\n申报企业应当在黔江区注册登记。\n\n二、支持项目\n\n"
        "| 项目 | 条件 | 标准 |\n|---|---|---|\n"
        "| （一）首贷贴息 | 小型、微型企业；此前未在银行取得过贷款 | 按利息的40%给予贴息 |\n"
        "| （二）研发补助 | 上年度研发费用不低于30万元 | 按研发费用的10%给予补助 |\n\n"
        "注：1.表中“上年度”均指2025年度。2.房地产业企业不纳入本次支持范围。3.申报第2项的须为高新技术企业。\n\n"
        "三、申报程序\n\n企业在线填报。\n"
    )
    first, second = extract_policy(text, "t", {"region_code": "500114"}).items
    assert (first.clause, first.name) == ("二、（一）", "首贷贴息")
    for item in (first, second):  # the note binds every row; its definition binds none
        keys = {c.key() for c in item.conditions}
        assert {("within", "region_code", "500114"), ("not_in", "industry", ("K",))} <= keys
        assert not any("均指" in c.text for c in item.conditions)
    assert ("has", "qualifications", "高新技术企业") in {c.key() for c in second.conditions}
    assert "qualifications" not in {c.field for c in first.conditions}
    assert ("ge", "rd_expense", 30) in {c.key() for c in second.conditions}


def test_how_to_apply_under_a_requirements_heading_binds_nothing():
    text = ("# 扶持政策清单\n\n## 一、共性条件\n\n（一）注册登记地在汉中市，依法诚信经营，具有独立法人资格的经营主体。\n\n"
            "## 二、扶持政策\n\n对新建标准化茶园的主体，按每亩400元给予补助。\n\n## 三、申报要求\n\n"
            "（一）申报时间为2026年4月1日至6月30日，逾期不予受理。\n\n（二）市农业农村局会同市财政局复核后联合下达资金。\n")
    (item,) = extract_policy(text, "list", {"region_code": "610700"}).items
    assert [c.key() for c in item.conditions] == [("within", "region_code", "610700"), ("unknown", "新建标准化茶园")]
    assert "依法诚信经营" in item.assumed


def test_requirements_for_any_product_are_all_required():
    text = ("# 担保产品目录\n\n## 一、共同准入要求\n\n申请本目录所列任一产品的客户，均应当满足以下要求：\n\n"
            "（1）在酉阳县辖内依法登记注册；\n\n（2）企业未被列为失信被执行人。\n\n## 二、产品清单\n\n### 产品一：惠农担\n\n"
            "担保金额：单户最高300万元。\n\n### 产品二：首保贷\n\n担保金额：单户最高100万元。\n")
    for item in extract_policy(text, "g", {"region_code": "500242"}).items:
        assert {("within", "region_code", "500242"), ("eq", "dishonest", False)} <= {c.key() for c in item.conditions}


def test_a_note_refusing_dishonest_debtors_binds_every_row():
    text = ("# 政策兑现清单\n\n| 序号 | 政策名称 | 兑现条件 | 兑现标准 |\n|---|---|---|---|\n"
            "| 1 | 升规奖励 | 首次纳入规模以上工业统计的企业 | 每户奖励10万元 |\n"
            "| 2 | 吸纳就业补贴 | 小型、微型企业 | 按每人2000元给予补贴 |\n\n"
            "注：1. 兑现对象须为在六盘水市注册登记的企业；被列入失信被执行人名单的企业，不予兑现。\n")
    items = extract_policy(text, "list", {"region_code": "520200"}).items
    assert len(items) == 2
    for item in items:
        assert {("within", "region_code", "520200"), ("eq", "dishonest", False)} <= {c.key() for c in item.conditions}


@pytest.mark.parametrize("heading", ["通用准入要求", "共性条件", "申报资格"])
def test_a_section_of_shared_requirements_binds_every_product(heading):
    text = (
        f"# 某担保公司产品目录\n\n## 一、{heading}\n\n（一）在恩施土家族苗族自治州行政区域内注册登记并实际经营；\n\n"
        "（二）申请人未被列入失信被执行人名单。\n\n## 二、产品一：茶担\n\n【服务对象】小微企业。\n\n【担保额度】单户最高300万元。\n\n"
        "## 三、产品二：农担\n\n【服务对象】农民专业合作社。\n\n【担保额度】单户最高100万元。\n"
    )
    items = extract_policy(text, "catalogue", {"region_code": "422800"}).items
    assert len(items) == 2
    for item in items:
        assert {("within", "region_code", "422800"), ("eq", "dishonest", False)} <= {c.key() for c in item.conditions}


def test_a_cashing_notice_reads_its_recipients_and_splits_its_offers():
    text = ("某市工业和信息化局关于兑现扶持资金的公告\n\n一、兑现对象\n\n在柳州市注册登记，从事汽车零部件及配件制造的工业企业。"
            "申请企业纳税信用等级须在B级以上。\n\n二、兑现内容\n\n"
            "对首次进入整车企业一级供应商名录的零部件企业，给予一次性奖励50万元；"
            "对被认定为专精特新“小巨人”的企业，在国家奖励的基础上，市级再给予一次性奖励30万元；"
            "对从业人员不满300人的零部件企业实施智能工厂改造的，按投资额的10%给予补助。\n\n三、申报材料\n\n（一）申请表。\n")
    items = extract_policy(text, "cash", {"region_code": "450200"}).items
    assert len(items) == 3
    for item in items:
        keys = {c.key() for c in item.conditions}
        assert {("within", "region_code", "450200"), ("in", "industry", ("C3670",)),
                ("in", "tax_credit", ("A", "B"))} <= keys


@pytest.mark.parametrize("sentence", [
    "对营业收入首次达到1亿元的企业，给予一次性奖励100万元；首次达到10亿元的，给予一次性奖励300万元。",
    "对新认定为国家重点龙头企业的，给予一次性奖励50万元；新认定为市级龙头企业的，给予一次性奖励20万元。",
    "对新植漆树50亩以上的，按每亩300元给予奖补；对实行轮割养树的，另按每亩100元给予管护奖补。",
    "对新评定为国家5A级物流企业的，给予一次性奖励50万元；由低等级晋升为高等级的，按差额给予奖励。",
    "对吸纳就业3人以上的企业，给予一次性创业补贴5000元；吸纳就业10人以上的，一次性创业补贴提高到1万元。",
    "对经认定的外贸综合服务企业，上一年度出口额达到1亿美元以上、服务中小微外贸主体200家以上的，给予一次性奖励50万元；"
    "出口额达到3亿美元以上的，奖励100万元。",
])
def test_tiers_and_add_ons_of_one_offer_stay_one_item(sentence):
    assert len(extract_policy(f"某县奖励办法\n\n{sentence}\n", "tiers", {"region_code": "500229"}).items) == 1


def test_entries_of_a_lone_subsection_are_items_of_their_own():
    text = ("# 若干措施\n\n一、壮大市场主体\n\n（一）支持企业上规升级\n\n"
            "1. 对首次纳入规模以上工业企业统计库的电子设备制造企业，给予一次性奖励15万元。\n\n"
            "2. 对上一年度营业收入首次达到1亿元以上的企业，给予一次性奖励20万元。\n\n"
            "二、加大金融支持\n\n对获得银行贷款的企业按利息的50%给予贴息。\n")
    items = extract_policy(text, "lone", {"region_code": "510700"}).items
    assert [i.clause for i in items] == ["一、（一）1.", "一、（一）2.", "二、"]


def test_first_recognition_and_re_recognition_are_two_awards():
    text = (
        "# 科技企业政策\n\n一、高新技术企业奖励\n\n（一）对首次通过认定的高新技术企业，给予一次性奖励20万元。\n\n"
        "（二）高新技术企业资格届满后重新认定通过的，给予一次性奖励10万元。\n\n"
        "二、研发补助\n\n对在天府新区注册登记的企业，按研发费用的10%给予补助。\n"
    )
    policy = extract_policy(text, "hte", {})
    assert [i.clause for i in policy.items] == ["一、（一）", "一、（二）", "二、"]
    events = [[c.text for c in i.conditions if c.op == "unknown"] for i in policy.items]
    assert events[:2] == [["首次通过认定的高新技术企业"], ["高新技术企业资格届满后重新认定通过"]]
    assert not any("新区注册" in t and not t.startswith("在") for t in events[2])  # 新区 is a place, not an event


def test_headings_naming_who_and_on_what_terms_are_conditions_not_items():
    text = (
        "# 稳岗通知\n\n一、失业保险稳岗返还\n\n（一）返还对象。在苏州市注册登记且不属于失信被执行人的企业。\n\n"
        "（二）返还条件。上年度未裁员。\n\n（三）返还标准。按上年度实际缴纳失业保险费的60%返还。\n\n"
        "二、一次性扩岗补助\n\n对招用高校毕业生的企业，按每人1500元的标准发放一次性扩岗补助。同一企业不重复享受。\n"
    )
    policy = extract_policy(text, "jobs", {"region_code": "320500"})
    assert [(i.clause, i.name) for i in policy.items] == [("一、", "失业保险稳岗返还"), ("二、", "一次性扩岗补助")]
    assert {c.field for c in policy.items[0].conditions} >= {"region_code", "dishonest"}


def test_a_table_listing_items_gives_one_item_per_numbered_row():
    text = (
        "# 软件业政策\n\n一、适用对象\n\n本通知适用于在贵阳市行政区域内注册登记的企业。\n\n二、支持事项\n\n"
        "| 序号 | 支持事项 | 申报条件 | 支持标准 |\n|---|---|---|---|\n"
        "| 1 | 营收增长奖励 | 从事软件和信息技术服务业，上年度营业收入达到3000万元以上 | 按增量的2%给予奖励，最高不超过200万元 |\n"
        "| 2 | 上云服务券 | 中型、小型、微型企业购买云服务，合同金额在5万元以上 | 按费用的30%给予补贴 |\n\n"
        "同一企业可以申报多个事项，但同一合同不得重复申报。\n"
    )
    policy = extract_policy(text, "table", {"region_code": "520100"})
    assert [(i.clause, i.name) for i in policy.items] == [("二、1.", "营收增长奖励"), ("二、2.", "上云服务券")]
    first, second = ({c.field or c.text for c in i.conditions} for i in policy.items)
    assert first == {"region_code", "industry", "revenue"}
    assert second == {"region_code", "size", "合同金额在5万元以上"}
    assert [b.amount for b in policy.items[0].benefits] == [0.02, 200]


def test_questions_numbered_like_sections_head_their_answers():
    text = (
        "# 政策问答\n\n**一、哪些企业可以申领创新券？**\n\n答：在长沙市注册登记的中小企业，可以申领创新券，"
        "创新券按服务合同金额的50%抵扣。\n\n**二、个体工商户可以申领创新券吗？**\n\n答：不可以。个体工商户不在申领范围之内。\n\n"
        "**三、申请上述政策还有哪些共同要求？**\n\n答：申请企业未被列入失信被执行人名单。\n\n"
        "**四、通过什么渠道申请？**\n\n答：通过服务平台在线申领。\n"
    )
    policy = extract_policy(text, "qa2", {"region_code": "430100"})
    assert [i.clause for i in policy.items] == ["一、"]
    assert {c.field for c in policy.items[0].conditions} >= {"region_code", "size", "dishonest"}


def test_a_guide_routes_each_item_its_own_conditions_section():
    text = (
        "# 申报指南\n\n一、申报条件\n\n（一）共性条件\n\n1. 在绵阳市行政区域内注册登记；\n\n2. 未被列入严重失信主体名单。\n\n"
        "（二）研发投入后补助项目申报条件\n\n1. 属于高新技术企业；\n\n2. 上一年度营业收入不超过5亿元（含）。\n\n"
        "（三）高新技术企业培育入库项目申报条件\n\n1. 注册成立一年以上（含）。\n\n"
        "二、支持标准\n\n（一）研发投入后补助。按研发费用的百分之五给予后补助。\n\n"
        "（二）高新技术企业培育入库。对新入库的企业给予一次性奖励5万元。\n"
    )
    first, second = extract_policy(text, "guide", {"region_code": "510700"}).items
    assert (first.clause, second.clause) == ("二、（一）", "二、（二）")
    assert {c.field or c.op for c in first.conditions} == {"region_code", "unknown", "qualifications", "revenue"}
    fields = {c.field or c.op for c in second.conditions}
    assert {"region_code", "unknown", "age_years"} <= fields and "revenue" not in fields


def test_term_lines_of_a_product_sheet_are_not_requirements():
    text = (
        "# 信贷产品手册\n\n## 一、首贷通\n\n产品名称：首贷通\n\n适用对象：注册地在巫溪县的小型、微型企业。\n\n准入条件：\n\n"
        "（1）成立满一年（含）；\n\n（2）纳税信用等级非D级。\n\n贷款额度：单户最高100万元。\n\n"
        "贷款期限：1年以内（含1年），到期可申请续贷。\n\n担保方式：信用为主，可追加保证。\n"
    )
    (item,) = extract_policy(text, "sheet", {"region_code": "500238"}).items
    assert not [c for c in item.conditions if c.op == "unknown"]
    assert {c.field for c in item.conditions} == {"region_code", "size", "age_years", "tax_credit"}
    assert 100 in [b.amount for b in item.benefits]


def test_a_definition_listing_what_a_term_covers_binds_no_item():
    text = (
        "# 人才措施\n\n一、适用对象\n\n本措施适用于在重庆市行政区域内注册登记的企业。本措施所称专精特新企业，"
        "包括专精特新中小企业和专精特新“小巨人”企业。\n\n二、支持措施\n\n（一）对引进博士的企业，给予一次性补贴5万元。\n\n"
        "（二）对新设博士后工作站的企业，给予一次性补贴10万元。\n"
    )
    for item in extract_policy(text, "talent", {"region_code": "500000"}).items:
        assert "qualifications" not in {c.field for c in item.conditions}
        assert not any(c.op == "any_of" for c in item.conditions)


def test_any_of_an_exclusion_list_excludes_so_each_is_its_own_requirement():
    text = (
        "# 奖励通知\n\n一、申报条件\n\n有下列情形之一的，不予支持：\n\n（一）被列为失信被执行人的；\n\n"
        "（二）纳税信用等级为C级、D级的。\n\n二、奖励标准\n\n对符合条件的企业给予一次性奖励10万元。\n"
    )
    (item,) = extract_policy(text, "neg", {}).items
    assert {c.key() for c in item.conditions} == {("eq", "dishonest", False), ("not_in", "tax_credit", ("C", "D"))}


def test_a_definition_of_several_terms_binds_items_using_any_and_names_no_subject():
    text = ("# 政策问答\n\n本问答所称企业、个体工商户，均指在石家庄市行政区域内依法登记注册的经营主体。\n\n"
            "**问1：个体户转企有什么奖励？**\n\n答：由个体工商户转型为企业且正常经营满一年的，给予一次性奖励5000元。\n\n"
            "**问2：小微企业招用高校毕业生有补贴吗？**\n\n答：小微企业招用高校毕业生的，按每人1500元给予补贴。\n")
    items = extract_policy(text, "qa", {"region_code": "130100"}).items
    assert len(items) == 2
    for item in items:
        keys = {c.key() for c in item.conditions}
        assert ("within", "region_code", "130100") in keys
        assert ("eq", "ownership", "个体工商户") not in keys


def test_a_definition_binds_only_the_items_that_use_its_term():
    text = (
        "# 特色产业措施\n\n一、适用对象\n\n本措施支持注册地在石柱县的企业。本措施所称规模以上工业企业，"
        "是指年主营业务收入2000万元及以上的工业企业；所称小型、微型企业，按照国家中小企业划型标准确定。\n\n"
        "二、支持事项\n\n（一）对规模以上工业企业实施技术改造的，给予补助50万元。\n\n"
        "（二）对新招用本县劳动力的企业，给予补贴1万元。\n"
    )
    first, second = extract_policy(text, "defs", {"region_code": "500240"}).items
    assert {c.key() for c in first.conditions} >= {("ge", "revenue", 2000), ("in", "industry", ("B", "C", "D"))}
    assert not {c.field for c in second.conditions} & {"revenue", "size", "industry"}


def test_a_requirements_clause_naming_an_item_in_its_opening_words_goes_to_that_item():
    text = (
        "# 申报指南\n\n一、申报条件\n\n（一）基本条件：在泸州市行政区域内注册登记。\n\n"
        "（二）申报研发投入后补助的，还须同时满足：\n\n1. 属于高新技术企业；\n\n2. 上年度研发费用在100万元以上（含）。\n\n"
        "（三）申报首次认定高新技术企业奖励的，须为2024年度首次通过认定的高新技术企业。\n\n"
        "二、支持标准\n\n（一）研发投入后补助。按研发费用的百分之五给予后补助。\n\n"
        "（二）首次认定高新技术企业奖励。对首次认定的企业给予一次性奖励20万元。\n"
    )
    first, second = extract_policy(text, "guide2", {"region_code": "510500"}).items
    assert "rd_expense" in {c.field for c in first.conditions}
    assert "rd_expense" not in {c.field for c in second.conditions}
    assert any(c.op == "unknown" and "首次通过认定" in c.text for c in second.conditions)


def test_bracketed_labels_of_a_guarantee_sheet_and_an_exclusion_in_its_preamble():
    text = (
        "# 担保产品手册\n\n以下各产品均不向房地产业企业、金融业企业提供担保。\n\n## 产品一：文旅助业保\n\n"
        "【服务对象】在奉节县登记注册的中小微企业。\n\n【准入条件】\n\n1. 正常经营满1年；\n\n2. 纳税信用等级非D级。\n\n"
        "【担保金额】单户最高200万元。\n\n【担保期限】最长不超过2年。\n"
    )
    (item,) = extract_policy(text, "guar", {"region_code": "500236"}).items
    assert item.kind == "credit"
    assert {c.key() for c in item.conditions} >= {
        ("not_in", "industry", ("J", "K")), ("ge", "age_years", 1), ("not_in", "tax_credit", ("D",))}
    assert not [c for c in item.conditions if c.op == "unknown"]


def test_a_preamble_sentence_binding_applicants_applies_to_every_item():
    text = (
        "# 若干措施\n\n享受本措施支持的经营主体，不得被列入经营异常名录或者严重违法失信名单。\n\n"
        "**一、支持稳岗。** 对上年度未裁员的经营主体，给予一次性稳岗补贴5000元。\n\n"
        "**二、支持入库。** 对首次纳入限额以上统计的零售企业，给予一次性奖励5万元。\n"
    )
    for item in extract_policy(text, "pre", {"region_code": "610100"}).items:
        assert "不得被列入经营异常名录或者严重违法失信名单" in [c.text for c in item.conditions]


def test_three_bounds_spell_out_small_low_profit_and_a_definition_by_reference_adds_nothing():
    text = (
        "一、所得税优惠。对年应纳税所得额不超过300万元、从业人数不超过300人、资产总额不超过5000万元的"
        "小型微利企业，减按25%计入应纳税所得额，按20%的税率缴纳企业所得税。\n\n"
        "二、口径。本公告所称小型微利企业，按照有关规定的标准确定。"
    )
    policy = extract_policy(text, "slp", {"title": "关于小型微利企业所得税优惠的公告", "region_code": "500000"})
    fields = [c.field for item in policy.items for c in item.conditions]
    assert {"taxable_income", "employees", "assets"} <= set(fields)
    assert "small_low_profit" not in fields


def test_standard_section_splits_by_the_names_of_a_directions_list_and_by_distinct_subjects():
    guide = (
        "# 某县特色产业资金申报指南\n\n## 一、支持方向\n\n（一）高山蔬菜基地建设；\n\n（二）乡村民宿集群发展。\n\n"
        "## 二、申报条件\n\n申报主体为在本县依法登记注册的企业。\n\n"
        "## 三、支持标准\n\n（一）高山蔬菜基地建设按种植面积每亩300元给予补助，最高不超过15万元。\n\n"
        "（二）乡村民宿集群发展按新增床位每张2000元给予补助，最高不超过30万元。\n"
    )
    policy = extract_policy(guide, "g", {"title": "某县特色产业资金申报指南", "region_code": "500156"})
    assert len(policy.items) == 2
    rules = (
        "## 第三章 支持标准\n\n第五条 企业首次从银行业金融机构获得流动资金贷款的，按实际支付利息的60%给予贴息。\n\n"
        "第六条 高新技术企业上一会计年度研发费用达到50万元以上的，按研发费用的5%给予奖励。\n"
    )
    assert len(extract_policy(rules, "r", {"title": "资金管理办法", "region_code": "500241"}).items) == 2
    tiers = (
        "## 三、支持标准\n\n（一）上年度营业收入首次突破1亿元的，奖励20万元。\n\n"
        "（二）上年度营业收入首次突破5亿元的，奖励50万元。\n"
    )
    assert len(extract_policy(tiers, "t", {"title": "奖励办法", "region_code": "500241"}).items) == 1


def test_labelled_per_item_conditions_bind_only_the_item_they_name():
    guide = (
        "# 某区农文旅资金申报指南\n\n## 一、支持方向\n\n（一）高山蔬菜基地建设；\n\n（二）乡村民宿集群发展。\n\n"
        "## 二、申报条件\n\n### （一）共同条件\n\n1. 申报主体为在本区依法登记注册的企业。\n\n"
        "### （二）分项条件\n\n1. 高山蔬菜基地建设：上年度营业收入不低于300万元。\n\n"
        "2. 乡村民宿集群发展：纳税信用等级为A级。\n\n"
        "## 三、支持标准\n\n（一）高山蔬菜基地建设按种植面积每亩300元给予补助。\n\n"
        "（二）乡村民宿集群发展按新增床位每张2000元给予补助。\n"
    )
    veg, inn = extract_policy(guide, "g", {"title": "某区农文旅资金申报指南", "region_code": "500156"}).items
    assert {c.field for c in veg.conditions} == {"region_code", "revenue"}
    assert {"region_code", "tax_credit"} <= {c.field for c in inn.conditions}
    assert not {"revenue", None} & {c.field for c in inn.conditions}


def test_a_qa_answer_on_who_may_apply_binds_every_item():
    qa = (
        "# 某市惠企政策问答\n\n**1. 问：这些政策措施适用于哪些经营主体？**\n\n"
        "答：适用于在本市工商注册登记的民营企业。被列入失信被执行人名单的，不能享受。\n\n"
        "**2. 问：首次贷款有什么支持？**\n\n答：对首次获得银行贷款的小型、微型企业，按实际支付利息的50%给予贴息。\n\n"
        "**3. 问：研发投入有奖励吗？**\n\n答：上年度研发费用100万元以上的，按研发费用的5%给予奖励。\n"
    )
    items = extract_policy(qa, "qa", {"title": "某市惠企政策问答", "region_code": "520300"}).items
    assert len(items) == 2
    for item in items:
        assert {"region_code", "ownership", "dishonest"} <= {c.field for c in item.conditions}


def test_title_and_purpose_of_a_guide_bind_no_item():
    guide = (
        "# 支持小微企业发展税费优惠政策指引\n\n为方便纳税人全面了解、精准适用支持小微企业的税费优惠政策，税务总局对现行政策进行了梳理，分项列示如下。\n\n"
        "## 一、研发费用加计扣除\n\n【享受主体】会计核算健全的居民企业。\n\n【优惠内容】研发费用按实际发生额的100%在税前加计扣除。\n\n"
        "## 二、小规模纳税人减征增值税\n\n【享受主体】增值税小规模纳税人。\n\n【优惠内容】减按1%征收率缴纳增值税。\n"
    )
    items = extract_policy(guide, "nat", {"title": "支持小微企业发展税费优惠政策指引"}).items
    assert len(items) == 2
    assert all(c.field != "size" for item in items for c in item.conditions)


def test_the_basis_under_a_guides_conditions_binds_no_one():
    guide = (
        "# 某市税费优惠政策指引\n\n## 一、小型微利企业减免企业所得税\n\n【享受主体】\n\n小型微利企业\n\n"
        "【优惠内容】\n\n对小型微利企业减按25%计算应纳税所得额，按20%的税率缴纳企业所得税。\n\n【享受条件】\n\n"
        "1. 年度应纳税所得额不超过300万元；\n\n2. 资产总额不超过5000万元。\n\n"
        "从业人数和资产总额指标，按企业全年的季度平均值确定。\n\n【政策依据】\n\n"
        "《财政部 税务总局关于进一步支持小微企业和个体工商户发展有关税费政策的公告》（财政部 税务总局公告2023年第12号）\n"
    )
    [item] = extract_policy(guide, "g", {"title": "某市税费优惠政策指引", "region_code": "620100"}).items
    assert {(c.field, c.op) for c in item.conditions} == {
        ("small_low_profit", "eq"), ("taxable_income", "le"), ("assets", "le")}


def test_a_paragraph_after_the_measures_binds_them_all_and_numbered_sentences_their_own():
    plan = (
        "三、支持措施\n\n（一）研发奖励。对医药制造企业取得创新药注册证书的，给予奖励100万元。\n\n"
        "（二）种植补助。对从事中药材种植的企业，按每亩300元给予补助。\n\n"
        "（三）贷款贴息。对医药制造企业取得银行贷款的，按LPR的30%给予贴息。\n\n"
        "享受上述支持措施的企业，还应当符合以下要求：未被列入失信被执行人名单；纳税信用等级不低于B级。"
        "申请第（三）项贷款贴息的企业，成立时间须满2年。\n"
    )
    items = extract_policy(plan, "p", {"title": "某市生物医药工作方案", "region_code": "530100"}).items
    assert len(items) == 3
    for item in items:
        assert {"dishonest", "tax_credit"} <= {c.field for c in item.conditions}
    assert [any(c.field == "age_years" for c in item.conditions) for item in items] == [False, False, True]


def test_a_requirement_for_this_chapters_awards_binds_only_the_chapters_items():
    rules = (
        "## 第一章 技术改造\n\n第一条 对设备投资额在500万元以上的项目，按投资额的8%给予补助。\n\n"
        "## 第二章 梯度培育奖励\n\n第二条 对被认定为专精特新“小巨人”企业的，给予一次性奖励60万元。\n\n"
        "第三条 对被认定为专精特新中小企业的，给予一次性奖励15万元。\n\n"
        "第四条 申请本章奖励的企业，上一会计年度研究开发费用占营业收入的比例应当不低于3%。\n"
    )
    items = extract_policy(rules, "r", {"title": "某区专项资金管理办法", "region_code": "500102"}).items
    assert len(items) == 3
    assert [[c.field for c in item.conditions if c.field == "rd_ratio"] for item in items] == [
        [], ["rd_ratio"], ["rd_ratio"]]
    assert not any(c.op == "unknown" and "本章" in c.text for item in items for c in item.conditions)


def test_an_overview_naming_the_measures_is_no_item_and_a_remark_binds_the_rows_it_numbers():
    notice = (
        "一、支持事项\n\n今年安排首次贷款贴息、企业上市奖励两类事项。各事项的申报条件和支持标准详见附件。\n\n"
        "二、申报主体\n\n申报主体为注册地在宜昌市行政区域内的企业。\n\n附件\n\n"
        "| 序号 | 支持事项 | 申报条件 | 支持标准 |\n|---|---|---|---|\n"
        "| 1 | 首次贷款贴息 | 小型、微型企业；在银行有即将到期的贷款 | 按实际支付利息的50%给予贴息 |\n"
        "| 2 | 企业上市奖励 | 在境内证券交易所首次公开发行股票并上市 | 一次性奖励100万元 |\n\n"
        "备注：第1项不支持房地产业企业；第2项的申报企业须已完成股份制改造。\n"
    )
    loan, listing = extract_policy(notice, "n", {"title": "融资支持政策申报通知", "region_code": "420500"}).items
    assert loan.name == "首次贷款贴息" and listing.name == "企业上市奖励"
    assert ("has_bank_loan", "eq", True) in {(c.field, c.op, c.value) for c in loan.conditions}
    assert ("industry", "not_in") in {(c.field, c.op) for c in loan.conditions}
    assert ("industry", "not_in") not in {(c.field, c.op) for c in listing.conditions}
    assert any(c.op == "unknown" and "股份制改造" in c.text for c in listing.conditions)
    assert not any(c.op == "unknown" and "股份制改造" in c.text for c in loan.conditions)


def test_a_bank_product_launched_is_an_item_and_the_next_item_for_its_holders_inherits_its_conditions():
    text = ("二、主要措施\n\n（一）信用贷。各银行业金融机构面向小微经营主体推出纯信用的“渝惠信用贷”产品。"
            "申请的小微经营主体须纳税信用等级为A级或者B级。单户授信额度最高1000万元。\n\n"
            "（二）首贷贴息。获得前项“渝惠信用贷”的小微经营主体，此前从未在银行业金融机构取得过贷款的，"
            "市级财政按贷款本金的1个百分点给予贴息。\n")
    loan, subsidy = extract_policy(text, "c", {"region_code": "500000"}).items
    assert loan.kind == "credit" and loan.clause == "二、（一）"
    assert ("in", "tax_credit", ("A", "B")) in {c.key() for c in subsidy.conditions}
    assert ("eq", "has_bank_loan", False) in {c.key() for c in subsidy.conditions}
    assert "has_bank_loan" not in {c.field for c in loan.conditions}


def test_a_definition_of_the_applicant_keeps_its_free_text_requirements_and_one_of_a_title_does_not():
    text = ("某市商贸物流支持公告\n\n本公告所称企业，是指在怀化市行政区域内注册登记，且上年度未发生较大及以上安全生产事故的企业。"
            "本公告所称高新技术企业，是指依照《高新技术企业认定管理办法》认定的企业。\n\n"
            "一是对新建冷库的企业，按投资额的20%给予补助。\n\n二是对高新技术企业，给予一次性奖励10万元。\n")
    cold, tech = extract_policy(text, "d", {"region_code": "431200", "title": "某市商贸物流支持公告"}).items
    for item in (cold, tech):
        assert any(c.op == "unknown" and "安全生产事故" in c.text for c in item.conditions)
    assert not any(c.op == "unknown" and "认定管理办法" in c.text for c in tech.conditions)


def test_a_subject_label_inside_a_measure_states_who_may_apply():
    guide = (
        "# 某市税费优惠政策指引\n\n## 一、研发费用税前加计扣除\n\n【享受主体】\n\n"
        "会计核算健全、实行查账征收并能够准确归集研发费用的居民企业\n\n"
        "【优惠内容】\n\n研发费用按照实际发生额的100%在税前加计扣除。\n\n"
        "【享受条件】1. 企业在开展研发活动中实际发生了研发费用；2. 不属于烟草制造业。"
        "从业人数包括与企业建立劳动关系的职工，不需要同时满足其他条件。\n"
    )
    [item] = extract_policy(guide, "g", {"title": "某市税费优惠政策指引", "region_code": "620100"}).items
    unknowns = [c.text for c in item.conditions if c.op == "unknown"]
    assert len(unknowns) == 1 and "实行查账征收并能够准确归集研发费用" in unknowns[0]
    assert {("gt", "rd_expense", 0), ("not_in", "industry", ("C16",))} <= {c.key() for c in item.conditions}


def test_an_inline_conditions_label_in_a_compilation_entry_states_who_may_apply():
    text = (
        "某市惠企政策汇编\n\n14. 专精特新中小企业梯度培育奖励\n"
        "政策内容：对新认定的专精特新中小企业，给予一次性奖励20万元。\n"
        "申报条件：在南宁市注册登记；近三年未发生重大安全、质量、环境污染事故。\n"
        "受理部门：南宁市工业和信息化局（咨询时须提供营业执照）\n"
    )
    [item] = extract_policy(text, "c", {"title": "某市惠企政策汇编", "region_code": "450100"}).items
    unknowns = [c.text for c in item.conditions if c.op == "unknown"]
    assert any("近三年未发生重大安全" in t for t in unknowns)
    assert not any("营业执照" in t or "工业和信息化局" in t for t in unknowns)


def test_a_bank_product_table_makes_one_credit_item_per_row_and_its_common_requirements_bind_them_all():
    sheet = (
        "# 某村镇银行普惠信贷产品要素表\n\n"
        "| 产品名称 | 适用对象 | 准入条件 | 额度 | 期限 |\n|---|---|---|---|---|\n"
        "| 快贷 | 小型、微型企业 | 纳税信用等级M级以上 | 单户最高500万元 | 最长2年 |\n"
        "| 接力贷 | 在本行已有流动资金贷款且即将到期的企业 | 纳税信用等级非D级 | 不超过原贷款本金 | 最长3年 |\n\n"
        "**通用准入要求**\n\n1. 企业未被列为失信被执行人；\n\n2. 在人民银行征信系统中无当前逾期记录。\n\n"
        "**温馨提示**：本行不收取贷款承诺费等费用。企业可到各营业网点提交申请。\n"
    )
    quick, relay = extract_policy(sheet, "b", {"title": "某村镇银行普惠信贷产品要素表", "region_code": "500111"}).items
    assert (quick.name, quick.kind, relay.name, relay.kind) == ("快贷", "credit", "接力贷", "credit")
    for item in (quick, relay):
        assert ("eq", "dishonest", False) in {c.key() for c in item.conditions}
        assert any(c.op == "unknown" and "逾期记录" in c.text for c in item.conditions)
        assert not any("承诺费" in c.text for c in item.conditions)
    assert ("eq", "has_bank_loan", True) in {c.key() for c in relay.conditions}


def test_measures_titled_by_what_they_do_under_a_policy_content_section_are_items_of_their_own():
    text = (
        "二、政策内容\n\n（一）培育龙头企业。经认定为市级农业产业化重点龙头企业的，一次性奖励二十万元。\n\n"
        "（二）支持精深加工。上年度主营业务收入在2000万元以上的加工企业，按设备投资额的百分之十五给予补助。\n\n"
        "（三）建设标准化基地。对从事柑橘类种植的经营主体，按每亩800元给予一次性补助。\n"
    )
    items = extract_policy(text, "z", {"region_code": "500233"}).items
    assert [i.clause for i in items] == ["二、（一）", "二、（二）", "二、（三）"]
    tiers = "三、支持标准\n\n（一）国家级。奖励50万元。\n\n（二）市级。奖励20万元。\n"
    assert len(extract_policy(tiers, "t", {"region_code": "500233"}).items) == 1


def test_entries_headed_by_a_numbered_line_of_their_own_are_items():
    text = (
        "某市免申即享事项清单\n\n第1项\n事项名称：高新技术企业认定奖励\n享受对象：通过高新技术企业认定的企业\n"
        "兑现标准：奖励20万元\n责任单位：市科技局\n\n第2项\n事项名称：稳岗返还\n享受对象：参保职工30人以上的企业\n"
        "兑现标准：按上年度实际缴纳失业保险费的60%返还\n责任单位：市人社局\n"
    )
    items = extract_policy(text, "l", {"title": "某市免申即享事项清单", "region_code": "430200"}).items
    assert [i.clause for i in items] == ["第1项", "第2项"]
    assert ("has", "qualifications", "高新技术企业") in {c.key() for c in items[0].conditions}
    assert ("ge", "employees", 30) in {c.key() for c in items[1].conditions}


def test_a_credit_product_named_by_its_brand_is_a_named_benefit():
    text = (
        "三、支持标准\n\n（一）安家补贴。对新引进的博士，给予安家补贴20万元。\n\n"
        "（二）企业引才奖励。对引进高层次人才的企业，给予奖励5万元。\n\n"
        "（三）“英才贷”。合作银行向人才创办的企业发放“英才贷”，单户最高500万元，市财政按LPR的50%给予贴息。\n"
    )
    items = extract_policy(text, "s", {"region_code": "511100"}).items
    assert [i.clause for i in items] == ["三、（一）", "三、（二）", "三、（三）"]
    assert items[2].kind == "credit"


def test_an_attachment_line_heads_its_table_and_a_signature_is_no_requirement():
    notice = (
        "一、支持方向\n\n（一）技术改造项目；（二）首次进规奖励。\n\n二、申报时间和方式\n\n申报截止时间为6月30日。\n\n"
        "附件：支持标准\n\n| 项目类别 | 支持方式 | 支持标准 |\n|---|---|---|\n"
        "| 技术改造项目 | 事后补助 | 按设备投资额的百分之八给予补助 |\n| 首次进规奖励 | 一次性奖励 | 每户奖励10万元 |\n"
    )
    items = extract_policy(notice, "n", {"region_code": "510900"}).items
    assert [i.name for i in items] == ["技术改造项目", "首次进规奖励"]
    signed = ("二、申报条件\n\n申报企业须在本市注册登记。\n\n附件：申报条件一览表\n\n某市财政局\n\n2026年4月3日\n\n附件\n\n"
              "| 序号 | 支持事项 | 申报条件 | 支持标准 |\n|---|---|---|---|\n| 1 | 首贷贴息 | 小型、微型企业 | 按利息的50%给予贴息 |\n"
              "| 2 | 上市奖励 | 在境内证券交易所上市 | 奖励100万元 |\n")
    for item in extract_policy(signed, "s", {"region_code": "420500"}).items:
        assert not any(c.op == "unknown" and ("财政局" in c.text or "2026年" in c.text) for c in item.conditions)


def _unknowns(item) -> list[str]:
    return [c.text for c in item.conditions if c.op == "unknown"]


def test_a_duty_opening_the_leftover_and_a_growth_beside_a_bound_are_requirements():
    text = (
        "一、星级民宿奖励\n\n在本县注册登记的民宿经营主体，新获评市级精品民宿的，给予一次性奖励5万元。"
        "申请奖励的民宿须通过消防、治安、卫生等部门检查。\n\n"
        "二、零部件配套奖励\n\n对上一会计年度主营业务收入达到五亿元以上、同比增长20%以上的零部件企业，按增量的1%给予奖励。\n"
    )
    stay, parts = extract_policy(text, "d", {"region_code": "500229"}).items
    assert any("通过消防、治安、卫生等部门检查" in t for t in _unknowns(stay))
    assert ("ge", "revenue", 50000) in {c.key() for c in parts.conditions}
    assert any("同比增长20%以上" in t for t in _unknowns(parts))


def test_support_already_had_for_the_same_project_rules_out_this_one():
    text = (
        "一、设备补助\n\n对在本县注册的制造业企业，按设备投资额的10%给予补助。同一项目已获得省级以上财政资金支持的，县级不再重复补助。\n\n"
        "二、研发奖励\n\n对研发投入增长的企业给予奖励10万元，已纳入市级企业研发准备金制度补助范围的企业除外。\n"
    )
    device, rd = extract_policy(text, "n", {"region_code": "500229"}).items
    assert any(t.startswith("同一项目已获得省级以上财政资金支持") for t in _unknowns(device))
    assert any("已纳入市级企业研发准备金制度补助范围的企业除外" in t for t in _unknowns(rd))


def test_a_shared_sentence_naming_some_items_binds_those_items_only():
    text = (
        "【申报条件】\n\n（一）在本市注册登记、从事制造业的企业；\n\n（二）纳税信用等级M级以上。\n\n"
        "申报智能化改造设备补助或者技改项目贷款贴息的，所实施的改造项目还须于2025年7月1日以后开工，且项目总投资不低于300万元。\n\n"
        "【补贴标准】\n\n1. 智能化改造设备补助。按设备投资额的10%给予补助。\n\n"
        "2. 数字化转型服务补助。按服务费用的50%给予补助。\n\n"
        "3. 技改项目贷款贴息。按贷款市场报价利率的40%给予贴息。\n"
    )
    items = extract_policy(text, "g", {"region_code": "511500"}).items
    assert [i.name for i in items] == ["智能化改造设备补助", "数字化转型服务补助", "技改项目贷款贴息"]
    bound = [any("项目总投资不低于300万元" in t for t in _unknowns(i)) for i in items]
    assert bound == [True, False, True]
    assert all(any(c.field == "tax_credit" for c in i.conditions) for i in items)
    assert not any("设备补助" in t for i in items for t in _unknowns(i))


def test_products_headed_by_bracketed_ordinals_with_labelled_parts_and_a_closing_note():
    text = (
        "某农商行信贷产品说明书\n\n本说明书所列产品仅面向在荣昌区注册登记的企业法人。\n\n"
        "【产品一】荣畜贷\n\n【适用客户】从事生猪养殖的小型、微型企业。\n\n【准入条件】\n1．成立满两年；\n2．纳税信用等级为A级或者B级。\n\n"
        "【贷款额度】单户最高500万元。\n\n【不予准入情形】养殖场位于禁养区内的；近三年内发生重大动物疫病未按规定处置的。\n\n"
        "【产品二】首贷易\n\n【适用客户】此前未在任何金融机构获得过贷款的小型、微型企业。\n\n【准入条件】\n1．成立满一年；\n"
        "2．纳税信用等级非D级。\n\n【贷款额度】单户最高50万元，纯信用。\n\n"
        "【温馨提示】\n以上两款产品均要求申请企业未被列入失信被执行人名单。如有人以本行名义收取费用，请拨打客服电话举报。\n"
    )
    first, second = extract_policy(text, "p", {"region_code": "500153"}).items
    assert (first.kind, second.kind) == ("credit", "credit")
    keys = [{c.key() for c in item.conditions} for item in (first, second)]
    assert ("ge", "age_years", 2) in keys[0] and ("ge", "age_years", 2) not in keys[1]
    assert ("ge", "age_years", 1) in keys[1] and ("ge", "age_years", 1) not in keys[0]
    assert ("eq", "has_bank_loan", False) in keys[1]
    assert all(("eq", "dishonest", False) in k for k in keys)
    ruled_out = [c.text for c in first.conditions if c.op == "unknown"]
    assert sum("禁养区" in t for t in ruled_out) == 1 and sum("动物疫病" in t for t in ruled_out) == 1
    assert not any("禁养区" in c.text for c in second.conditions)
    assert not any("举报" in c.text or "收取费用" in c.text for item in (first, second) for c in item.conditions)


def test_a_scheme_described_by_its_institutions_is_no_item_and_its_list_reads_the_firm_only():
    text = (
        "一、业务模式\n\n本业务由市融资担保集团提供担保，合作银行发放贷款。市财政对市融资担保集团代偿损失给予适当补偿。\n\n"
        "二、准入条件\n\n（一）在郑州市登记注册的小型、微型企业；\n\n（二）企业成立满一年，实际控制人从事本行业经营三年以上；\n\n"
        "（三）不属于《产业结构调整指导目录》淘汰类。\n\n"
        "三、产品设置\n\n（一）小微贷\n\n单户担保贷款额度最高300万元，担保费率每年0.8%，市财政补贴0.5个百分点。\n\n"
        "（二）科创贷\n\n面向拥有一件以上有效发明专利或者三件以上实用新型专利的企业，单户担保贷款额度最高1000万元，市财政按担保费的50%给予补贴。\n"
    )
    items = extract_policy(text, "z", {"region_code": "410100"}).items
    assert [i.name for i in items] == ["小微贷", "科创贷"]
    for item in items:
        keys = {c.key() for c in item.conditions}
        assert ("ge", "age_years", 1) in keys and ("ge", "age_years", 3) not in keys
        assert any("实际控制人从事本行业经营三年以上" in c.text for c in item.conditions if c.op == "unknown")
        assert not any("淘汰类" in c.text for c in item.conditions)
    patents = [c for c in items[1].conditions if c.field == "invention_patents"]
    assert ("ge", "invention_patents", 3) not in {c.key() for c in items[1].conditions}
    assert len(patents) <= 1


def test_firms_a_rule_does_not_apply_to_and_counts_of_other_rights_are_read_apart():
    text = (
        "第一条 为规范扶持资金管理，制定本办法。\n\n"
        "第二条 申请扶持资金的企业，应当在江津区登记注册，纳税信用等级非D级。\n\n"
        "第三条 下列企业不适用本办法：\n\n（一）房地产业企业；\n\n（二）被列入经营异常名录且尚未移出的企业。\n\n"
        "第四条 同时符合下列条件的企业，按研发费用的10%给予补助，单户最高30万元：\n\n（一）从业人员三百人以下；\n\n"
        "（二）拥有有效发明专利一件以上或者软件著作权五件以上。\n"
    )
    (item,) = extract_policy(text, "j", {"region_code": "500116"}).items
    keys = {c.key() for c in item.conditions}
    assert any(c.field == "industry" and c.op == "not_in" and list(c.value) == ["K"] for c in item.conditions)
    assert any("经营异常名录" in c.text for c in item.conditions if c.op == "unknown")
    assert ("ge", "invention_patents", 5) not in keys
    assert not any(c.op == "unknown" and "扶持资金" in c.text for c in item.conditions)


def test_an_exclusion_list_under_a_closing_other_matters_heading_still_binds():
    text = (
        "一、首次升规奖励\n\n对首次纳入规模以上工业企业统计的企业，给予一次性奖励10万元。\n\n"
        "二、技改补助\n\n对完成设备投资300万元以上技术改造项目的企业，按投资额的5%给予补助。\n\n"
        "三、其他\n\n有下列情形之一的企业，不享受本细则支持：（一）近三年内因违法违规受到市级以上行政处罚且情节严重的；"
        "（二）纳税信用等级被评为D级的。\n\n本细则自2025年7月1日起施行。\n"
    )
    items = extract_policy(text, "o", {"region_code": "430100"}).items
    assert len(items) == 2
    for item in items:
        assert any(c.field == "tax_credit" and c.op == "not_in" and list(c.value) == ["D"] for c in item.conditions)
        assert any(c.op == "unknown" and "行政处罚" in c.text for c in item.conditions)


def test_a_key_value_table_per_item_reads_its_conditions_and_refusal_rows():
    text = (
        "## 事项一：办公用房租金补贴\n\n| 要素 | 内容 |\n|---|---|\n| 实施部门 | 区大数据发展局 |\n"
        "| 受理条件 | 1.在永川区注册登记的企业；2.2024年1月1日以后新入驻软件园区，租用办公用房面积不少于300平方米；3.企业成立未满五年 |\n"
        "| 支持标准 | 按实际租金的50%给予补贴，每年最高60万元 |\n| 不予受理情形 | 租用股东或者其他关联方房产的 |\n"
        "| 申请材料 | 申请表；房屋租赁合同 |\n\n"
        "## 事项二：入库奖励\n\n| 要素 | 内容 |\n|---|---|\n| 受理条件 | 1.在永川区注册登记的批发和零售业企业；2.2024年度首次纳入限额以上批发、零售业统计 |\n"
        "| 支持标准 | 给予一次性奖励5万元 |\n\n"
        "## 共性要求\n\n申请以上事项的企业，均应当未被列入失信被执行人名单，纳税信用等级非D级（事项二另有规定的，从其规定）。\n"
    )
    rent, award = extract_policy(text, "y", {"region_code": "500118"}).items
    rent_unknowns = [c.text for c in rent.conditions if c.op == "unknown"]
    assert any("租用办公用房面积不少于300平方米" in t for t in rent_unknowns)
    assert any("关联方房产" in t for t in rent_unknowns)
    assert ("lt", "age_years", 5) in {c.key() for c in rent.conditions}
    assert any("首次纳入限额以上" in c.text for c in award.conditions if c.op == "unknown")
    assert not any("从其规定" in c.text or "申请表" in c.text for i in (rent, award) for c in i.conditions)


def test_the_trade_a_scope_section_names_and_a_refused_case_are_requirements():
    text = (
        "一、支持对象\n\n在忠县境内依法登记注册，从事柑橘种植、加工、流通的企业和农民专业合作社。\n\n"
        "二、支持措施\n\n（一）培育龙头企业。新认定为市级农业产业化重点龙头企业的，一次性奖励二十万元。\n\n"
        "（二）建设标准化基地。新建标准化柑橘基地二百亩以上的，按每亩800元给予补助。流转土地期限不满5年的，不予补助。\n"
    )
    lead, base = extract_policy(text, "c", {"region_code": "500233"}).items
    for item in (lead, base):
        assert any("从事柑橘种植、加工、流通" in c.text for c in item.conditions if c.op == "unknown")
    assert any("流转土地期限不满5年" in c.text for c in base.conditions if c.op == "unknown")
    assert not any("流转土地" in c.text for c in lead.conditions)


def test_a_term_defined_in_the_answer_on_who_may_apply_binds_every_item():
    text = (
        "**1. 哪些主体可以申请支持？**\n\n答：在巫山县注册登记的文化旅游企业可以申请。这里所称文化旅游企业，是指从事旅行社及相关服务、"
        "住宿业或者文化艺术业的企业。\n\n"
        "**2. 旅行社组织游客有什么奖励？**\n\n答：对旅行社全年组织外地游客过夜5000人次以上的，按每人次10元给予奖励。\n\n"
        "**3. 民宿能享受哪些支持？**\n\n答：民宿新评定为市级以上等级民宿的，给予一次性奖励5万元。\n"
    )
    items = extract_policy(text, "q", {"region_code": "500237"}).items
    assert len(items) == 2
    for item in items:
        trades = [c for c in item.conditions if c.field == "industry" and c.op == "in"]
        assert any("L7291" in c.value and "R88" in c.value for c in trades)


def test_articles_of_rules_that_give_are_items_and_an_article_naming_others_binds_them():
    text = (
        "第一章 总则\n\n第一条 为缓解科技型企业融资难问题，制定本细则。\n\n"
        "第二条 本细则适用于在合肥市行政区域内（含合肥高新区、合肥经开区）依法注册登记的科技型企业。\n\n"
        "第三条 申请本细则第五条至第六条支持的企业，还应当同时符合下列条件：\n\n（一）纳税信用等级为A级或者B级；\n\n"
        "（二）在有效期内的高新技术企业。\n\n"
        "第二章 支持方式\n\n第四条 市风险补偿资金支持合作银行向科技型企业发放“科创信用贷”，单户最高500万元。\n\n"
        "第五条 对企业取得首贷的，按实际支付利息的50%给予贴息，最高15万元。\n\n"
        "第六条 企业以知识产权质押取得银行贷款的，按贷款市场报价利率的60%给予贴息，最高30万元。\n"
    )
    items = extract_policy(text, "h", {"region_code": "340100"}).items
    assert [i.clause for i in items] == ["第四条", "第五条", "第六条"]
    rated = [any(c.field == "tax_credit" for c in i.conditions) for i in items]
    assert rated == [False, True, True]
    assert ("has", "qualifications", "高新技术企业") in {c.key() for c in items[1].conditions}
    assert not any("高新区" in c.text or "经开区" in c.text for i in items for c in i.conditions if c.op == "unknown")


def test_an_exclusion_list_opening_a_handbook_and_a_refusal_line_after_a_list_rule_firms_out():
    text = (
        "某区融资产品手册\n\n本手册所列产品仅面向在梁平区注册登记的企业。\n\n共同禁入情形\n\n"
        "申请本手册所列任一产品的企业，有下列情形之一的，合作机构不予受理：\n（一）被人民法院列为失信被执行人的；\n"
        "（二）从事房地产开发经营的。\n\n"
        "产品一：梁信贷\n\n适用对象：小型、微型企业\n准入条件：\n1. 注册成立满两年；\n2. 纳税信用等级为B级及以上。\n"
        "禁入情形：上一年度营业收入低于200万元的，不予准入。\n贷款额度：单户最高300万元。\n\n"
        "产品二：首贷通\n\n适用对象：此前未在任何银行业金融机构取得过贷款的首贷户\n准入条件：\n1. 注册成立一年以上。\n"
        "贷款额度：单户最高100万元。\n"
    )
    first, second = extract_policy(text, "l", {"region_code": "500155"}).items
    for item in (first, second):
        keys = {c.key() for c in item.conditions}
        assert ("eq", "dishonest", False) in keys
        assert any(c.field == "industry" and c.op == "not_in" for c in item.conditions)
    assert ("ge", "revenue", 200) in {c.key() for c in first.conditions}
    assert not any(c.field == "revenue" for c in second.conditions)
    assert not any(c.op == "unknown" and "禁入情形" in c.text for c in first.conditions)


def test_a_policy_list_reads_its_beneficiary_column_and_a_guide_for_taxpayers_of_a_city_binds():
    table = (
        "某县惠企政策清单\n\n| 序号 | 政策事项 | 享受主体 | 条件 | 标准 |\n|---|---|---|---|---|\n"
        "| 1 | 新升规工业企业奖励 | 工业企业 | 首次纳入规模以上工业统计 | 一次性奖励10万元 |\n"
        "| 2 | 小微企业首贷贴息 | 小型、微型企业 | 此前无银行贷款记录 | 按实际支付利息的30%贴息 |\n"
    )
    first, second = extract_policy(table, "f", {"region_code": "500230"}).items
    assert any(c.field == "industry" and c.op == "in" and "C" in c.value for c in first.conditions)
    assert any(c.field == "size" and set(c.value) == {"小型", "微型"} for c in second.conditions)
    guide = ("南宁市税费优惠政策指引\n\n本指引面向在南宁市辖区内办理税务登记的纳税人。\n\n一、小型微利企业减免企业所得税\n\n"
             "对小型微利企业减按25%计算应纳税所得额，按20%的税率缴纳企业所得税。\n\n"
             "二、小规模纳税人减征增值税\n\n对增值税小规模纳税人减按1%征收率征收增值税。\n")
    for item in extract_policy(guide, "n", {"region_code": "450100"}).items:
        assert ("within", "region_code", "450100") in {c.key() for c in item.conditions}


def test_sizes_named_as_tiers_that_cover_every_size_limit_no_one():
    text = (
        "一、稳岗返还\n\n在本县参保的企业，上年度未裁员的，可申请稳岗返还。大型企业按企业及其职工上年度实际缴纳失业保险费的30%返还，"
        "中型、小型和微型企业按60%返还。\n\n二、小微企业吸纳就业补贴\n\n小型、微型企业新招用高校毕业生的，按每人1000元给予补贴。\n"
    )
    refund, hiring = extract_policy(text, "s", {"region_code": "511421"}).items
    assert not any(c.field == "size" for c in refund.conditions)
    assert any(c.field == "size" and set(c.value) == {"小型", "微型"} for c in hiring.conditions)


def test_a_sections_own_words_bind_the_items_inside_it_only():
    text = (
        "一、稳岗返还\n\n参保单位足额缴纳失业保险费12个月以上、上年度未裁员的，可以申请失业保险稳岗返还：\n\n"
        "（一）中小微企业按上年度实际缴纳失业保险费的60%返还；\n\n（二）大型企业按上年度实际缴纳失业保险费的30%返还。\n\n"
        "二、一次性扩岗补助\n\n企业招用毕业年度高校毕业生的，按每人1500元给予一次性扩岗补助。\n"
    )
    items = extract_policy(text, "j", {"region_code": "500000"}).items
    assert len(items) == 3
    insured = [any("足额缴纳失业保险费12个月以上" in c.text for c in i.conditions if c.op == "unknown") for i in items]
    assert insured == [True, True, False]


def test_a_note_trailing_the_last_entry_binds_the_entries_it_numbers():
    text = (
        "某市免申即享事项清单\n\n第1项\n事项名称：小规模纳税人减征增值税\n享受对象：增值税小规模纳税人\n兑现标准：减按1%征收\n\n"
        "第2项\n事项名称：研发费用加计扣除\n享受对象：制造业企业\n兑现标准：按100%加计扣除\n\n"
        "第3项\n事项名称：稳岗返还\n享受对象：参保企业\n兑现标准：按失业保险费的60%返还\n\n"
        "说明：纳税信用等级为D级的企业不得享受第2项；已享受本项返还的企业不重复申请。\n"
    )
    items = extract_policy(text, "z", {"title": "某市免申即享事项清单", "region_code": "430200"}).items
    assert [i.clause for i in items] == ["第1项", "第2项", "第3项"]
    rated = [any(c.field == "tax_credit" and c.op == "not_in" for c in i.conditions) for i in items]
    assert rated == [False, True, False]


def test_a_firm_refused_a_refund_is_ruled_out_and_a_bare_refusal_is_no_requirement():
    text = (
        "**1. 哪些企业可以享受稳岗返还？**\n\n答：在本县参保、上年度未裁员的企业，可以享受稳岗返还。中小微企业按上年度实际缴纳失业保险费的"
        "60%返还。被列入严重失信主体名单的企业不予返还。\n\n"
        "**2. 吸纳就业有补贴吗？**\n\n答：企业新招用高校毕业生的，按每人1000元给予补贴；劳务派遣单位，不能享受本项补贴。\n"
    )
    refund, hiring = extract_policy(text, "r", {"region_code": "511421"}).items
    assert any(c.op == "unknown" and "严重失信主体名单" in c.text for c in refund.conditions)
    assert not any(c.op == "unknown" and c.text.startswith("不能享受") for c in hiring.conditions)


def test_a_path_names_the_items_under_it_and_a_carve_out_lets_them_off():
    text = (
        "某区制造业若干措施\n\n一、基本条件\n\n（一）在本区注册登记；\n\n"
        "（二）上一年度研发费用占营业收入的比例不低于3%（申报本措施第二部分第（二）项的除外）。\n\n"
        "二、支持措施\n\n（一）技术改造\n\n1. 设备补助。对企业购置生产设备的，按投资额的10%给予补助。\n\n"
        "2. 软件补助。对企业购买工业软件的，按费用的20%给予补助。\n\n"
        "（二）人才\n\n对企业引进博士的，每人给予5万元安家补贴。\n\n"
        "三、其他事项\n\n（一）申请本措施第二部分第（一）项支持的企业，上一年度营业收入应当在2000万元以上。\n\n"
        "（二）享受第二部分第（二）项补贴的企业，三年内迁离本区的，追回已拨付资金。\n"
    )
    items = extract_policy(text, "z", {"title": "某区制造业若干措施", "region_code": "500108"}).items
    assert len(items) == 3
    revenue = [any(c.field == "revenue" and c.op == "ge" and c.value == 2000 for c in i.conditions) for i in items]
    assert revenue == [True, True, False]
    ratio = [any(c.field == "rd_ratio" for c in i.conditions) for i in items]
    assert ratio == [True, True, False]
    assert not any("迁离" in c.text or "第二部分" in c.text for i in items for c in i.conditions)


def test_a_background_answer_is_no_item_and_an_answer_naming_earlier_answers_binds_them():
    text = (
        "# 上市政策解读\n\n## 一、政策出台的背景是什么？\n\n答：为引导企业上市，政策给予分阶段支持。\n\n"
        "## 二、辅导阶段有什么奖励？\n\n答：完成辅导备案登记的，给予一次性奖励100万元。\n\n"
        "## 三、首发上市有什么奖励？\n\n答：在境内首发上市的，给予奖励600万元。\n\n"
        "## 四、有没有附加要求？\n\n答：有。领取第三问所列奖励的企业，须承诺上市后5年内注册地不迁离本市；违反承诺的，须全额退回奖励资金。\n"
    )
    items = extract_policy(text, "q", {"title": "上市政策解读", "region_code": "330700"}).items
    assert [i.clause for i in items] == ["二、", "三、"]
    promised = [any("不迁离" in c.text for c in i.conditions) for i in items]
    assert promised == [False, True]
    assert not any("退回" in c.text for i in items for c in i.conditions)


def test_bulleted_entries_of_an_interpretation_are_items_with_their_own_who_lines():
    text = (
        "# 文旅措施政策解读\n\n## 一、出台背景\n\n为推动文旅消费，措施给予多方面支持。\n\n"
        "## 二、主要支持内容\n\n▲ 住宿业提质奖励\n\n● 支持谁：从事民宿服务的企业。\n\n● 怎么支持：给予一次性奖励10万元。\n\n"
        "▲ 旅行社引客奖励\n\n● 支持谁：旅行社。\n\n● 怎么支持：按每人次20元给予奖励。\n\n"
        "【谁能享受】\n\n▲ 小型、微型企业\n"
    )
    items = extract_policy(text, "d", {"title": "文旅措施政策解读", "region_code": "532900"}).items
    assert [i.name for i in items] == ["住宿业提质奖励", "旅行社引客奖励"]
    assert [sorted(v for c in i.conditions if c.field == "industry" for v in c.value) for i in items] == [
        ["H6130"], ["L7291"]]


def test_an_appendix_of_requirements_headed_by_item_names_binds_each_item_its_own():
    text = (
        "# 关于申报商贸资金的通知\n\n一、支持内容\n\n（一）新入库企业奖励。对首次入库的企业，给予一次性奖励3万元。\n\n"
        "（二）品牌首店奖励。对开设首店的品牌运营企业，给予一次性奖励10万元。\n\n"
        "二、申报要求\n\n各项目的申报条件见附件。\n\n附件\n\n## 项目申报条件\n\n一、分项条件\n\n（一）新入库企业奖励\n\n"
        "1.属于零售业企业；\n\n2.2025年度首次纳入限额以上统计库。\n\n（二）品牌首店奖励\n\n1.单店营业面积不低于200平方米。\n"
    )
    first, shop = extract_policy(text, "g", {"title": "关于申报商贸资金的通知", "region_code": "360700"}).items
    assert any(c.field == "industry" for c in first.conditions)
    assert any(c.op == "unknown" and c.text.startswith("2025年度首次纳入") for c in first.conditions)
    assert not any(c.field == "industry" or "统计库" in c.text for c in shop.conditions)
    assert any("营业面积" in c.text for c in shop.conditions)
    assert not any("见附件" in c.text for i in (first, shop) for c in i.conditions)


def test_a_duty_after_the_recipient_lead_binds_every_item_but_the_one_a_paragraph_lets_off():
    text = (
        "某市招商奖励办法\n\n第一条 为扩大有效投资，制定本办法。\n\n"
        "第二条 新引进的工业项目，实际完成固定资产投资一亿元以上的，按投资额的百分之二给予奖励。\n\n"
        "第三条 入驻园区标准化厂房的新引进制造业企业，前三年按每月每平方米8元给予租金补贴。\n\n"
        "第四条 获得本办法奖励的企业，须承诺自奖励兑现之日起10年内注册地不迁离本市。第三条规定的租金补贴不适用本款规定。\n\n"
        "第五条 本办法自2026年7月1日起施行。\n"
    )
    award, rent = extract_policy(text, "b", {"title": "某市招商奖励办法", "region_code": "610300"}).items
    promised = [c for c in award.conditions if c.op == "unknown" and "不迁离" in c.text]
    assert [c.text for c in promised] == ["承诺自奖励兑现之日起10年内注册地不迁离本市"]
    assert not any(c.field == "region_code" and "不迁离" in c.text for c in award.conditions)
    assert not any("不迁离" in c.text for c in rent.conditions)


def test_a_labelled_line_below_a_product_table_binds_every_row_and_an_inline_exclusion_list_negates():
    text = (
        "# 某行信贷产品一览表\n\n1. 有下列情形之一的企业，不予受理：纳税信用等级为D级的；被列为失信被执行人的。\n\n"
        "| 序号 | 产品名称 | 服务对象 | 额度 |\n|---|---|---|---|\n"
        "| 1 | 农业贷 | 农业企业 | 最高500万元 |\n| 2 | 税信通 | 小型、微型企业 | 最高300万元 |\n\n"
        "**共同要求**：申请以上产品的企业须在曲靖市辖区内注册登记。\n\n**办理方式**：到本行网点办理。\n"
    )
    items = extract_policy(text, "q", {"title": "某行信贷产品一览表", "region_code": "530300"}).items
    assert len(items) == 2
    for item in items:
        keys = {c.key() for c in item.conditions}
        assert ("within", "region_code", "530300") in keys
        assert ("not_in", "tax_credit", ("D",)) in keys and ("eq", "dishonest", False) in keys


def test_a_company_profile_offers_nothing():
    text = (
        "某担保公司产品手册\n\n一、公司简介\n\n本公司是政府性融资担保机构，主要为本市小微企业和“三农”主体提供融资担保服务。\n\n"
        "二、担保产品\n\n产品一：科创担保贷\n\n适用客户：高新技术企业。\n担保额度：单户最高1000万元。\n\n"
        "产品二：首贷担保通\n\n适用客户：小微企业。\n担保额度：单户最高300万元。\n"
    )
    items = extract_policy(text, "g", {"title": "某担保公司产品手册", "region_code": "350500"}).items
    assert [i.name for i in items] == ["产品一：科创担保贷", "产品二：首贷担保通"]


def test_a_requirement_naming_an_entry_by_its_path_binds_that_entry_only():
    text = (
        "# 关于受理科技创新奖补资金申请的公告\n\n## 一、奖补事项\n\n（一）高新技术企业认定奖励。对通过认定的企业，给予一次性奖励20万元。\n\n"
        "（二）企业研发投入后补助。上年度研发费用在200万元以上的企业，按新增部分的15%给予补助。\n\n"
        "## 二、基本条件\n\n申请奖补的单位应当同时满足下列条件：\n\n（一）在芜湖市注册登记；\n\n"
        "（二）申请第一条第（二）项的，应为高新技术企业。\n"
    )
    award, grant = extract_policy(text, "w", {"title": "关于受理科技创新奖补资金申请的公告", "region_code": "340200"}).items
    assert not any(c.field == "qualifications" for c in award.conditions)
    assert any(c.field == "qualifications" for c in grant.conditions)
    assert not any(c.text.startswith("第一条") for c in grant.conditions)


def test_cards_set_off_by_rules_are_items_with_their_labels_under_them():
    text = ("【适用范围】以下政策适用于在本县注册登记的企业。\n\n━━━━ 卡片一 ━━━━\n\n【政策名称】吸纳就业补贴\n\n"
            "【享受对象】小型、微型企业\n\n【补贴标准】按每人1000元给予补贴。\n\n━━━━ 卡片二 ━━━━\n\n"
            "【政策名称】学徒培训补贴\n\n【享受对象】各类企业\n\n【享受条件】签订6个月以上劳动合同。\n\n"
            "【补贴标准】每人每年补贴4000元。\n")
    first, second = extract_policy(text, "cards", {"region_code": "500229"}).items
    assert "size" in {c.field for c in first.conditions}
    assert "size" not in {c.field for c in second.conditions}
    assert any("劳动合同" in c.text for c in second.conditions)
    assert not any("劳动合同" in c.text for c in first.conditions)


def test_plain_labels_of_a_product_head_its_lists_and_its_terms_stay_one_item():
    text = ("【产品一】科创担\n\n产品定位：服务科技型企业。\n\n服务对象：具备下列条件之一的企业：\n（1）高新技术企业；\n"
            "（2）科技型中小企业。\n\n准入要求：\n（1）成立时间满2年；\n（2）上年度营业收入不低于300万元。\n\n"
            "担保额度：单户最高1000万元。\n\n【产品二】首贷通\n\n服务对象：小型、微型企业。\n\n准入要求：\n"
            "（1）正常经营一年以上。\n\n贷款额度：单户最高300万元。\n贷款利率：执行优惠利率，区财政另按贷款本金的1%给予贴息。\n")
    first, second = extract_policy(text, "products", {"region_code": "500229"}).items
    assert {c.key() for c in first.conditions} >= {("ge", "age_years", 2), ("ge", "revenue", 300)}  # not alternatives
    assert ("ge", "age_years", 1) in {c.key() for c in second.conditions}


def test_notes_above_a_list_table_bind_every_row_or_the_rows_they_number():
    text = ("**清单说明**\n\n1. 清单所列事项的申报主体，应为注册地在本区的企业。\n\n"
            "2. 申报序号2、序号3事项的企业，纳税信用等级还应为B级以上。\n\n"
            "3. 被列入严重失信主体名单的企业，不得申报清单内任何事项。\n\n"
            "| 序号 | 政策事项 | 支持对象及条件 | 支持标准 |\n|---|---|---|---|\n"
            "| 1 | 研发奖励 | 高新技术企业 | 一次性奖励10万元 |\n"
            "| 2 | 首贷贴息 | 小型、微型企业 | 按利息的50%给予贴息 |\n"
            "| 3 | 担保费补助 | 小型、微型企业 | 按担保费的50%给予补助 |\n")
    items = extract_policy(text, "list", {"region_code": "500115"}).items
    assert len(items) == 3
    for item in items:
        assert ("within", "region_code", "500115") in {c.key() for c in item.conditions}
        assert any("严重失信主体名单" in c.text for c in item.conditions)
    rated = [("in", "tax_credit", ("A", "B")) in {c.key() for c in i.conditions} for i in items]
    assert rated == [False, True, True]


def test_a_registration_in_the_lead_of_a_measures_section_binds_its_items():
    text = ("三、政策支持\n\n州财政统筹资金，对在本州注册登记的林下经济企业给予以下支持。\n\n"
            "（一）基地建设补助。对连片种植面积在100亩以上的企业，按每亩300元给予补助。\n\n"
            "（二）加工设备补助。对新购置生产设备投资额达到300万元的企业，按10%给予补助。\n")
    items = extract_policy(text, "plan", {"region_code": "522600"}).items
    assert len(items) == 2
    assert all(("within", "region_code", "522600") in {c.key() for c in i.conditions} for i in items)


def test_bold_named_entries_with_their_text_on_the_same_line_are_items():
    text = ("## 二、政策适用于哪些企业？\n\n本措施所称民营企业，是指在本市登记注册的企业。申请本措施支持的，企业还应当纳税信用等级不低于B级。\n\n"
            "需要说明的是，第二项的担保由担保机构审核，纳税信用等级B级的要求不适用该项，但企业纳税信用等级为D级的，不予受理。\n\n"
            "## 三、主要支持内容\n\n**第一项：研发投入奖励。** 对上年度研发费用超过200万元的企业，按10%给予奖励。\n\n"
            "**第二项：担保贷款。** 市融资担保公司对小型、微型企业提供担保贷款，担保费率降至年化0.5%。\n")
    first, second = extract_policy(text, "支持民营企业发展若干措施", {"region_code": "330300"}).items
    assert (first.name, second.name) == ("研发投入奖励", "担保贷款")
    assert ("within", "region_code", "330300") in {c.key() for c in second.conditions}  # the title's term
    assert ("in", "tax_credit", ("A", "B")) in {c.key() for c in first.conditions}
    assert ("not_in", "tax_credit", ("B",)) not in {c.key() for c in second.conditions}  # a lifted requirement
    assert ("not_in", "tax_credit", ("D",)) in {c.key() for c in second.conditions}
    assert ("not_in", "tax_credit", ("D",)) not in {c.key() for c in first.conditions}


def test_each_guarantee_of_an_operating_guideline_is_an_item_under_shared_entry_standards():
    text = ("## 2 准入标准\n\n2.1 服务对象为在本市注册登记的小型、微型企业。\n\n"
            "2.2 纳税信用等级为A级、B级或M级，新设立企业尚未评价的除外。\n\n## 3 业务品种\n\n3.1 批量担保贷款（“吉企贷”）\n\n"
            "3.1.1 上年度营业收入不超过1亿元的服务对象，可以申请批量担保贷款。\n\n3.1.2 单户担保贷款额度不超过1000万元。\n\n"
            "3.2 续贷周转担保（“吉续保”）\n\n3.2.1 存量贷款即将到期的服务对象，可以申请续贷担保。\n\n"
            "3.2.2 续贷金额不超过原贷款金额，担保费率为年化0.8%。\n")
    items = extract_policy(text, "guide", {"region_code": "220200"}).items
    assert [i.clause for i in items] == ["3.1", "3.2"]
    for item in items:
        group = next(c for c in item.conditions if c.op == "any_of")
        assert [c.op for c in group.any_of] == ["in", "unknown"]  # the rating, or a new firm not yet rated


def test_a_quoted_term_defined_for_the_document_binds_no_item_by_its_words():
    text = ("第一条 本指引所称“吉企融”业务，是指由本市中小企业融资担保有限责任公司提供担保、合作银行发放贷款的业务。\n"
            "第二条 对首次获得银行贷款的企业，按担保费的50%给予补贴。\n")
    (item,) = extract_policy(text, "guide", {"region_code": "220200"}).items
    assert "size" not in {c.field for c in item.conditions}
    two = text + "第三条 对续贷的企业，按担保费的30%给予补贴。\n"
    items = extract_policy(two, "“吉企融”业务操作指引", {"region_code": "220200"}).items
    assert len(items) == 2
    assert all("size" not in {c.field for c in i.conditions} for i in items)  # the title names the scheme


def test_cases_under_a_heading_of_refusals_are_ruled_out():
    text = ("一、奖补项目\n（一）新入规奖励。新纳入规模以上工业统计的企业，给予一次性奖励8万元。\n"
            "（二）专精特新奖励。新获评专精特新中小企业的，给予一次性奖励10万元。\n"
            "二、不予支持的情形\n（一）被人民法院列为失信被执行人的；\n（二）存在欠缴税款、社会保险费情形的。\n")
    items = extract_policy(text, "award", {"region_code": "510981"}).items
    assert len(items) == 2
    for item in items:
        assert ("eq", "dishonest", False) in {c.key() for c in item.conditions}
        assert any("欠缴税款" in c.text for c in item.conditions if c.op == "unknown")


def test_a_question_heading_asking_who_cannot_enjoy_lists_refusals():
    text = ("## 二、能享受哪些扶持？\n\n（一）新建基地补助。新建种植基地50亩以上的，每亩补助800元。\n\n"
            "（二）加工设备补助。新购置加工设备投资30万元以上的，按10%给予补助。\n\n"
            "## 三、哪些情况不能享受？\n\n1. 被列为失信被执行人的；\n\n2. 纳税信用等级为D级的。\n")
    items = extract_policy(text, "leaflet", {"region_code": "510824"}).items
    assert len(items) == 2
    for item in items:
        assert {("eq", "dishonest", False), ("not_in", "tax_credit", ("D",))} <= {c.key() for c in item.conditions}
    from recommender.text.headings import heading_role

    assert heading_role("个体工商户能不能享受上面这些政策？") is None


def test_eligibility_under_safeguards_and_notes_numbering_rows_bind_items():
    text = ("二、重点任务\n（一）冬季旅游奖励。当季接待过夜游客达到3000人次以上的，奖励10万元。\n"
            "（二）文创研发补助。上年度研发投入不低于20万元的，补助5万元。\n"
            "三、保障措施\n（一）强化资金保障。享受奖补的市场主体，须在拉萨市注册登记，近两年内未发生重大旅游安全责任事故。\n"
            "四、说明\n1. 序号2所列事项，申报企业上年度纳税信用等级应为B级以上。\n")
    first, second = extract_policy(text, "plan", {"region_code": "540100"}).items
    for item in (first, second):
        assert ("within", "region_code", "540100") in {c.key() for c in item.conditions}
        assert any("安全责任事故" in c.text for c in item.conditions)
    assert ("in", "tax_credit", ("A", "B")) in {c.key() for c in second.conditions}
    assert ("in", "tax_credit", ("A", "B")) not in {c.key() for c in first.conditions}


def test_a_reminder_for_firms_registered_with_the_citys_tax_offices_binds_its_items():
    text = ("尊敬的纳税人：\n\n现将常用优惠政策提示如下。本提示面向在乌鲁木齐市各级税务机关办理税务登记的居民企业。\n\n"
            "## 提醒事项一：小型微利企业所得税优惠\n\n小型微利企业减按25%计入应纳税所得额，按20%的税率缴纳企业所得税。\n\n"
            "## 提醒事项二：高新技术企业税率优惠\n\n高新技术企业减按15%的税率征收企业所得税。\n")
    items = extract_policy(text, "reminder", {"region_code": "650100"}).items
    assert len(items) == 2
    assert all(("within", "region_code", "650100") in {c.key() for c in i.conditions} for i in items)


def test_a_title_binds_a_defined_term_only_when_it_names_the_applicant():
    from recommender.text.item_conditions import _titled

    assert _titled("民营企业", ["民营企业"], "温州市支持民营企业创新发展十条举措")
    assert not _titled("小微企业", ["中小微企业", "小微企业"], "江津区中小微企业融资增信和成长扶持资金管理办法")
    assert not _titled("“吉企融”政银担合作业务", ["“吉企融”政银担合作业务"], "吉林市“吉企融”政银担合作业务操作指引")


def test_a_note_that_leaves_industries_out_binds_its_item_and_a_note_on_filing_does_not():
    text = ("# 企业所得税优惠提示\n\n尊敬的纳税人：现将常用优惠政策提示如下。\n\n"
            "## 提醒事项一：研发费用加计扣除\n\n企业开展研发活动实际发生的研发费用，按实际发生额的100%在税前加计扣除。\n\n"
            "温馨提示：烟草制造业、房地产业企业不适用本项政策。\n\n"
            "## 提醒事项二：小型微利企业所得税优惠\n\n小型微利企业减按25%计入应纳税所得额，按20%的税率缴纳企业所得税。\n\n"
            "温馨提示：申报时填写《减免所得税优惠明细表》，房地产业企业可通过电子税务局咨询。\n")
    first, second = extract_policy(text, "reminder", {}).items
    assert ("not_in", "industry", ("C16", "K")) in {c.key() for c in first.conditions}
    assert not any(c.field == "industry" for c in second.conditions)


WECHAT_ARTICLE = """# 两款贷款产品请收好

老板们看过来，今天介绍两款贷款产品👇

## 💰 产品一：税易贷

**谁能贷？**

- 在本市注册登记、成立满2年的企业；
- 近两年每年缴纳税款不低于2万元；
- 法定代表人个人征信良好，近两年无连续3期或者累计6期以上逾期。

**能贷多少？**

单户最高200万元，纯信用，年利率3.45%起。

## 🌾 产品二：农e贷

**谁能贷？**

- 从事种植业的农业企业。

**能贷多少？**

单户最高100万元。

## ⚠️ 温馨提示

以下情形暂不受理：企业被列为失信被执行人的；在本行存在贷款逾期未还的。

谨防不法分子冒用本行名义收取中介费！
"""


def test_a_bank_article_with_pictograph_headings_and_bold_questions_reads_each_product():
    first, second = extract_policy(WECHAT_ARTICLE, "article", {"region_code": "510781"}).items
    assert (first.name, second.name) == ("产品一：税易贷", "产品二：农e贷")
    assert first.kind == second.kind == "credit"
    texts = [c.text for c in first.conditions]
    assert "近两年每年缴纳税款不低于2万元" in texts
    assert any(t.endswith("累计6期以上逾期") and not t.startswith("-") for t in texts)
    for item in (first, second):  # the notice's refusals bind both products, its warning binds none
        assert ("eq", "dishonest", False) in {c.key() for c in item.conditions}
        assert not any("中介费" in c.text for c in item.conditions)
    assert ("in", "industry", ("A01",)) in {c.key() for c in second.conditions}


def test_table_cells_that_repeat_another_row_read_that_rows_words():
    text = ("# 以奖代补方案\n\n一、奖补内容\n\n| 序号 | 奖补项目 | 奖补对象 | 奖补标准 |\n|---|---|---|---|\n"
            "| 1 | 种植基地新建 | 在本县注册的小微企业 | 每亩奖补800元 |\n"
            "| 2 | 老果园改造 | 同上 | 每亩奖补400元 |\n"
            "| 3 | 加工线建设 | 上年度营业收入500万元以上的企业 | 按设备投资额的30%奖补 |\n"
            "| 4 | 冷藏库建设 | 同第3项 | 每立方米奖补150元 |\n")
    items = extract_policy(text, "table", {"region_code": "512021"}).items
    assert [i.name for i in items] == ["种植基地新建", "老果园改造", "加工线建设", "冷藏库建设"]
    keys = [{c.key() for c in i.conditions} for i in items]
    assert ("in", "size", ("小型", "微型")) in keys[1]
    assert ("ge", "revenue", 500) in keys[3] and ("ge", "revenue", 500) not in keys[1]
    assert not any(c.op == "unknown" and "同" in c.text for i in items for c in i.conditions)


def test_products_stating_their_amount_are_items_and_a_products_term_headings_are_not():
    notice = ("# 关于开展批量担保业务的通知\n\n一、产品要素\n\n（一）“小微快担”。服务对象为小型、微型企业。单户担保金额不超过500万元，担保费率千分之八。\n\n"
              "（二）“首贷快担”。服务对象为首贷户。单户担保金额不超过300万元，担保费率千分之五。\n")
    assert [i.name for i in extract_policy(notice, "notice", {}).items] == ["“小微快担”", "“首贷快担”"]
    measures = ("# 返乡创业支持措施\n\n一、支持措施\n\n（一）创业担保贷款。\n\n1．贷款对象。返乡创业的小微企业。\n\n"
                "2．贷款额度和期限。单户贷款额度最高300万元，贷款期限不超过2年。\n\n3．贴息标准。按贷款利息的50%给予贴息。\n\n"
                "（二）一次性创业补贴。对首次创办小微企业的，给予一次性补贴1万元。\n")
    assert [i.clause for i in extract_policy(measures, "measures", {}).items] == ["一、（一）", "一、（二）"]


def test_common_conditions_after_numbered_measures_bind_them_and_a_reference_to_one_is_no_article():
    text = ("# 稳增长八条措施\n\n为稳定工业经济运行，提出以下措施。\n\n"
            "1. 降低用电成本。制造业企业用电量超过300万千瓦时的，按每千瓦时0.02元给予电费补贴。\n"
            "   - 高耗能行业企业不享受本条补贴。\n\n"
            "2. 支持首次贷款。此前没有银行贷款记录的小型、微型企业获得首笔贷款的，按贷款金额的百分之一给予奖励。\n\n"
            "**以上政策的共同条件**\n\n（一）在广汉市登记注册；\n\n（二）纳税信用等级为M级以上。\n\n"
            "第2条中成立未满一年的企业，不受第（二）项限制。\n")
    first, second = extract_policy(text, "growth", {"region_code": "510681"}).items
    for item in (first, second):
        keys = {c.key() for c in item.conditions}
        assert ("within", "region_code", "510681") in keys
    assert any(c.op == "unknown" and c.text.startswith("高耗能行业企业不享受") for c in first.conditions)
    (group,) = [c for c in second.conditions if c.op == "any_of"]  # the rating, or a firm under a year old
    assert ("lt", "age_years", 1) in {c.key() for c in group.any_of}
    assert not any(c.op == "any_of" or c.field == "age_years" for c in first.conditions)


TALENT_TIERS = """# 某市产业人才分类认定办法

## 一、用人单位条件

用人单位应当在本市注册登记，纳税信用等级为M级以上。

## 二、人才类别、认定条件和待遇

### A类 领军人才

认定条件（符合下列条件之一）：

1. 入选国家级重大人才工程；
2. 上年度工资薪金所得不低于150万元。

支持待遇：给予购房补贴200万元。

### B类 骨干人才

认定条件（同时符合下列条件）：

1. 具有全日制硕士研究生以上学历；
2. 上年度工资薪金所得不低于20万元。

支持待遇：每月发放生活补贴3000元。

## 三、用人单位引才奖励

用人单位新引进A类人才的，给予用人单位奖励30万元。第三项所称用人单位，以劳动合同所列单位为准，享受研发费用加计扣除的单位同样适用。
"""


def test_markdown_heading_levels_nest_headed_tiers_under_their_numbered_section():
    structure = parse_structure(TALENT_TIERS, "某市产业人才分类认定办法")
    parents = {c.heading: structure.clauses[c.parent].label if c.parent is not None else None
               for c in structure.clauses if c.kind == "heading"}
    assert parents == {"A类 领军人才": "二、", "B类 骨干人才": "二、"}
    assert [c.label for c in structure.clauses if c.parent is None] == ["一、", "二、", "三、"]
    items = extract_policy(TALENT_TIERS, "tiers", {"region_code": "320400"}).items
    assert [i.name for i in items] == ["A类 领军人才", "B类 骨干人才", "用人单位引才奖励"]
    assert all(("in", "tax_credit", ("A", "B", "M")) in {c.key() for c in i.conditions} for i in items)


def test_an_article_leaving_trades_out_of_the_whole_measure_binds_every_item():
    text = ("# 返乡创业扶持办法\n\n第一条 为鼓励返乡创业，制定本办法。\n\n"
            "第二条 一次性创业补贴。创业实体正常经营6个月以上的，给予一次性创业补贴1万元。\n\n"
            "第三条 场地租金补贴。入驻创业园的创业实体，按实际租金的百分之五十给予补贴。\n\n"
            "第四条 从事房地产开发经营、金融业的创业实体，不享受本办法扶持。\n")
    items = extract_policy(text, "rules", {}).items
    assert len(items) == 2
    assert all(any(c.field == "industry" and c.op == "not_in" for c in i.conditions) for i in items)


def test_named_rows_of_a_tier_table_are_items_and_a_loan_through_a_bank_is_an_offer():
    text = ("# 关于申报出口信用保险保费补贴的通知\n\n一、补贴档次\n\n| 档次 | 上年度出口额 | 补贴方式 | 补贴上限 |\n|---|---|---|---|\n"
            "| 第一档 | 300万美元以下 | 保费由市财政全额承担 | 不另设上限 |\n"
            "| 第二档 | 300万美元至3000万美元 | 按实缴保费的60%补贴 | 40万元 |\n\n"
            "二、保单融资贴息\n\n已投保的企业，以保单项下应收账款向合作银行办理保单融资的，市财政按融资金额年化1%给予贴息。\n")
    items = extract_policy(text, "premium", {}).items
    assert [i.name for i in items] == ["第一档", "第二档", "保单融资贴息"]
    assert items[2].kind == "credit"


PATH_GUIDE = """某县中小企业发展专项资金申报指南

1 总则

1.1 县财政安排专项资金，按本指南第2章所列方向择优支持。

2 支持方向

2.1 创新能力提升

对企业新购置研发设备的，按购置额的百分之二十给予补助，单个企业不超过五十万元。

2.2 市场开拓

对企业参加全国性专业展会的，按展位费的百分之五十给予补助，单个企业不超过十万元。

3 申报条件

3.1 申报企业应当在本县登记注册。

3.2.1 申报2.1方向的，上年度研发费用占营业收入比例不低于3%；设备须于2024年内购置。

3.2.2 申报2.2方向的，须为制造业企业。

4 申报程序

4.1 企业于6月30日前提交申报材料。
"""


def test_a_guide_numbered_by_path_binds_each_direction_its_own_conditions():
    structure = parse_structure(PATH_GUIDE)
    chapters = [c for c in structure.clauses if c.parent is None]
    assert [(c.label, c.heading) for c in chapters] == [("1", "总则"), ("2", "支持方向"), ("3", "申报条件"), ("4", "申报程序")]
    items = extract_policy(PATH_GUIDE, "path", {"region_code": "141023"}).items
    assert [i.clause for i in items] == ["2.1", "2.2"]
    first, second = ({c.field or c.text for c in i.conditions} for i in items)
    assert "rd_ratio" in first and "rd_ratio" not in second
    assert "设备须于2024年内购置" in first and "设备须于2024年内购置" not in second  # the rest of 2.1's line
    assert "industry" in second and "industry" not in first
    assert {"region_code"} <= first & second
    assert not any("方向" in c.text or "申报程序" in c.text for i in items for c in i.conditions)


LETTER = """致全县中小微企业的一封信

尊敬的企业家朋友们：

新的一年，我们把今年能直接申请的几项支持梳理出来，借这封信和大家说一说。

先说融资。县农商银行推出了“宾企贷”，凡是在我县注册登记、成立满一年的小型和微型企业，都可以申请，单户额度最高二百万元。

再说用工。今年企业新招用我县户籍劳动力并缴纳社会保险费的，每招用一人给予一次性吸纳就业补贴一千元。

第三件事是支持创新。对今年首次通过高新技术企业认定的企业，县里一次性奖励二十万元。

需要特别说明两点：一是上述政策不适用于房地产开发企业；二是被列入严重失信主体名单的企业，一律不予支持。以上政策执行至2025年12月31日。

宾县人民政府
"""


def test_each_paragraph_of_a_letter_that_makes_an_offer_is_an_item_and_the_closing_notes_bind_all():
    items = extract_policy(LETTER, "letter", {"region_code": "230125"}).items
    assert [i.clause for i in items] == ["第4段", "第5段", "第6段"]
    assert [i.kind for i in items] == ["credit", "incentive", "incentive"]
    loan = {(c.op, c.field, c.value) for c in items[0].conditions}
    assert {("ge", "age_years", 1), ("in", "size", ("小型", "微型"))} <= loan
    assert not any(c.field == "age_years" for c in items[2].conditions)  # one paragraph's terms are not another's
    for item in items:  # the notes after the offers: a trade left out, and a refusal that is no validity line
        assert ("not_in", "industry", ("K7010",)) in {(c.op, c.field, c.value) for c in item.conditions}
        assert any("严重失信主体名单" in c.text for c in item.conditions)


def test_paragraphs_that_count_the_supports_they_walk_through_are_items():
    script = ("大家好，欢迎收看本期节目。今天把小微企业常用的优惠讲清楚。\n\n"
              "先看第一项，小型微利企业所得税优惠。年应纳税所得额不超过300万元的，减按25%计算应纳税所得额。\n\n"
              "第二项，“六税两费”减半。小规模纳税人和个体工商户都能享受，资源税、印花税等统统按50%减征。\n\n"
              "好啦，今天就聊到这儿，我们下期见！\n")
    items = extract_policy(script, "video", {}).items
    assert [i.clause for i in items] == ["第2段", "第3段"]
    assert is_measure("资源税、印花税等统统按50%减征。") and not is_measure("按50%计算。")


def test_rows_of_a_rate_table_with_no_verb_are_items_for_the_subject_each_names():
    text = ("# 某县农业经营主体贷款贴息标准\n\n县财政对符合条件的经营主体贷款给予贴息，标准如下：\n\n"
            "| 主体类型 | 贷款用途 | 贴息比例 | 单户年度贴息上限 |\n|---|---|---|---|\n"
            "| 农业产业化龙头企业 | 收购农产品的流动资金贷款 | 实际付息的60% | 100万元 |\n"
            "| 家庭农场 | 购买农资的生产经营贷款 | 实际付息的50% | 5万元 |\n\n"
            "申请条件：申请主体须在本县登记注册，贴息资金按“先付息、后贴息”的方式，由县财政直接拨付至申请主体账户。\n")
    items = extract_policy(text, "rates", {"region_code": "620621"}).items
    assert [i.name for i in items] == ["农业产业化龙头企业", "家庭农场"]
    first, second = ({(c.op, c.field, c.value) for c in i.conditions} for i in items)
    assert ("has", "qualifications", "农业产业化龙头企业") in first
    assert ("has", "qualifications", "农业产业化龙头企业") not in second
    assert all(("within", "region_code", "620621") in conds for conds in (first, second))
    assert not any("拨付" in c.text for i in items for c in i.conditions)  # how the money is paid binds no one


def test_a_tier_tables_range_of_a_measure_is_that_rows_condition():
    text = ("# 关于申报出口信用保险保费补贴的通知\n\n一、补贴档次\n\n| 档次 | 上年度出口额（海关统计） | 补贴方式 |\n|---|---|---|\n"
            "| 第一档 | 300万美元以下 | 保费由市财政全额承担 |\n"
            "| 第二档 | 300万美元至3000万美元 | 按实缴保费的60%补贴 |\n")
    items = extract_policy(text, "premium", {}).items
    assert [[c.text for c in i.conditions if c.op == "unknown"] for i in items] == [
        ["300万美元以下"], ["300万美元至3000万美元"]]


PILOT_SCHEME = """科技金融联动试点方案

为支持科技型企业，开展试点。方案如下。

▍一、试点白名单

纳入白名单的企业应当同时满足：

（1）在珠海市注册登记；
（2）属于国家高新技术企业或者科技型中小企业。

▍二、试点产品

产品一：投贷联动贷款
- 适用企业：近两年获得创投机构股权投资的白名单企业。
- 额度：单户最高3000万元，可随借随还。

产品二：认股权贷款
- 适用企业：成立未满五年的白名单企业。
- 额度：单户最高500万元。

▍三、风险分担

合作银行发放的试点贷款形成不良的，由市风险准备金按本金损失的百分之四十予以补偿。
"""


def test_products_inside_a_numbered_section_are_its_entries_and_the_whitelist_binds_them():
    structure = parse_structure(PILOT_SCHEME, "科技金融联动试点方案")
    assert [c.label for c in structure.clauses if c.parent is None] == ["一、", "二、", "三、"]
    items = extract_policy(PILOT_SCHEME, "pilot", {"region_code": "440400"}).items
    assert [i.name for i in items] == ["产品一：投贷联动贷款", "产品二：认股权贷款"]  # 三、 shares the bank's loss
    for item in items:
        keys = {c.key() for c in item.conditions}
        assert ("within", "region_code", "440400") in keys
        assert any(c.op == "any_of" for c in item.conditions)
    assert not any("随借随还" in c.text for i in items for c in i.conditions)


def test_a_requirement_for_the_items_of_its_own_part_keeps_what_no_field_checks():
    text = ("# 若干措施\n\n第一部分　支持建筑业\n\n1.产值奖励。建筑业企业产值首次突破10亿元的，给予奖励50万元。\n\n"
            "2.申报本部分奖励的企业，应为在岳阳市注册的建筑业企业，上年度在我市完成的建筑业产值已纳入本市统计，且上年度未发生拖欠农民工工资的情形。\n\n"
            "第二部分　支持物流业\n\n3.A级物流企业奖励。对新评定为5A级的物流企业，给予奖励50万元。\n")
    first, second = extract_policy(text, "parts", {"region_code": "430600"}).items
    assert any(c.op == "unknown" and "拖欠农民工工资" in c.text for c in first.conditions)
    assert not any("纳入本市统计" in c.text for c in second.conditions)


def test_a_drafting_note_after_a_draft_summarises_its_measures_and_offers_nothing():
    text = ("# 关于公开征求意见的公告\n\n## 某市纺织产业若干措施（征求意见稿）\n\n"
            "一、支持智能化改造。设备投资额在500万元以上的，按设备投资额的百分之十给予补助。\n\n"
            "二、支持开拓国际市场。参加境外展会的，按展位费的百分之五十给予补助。\n\n"
            "## 关于《某市纺织产业若干措施（征求意见稿）》的起草说明\n\n"
            "### 二、主要内容\n\n第一条对智能化改造给予补助，第二条对参加境外展会的企业给予补助。\n")
    assert [i.name for i in extract_policy(text, "draft", {}).items] == ["支持智能化改造", "支持开拓国际市场"]


def test_a_shared_requirement_lifted_for_a_named_item_leaves_it_or_joins_the_case_let_off():
    notice = ("# 批量担保业务通知\n\n一、产品要素\n\n（一）“小微快担”。服务对象为小型、微型企业。单户担保金额不超过500万元。\n\n"
              "（二）“首贷快担”。服务对象为首贷户。单户担保金额不超过300万元。\n\n"
              "二、准入条件\n\n申请企业应当同时具备下列条件：\n\n（一）在九江市注册登记；\n\n（二）企业成立满1年（含）。\n\n"
              "“首贷快担”不受第（二）项中企业成立年限的限制。\n")
    small, first = extract_policy(notice, "notice", {"region_code": "360400"}).items
    assert ("ge", "age_years", 1) in {c.key() for c in small.conditions}
    assert not any(c.field == "age_years" for c in first.conditions)
    assert ("within", "region_code", "360400") in {c.key() for c in first.conditions}
    measures = ("# 稳增长措施\n\n为稳定工业经济运行，提出以下措施。\n\n"
                "1. 降低用电成本。制造业企业用电量超过300万千瓦时的，按每千瓦时0.02元给予电费补贴。\n\n"
                "2. 支持首次贷款。小型、微型企业获得首笔贷款的，按贷款金额的百分之一给予奖励。\n\n"
                "**以上政策的共同条件**\n\n（一）在广汉市登记注册；\n\n（二）纳税信用等级为M级以上。\n\n"
                "第2条中成立未满一年的企业，不受第（二）项限制。\n")
    power, loan = extract_policy(measures, "growth", {"region_code": "510681"}).items
    assert ("in", "tax_credit", ("A", "B", "M")) in {c.key() for c in power.conditions}
    (group,) = [c for c in loan.conditions if c.op == "any_of"]
    assert [c.key() for c in group.any_of] == [("in", "tax_credit", ("A", "B", "M")), ("lt", "age_years", 1)]


def test_a_lifted_requirement_can_keep_a_narrower_one_for_the_item_it_names():
    text = ("# 工业发展细则\n\n第一条 申请本细则支持的企业应当符合下列条件：\n\n（一）纳税信用等级为B级及以上；\n\n（二）未被列为失信被执行人。\n\n"
            "按照本细则第三条申请应急转贷资金的企业，不受前款第（一）项限制，但纳税信用等级为D级的除外。\n\n"
            "第二条 技术改造补助。设备投资额500万元以上的，按投资额的10%给予补助。\n\n"
            "第三条 应急转贷。对贷款即将到期的企业，提供应急转贷资金周转，单笔额度最高1000万元。\n")
    grant, bridge = extract_policy(text, "rules", {}).items
    assert ("in", "tax_credit", ("A", "B")) in {c.key() for c in grant.conditions}
    assert ("not_in", "tax_credit", ("D",)) not in {c.key() for c in grant.conditions}
    bridge_keys = {c.key() for c in bridge.conditions}
    assert ("not_in", "tax_credit", ("D",)) in bridge_keys and ("in", "tax_credit", ("A", "B")) not in bridge_keys


def test_a_clawback_section_and_a_bare_legal_form_add_no_conditions():
    text = ("# 产业园入园企业优惠政策\n\n【适用范围】\n入园企业须为独立核算的法人企业。\n\n"
            "【优惠政策】\n一、厂房租金减免。入园企业租用标准厂房的，第一年免收租金。\n\n"
            "【退出机制】\n入园企业有下列情形之一的，终止其享受上述优惠，并追回已减免的租金：\n"
            "（一）入园后十二个月内未投产的；\n（二）擅自转租厂房的。\n")
    items = extract_policy(text, "park", {}).items
    assert len(items) == 1
    assert items[0].conditions == ()
    assert "独立核算" in "".join(items[0].assumed)


def test_a_formula_for_the_subsidy_offers_it():
    text = ("# 关于开展专利权质押融资贴息工作的通知\n\n一、支持对象\n\n在本市注册登记的中小微企业。\n\n"
            "二、贴息标准\n\n对符合条件的专利权质押贷款，按以下公式计算贴息金额：\n\n> 贴息金额＝实际贷款金额×贷款合同利率×50%\n\n"
            "单户企业每年贴息不超过30万元。\n\n三、保费补贴\n\n企业投保保证保险的，按实际缴纳保费的60%给予补贴。\n")
    items = extract_policy(text, "pledge", {}).items
    assert [i.clause for i in items] == ["二、", "三、"]


TAX_GUIDE = """# 税费优惠政策指引

## 事项一　“六税两费”减半征收

【享受主体】

增值税小规模纳税人、小型微利企业和个体工商户。

【优惠内容】

减半征收城市维护建设税、房产税和教育费附加。

【享受条件】

1.小型微利企业身份按照企业所得税年度汇算清缴结果确定。

2.无论实行查账征收还是核定征收，符合条件的均可享受。

【政策依据】

1.《关于进一步支持小微企业和个体工商户发展有关税费政策的公告》

## 事项二　研发费用税前加计扣除

【享受主体】

会计核算健全、实行查账征收的居民企业。

【优惠内容】

再按照实际发生额的100%在税前加计扣除。

【享受条件】

1.烟草制造业、房地产业、娱乐业的企业，不得享受本项优惠。
"""


def test_labelled_blocks_under_a_heading_are_parts_of_its_entry():
    items = extract_policy(TAX_GUIDE, "guide", {}).items
    assert [i.name for i in items] == ["事项一　“六税两费”减半征收", "事项二　研发费用税前加计扣除"]
    (subjects,) = items[0].conditions  # how the status is found, either way of levy, the basis: none
    assert subjects.op == "any_of" and len(subjects.any_of) == 3
    trades = [c for c in items[1].conditions if c.field == "industry"]
    assert [(c.op, c.value) for c in trades] == [("not_in", ("C16", "K", "R90"))]
    assert not any("《" in c.text for i in items for c in i.conditions)


def test_a_named_loan_product_for_local_firms_is_a_credit_item():
    text = ("# 政策推送汇编\n\n【县金融办】县农商行“竹商贷”面向县内个体工商户和小微企业，纯信用、随借随还，最高50万元。\n\n"
            "【县政务服务】平台已上线，登录即可查看为您匹配的政策清单。\n")
    (item,) = extract_policy(text, "push", {"region_code": "511724"}).items
    assert item.kind == "credit"
    assert ("within", "region_code", "511724") in {c.key() for c in item.conditions}


def test_tiers_that_name_only_a_bound_stay_with_the_offer_and_a_scope_sentence_binds():
    text = ("# 招商引资优惠政策\n\n## 第一部分　适用范围\n\n本政策适用于2025年7月1日以后与县人民政府签订投资协议，并在本县登记注册的新引进企业。\n\n"
            "下列企业不适用本政策：房地产开发经营企业。\n\n## 第二部分　支持政策\n\n**一、亩均税收贡献奖励**\n\n"
            "新引进的工业企业投产后，亩均税收达到15万元以上不足25万元的，按其地方财政贡献的30%给予奖励；"
            "达到25万元以上不足40万元的，奖励50%；达到40万元以上的，奖励70%。\n")
    (item,) = extract_policy(text, "invest", {"region_code": "511024"}).items
    assert "2025年7月1日以后与县人民政府签订投资协议" in [c.text for c in item.conditions if c.op == "unknown"]


def test_a_let_off_naming_the_requirement_joins_it_for_the_items_of_those_firms():
    text = ("# 关于申报首店经济和老字号支持资金的通知\n\n一、支持内容\n\n（一）首店落户奖励。对知名品牌在我市开设的首店，给予运营企业奖励50万元。\n\n"
            "（二）老字号认定奖励。对新认定为“中华老字号”的企业，给予一次性奖励30万元。\n\n二、申报条件\n\n申报企业须同时符合以下条件：\n\n"
            "1.在本市依法登记注册；\n\n2.纳税信用等级为B级以上。\n\n首店运营企业在我市设立不满一年的，不受上述纳税信用等级条件限制。\n")
    first, second = extract_policy(text, "store", {"region_code": "610400"}).items
    (either,) = [c for c in first.conditions if c.op == "any_of"]
    assert {c.field for c in either.any_of} == {"tax_credit", "age_years"}
    assert not any(c.field == "age_years" for c in second.conditions)
    assert [c.field for c in second.conditions if c.field == "tax_credit"] == ["tax_credit"]


def test_each_requirement_of_a_defined_applicant_binds_the_items_using_the_term():
    text = ("# 电子商务扶持办法\n\n一、扶持对象\n\n本办法所称电商主体，是指在本市登记注册，依托电子商务平台开展网络零售，"
            "且网络零售额纳入商务部门统计监测的企业。\n\n二、扶持内容\n\n（一）网销奖励。电商主体年度网销额达到1000万元以上的，给予奖励10万元。\n")
    (item,) = extract_policy(text, "ecommerce", {"region_code": "350600"}).items
    assert "依托电子商务平台开展网络零售，且网络零售额纳入商务部门统计监测" in [
        c.text for c in item.conditions if c.op == "unknown"]


def test_a_carve_out_naming_an_item_lets_that_item_off():
    text = ("# 电子商务扶持办法\n\n一、扶持对象\n\n个体工商户不属于本办法扶持对象，但申报本地产品网销奖励的除外。\n\n二、扶持内容\n\n"
            "（一）网络零售规模奖励。电商企业年度网络零售额达到5000万元以上的，给予奖励10万元。\n\n"
            "（二）本地产品网销奖励。通过网络销售本市产品，年度网销额达到1000万元以上的，给予奖励5万元。\n")
    scale, local = extract_policy(text, "ecommerce", {}).items
    assert ("not_in", "ownership", ("个体工商户",)) in {c.key() for c in scale.conditions}
    assert not any(c.field == "ownership" for c in local.conditions)


REPLY_LETTER = """关于第128号建议的答复

    关于融资支持，目前我市已有两项措施。一是“科技贷”业务。合作银行面向科技型中小企业发放“科技贷”，单户贷款额度最高500万元。二是担保降费。市融资担保集团对在我市登记的小型、微型企业，担保费率降至1%以下。

    关于创新激励，我市对成长性好的企业给予持续支持。对上一年度研发费用达到200万元以上的工业企业，按研发费用增量部分的10%给予后补助。对首次被认定为国家级专精特新“小巨人”的企业，市财政一次性奖励100万元；同一企业已获省级同类奖励的，市级奖励按差额补足。
"""


def test_offers_in_sentences_of_a_paragraph_after_a_list_of_ordinals_are_items_of_their_own():
    items = extract_policy(REPLY_LETTER, "reply", {"region_code": "410700"}).items
    assert len(items) == 4
    award = items[3]
    assert ("has", "qualifications", "专精特新小巨人企业") in {c.key() for c in award.conditions}
    assert not any(c.field == "rd_expense" for c in items[1].conditions)  # the guarantee is not the R&D grant's


PRODUCT_LIST = """银税互动产品一览

说明

一、下列产品共同的准入要求是：在米易县登记注册，在本县正常申报纳税满两年；纳税信用等级为A级、B级或者M级。

二、房地产开发企业不属于“银税互动”贷款支持对象；地方政府融资平台公司不得申请本一览所列产品。


产品一
产品名称：税易贷
适用对象：小型、微型企业
准入条件：1.企业成立满三年；2.上年度缴纳增值税和企业所得税合计不低于三万元。
额度：最高三百万元


产品二
产品名称：科税贷
适用对象：高新技术企业
准入条件：1.拥有有效发明专利一件以上；2.本产品不受说明第一条中“在本县正常申报纳税满两年”的限制。
额度：最高五百万元
"""


def test_a_product_list_with_shared_notes_a_quoted_let_off_and_numbered_requirements():
    first, second = extract_policy(PRODUCT_LIST, "products", {"region_code": "510421"}).items
    texts = [c.text for c in first.conditions]
    assert "在本县正常申报纳税满两年" in texts and "下列产品共同的准入要求是" not in texts
    assert "上年度缴纳增值税和企业所得税合计不低于三万元" in texts  # without its list number
    assert "地方政府融资平台公司" in "".join(texts)
    assert ("not_in", "industry", ("K7010",)) in {c.key() for c in first.conditions}
    assert "在本县正常申报纳税满两年" not in [c.text for c in second.conditions]
    assert not any("不受" in c.text for c in second.conditions)


def test_a_developer_left_out_of_a_loan_scheme_is_no_offer():
    from recommender.text.roles import is_measure

    assert not is_measure("房地产开发企业不属于“银税互动”贷款支持对象。")
    assert is_measure("合作银行开发“科技贷”产品，面向科技型企业发放贷款。")


CONDITION_TABLE = """# 外贸新业态扶持办法

## 二、申报条件

申请本办法扶持资金的企业，应当符合下表所列全部条件：

| 条件 | 具体要求 | 核验方式 |
|---|---|---|
| 注册地 | 在汕头市行政区域内注册登记 | 营业执照 |
| 纳税信用 | 纳税信用等级为A级、B级或者M级 | 税务部门提供 |
| 合规记录 | 近两年内未因走私受到行政处罚 | 海关部门提供 |

## 三、扶持内容

（一）跨境电商出口奖励。企业上年度跨境电商出口额达到一百万美元以上的，按出口额的千分之五给予奖励。

（二）集聚区商户奖励。在市场采购贸易集聚区内经营的个体工商户，每户奖励一万元。本项所列个体工商户不受上表“纳税信用”一行的限制。
"""


def test_a_table_of_conditions_leaves_out_how_each_is_checked_and_a_row_can_be_lifted():
    first, second = extract_policy(CONDITION_TABLE, "trade", {"region_code": "440500"}).items
    texts = [c.text for c in first.conditions]
    assert "近两年内未因走私受到行政处罚" in texts
    assert not any("营业执照" in t or "提供" in t or "下表" in t for t in texts)
    assert any(c.field == "tax_credit" for c in first.conditions)
    assert not any(c.field == "tax_credit" for c in second.conditions)


DIAGNOSIS_NOTICE = """# 关于开展免费诊断和数字化服务券工作的通知

一、服务对象

本通知的服务对象为在泰州市行政区域内登记注册的工业企业，上年度主营业务收入不低于两千万元。

二、免费诊断

诊断费用由市财政以服务券方式直接向服务商支付，企业不承担任何费用。

三、数字化服务券

中小企业购买数字化产品的，可以申领数字化服务券，按合同金额的百分之五十抵扣。申领数字化服务券的企业，不受本通知第一部分关于主营业务收入的限制。

四、服务商条件

承担诊断服务的服务商应当同时具备以下条件：

（一）近三年完成诊断项目不少于二十个；

（二）纳税信用等级为A级或者B级。
"""


def test_a_free_service_is_an_item_a_providers_conditions_bind_no_firm_and_a_lift_by_subject():
    diagnosis, voucher = extract_policy(DIAGNOSIS_NOTICE, "diagnosis", {"region_code": "321200"}).items
    assert [diagnosis.name, voucher.name] == ["免费诊断", "数字化服务券"]
    assert any(c.field == "revenue" for c in diagnosis.conditions)
    assert not any(c.field == "revenue" for c in voucher.conditions)
    assert not any(c.field == "tax_credit" or "二十个" in c.text for i in (diagnosis, voucher) for c in i.conditions)


RELIEF_MEASURES = """# 助企纾困十六条

一、降低经营成本

（1）减免国有房屋租金。承租国有企业经营用房的个体工商户和小微企业，2025年减免三个月租金。

（2）水电气缓缴不停供。生产经营暂时困难的中小微企业，可以申请缓缴水费、电费，缓缴期最长六个月。

（3）落实政府采购预留份额。面向中小企业预留的份额提高至百分之四十以上。

二、优化政务服务

（4）涉企审批“一窗通办”。高频事项全部进驻县政务服务中心综合窗口。

（5）建立企业诉求直通车。企业诉求五个工作日内答复。

（6）涉企检查“综合查一次”。同一部门对同一市场主体的年度检查原则上不超过一次。
"""


def test_each_offering_measure_in_a_list_of_named_measures_is_an_item_and_a_deferral_offers():
    items = extract_policy(RELIEF_MEASURES, "relief", {}).items
    assert [i.name for i in items] == ["减免国有房屋租金", "水电气缓缴不停供"]
    assert not any(c.field == "size" and "中型" in c.value for c in items[0].conditions)  # (3)'s 中小企业 is not its
    lone = RELIEF_MEASURES.replace("可以申请缓缴水费、电费，缓缴期最长六个月", "供水供电企业不停止供应")
    lone = lone.replace("（6）涉企检查", "（6）首贷贴息。首次获得贷款的小微企业，给予贴息50%。\n\n（7）涉企检查")
    assert [i.name for i in extract_policy(lone, "relief", {}).items] == ["减免国有房屋租金", "首贷贴息"]


def test_a_measure_leaving_a_trade_out_except_for_one_item_binds_the_others():
    text = ("# 助企纾困措施\n\n本措施所称市场主体，是指在本县登记注册的企业和个体工商户；除第（1）项外，房地产开发企业不适用本措施。\n\n"
            "（1）减免国有房屋租金。承租国有企业经营用房的小微企业，减免三个月租金。\n\n"
            "（2）首贷贴息。首次获得贷款的小微企业，给予贴息50%。\n\n（3）稳岗奖励。不裁员的企业，奖励1万元。\n")
    rent, loan, jobs = extract_policy(text, "relief", {"region_code": "510823"}).items
    assert not any(c.field == "industry" for c in rent.conditions)
    assert all(("not_in", "industry", ("K7010",)) in {c.key() for c in i.conditions} for i in (loan, jobs))
    assert not any(c.field == "ownership" for i in (rent, loan, jobs) for c in i.conditions)


def test_filling_in_online_under_application_requirements_is_procedure():
    text = ("# 关于组织奖补工作的通知\n\n一、支持内容\n\n对新获评绿色工厂的企业，给予奖励50万元。\n\n二、申报要求\n\n"
            "（一）申报时间为6月20日至7月31日，逾期不予受理。\n\n（二）企业通过“邯郸市工业企业服务平台”在线填报，并将纸质材料报送所在县工业和信息化局。\n")
    (item,) = extract_policy(text, "green", {"region_code": "130400"}).items
    assert not any("通过" in c.text for c in item.conditions)


NIGHT_RULES = """# 夜间经济和首发经济扶持资金实施细则

第一条　为扩大夜间消费，制定本细则。

第二条　本细则下列用语的含义：

（一）夜间经营主体，是指从事住宿、餐饮、零售或者文化娱乐经营，每日十八时至次日二时之间连续营业四小时以上的企业；

（二）首店，是指零售、餐饮品牌企业在本市开设的该品牌第一家实体门店。

第三条　夜间经营主体上年度夜间营业收入占比达到百分之三十以上的，按其夜间电费的百分之二十给予补贴。

第四条　对在本市开设首店的品牌企业，给予一次性奖励五十万元。从事汽车销售的企业开设的门店不适用本条。
"""


def test_a_numbered_list_of_definitions_binds_each_term_to_the_items_using_it():
    night, store = extract_policy(NIGHT_RULES, "night", {"region_code": "410200"}).items
    assert ("in", "industry", ("F52", "H", "R88", "R90")) in {c.key() for c in night.conditions}
    assert not any(c.field == "industry" and c.op == "in" and "R90" in c.value for c in store.conditions)
    assert ("not_in", "industry", ("F5261", "F5262")) in {c.key() for c in store.conditions}


def test_a_list_of_kinds_of_applicant_is_an_or_group():
    text = ("# 新型农业经营主体贷款贴息申报指南\n\n## 一、贴息对象\n\n在乐至县行政区域内依法登记的下列主体：\n\n"
            "（一）经营土地面积五十亩以上的家庭农场；\n\n（二）成员二十户以上的农民专业合作社；\n\n（三）县级以上农业产业化龙头企业。\n\n"
            "## 二、贴息标准\n\n给予百分之五十贴息，单个主体年度贴息最高三万元。\n")
    (item,) = extract_policy(text, "agri", {"region_code": "512022"}).items
    (group,) = [c for c in item.conditions if c.op == "any_of"]
    assert len(group.any_of) == 3


VOUCHER_RULES = """# 科技创新券管理办法

第四条 申领创新券的企业应当同时符合下列条件：

（一）在扬州市行政区域内注册登记；

（二）上年度研发费用不低于二十万元。

成立未满一年的初创企业，不受前款第（二）项限制。

第七条 企业购买研究开发服务的，按服务合同实际支付金额的百分之五十使用创新券抵扣；购买知识产权服务的，按百分之三十抵扣。
"""


def test_cases_of_one_firms_purchase_are_tiers_and_a_let_off_of_a_listed_requirement_binds_every_item():
    (item,) = extract_policy(VOUCHER_RULES, "voucher", {"region_code": "321000"}).items
    (either,) = [c for c in item.conditions if c.op == "any_of" and any(x.field == "rd_expense" for x in c.any_of)]
    assert {c.field for c in either.any_of} == {"rd_expense", "age_years"}
    assert not any(c.field == "rd_expense" for c in item.conditions)


HOMESTAY_RULES = """# 乡村民宿星级评定奖补办法

## 申报条件

申请奖补的民宿经营主体应当在洪雅县行政区域内登记注册，登记注册满一年（含）。

## 奖补标准

| 等级 | 奖补标准 | 条件 |
|---|---|---|
| 五星级民宿 | 一次性奖补20万元 | 经省级评定为五星级，客房不少于12间，上年度接待游客3000人次以上 |
| 四星级民宿 | 一次性奖补10万元 | 经市级评定为四星级，客房不少于8间 |

## 金融支持

合作银行推出“民宿贷”，对获评三星级以上的民宿经营主体，提供单户最高二百万元的信用贷款。“民宿贷”不适用前述申报条件，但借款人须未被列入失信被执行人名单。
"""


def test_star_rows_are_items_with_each_requirement_and_a_loan_can_drop_the_shared_conditions():
    five, four, loan = extract_policy(HOMESTAY_RULES, "homestay", {"region_code": "511423"}).items
    assert [five.name, four.name] == ["五星级民宿", "四星级民宿"]
    assert "客房不少于12间" in [c.text for c in five.conditions]
    assert any(c.field == "age_years" for c in five.conditions)
    assert not any(c.field in ("age_years", "region_code") for c in loan.conditions)
    assert any(c.field == "dishonest" for c in loan.conditions)


def test_an_offer_for_each_certified_product_is_an_item_of_its_own():
    text = ("# 质量强市建设奖励办法\n\n第三条 奖励项目和标准如下：主导制定国家标准并正式发布的，每项奖励二十万元；"
            "首次通过“许昌精品”品牌认证的产品，每个奖励五万元，同一企业每年最多奖励三个。\n")
    items = extract_policy(text, "quality", {}).items
    assert len(items) == 2


PRODUCT_SHEETS = """# “科创贷”系列产品说明书

本系列产品服务于威海市辖内科技型企业。申请企业应当在本行开立结算账户。

## 一、研发贷

| 项目 | 内容 |
|---|---|
| 适用对象 | 注册地在威海市的科技型中小企业 |
| 准入条件 | 成立满1年；纳税信用等级为D级的不予准入 |
| 额度 | 单户最高两千万元 |
| 期限 | 最长3年 |

## 二、首贷通

| 项目 | 内容 |
|---|---|
| 适用对象 | 此前未在任何银行取得过贷款的企业 |
| 准入条件 | 从业人员100人以下 |
| 额度 | 最高300万元 |
"""


def test_each_key_value_product_table_is_a_credit_item_and_a_served_place_binds_both():
    research, first = extract_policy(PRODUCT_SHEETS, "sheets", {"region_code": "371000"}).items
    assert (research.kind, first.kind) == ("credit", "credit")
    assert any(c.field == "age_years" for c in research.conditions)
    assert not any(c.field == "age_years" for c in first.conditions)
    assert any(c.field == "has_bank_loan" for c in first.conditions)
    assert [c.text for c in first.conditions if c.field == "region_code"] == ["威海市辖内"]


BRIDGE_FUND = """# 应急转贷资金管理办法

第二条 转贷资金由市财政出资，专项用于为符合条件的企业在银行贷款到期时提供短期周转。

第三条 申请使用转贷资金的企业，应当同时符合下列条件：

（一）在峨眉山市登记注册的中小微企业；

（二）贷款银行已出具同意续贷的书面承诺；

（三）上年度营业收入不低于300万元；

（四）纳税信用等级为B级以上。

第四条 在峨眉山市登记注册的个体工商户，经营性贷款到期续贷的，可以申请使用转贷资金，单笔最高100万元。其申请条件参照第三条第（二）项、第（四）项执行。

第五条 农业产业化龙头企业申请使用转贷资金的，不受第三条第（三）项营业收入的限制。

第七条 转贷资金单笔使用金额最高1000万元。
"""


def test_an_article_referring_to_some_entries_keeps_only_those_and_a_let_off_names_its_article():
    firms, sole = extract_policy(BRIDGE_FUND, "bridge", {"region_code": "511181"}).items
    assert sole.clause.startswith("第四条")
    assert {c.clause for c in sole.conditions if c.clause.startswith("第三条")} == {"第三条第（二）项", "第三条第（四）项"}
    assert not any(c.field in ("size", "revenue") for c in sole.conditions)
    assert any(c.field == "region_code" for c in sole.conditions)
    (either,) = [c for c in firms.conditions if c.op == "any_of"]
    assert {c.field for c in either.any_of} == {"revenue", "qualifications"}
    assert not any(c.field == "revenue" for c in firms.conditions)


SERVICE_GUIDE = """# 创业扶持补贴办事指南

## 事项一

**事项名称**：一次性创业补贴

**受理条件**：在鄂尔多斯市行政区域内首次创办小微企业或者从事个体经营，自登记注册之日起正常经营1年以上（含）。

**补贴标准**：每户5000元，一次性发放。

## 事项二

**事项名称**：小微企业创业担保贷款贴息

**受理条件**：在鄂尔多斯市登记注册的小型、微型企业，当年新招用符合条件人员数量达到企业现有在职职工人数15%，且企业及其法定代表人无不良信用记录。

**补贴标准**：按每人1000元给予一次性补贴，同一人员只能享受一次。
"""


def test_a_named_entry_is_one_item_called_by_its_name_and_each_requirement_of_a_run_stays_whole():
    grant, loan = extract_policy(SERVICE_GUIDE, "guide", {"region_code": "150600"}).items
    assert (grant.name, loan.name) == ("一次性创业补贴", "小微企业创业担保贷款贴息")
    (either,) = [c for c in grant.conditions if c.op == "any_of"]
    assert {(c.field, c.value) for c in either.any_of} == {("size", ("小型", "微型")), ("ownership", "个体工商户")}
    unknown = [c.text for c in loan.conditions if c.op == "unknown"]
    assert any(t.endswith("法定代表人无不良信用记录") for t in unknown)
    assert not any("达到" in t and "不良" in t for t in unknown)


def test_a_limit_after_an_offer_leaves_it_an_offer_but_a_sentence_about_not_doubling_is_none():
    assert is_measure("按每人1000元给予一次性补贴，同一人员只能享受一次。")
    assert not is_measure("一次性创业补贴与县内其他创业补贴不重复享受。")


FIRST_SET = """# 首台（套）等保险补偿资金申报通知

一、申报主体

申报单位应为在南阳市注册的规模以上工业企业。首版次软件的申报单位不受规模以上工业企业条件限制。

二、支持内容

（一）首台（套）重大技术装备。申报产品须列入国家或者省首台（套）重大技术装备推广应用指导目录，且于2024年7月1日至2025年6月30日期间投保首台（套）综合保险。按年度实际保费的60%给予补偿。

（二）首批次新材料。申报产品须列入重点新材料首批次应用示范指导目录，并投保新材料质量和责任综合保险。按年度实际保费的50%给予补偿。

（三）首版次软件。申报单位应为软件和信息技术服务企业。按首年度实际保费的50%给予补偿。
"""


def test_product_requirements_of_each_entry_are_read_and_a_let_off_named_by_its_words_binds_its_item():
    kit, material, software = extract_policy(FIRST_SET, "first", {"region_code": "411300"}).items
    kit_texts = [c.text for c in kit.conditions if c.op == "unknown"]
    assert any(t.endswith("推广应用指导目录") for t in kit_texts)
    assert any("期间投保" in t for t in kit_texts)
    assert any("首批次应用示范指导目录" in c.text for c in material.conditions)
    assert "规模以上" in [c.text for c in material.conditions]
    assert "规模以上" not in [c.text for c in software.conditions]
    assert [c.value for c in software.conditions if c.field == "industry"] == [("I65",)]


MATCHMAKING = """# 关于举办政银企融资对接会的通知

一、参会对象

在婺源县依法注册登记、有融资需求的中小微企业。

二、对接方式

各银行现场发布信贷产品。

## 参会银行重点推介产品

**“茶商贷”（婺源农商银行）**

面向在婺源县注册登记、从事茶叶种植的企业，成立满1年。额度单户最高200万元，期限最长3年。

**“旅宿快贷”（邮储银行婺源县支行）**

面向在婺源县注册登记的民宿经营主体，个体工商户亦可申请。额度最高100万元，期限1年。

以上两款产品均不向被列入失信被执行人名单的企业发放。
"""


def test_bold_named_products_with_a_limit_are_items_and_a_closing_paragraph_binds_them_all():
    tea, lodging = extract_policy(MATCHMAKING, "match", {"region_code": "361130"}).items
    assert (tea.kind, lodging.kind) == ("credit", "credit")
    for item in (tea, lodging):
        assert any(c.field == "dishonest" for c in item.conditions)
        assert not any(c.field == "size" for c in item.conditions)  # whom the meeting invites, not the products
    assert any(c.field == "age_years" for c in tea.conditions)
    assert not any(c.field == "ownership" for c in lodging.conditions)  # 个体工商户亦可申请: also, not only


BOOTHS = """# 关于做好企业参加重点展会补贴工作的通知

一、补贴对象

在莆田市注册登记的企业参加重点展会目录所列展会，可按本通知申请补贴。

二、补贴标准

（一）境外展会（含“一带一路”共建国家展会）。每个标准展位补贴2万元，单家企业全年累计不超过20万元。

（二）境内国际性专业展会（含广交会、进博会等）。每个标准展位补贴5000元。本项补贴仅限制造业企业申请。

（三）线上展会和数字展会。按企业实际支付展位费的百分之五十给予补贴，每个展会最高3万元。
"""


def test_named_entries_of_a_standard_section_each_offering_are_items_but_ranked_entries_are_tiers():
    abroad, home, online = extract_policy(BOOTHS, "booths", {"region_code": "350300"}).items
    assert abroad.name.startswith("境外展会")
    assert [c.value for c in home.conditions if c.field == "industry"] == [("C",)]
    assert not any(c.field == "industry" for c in abroad.conditions + online.conditions)
    ranked = (BOOTHS.replace("境外展会（含“一带一路”共建国家展会）", "国家级展会")
              .replace("境内国际性专业展会（含广交会、进博会等）", "省级展会").replace("线上展会和数字展会", "市级展会"))
    assert len(extract_policy(ranked, "booths", {"region_code": "350300"}).items) == 1


HEADQUARTERS = """# 总部企业发展扶持办法

一、总部企业的认定
本办法所称总部企业，是指同时满足下列条件，并经市发展改革委认定的企业：
㈠ 在西宁市行政区域内注册登记；
㈡ 上年度营业收入不低于5亿元；
㈢ 在本市租赁或者购置的自用办公用房面积不低于500平方米。

二、扶持措施
经认定的总部企业，可以享受以下扶持：
㈠ 落户奖励。新设立的总部企业，认定后给予一次性落户奖励200万元。
㈡ 办公用房租金补贴。租赁自用办公用房的，按每月每平方米30元给予补贴。入驻市级重点商务楼宇的总部企业，不受第一部分第㈢项面积要求的限制。
"""


def test_one_character_list_numbers_and_a_defining_section_binds_the_measures_it_defines_for():
    settle, rent = extract_policy(HEADQUARTERS, "hq", {"region_code": "630100"}).items
    assert (settle.clause, rent.clause) == ("二、㈠", "二、㈡")
    for item in (settle, rent):
        assert any(c.field == "revenue" for c in item.conditions)
    assert any("500平方米" in c.text for c in settle.conditions)
    (either,) = [c for c in rent.conditions if c.op == "any_of"]
    assert {c.text for c in either.any_of} == {"在本市租赁或者购置的自用办公用房面积不低于500平方米", "入驻市级重点商务楼宇的总部企业"}


DIGEST = """# 惠企政策摘编

▲ 1、新办企业开办补贴
新设立的小微企业，给予一次性开办补贴2000元。

▲ 2、首贷贴息
首次获得银行贷款的企业，按贷款利息的50%给予贴息。

温馨提示：以上政策仅限在青神县注册登记的企业申请；被列为失信被执行人的，不得享受上述政策。
"""

RELENDING = """# 关于加强支农支小再贷款资金投向管理的通知

一、总体要求
各机构不得向失信被执行人发放再贷款支持的贷款。

二、支小再贷款
支小再贷款资金只能用于发放小型、微型企业贷款，单户授信总额1000万元以下（含）。

三、支农再贷款
支农再贷款资金应当用于发放涉农贷款，单户授信总额不超过500万元。

四、监测与核查
对资金投向不合规的，扣减其下期再贷款额度。
"""


def test_a_note_after_the_last_entry_that_names_every_item_binds_them_all():
    for item in extract_policy(DIGEST, "digest", {"region_code": "511425"}).items:
        assert any(c.field == "region_code" for c in item.conditions), item.name
        assert any(c.field == "dishonest" for c in item.conditions), item.name


def test_relending_that_must_fund_loans_to_some_firms_is_an_item_per_scheme():
    small, farm = extract_policy(RELENDING, "relend", {"region_code": "150400"}).items
    assert (small.kind, farm.kind) == ("credit", "credit")
    assert all(any(c.field == "dishonest" for c in item.conditions) for item in (small, farm))


GREEN_CREDIT = """# 关于开展绿色信贷贴息工作的通知

一、支持对象

在长春市行政区域内依法登记的工业企业。

二、贴息标准

（一）上年度环境信用评价等级为绿色、蓝色的企业，分别按贷款合同利率的百分之四十、百分之三十给予贴息。

（二）上年度评价等级为黄色的企业，须完成整改并经属地生态环境部门验收合格后方可申请，按贷款合同利率的百分之二十给予贴息。
"""


def test_a_case_that_must_first_do_something_of_its_own_is_an_item_not_a_tier():
    good, amended = extract_policy(GREEN_CREDIT, "green", {"region_code": "220100"}).items
    assert "绿色" in good.name and "黄色" in amended.name
    tiers = GREEN_CREDIT.replace("须完成整改并经属地生态环境部门验收合格后方可申请，", "")
    assert len(extract_policy(tiers, "green", {"region_code": "220100"}).items) == 1


RISK_POOL = """# “专精特新贷”风险补偿资金池操作细则

第三条　本细则所称“专精特新贷”，是指合作银行向符合第四条规定的企业发放的流动资金贷款。

第四条　申请“专精特新贷”的企业应当同时符合下列条件：

（一）在山西省行政区域内登记注册；

（二）企业未被列为失信被执行人。

纳税信用等级为D级的企业，不予准入。

第八条　对首次获得“专精特新贷”的企业，省级财政按其贷款实际支付利息的百分之三十给予贴息。
"""


def test_a_defined_loan_product_is_an_item_and_a_refusal_after_the_list_excludes():
    loan, subsidy = extract_policy(RISK_POOL, "pool", {"region_code": "140000"}).items
    assert loan.kind == "credit" and loan.clause.startswith("第三条")
    for item in (loan, subsidy):
        assert [(c.op, c.value) for c in item.conditions if c.field == "tax_credit"] == [("not_in", ("D",))]


FREIGHT = """# 促进网络货运平台集聚发展扶持措施

本措施适用于在鄂州市辖区内注册的平台企业。

一、培育壮大本地平台。对新取得网络货运道路运输经营许可的平台企业，给予一次性开办奖励30万元。

二、强化金融服务保障。对平台企业获得的“运费贷”，按一年期贷款市场报价利率的百分之五十给予贴息，单家年度贴息不超过100万元。

三、清理拖欠账款。机关、事业单位和国有企业拖欠中小企业的账款，应当自收到付款申请之日起六十日内支付。

四、支持限制与退出。被交通运输主管部门列为严重失信主体的，各项扶持均不予支持。

本措施自2025年6月1日起施行，有效期两年。
"""


def test_a_measure_titled_like_a_duty_offers_and_a_closing_paragraph_leaves_the_last_section_its_rules():
    opening, loan = extract_policy(FREIGHT, "freight", {"region_code": "420700"}).items
    assert loan.kind == "credit" and loan.clause == "二、"
    for item in (opening, loan):
        texts = [c.text for c in item.conditions]
        assert any("严重失信主体" in t for t in texts), texts
        assert not any(c.field in ("size", "ownership") for c in item.conditions)  # the payers' duty binds no item


GROWTH = """# 规上工业企业增产增效奖励标准

【适用范围】
在江安县行政区域内注册登记的工业企业。

【增产增效奖】
主营业务收入同比增速达到15%以上的，按增速分档奖励：增速15%（含）至30%的奖5万元，30%（含）以上的奖20万元。当年主营业务收入首次突破1亿元的，另奖10万元。

【首次纳规奖】
上年度首次纳入规模以上工业企业统计的，一次性奖励10万元。
"""


def test_an_award_stated_as_a_bare_amount_is_an_offer_and_an_extra_award_is_a_tier():
    growth, entry = extract_policy(GROWTH, "growth", {"region_code": "511523"}).items
    assert growth.name == "增产增效奖" and entry.name == "首次纳规奖"
    assert not any(c.field == "revenue" for c in growth.conditions)  # 首次突破1亿元的，另奖: a higher tier


RD_POST = """# 企业研发费用后补助实施细则

## 一、补助对象

本细则所称补助对象，是在镇江市注册的企业，且上年度研发费用达到50万元以上（含）。

## 二、补助标准

补助金额 = 上年度研发费用加计扣除额 × 补助比例。补助比例原则上为百分之五，高新技术企业、科技型中小企业提高至百分之八。

## 三、研发投入增量奖励

上年度研发费用比前一年度增长百分之二十以上的企业，另按增量部分的百分之十给予奖励，最高50万元。

## 四、首次研发奖励

上年度首次发生研发费用的科技型中小企业，一次性奖励3万元，不受本细则第一部分研发费用50万元以上的限制。
"""


def test_a_standard_section_of_its_own_is_an_item_beside_named_awards_and_a_part_let_off_drops_its_bound():
    base, growth, first = extract_policy(RD_POST, "rd", {"region_code": "321100"}).items
    assert base.clause == "二、"
    assert not any(c.field == "qualifications" for c in base.conditions)  # 高新技术企业…提高至: a higher rate
    assert any(c.field == "rd_expense" for c in growth.conditions)
    assert not any(c.field == "rd_expense" for c in first.conditions)


MERCHANTS = """# 文旅消费券合作商户招募公告

一、商户基本条件

报名商户应当在桂林市行政区域内依法登记注册，持有效营业执照，正常营业满六个月以上。

（一）住宿类商户：从事住宿业，且可供出租客房在二十间以上（含）。

（二）餐饮类商户：从事餐饮业，店内可容纳三十人以上同时就餐。

二、合作方式

消费券抵扣资金由市级财政全额承担，每张消费券抵扣50元。
"""


def test_each_kind_of_applicant_with_its_own_requirements_is_an_item_of_the_one_offer():
    lodging, dining = extract_policy(MERCHANTS, "merchants", {"region_code": "450300"}).items
    assert (lodging.name, dining.name) == ("住宿类商户", "餐饮类商户")
    for item in (lodging, dining):
        assert any(c.field == "region_code" for c in item.conditions)
        assert not any(c.text in ("住宿类商户", "餐饮类商户", "持有效营业执照") for c in item.conditions)
    assert [c.value for c in lodging.conditions if c.field == "industry"] == [("H61",)]
    assert [c.value for c in dining.conditions if c.field == "industry"] == [("H62",)]


ORDINAL_MEASURES = """# 关于工业稳增长奖补政策的通知

一、适用范围

本通知适用于在怀远县行政区域内注册登记的工业企业。

二、奖补措施

第一，鼓励新增入规。对本年度首次纳入规模以上工业企业统计的企业，一次性奖励10万元。

第二，支持技术改造。对设备投资额达到300万元以上的技术改造项目，按设备投资额的百分之八给予补助。申报企业须为制造业企业，纳税信用等级为C级或者D级的不予支持。
"""


def test_measures_numbered_by_ordinal_words_are_items_and_a_duty_before_a_refusal_stays_required():
    entry, upgrade = extract_policy(ORDINAL_MEASURES, "ordinal", {"region_code": "340321"}).items
    assert (entry.clause, upgrade.clause) == ("二、第一", "二、第二")
    assert (entry.name, upgrade.name) == ("鼓励新增入规", "支持技术改造")
    assert [(c.op, c.value) for c in upgrade.conditions if c.field == "industry" and c.value == ("C",)] == [("in", ("C",))]
    assert [(c.op, c.value) for c in upgrade.conditions if c.field == "tax_credit"] == [("not_in", ("C", "D"))]


ONE_PICTURE = """---
title: 一图读懂｜齐齐哈尔市企业新招工人补贴
---
# 一图读懂｜企业新招工人补贴

适用范围：在齐齐哈尔市注册登记的各类企业

【补贴一】新招工人社保补贴
补贴对象：2025年新招用本市户籍劳动者并签订1年以上劳动合同的企业
补贴标准：按企业实际缴纳的单位缴费部分的百分之五十补贴

【补贴二】招用困难人员岗位补贴
补贴对象：招用就业困难人员的小型微型企业
补贴标准：每人每月300元
"""


def test_numbered_blocks_under_a_title_without_its_place_are_items_named_by_their_words():
    meta, text = split_front_matter(ONE_PICTURE)
    social, post = extract_policy(text, "picture", {**meta, "region_code": "230200"}).items
    assert (social.name, post.name) == ("新招工人社保补贴", "招用困难人员岗位补贴")
    assert any(c.field == "size" for c in post.conditions)
    assert not any(c.field == "size" for c in social.conditions)


LEAFLET = """大同市首贷服务中心

产品一　云冈首贷通（大同银行）
● 谁能贷
　在大同市登记注册的小微企业，且从未在银行获得过贷款；
● 贷多少
　单户最高200万元，期限1年。

产品二　煤都转型贷（晋商银行）
● 谁能贷
　在大同市登记注册的制造业中小企业。
● 贷多少
　单户最高500万元，期限最长2年。
"""


def test_leaflet_products_with_bulleted_questions_are_credit_items_with_their_own_answers():
    first, second = extract_policy(LEAFLET, "leaflet", {"region_code": "140200"}).items
    assert (first.kind, second.kind) == ("credit", "credit")
    assert any(c.field == "has_bank_loan" for c in first.conditions)
    assert not any(c.field == "has_bank_loan" for c in second.conditions)
    assert any(c.field == "industry" for c in second.conditions)


PRODUCT_ROWS = """# 乡村振兴信贷产品

| 产品 | 服务对象 | 额度 | 期限 |
|---|---|---|---|
| 振兴农企贷 | 从事农副食品加工的小型、微型企业 | 单户最高500万元 | 最长3年 |
| 兴农首贷 | 此前从未在任何银行取得贷款的农业经营企业 | 最高100万元 | 1年 |

准入说明：申请企业须在邢台市辖内注册经营，成立满1年；被列为失信被执行人的企业，本行不予准入。
"""


def test_an_admission_note_under_a_product_table_binds_every_row():
    items = extract_policy(PRODUCT_ROWS, "rows", {"region_code": "130500"}).items
    assert len(items) == 2
    for item in items:
        assert any(c.field == "age_years" for c in item.conditions), item.name
        assert any(c.field == "dishonest" for c in item.conditions), item.name


PARAGRAPH_OFFERS = """# 某市设备更新贷款贴息办法

第一条 为支持企业更新设备，制定本办法。

第二条 对符合条件的企业取得的设备更新贷款，按实际支付利息的50%给予贴息，单户年度贴息不超过80万元。

企业以融资租赁方式取得生产设备的，按租赁合同约定利息的30%给予补贴，单户累计不超过40万元。

对首次获得贷款的企业，贴息比例提高至60%。

第三条 申请贴息的企业，应当同时具备下列条件：

（一）在本市登记注册；

（二）属于制造业企业；

（三）纳税信用等级保持在B级以上。

第四条 个体工商户申请本办法支持的，不适用第三条第（二）项规定。

第五条 本办法自2026年1月1日起施行。
"""


def test_a_later_paragraph_with_a_case_and_an_offer_of_its_own_is_an_item_and_a_let_off_by_article_entry():
    items = extract_policy(PARAGRAPH_OFFERS, "paragraphs", {"region_code": "420200"}).items
    assert [i.clause for i in items] == ["第二条", "第二条第二款"]  # the raise (提高至60%) stays with the first
    leasing = items[1]
    assert any(c.op == "unknown" and "融资租赁" in c.text for c in leasing.conditions)
    assert not any("融资租赁" in (c.text or "") for c in items[0].conditions)
    for item in items:
        assert any(c.field == "tax_credit" and c.value == ("A", "B") for c in item.conditions), item.name
        either = [c for c in item.conditions if c.op == "any_of"]
        assert len(either) == 1, item.conditions
        assert {x.field for x in either[0].any_of} == {"industry", "ownership"}
        assert not any(c.field == "ownership" and c.op == "not_in" for c in item.conditions)


AWARD_MATRIX = """# 某市品牌建设资助通知

一、申报条件

1. 在本市登记注册的企业；
2. 所获品牌称号于2025年内授予；
3. 纳税信用等级为D级的企业，或者被列入失信被执行人名单的企业，不得申报。

二、资助标准

| 级别 | 首次获得 | 复评通过 |
|---|---|---|
| 国家级 | 每个资助40万元 | 每个资助10万元 |
| 省级 | 每个资助20万元 | 每个资助5万元 |
| 市级 | 每个资助8万元 | 不予资助 |

三、品牌培育示范

承担省级品牌培育示范项目并通过验收的，一次性资助20万元。本项不受申报条件第2项的限制。
"""


def test_an_amount_matrix_grades_one_award_and_a_let_off_names_its_list_entry_by_number():
    items = extract_policy(AWARD_MATRIX, "matrix", {"region_code": "210300"}).items
    assert [i.clause for i in items] == ["二、", "三、"]
    for item in items:
        assert any(c.field == "tax_credit" and c.op == "not_in" and c.value == ("D",) for c in item.conditions)
        assert any(c.field == "dishonest" and c.value is False for c in item.conditions)
        assert not any(c.op == "any_of" or c.text.startswith("或者") for c in item.conditions), item.conditions
    granted = lambda item: any("2025年内授予" in c.text for c in item.conditions)  # noqa: E731
    assert granted(items[0]) and not granted(items[1])


SELF_CHECK_FORM = """某区2026年度首贷贴息申报表

填表说明：

一、2026年内首次获得银行贷款的小微企业，可按本表申请贴息，区财政按实际支付利息的40%给予贴息，单户不超过5万元。

二、企业须逐项勾选下方自查表，任一项勾选“否”的，不予受理。

（一）企业自查表

1. 企业注册地在汉滨区　　□是　□否
2. 纳税信用等级为B级及以上　　□是　□否
3. 企业及法定代表人未被列入失信被执行人名单　　□是　□否
4. 贷款资金用于本企业生产经营　　☐是　☐否
"""


def test_a_self_check_form_lists_requirements_without_its_tick_boxes():
    (item,) = extract_policy(SELF_CHECK_FORM, "form", {"region_code": "610902"}).items
    fields = {c.field: c for c in item.conditions}
    assert fields["region_code"].value == "610902"
    assert fields["tax_credit"].value == ("A", "B")
    assert fields["dishonest"].value is False  # the firm and its officer: the firm's own status is checked
    assert any(c.op == "unknown" and c.text == "贷款资金用于本企业生产经营" for c in item.conditions), item.conditions
    assert not any("□" in c.text or "☐" in c.text for c in item.conditions)


LEVY_NOTICE = """# 某市残疾人就业保障金有关事项的公告

一、分档缴纳

在职职工总数超过30人的用人单位，安排比例达到1%（含）以上的，按规定应缴费额的50%缴纳。

二、超比例奖励

企业上年度安排残疾人就业比例超过1.5%的，对超出规定比例的人数，按每人每年3000元给予奖励。企业只需如实申报职工人数，无须另行提出申请。
"""


def test_a_reduced_charge_is_an_offer_and_the_case_before_a_base_of_the_award_is_its_requirement():
    items = extract_policy(LEVY_NOTICE, "levy", {"region_code": "371500"}).items
    assert [i.clause for i in items] == ["一、", "二、"]
    assert any(c.field == "employees" and c.op == "gt" and c.value == 30 for c in items[0].conditions)
    texts = [c.text for c in items[1].conditions]
    assert "上年度安排残疾人就业比例超过1.5%" in texts, texts  # (the lead 企业 is no part of it)
    assert not any("申请" in t or "人数" in t for t in texts), texts


TASK_TABLE_ANNEX = """某县2026年优化营商环境实施方案

一、总体目标

到2026年底，企业开办时间压缩至1个工作日以内。

二、保障措施

各牵头单位要细化工作举措，按季度报送进展情况。

附件：某县2026年优化营商环境重点任务分工表

| 序号 | 重点任务 | 具体措施 | 牵头单位 | 完成时限 |
|---|---|---|---|---|
| 1 | 落实首贷贴息 | 县内小型、微型企业首次获得银行贷款的，按实际支付利息的30%给予贴息，单户最高3万元 | 县财政局 | 2026年6月 |
| 2 | 规范涉企检查 | 推行“综合查一次”，合并开展多项检查 | 县司法局 | 2026年12月 |
| 3 | 支持升规入统 | 工业企业首次纳入规模以上工业企业统计的，给予一次性奖励10万元；企业须上年度营业收入增速不低于10% | 县工信局 | 持续推进 |
"""


def test_an_annex_task_table_after_the_last_section_lists_items_named_by_their_task():
    items = extract_policy(TASK_TABLE_ANNEX, "tasks", {"region_code": "522725"}).items
    assert [i.name for i in items] == ["落实首贷贴息", "支持升规入统"]
    loan = {c.field for c in items[0].conditions}
    assert {"region_code", "size", "has_bank_loan"} <= loan
    texts = [c.text for c in items[1].conditions]
    assert "上年度营业收入增速不低于10%" in texts, texts
    assert not any("工信局" in t or "持续推进" in t for t in texts)


PRODUCT_TERMS = """# 关于推广“政采贷”的通知

一、产品要素

1. 服务对象：中标政府采购项目的供应商，以中型、小型、微型企业为主。
2. 准入要求：企业经营满1年；纳税信用等级为B级以上。
3. 授信额度：按合同金额的80%核定，单户最高1000万元。
4. 贷款期限：最长不超过1年。
5. 贷款利率：年化利率不高于一年期贷款市场报价利率加50个基点。

二、县级贴息

注册地在本县的小型、微型企业，获得“政采贷”并按期还本付息的，县财政按实际支付利息的50%给予贴息。
"""


def test_numbered_terms_of_a_product_are_one_item_and_whom_it_mostly_serves_is_no_bound():
    items = extract_policy(PRODUCT_TERMS, "terms", {"region_code": "361021"}).items
    assert [i.clause for i in items] == ["一、", "二、"]
    assert not any(c.field == "size" for c in items[0].conditions), items[0].conditions
    assert any(c.field == "tax_credit" for c in items[0].conditions)
    assert any(c.field == "size" and c.value == ("小型", "微型") for c in items[1].conditions)


def test_the_case_before_a_per_unit_award_is_the_items_requirement():
    doc = "# 某县中药材奖补通知\n\n一、基地奖补\n\n新建集中连片200亩以上标准化基地，且按规范组织生产的，每亩补助200元，单个主体最高补助20万元。\n"
    (item,) = extract_policy(doc, "per-unit", {"region_code": "621223"}).items
    texts = [c.text for c in item.conditions if c.op == "unknown"]
    assert any(t.startswith("新建集中连片200亩以上标准化基地") for t in texts), texts


def test_the_case_before_a_per_piece_award_is_the_items_requirement():
    doc = "# 某市专利资助办法\n\n一、对上年度新获得国内发明专利授权的企业，每件资助1万元，单个企业年度资助总额不超过20万元。\n"
    (item,) = extract_policy(doc, "per-piece", {"region_code": "341600"}).items
    assert "上年度新获得国内发明专利授权" in [c.text for c in item.conditions if c.op == "unknown"]


PRODUCTS_BY_OBJECT = """# 某担保公司“见贷即保”业务指引

## 一、业务对象

（一）快担通：在四平市行政区域内注册登记的小型、微型企业，上年度营业收入不超过3000万元。

（二）个体保：仅限在四平市行政区域内登记注册的个体工商户申请，企业法人不得申请本产品。

## 二、准入条件

申请两款产品的，均应当满足：

1. 持续经营满一年（含）以上；
2. 企业法定代表人或者个体工商户经营者年龄在18周岁至60周岁之间。

## 三、担保费率与额度

快担通：单户担保金额最高500万元，年化担保费率1%。

个体保：单户担保金额最高50万元，年化担保费率0.5%。
"""


def test_products_named_in_the_object_section_with_terms_of_their_own_are_items():
    items = extract_policy(PRODUCTS_BY_OBJECT, "objects", {"region_code": "220300"}).items
    assert [i.name for i in items] == ["快担通", "个体保"]
    firm, keeper = ({(c.field, c.op, c.value) for c in i.conditions} for i in items)
    assert ("size", "in", ("小型", "微型")) in firm and not any(f == "ownership" for f, _, _ in firm)
    assert ("ownership", "eq", "个体工商户") in keeper and ("ownership", "not_in", ("个体工商户",)) not in keeper
    assert all(c.text != "两款产品的，均应当满足" for i in items for c in i.conditions)


def test_a_scope_sentence_in_the_preamble_binds_every_measure_with_its_free_requirements():
    doc = ("# 某市外贸稳增长若干措施\n\n本措施支持对象为在连云港市行政区域内注册、上年度有进出口实绩的外贸企业。"
           "纳税信用等级为D级的企业，不享受本措施支持。\n\n"
           "一、企业参加境外展会的，按展位费的70%给予补助。\n\n二、企业投保短期出口信用保险的，按实缴保费的50%给予补助。\n")
    items = extract_policy(doc, "scope", {"region_code": "320700"}).items
    assert len(items) == 2
    for item in items:
        texts = [c.text for c in item.conditions if c.op == "unknown"]
        assert any(t.startswith("上年度有进出口实绩") for t in texts), texts
        assert not any("不享受" in t for t in texts)
        assert any(c.field == "tax_credit" and c.op == "not_in" for c in item.conditions)


def test_a_requirement_ends_before_the_kinds_of_applicant_it_describes():
    from recommender.text.phrases import requirement_text
    assert requirement_text("在区内实际开展经营的企业、农民专业合作社和个体工商户") == "在区内实际开展经营"
    assert requirement_text("在区内实际开展经营的企业") == "在区内实际开展经营"
    assert requirement_text("上年度有进出口实绩的企业（跨境电商企业不受进出口实绩限制）") == "上年度有进出口实绩"
    assert requirement_text("符合本细则第三条、第四条规定的企业，投保短期出口信用保险") == "投保短期出口信用保险"
    assert requirement_text("申请人拥有商标的独占使用权") == "申请人拥有商标的独占使用权"  # 申请人 is no lead-in
    from recommender.text.phrases import NOT_REQUIREMENT
    assert NOT_REQUIREMENT.search("个人种植户由所在乡镇另行统计，不在本通知奖补范围")  # persons, never a firm
    assert not NOT_REQUIREMENT.search("个体工商户不在本通知奖补范围")


SUBSIDY_TYPE_TABLE = """# 某区数字经济企业补贴办法

一、补贴项目和标准

| 补贴类型 | 适用对象 | 补贴标准 | 上限 |
|---|---|---|---|
| 初创企业房租补贴 | 成立未满3年，上年度营业收入不超过1000万元的企业 | 按实际支付租金的50%给予补贴 | 每年30万元 |
| 核心人才奖励 | 国家高新技术企业 | 按个人所得税地方留成部分的80%给予奖励 | 每人每年20万元 |
| 青年人才生活补贴 | 同上 | 每人每月发放生活补贴1000元 | 连续发放24个月 |
"""


def test_rows_of_a_subsidy_type_table_are_items_with_the_conditions_of_their_own_row():
    items = extract_policy(SUBSIDY_TYPE_TABLE, "types", {"region_code": "120116"}).items
    assert [i.name for i in items] == ["初创企业房租补贴", "核心人才奖励", "青年人才生活补贴"]
    rent, core, young = ({c.field for c in i.conditions} for i in items)
    assert {"age_years", "revenue"} <= rent and "qualifications" not in rent
    assert core == young == {"qualifications"}  # 同上: the row above's 适用对象


QA_BY_NUMBER = """# 某县个体工商户帮扶政策问答

Q1：适用对象是谁？

A：仅限在阳朔县辖区内登记注册的个体工商户。

Q2：受灾停业的有没有补助？

A：有。上年度营业额不超过120万元的个体工商户，可申请一次性纾困补助3000元。

Q3：招人有社保补贴吗？

A：有。新招用登记失业人员并为其缴纳社会保险费的，按实际缴费的百分之五十给予社会保险补贴。

Q4：水电费能补贴吗？

A：能。申请对象同Q2，按实际缴纳水电费的百分之五十给予补贴。

Q5：哪些个体工商户不能享受Q2、Q4的补助？

A：2025年1月1日以后新登记的个体工商户，不予补助。
"""


def test_numbered_questions_are_items_and_answers_refer_to_each_other_by_number():
    items = extract_policy(QA_BY_NUMBER, "qa", {"region_code": "450321"}).items
    assert [i.clause for i in items] == ["Q2", "Q3", "Q4"]
    relief, hiring, utilities = ({(c.field, c.op) for c in i.conditions} for i in items)
    assert ("established", "lt") in relief and ("established", "lt") in utilities
    assert ("established", "lt") not in hiring  # Q5 names Q2 and Q4 only
    assert ("revenue", "le") in utilities  # 申请对象同Q2
    for fields in (relief, hiring, utilities):
        assert ("ownership", "eq") in fields and ("ownership", "not_in") not in fields


ANNEX_RULES = """某县物流业发展奖励办法

一、适用范围

在清河县注册登记，从事道路货物运输或者快递服务的企业。

二、奖励措施

1、共配中心奖励。新建县级快递共配中心的，给予一次性奖励50万元。

2、首次升规奖励。首次纳入规模以上服务业统计的企业，奖励20万元。

3、A级物流企业奖励。新评为国家5A级物流企业的，奖励50万元。

三、附则

（一）本办法第1、3项奖励不适用于国有企业。

（二）申报企业上年度纳税信用等级须在M级以上。

（三）本办法自2025年5月1日起施行。
"""


def test_requirements_and_exclusions_by_item_number_in_the_closing_rules_bind_their_items():
    items = extract_policy(ANNEX_RULES, "rules", {"region_code": "130534"}).items
    assert len(items) == 3
    for n, item in enumerate(items, 1):
        assert any(c.field == "tax_credit" and c.value == ("A", "B", "M") for c in item.conditions), item.name
        state_owned = any(c.field == "ownership" and c.op == "not_in" for c in item.conditions)
        assert state_owned == (n in (1, 3)), (n, item.conditions)


def test_a_suspension_while_listed_binds_the_articles_it_names():
    doc = ("# 某区招商引资项目优惠条款\n\n第一条　用地支持。乙方按期开工的，甲方按土地出让价款的百分之三十给予扶持资金。\n\n"
           "第二条　税收奖励。乙方年度地方留成首次达到1000万元的，甲方按地方留成部分的百分之五十给予奖励。\n\n"
           "第三条　设备补助。乙方购置生产性设备的，甲方按设备投资额的百分之八给予补助。\n\n"
           "第四条　第二条至第三条所列扶持资金，在乙方被列入失信被执行人名单期间暂停兑现。\n")
    items = extract_policy(doc, "agreement", {"region_code": "421102"}).items
    assert [i.clause for i in items] == ["第一条", "第二条", "第三条"]
    listed = [any(c.field == "dishonest" for c in i.conditions) for i in items]
    assert listed == [False, True, True]


def test_a_requirement_of_every_product_but_one_named_binds_the_others():
    doc = ("# 某银行科技贷产品手册\n\n以下三款产品均要求：企业及其法定代表人近两年无不良信用记录。除“高企贷”外，申请企业成立须满2年。\n\n"
           "### 研发贷\n\n- 适用客户：科技型中小企业\n- 额度：最高500万元\n\n### 高企贷\n\n- 适用客户：高新技术企业\n- 额度：最高1000万元\n\n"
           "### 成长贷\n\n- 适用客户：成立满2年的科技型企业\n- 额度：最高300万元\n")
    items = extract_policy(doc, "products", {"region_code": "370500"}).items
    assert [i.name for i in items] == ["研发贷", "高企贷", "成长贷"]
    aged = [any(c.field == "age_years" and c.clause == "总则" for c in i.conditions) for i in items]
    assert aged == [True, False, True]
    for item in items:
        assert any(c.text == "企业及其法定代表人近两年无不良信用记录" for c in item.conditions), item.conditions


def test_an_award_given_by_trade_is_one_item_per_trade_with_that_trade():
    doc = ("# 某市商贸企业入统奖励细则\n\n第一条 本细则适用于在本市登记注册的批发零售业、住宿餐饮业企业。\n\n"
           "第二条 对首次纳入限额以上统计的企业，按行业给予一次性奖励：批发业企业奖励8万元，零售业企业奖励6万元，住宿业、餐饮业企业奖励5万元。\n")
    items = extract_policy(doc, "trades", {"region_code": "361100"}).items
    assert len(items) == 3
    trades = [[c.value for c in i.conditions if c.field == "industry" and c.clause.startswith("第二条")] for i in items]
    assert trades[:2] == [[("F51",)], [("F52",)]] and trades[2] and trades[2][0][0].startswith("H"), trades
    assert all(any(c.op == "unknown" and "限额以上" in c.text for c in i.conditions) for i in items)


def test_a_per_trade_threshold_table_gives_each_trade_item_its_row():
    doc = ("# 某市商贸企业入统奖励细则\n\n第一条 对首次纳入限额以上统计的企业，按行业给予一次性奖励：批发业企业奖励8万元，零售业企业奖励6万元。限额标准见附件。\n\n"
           "第二条 对新入统企业的流动资金贷款，按贷款利息的50%给予贴息。\n\n"
           "附件：限额以上商贸企业入统标准\n\n| 行业 | 入统标准 |\n|---|---|\n| 批发业 | 年主营业务收入2000万元及以上 |\n| 零售业 | 年主营业务收入500万元及以上 |\n")
    items = extract_policy(doc, "thresholds", {"region_code": "361100"}).items
    floors = [[c.value for c in i.conditions if c.field == "revenue"] for i in items]
    assert floors == [[2000], [500], []], floors


def test_a_conditions_paragraph_after_the_last_measure_binds_every_measure():
    doc = ("# 某市电商直播扶持措施\n\n（1）直播销售额奖励。企业年销售本地产品达到1000万元以上的，按销售额的百分之一给予奖励。\n\n"
           "（2）主播引进补贴。企业引进知名主播的，按每人每年2万元给予生活补贴。\n\n"
           "申报条件：申报主体应当在普宁市注册登记；纳税信用等级不为D级。\n")
    items = extract_policy(doc, "after-list", {"region_code": "445281"}).items
    assert len(items) == 2
    for item in items:
        fields = {(c.field, c.op) for c in item.conditions}
        assert {("region_code", "within"), ("tax_credit", "not_in")} <= fields, item.conditions


RECOGNITION_RULES = """# 某县老字号认定和扶持办法

第一条　为传承本县传统商业文化，制定本办法。

第二条　申请认定“某县老字号”的经营主体，应当同时具备下列条件：
（一）在本县行政区域内依法注册登记满5年；
（二）品牌创立时间不少于30年。

第三条　纳税信用等级为D级的，不予认定，已认定的不予扶持。

第四条　扶持措施：
（一）认定奖励。对新认定的“某县老字号”，一次性奖励5万元。
（二）门店租金补贴。老字号企业新开设门店的，按年租金的百分之五十给予补贴。
"""


def test_recognition_criteria_bind_the_reward_for_being_recognised_not_support_for_those_already_recognised():
    items = extract_policy(RECOGNITION_RULES, "brands", {"region_code": "511025"}).items
    assert [i.name for i in items] == ["认定奖励", "门店租金补贴"]
    aged = [any(c.field == "age_years" for c in i.conditions) for i in items]
    assert aged == [True, False]
    assert all(any(c.field == "tax_credit" for c in i.conditions) for i in items)


def test_full_width_digits_and_letters_read_as_their_ascii_forms_at_the_same_offsets():
    from recommender.text.extract import half_width
    raw = "第３条　对企业新授权的发明专利，每件资助５０００元。纳税信用等级不为Ｄ级，按１．５倍计算。"
    assert len(half_width(raw)) == len(raw)
    assert half_width(raw) == "第3条　对企业新授权的发明专利，每件资助5000元。纳税信用等级不为D级，按1.5倍计算。"
    doc = "# 某市知识产权资助办法\n\n第１条　申请资助的企业应当符合下列要求：纳税信用等级不为Ｄ级。\n\n" \
          "第２条　对企业上年度新授权的国内发明专利，每件资助５０００元。\n\n第３条　对新认定为国家知识产权示范企业的，一次性奖励３０万元。\n"
    items = extract_policy(doc, "wide", {"region_code": "341600"}).items
    assert [i.clause for i in items] == ["第2条", "第3条"]
    assert all(any(c.field == "tax_credit" and c.value == ("D",) for c in i.conditions) for i in items)


BOLD_LEAFLET = """# 某县应急转贷资金使用须知

县应急转贷资金用于帮助企业按期归还银行贷款。

**谁可以用**：在大田县注册登记的中型、小型、微型企业。

**用多少**：单笔不超过1000万元。

**以下情形不予支持**：
1. 被列入失信被执行人名单的；
2. 银行贷款已经逾期，或者存在欠息的；
3. 上年度纳税信用等级为C级、D级的。

**怎么申请**：企业携续贷意见书到县中小企业服务中心提出申请。
"""


def test_bold_labels_of_a_leaflet_head_its_sections_and_a_refusal_label_heads_its_list():
    (item,) = extract_policy(BOLD_LEAFLET, "leaflet", {"region_code": "350425"}).items
    found = {(c.field, c.op) for c in item.conditions}
    assert {("region_code", "within"), ("size", "in"), ("dishonest", "eq"), ("tax_credit", "not_in")} <= found
    assert any(c.op == "unknown" and "逾期" in c.text for c in item.conditions), item.conditions
    assert item.clause != "1."  # a refused case is no item
    assert {c.clause for c in item.conditions if c.field in ("region_code", "size")} == {"谁可以用"}


def test_a_labelled_subsidy_standard_line_of_a_guide_is_an_offer():
    doc = ("# 某市补贴办事指南\n\n## 服务事项一：技能提升补贴申领\n\n办理对象：参加失业保险的企业职工\n补贴标准：取得初级证书的，补贴1000元。\n\n"
           "## 服务事项二：学徒制培训补贴申领\n\n办理对象：在永州市依法登记注册的企业\n补贴标准：每人每年5000元。\n")
    items = extract_policy(doc, "guide", {"region_code": "431100"}).items
    assert len(items) == 2
    assert any(c.field == "region_code" for c in items[1].conditions)


def test_a_defined_applicant_term_binds_every_item_and_a_voluntary_application_is_no_requirement():
    doc = ("# 某市知识产权资助办法\n\n第1条 本办法所称资助对象，是指在亳州市行政区域内注册登记的企业。均可自愿申请，不附带任何资金支持。\n\n"
           "第2条 对企业新授权的发明专利，每件资助5000元。\n\n第3条 对新认定为知识产权示范企业的，一次性奖励30万元。\n")
    items = extract_policy(doc, "whom", {"region_code": "341600"}).items
    assert len(items) == 2
    for item in items:
        assert any(c.field == "region_code" and c.value == "341600" for c in item.conditions), item.conditions
        assert not any("自愿" in c.text or "不附带" in c.text for c in item.conditions)


def test_a_sentence_naming_the_measures_above_by_number_binds_only_them():
    doc = ("# 某市稳外资若干措施\n\n一、**奖励新设外资项目。** 对新设立的外商投资企业，按实际使用外资金额给予奖励，最高500万元。\n\n"
           "二、**鼓励增资扩产。** 对外商投资企业增资扩产的，按新增实际使用外资金额给予奖励，最高300万元。\n\n"
           "以上第一、二条所述企业须在北海市注册。\n\n"
           "三、**支持外资企业融资。** 对外商投资企业取得的固定资产贷款，按实际支付利息的百分之五十给予贴息。\n")
    items = extract_policy(doc, "above", {"region_code": "450500"}).items
    assert len(items) == 3
    registered = [any(c.field == "region_code" for c in i.conditions) for i in items]
    assert registered == [True, True, False]


def test_an_inline_list_of_requirements_for_applicants_binds_every_item_in_full():
    doc = ("# 某市知识产权资助办法\n\n第1条 为鼓励创新，制定本办法。\n\n"
           "第2条 申请资助的企业应当符合下列要求：纳税信用等级不为D级；未被列入失信被执行人名单；近两年内无非正常专利申请行为。\n\n"
           "第3条 对企业新授权的发明专利，每件资助5000元。\n\n第4条 对新认定为知识产权示范企业的，一次性奖励30万元。\n")
    items = extract_policy(doc, "inline", {"region_code": "341600"}).items
    assert len(items) == 2
    for item in items:
        assert any(c.op == "unknown" and c.text == "近两年内无非正常专利申请行为" for c in item.conditions), item.conditions


def test_the_closing_paragraph_after_a_top_level_list_leaves_the_last_entry_its_exclusions():
    doc = ("牡丹江市纾困措施\n\n本措施适用于在牡丹江市登记注册的个体工商户。\n\n"
           "(1)租金减免。承租国有经营用房的个体工商户，减免3个月租金。\n\n"
           "(2)稳岗补助。按每名参保职工500元给予一次性稳岗补助。\n\n"
           "(3)有下列情形之一的，不享受本措施：被列入失信被执行人名单的；从事娱乐业的。\n\n"
           "本措施自印发之日起施行，有效期至2026年6月30日。\n")
    policy = extract_policy(doc, "closing", {"region_code": "231000"})
    assert len(policy.items) == 2 and policy.valid_until == "2026-06-30"
    for item in policy.items:
        keys = {c.key() for c in item.conditions}
        assert ("eq", "dishonest", False) in keys and ("not_in", "industry", ("R90",)) in keys, keys


@pytest.mark.parametrize("clawback", [
    "自首次获得扶持之日起五年内迁出本区的，应当退回已获得的扶持资金。",
    "企业获得奖励后三年内注销的，须全额退还已领取的奖励资金。",
])
def test_paying_back_support_on_leaving_is_a_sanction_not_a_requirement(clawback):
    doc = f"# 某区楼宇经济办法\n\n第一条 对入驻重点楼宇的企业给予租金补贴。\n\n第二条 {clawback}\n"
    (item,) = extract_policy(doc, "clawback", {"region_code": "310101"}).items
    assert not any(c.op == "unknown" for c in item.conditions), item.conditions


WECHAT_PRODUCT = """# 科创贷｜把专利变成生产线

手里有专利、缺一笔钱？这款贷款为你准备👇

🎯适用客群

在南宁市注册登记、正在实施科技成果转化项目的企业。

✅准入条件

① 企业成立满1年（含）；

② 拥有有效发明专利至少1件；

③ 房地产、金融类企业暂不准入。

💰产品要素

💡额度：单户最高500万元

📞联系方式

请前往本行各营业网点办理。
"""


def test_pictograph_headed_lines_of_a_wechat_article_are_its_sections():
    (item,) = extract_policy(WECHAT_PRODUCT, "wechat", {"region_code": "450100"}).items
    keys = {c.key() for c in item.conditions}
    assert {("within", "region_code", "450100"), ("ge", "age_years", 1), ("ge", "invention_patents", 1),
            ("not_in", "industry", ("J", "K"))} <= keys, keys
    assert any(c.op == "unknown" and "科技成果转化项目" in c.text for c in item.conditions)


def test_offers_to_kinds_of_applicant_after_a_lead_in_take_the_duties_stated_after_them():
    doc = ("# 某县初加工设施补助办法\n\n第一条 为了补齐短板，制定本办法。\n\n"
           "第二条 补助标准按主体类型分别确定：对农民专业合作社，按投资额的30%给予补助；对家庭农场，按投资额的25%给予补助；"
           "对企业，按投资额的20%给予补助。申请本条补助的农民专业合作社应当为县级以上示范社，家庭农场应当纳入县级家庭农场名录；"
           "企业上年度营业收入应当不低于300万元。\n\n第三条 对企业贷款给予贴息。\n")
    items = extract_policy(doc, "kinds", {"region_code": "430923"}).items
    assert [i.clause for i in items] == ["第二条第1句", "第二条第2句", "第二条第3句", "第三条"]
    unknowns = [[c.text for c in i.conditions if c.op == "unknown"] for i in items]
    assert any("县级以上示范社" in t for t in unknowns[0]) and not any("名录" in t for t in unknowns[0])
    assert any("家庭农场名录" in t for t in unknowns[1]) and not any("示范社" in t for t in unknowns[1])
    assert [c.key() for c in items[2].conditions if c.field == "revenue"] == [("ge", "revenue", 300)]
    assert not any(c.field == "revenue" for i in (items[0], items[1], items[3]) for c in i.conditions)
    assert not unknowns[3]  # the sentence speaks for its own article's offers only


def test_how_the_offers_cut_from_a_line_are_paid_is_no_requirement_of_theirs():
    doc = ("# 某县梯度培育奖励\n\n一、对首次被评价为创新型中小企业的，一次性奖励3万元；对首次被认定为省级专精特新中小企业的，"
           "一次性奖励15万元。同一企业在同一年度内晋级的，按照就高原则兑现。\n")
    for item in extract_policy(doc, "paid", {"region_code": "350823"}).items:
        assert not any("晋级" in c.text for c in item.conditions), item.conditions


SHARED_BLOCK_AFTER_PRODUCTS = """某农商银行产品手册节选

【产品一】科创贷
专属条件：国家高新技术企业。
授信额度：单户最高800万元

【产品二】首贷通
专属条件：在任何金融机构均无贷款记录的首贷户。
授信额度：单户最高200万元

共同准入条件（适用于以上两款产品）
1. 在龙岩市辖区内依法登记注册；
2. 企业及其法定代表人未被列入失信被执行人名单，在人民银行征信系统中无当前逾期；
3. 不从事房地产业、金融业。

办理渠道：各营业网点。
"""


def test_a_shared_block_after_the_last_product_binds_every_product():
    items = extract_policy(SHARED_BLOCK_AFTER_PRODUCTS, "shared", {"region_code": "350800"}).items
    assert len(items) == 2
    for item in items:
        keys = {c.key() for c in item.conditions}
        assert {("within", "region_code", "350800"), ("eq", "dishonest", False),
                ("not_in", "industry", ("J", "K"))} <= keys, keys
        assert any(c.op == "unknown" and "无当前逾期" in c.text for c in item.conditions)
    assert ("has", "qualifications", "高新技术企业") not in {c.key() for c in items[1].conditions}


def test_a_section_giving_its_rate_and_cap_by_a_table_is_an_item():
    doc = ("# 某市技术改造补助细则\n\n## 一、适用范围\n\n本细则适用于在宣城市登记注册的制造业企业。\n\n## 二、设备投资补助\n\n"
           "项目设备投资额在300万元以上（含）。补助比例和上限按下表执行：\n\n| 设备投资额 | 补助比例 | 单个项目上限 |\n|---|---|---|\n"
           "| 300万元（含）至1000万元 | 8% | 60万元 |\n| 1000万元（含）以上 | 10% | 300万元 |\n\n"
           "补助比例最高10%，单个项目补助最高300万元。\n\n## 三、技改贷款贴息\n\n企业取得技改项目贷款的，按贷款额的2%给予贴息。\n")
    items = extract_policy(doc, "table-rate", {"region_code": "341800"}).items
    assert [i.clause for i in items] == ["二、", "三、"]


PRESS_BRIEFING = """某市促消费举措新闻发布会实录

主持人：各位记者朋友，大家上午好！首先请王局长介绍总体情况。

王局长：凡是在晋中市行政区域内登记注册的商贸企业都可以关注。被列入失信被执行人名单的企业，下面讲到的资金支持都不能申请。

山西日报记者：请问对商贸企业做大规模，有没有奖励？

王局长：有的。对限额以上批发和零售业企业，今年销售额同比增长百分之十以上的，按增量部分的千分之五给予奖励。

晋中日报记者：住宿餐饮这一块呢？

王局长：住宿和餐饮业企业今年首次纳入限额以上统计的，一次性奖励5万元。
"""


def test_each_reporters_question_at_a_press_briefing_heads_the_answer_that_offers():
    items = extract_policy(PRESS_BRIEFING, "press", {"region_code": "140700"}).items
    assert len(items) == 2
    industries = [[c.value for c in i.conditions if c.field == "industry"] for i in items]
    assert industries == [[("F",)], [("H",)]]
    for item in items:  # the opening remarks bind every answer's support
        assert {("within", "region_code", "140700"), ("eq", "dishonest", False)} <= {c.key() for c in item.conditions}


def test_paying_out_by_a_grade_or_a_standard_offers_something():
    doc = ("# 某区人才住房补贴通知\n\n一、补贴申领\n\n（一）购房补贴。人才在岳麓区首次购买商品住房的，按上表类别一次性发放。\n\n"
           "（二）租房补贴。人才在岳麓区租房居住且未享受购房补贴的，按上表类别按月发放。\n\n"
           "二、申报方式\n\n用人单位每季度首月集中申报，审核后按季度发放。\n")
    items = extract_policy(doc, "pay-out", {"region_code": "430104"}).items
    assert [i.clause for i in items] == ["一、（一）", "一、（二）"]


QA_NAMED_SUBSIDIES = """# 吸纳就业补贴政策问答

问：哪些单位可以申领一次性吸纳就业补贴？

答：中小微企业招用登记失业人员的，可以申领。劳务派遣单位不得申领一次性吸纳就业补贴。

问：一次性吸纳就业补贴的标准是多少？

答：按每招用1人1000元的标准发放。

问：用人单位招用就业困难人员，社会保险补贴怎么算？

答：各类用人单位招用就业困难人员并缴纳社会保险费的，按单位实际缴纳的社会保险费给予补贴。
"""


def test_a_question_naming_a_subsidy_binds_the_answer_that_gives_that_subsidy_only():
    first, second = extract_policy(QA_NAMED_SUBSIDIES, "qa-named", {"region_code": "222400"}).items
    assert {("in", "size", ("中型", "小型", "微型")), ("not_in", "industry", ("L7263",))} <= {c.key() for c in first.conditions}
    assert not any(c.field in ("size", "industry") for c in second.conditions), second.conditions


def test_an_answer_whose_conditions_are_as_above_takes_the_answer_befores_but_its_own_applicant():
    doc = ("# 社会保险补贴问答\n\n问：小微企业招用高校毕业生，可以享受社会保险补贴吗？\n\n"
           "答：可以。小型微型企业招用高校毕业生，签订1年以上劳动合同并为其足额缴纳社会保险费的，按实际缴费给予补贴。\n\n"
           "问：个体工商户招用高校毕业生，能申请社会保险补贴吗？\n\n"
           "答：能。个体工商户招用高校毕业生的，申请条件同上，补贴标准和期限与小型微型企业相同。\n")
    first, second = extract_policy(doc, "as-above", {"region_code": "222400"}).items
    taken = [c.text for c in first.conditions if c.op == "unknown"]
    assert taken and all(t in [c.text for c in second.conditions] for t in taken)
    assert ("eq", "ownership", "个体工商户") in {c.key() for c in second.conditions}
    assert not any(c.field == "size" for c in second.conditions)


def test_an_articles_bracketed_title_is_no_part_of_its_case_or_requirements():
    doc = ("# 某市专利转化奖补办法\n\n第五条【专利转让许可奖励】企业受让高等学校的发明专利，并在本市实现产业化的，"
           "按技术合同成交额的20%给予奖励。\n\n第六条【开放许可补助】中小企业实施开放许可专利的，按许可使用费的30%给予补助。\n\n"
           "第十条【申报主体】申报第五条、第六条奖补的，应当是在湛江市登记注册的企业，且同一企业获得本办法各项奖补合计不超过100万元。\n")
    first, second = extract_policy(doc, "titled", {"region_code": "440800"}).items
    unknowns = [c.text for c in first.conditions if c.op == "unknown"]
    assert any("在本市实现产业化" in t for t in unknowns), unknowns
    for item in (first, second):
        assert ("within", "region_code", "440800") in {c.key() for c in item.conditions}
        assert not any("【" in c.text or "合计不超过" in c.text for c in item.conditions), item.conditions


def test_asking_the_reader_to_read_the_notes_is_no_requirement():
    doc = ("# 某县应急转贷资金使用须知\n\n致全县中小微企业朋友：\n\n县应急转贷资金用于帮助企业衔接续贷。使用前请仔细阅读本须知。\n\n"
           "**谁可以用**：在大田县注册登记的中小企业。\n\n**用多少**：单笔不超过1000万元。\n")
    for item in extract_policy(doc, "notes", {"region_code": "350425"}).items:
        assert not any("须知" in c.text for c in item.conditions), item.conditions


IP_PLEDGE_RULES = """# 某区知识产权质押融资贴息办法

第一章 总则

第一条 为拓宽融资渠道，制定本办法。

第二章 支持对象和贷款条件

第三条 申请贷款的企业应当同时符合下列条件：

（一）在赛罕区注册登记；

（二）未被列为失信被执行人。

第四条 合作银行对符合条件的企业，单户知识产权质押贷款额度原则上不超过1000万元，期限不超过3年。

第三章 贴息

第五条 企业按期还本付息后，按实际支付利息的百分之四十给予贴息。
"""


def test_a_loans_terms_under_a_conditions_chapter_are_the_loan_and_the_chapters_conditions_bind_every_item():
    loan, subsidy = extract_policy(IP_PLEDGE_RULES, "ip-pledge", {"region_code": "150105"}).items
    assert (loan.clause, loan.kind) == ("第四条", "credit") and subsidy.clause in ("第三章", "第五条")
    assert not any(c.op == "unknown" for c in loan.conditions), loan.conditions  # 对符合条件的企业 is no requirement
    for item in (loan, subsidy):
        assert {("within", "region_code", "150105"), ("eq", "dishonest", False)} <= {c.key() for c in item.conditions}


CHECKLIST_NOTICE = """# 关于开展在孵小微企业创业补贴申领工作的通知

请各载体对照下列清单组织企业自查。

**申领企业须逐项符合（✔）：**

✔ 在闵行区注册登记；

✔ 依法诚信经营，财务管理制度健全。

**有下列情形之一的，不予补贴（✘）：**

✘ 从事房地产业、金融业的企业；

✘ 纳税信用等级为D级的；

✘ 同一年度已享受市级同类场地补贴的（此项仅适用于场地租金补贴）。

**补贴项目：**

1. 场地租金补贴：按实际租金的百分之六十给予补贴。

2. 创业带动就业补贴：每吸纳一人补贴三千元。
"""


def test_a_checklist_under_bold_labels_gives_requirements_and_exclusions_for_every_item():
    items = extract_policy(CHECKLIST_NOTICE, "checklist", {"region_code": "310112"}).items
    assert len(items) == 2
    for item in items:
        keys = {c.key() for c in item.conditions}
        assert {("within", "region_code", "310112"), ("not_in", "industry", ("J", "K")),
                ("not_in", "tax_credit", ("D",))} <= keys, keys
        assert not any("✔" in c.text or "✘" in c.text for c in item.conditions)
        assert "依法诚信经营" in item.assumed or not any(c.text == "依法诚信经营" and c.op != "unknown" for c in item.conditions)


FAQ_TABLE = """# 某市招商引资奖励兑现常见问题

| 问题 | 解答 |
|---|---|
| 哪些企业可以申请本表所列奖励？ | 项目须由在安阳市行政区域内新设立的企业承接，且未被列入失信被执行人名单。 |
| 制造业项目投资到位后能拿到多少奖励？ | 新引进的制造业项目竣工投产的，按实际完成固定资产投资额的百分之二给予奖励。 |
| 新落地项目向银行借款能否贴息？ | 可以。新落地项目使用本市银行发放的固定资产贷款的，按实际支付利息的百分之五十给予贴息。 |
| 已经签了协议还能申请吗？ | 已与市政府签订投资协议并约定专项支持的项目，不再享受本表所列奖励。 |
| 什么时候申报？ | 每年3月和9月集中受理。 |
"""


def test_each_answer_of_a_faq_table_that_offers_is_an_item_and_the_scope_answers_bind_them_all():
    items = extract_policy(FAQ_TABLE, "faq", {"region_code": "410500"}).items
    assert [i.kind for i in items] == ["incentive", "credit"]
    for item in items:
        assert {("within", "region_code", "410500"), ("eq", "dishonest", False)} <= {c.key() for c in item.conditions}
        assert any(c.op == "unknown" and "签订投资协议" in c.text for c in item.conditions), item.conditions


def test_bold_numbered_services_are_items_and_renewal_offered_is_credit():
    doc = ("# 某市首贷续贷服务中心服务指南\n\n中心提供以下服务，申请企业均须未被列入失信被执行人名单。\n\n"
           "**服务一　首贷培植**：服务对象为此前从未在银行取得贷款的小型微型企业。首贷单户额度最高三百万元，期限一年。\n\n"
           "**服务二　续贷直通**：服务对象为流动资金贷款将在三个月内到期的中小微企业。符合条件的可办理无需先还本的续贷。\n")
    items = extract_policy(doc, "services", {"region_code": "610500"}).items
    assert [(i.clause, i.kind) for i in items] == [("服务一", "credit"), ("服务二", "credit")]
    assert ("eq", "has_bank_loan", False) in {c.key() for c in items[0].conditions}
    assert ("eq", "has_bank_loan", False) not in {c.key() for c in items[1].conditions}


def test_an_annex_after_the_last_article_is_no_part_of_it_and_its_exclusions_bind_every_item():
    doc = ("# 某县文化旅游消费奖励办法\n\n第一条 为激发消费活力，制定本办法。\n\n"
           "第二条 旅行社组织县外游客来县住宿的，按每人次二十元给予奖励。\n\n"
           "第三条 住宿企业营业收入增长百分之十五以上的，给予五万元奖励。\n\n"
           "第四条 本办法自发布之日起施行。\n\n附件：不予奖励情形\n\n一、被列入失信被执行人名单的；\n二、纳税信用等级为D级的。\n")
    items = extract_policy(doc, "annex", {"region_code": "341023"}).items
    assert len(items) == 2
    for item in items:
        assert {("eq", "dishonest", False), ("not_in", "tax_credit", ("D",))} <= {c.key() for c in item.conditions}


def test_a_guides_quote_labels_and_question_headings_are_no_requirements():
    doc = ("# 研发费用加计扣除政策辅导\n\n## 一、费用化的研发支出怎么扣\n\n> 原文：企业开展研发活动中实际发生的研发费用，"
           "在按规定据实扣除的基础上，再按照实际发生额的100%在税前加计扣除。\n\n白话：企业实行查账征收的才能享受。\n\n"
           "## 二、哪些行业不能享受\n\n> 原文：烟草制造业、房地产业不适用税前加计扣除政策。\n\n白话：上面的优惠都受这条限制。\n")
    (item,) = extract_policy(doc, "guide", {"region_code": "370000"}).items
    texts = [c.text for c in item.conditions if c.op == "unknown"]
    assert not any("原文" in t or "不能享受" in t or "限制" in t for t in texts), texts
    assert ("not_in", "industry", ("C16", "K")) in {c.key() for c in item.conditions}


def test_an_inline_whom_label_of_a_product_entry_is_no_requirement():
    doc = ("# 绿色信贷产品说明\n\n## 产品A\n\n一、产品名称：生态共富贷\n\n二、适用客户：在丽水市辖内注册登记的中小微企业。\n\n"
           "三、额度期限：单户额度最高五百万元，期限最长三年。\n")
    (item,) = extract_policy(doc, "whom-label", {"region_code": "331100"}).items
    assert not any("适用客户" in c.text for c in item.conditions), item.conditions
    assert ("within", "region_code", "331100") in {c.key() for c in item.conditions}


def test_the_case_before_a_refusal_in_a_closing_section_binds_every_item():
    doc = ("# 某区升限入库奖励办法\n\n一、奖励措施\n\n（一）入库奖励。首次纳入限额以上统计的，给予一次性奖励10万元。\n\n"
           "（二）增长奖励。入库次年营业收入增速不低于百分之十五的，奖励5万元。\n\n二、其他\n\n"
           "存在严重违法失信行为的企业，不予奖励。企业须逐项勾选自查表，任一项勾选“否”的，不予受理。\n")
    items = extract_policy(doc, "closing-refusal", {"region_code": "410105"}).items
    assert len(items) == 2
    for item in items:
        texts = [c.text for c in item.conditions if c.op == "unknown"]
        assert any("严重违法失信行为" in t for t in texts), texts
        assert not any("勾选" in t for t in texts), texts


def test_a_refusal_among_the_closing_provisions_binds_every_item():
    text = ("某县茶产业扶持办法\n\n一、支持基地建设\n\n1. 对新建标准化茶园的经营主体，每亩一次性补助800元。\n\n"
            "2. 对实施低产茶园改造的，每亩补助300元。\n\n五、附则\n\n1. 被列为失信被执行人的经营主体，不享受本办法扶持。\n\n"
            "2. 本办法由县茶业发展局负责解释。\n")
    items = extract_policy(text, "tea", {}).items
    assert len(items) == 2
    assert all(("eq", "dishonest", False) in {(c.op, c.field, c.value) for c in i.conditions} for i in items)


def test_a_products_introduction_is_no_item_beside_the_section_stating_its_terms():
    text = ("# “惠农担”产品介绍\n\n## 一、产品简介\n\n“惠农担”是本公司联合合作银行推出的政策性融资担保产品。\n\n"
            "## 二、服务对象\n\n从事农业生产经营的小微企业。\n\n## 三、产品要素\n\n**担保额度**：单户担保额度10万元至300万元。\n\n"
            "**担保费率**：年担保费率不超过0.8%。\n")
    items = extract_policy(text, "guarantee", {}).items
    assert [(i.clause, i.kind) for i in items] == [("三、", "credit")]


STANDARD_LISTS = """某市绿色技改贴息通知

一、支持内容

（1）固定资产贷款贴息。企业申请固定资产贷款的，按贷款合同利率的百分之五十给予贴息。

（2）融资租赁租息补贴。企业以融资租赁方式购置节能设备的，按实际支付租息的百分之四十给予补贴。

二、申报条件

申报企业应当同时符合下列条件：

a) 在本市注册登记的工业企业；

b) 纳税信用等级为A级或者B级。

申报融资租赁租息补贴的，还应当符合：

c) 租赁期限不少于两年。

三、不予支持的情形

有下列情形之一的，不予支持：

1) 企业被列入失信被执行人名单的；

2) 企业近两年内受到生态环境部门行政处罚的。
"""


def test_lettered_and_half_bracketed_lists_are_clauses_and_a_sublist_binds_the_item_it_names():
    labels = [c.address for c in parse_structure(STANDARD_LISTS).clauses]
    assert {"二、a)", "二、b)", "三、1)", "三、2)"} <= set(labels)
    first, second = (i.conditions for i in extract_policy(STANDARD_LISTS, "green", {"region_code": "410800"}).items)
    texts = [{c.text for c in conds} for conds in (first, second)]
    assert "租赁期限不少于两年" in texts[1] and "租赁期限不少于两年" not in texts[0]
    assert not any("应当符合" in t for t in texts[1])
    for conds in (first, second):
        keys = {(c.op, c.field, c.value) for c in conds}
        assert ("in", "tax_credit", ("A", "B")) in keys and ("eq", "dishonest", False) in keys


def test_notes_under_a_table_bind_the_rows_they_name_and_every_row_the_rest():
    text = ("某区促进商贸消费奖励通知\n\n| 序号 | 奖励项目 | 奖励条件及标准 |\n|---|---|---|\n"
            "| 1 | 零售增长奖 | 零售企业年零售额增长10%以上的，给予10万元奖励 |\n"
            "| 2 | 餐饮提质奖 | 餐饮企业年营业额增长10%以上的，给予20万元奖励 |\n"
            "| 3 | 新增限上奖 | 首次纳入限额以上统计的住宿餐饮企业，一次性奖励5万元 |\n\n"
            "注：1. 申报企业须在龙华区注册，且第1至2项仅限已纳入限额以上统计的企业申报。\n\n"
            "2. 新开业未满一年的企业不参与第1项评选。\n")
    items = extract_policy(text, "notes", {"region_code": "460106"}).items
    keys = [{(c.op, c.field, c.value) for c in i.conditions} for i in items]
    texts = [{c.text for c in i.conditions} for i in items]
    assert all(("within", "region_code", "460106") in k for k in keys)  # the phrase before 且 binds every row
    assert all(any("已纳入限额以上统计" in t for t in texts[n]) for n in (0, 1))
    assert not any("已纳入" in t for t in texts[2])
    assert ("ge", "age_years", 1) in keys[0] and not any(c.field == "age_years" for i in items[1:] for c in i.conditions)


def test_a_case_noted_as_applying_to_one_item_binds_that_item_alone():
    text = ("某区创业补贴通知\n\n**有下列情形之一的，不予补贴：**\n\n✘ 纳税信用等级为D级的；\n\n"
            "✘ 同一年度已享受市级同类场地补贴的（此项仅适用于场地租金补贴）。\n\n**补贴项目：**\n\n"
            "1. 场地租金补贴：按实际租金的百分之六十给予补贴，每年不超过八万元。\n\n"
            "2. 创业带动就业补贴：每吸纳一人补贴三千元。\n")
    items = extract_policy(text, "incubator", {}).items
    assert len(items) == 2
    texts = [{c.text for c in i.conditions} for i in items]
    assert any("同类场地补贴" in t for t in texts[0]) and not any("同类场地补贴" in t for t in texts[1])
    assert all(("not_in", "tax_credit", ("D",)) in {(c.op, c.field, c.value) for c in i.conditions} for i in items)


def test_the_case_before_an_offer_stated_per_head_or_per_loan_is_a_requirement():
    text = ("某区在孵企业补贴通知\n\n**补贴项目：**\n\n"
            "1. 创业带动就业补贴：在孵企业吸纳本市户籍劳动者就业满六个月的，每吸纳一人补贴三千元。\n\n"
            "2. 孵化贷贴息：在孵企业获得合作银行“孵化贷”的，单户贷款额度最高二百万元，区财政按贷款利率的百分之五十贴息。\n")
    items = extract_policy(text, "incubator", {}).items
    assert len(items) == 2
    assert any("劳动者就业满六个月" in c.text for c in items[0].conditions)
    assert any("孵化贷" in c.text for c in items[1].conditions)


EMOJI_QA = """📢 三项政策一次看懂

━━━━━━━━━━
1️⃣ 首次贷款贴息

❓ 谁可以申请？
💡 注册地在集美区的小型、微型企业，此前没有任何银行贷款记录。成立不满一年的新企业也可以申请哦～

❓ 哪些情况不行？
💡 房地产业、金融业企业不在范围内。

💰 补多少？
💡 按贷款实际付息的百分之五十贴息，每户最多贴5万元。

━━━━━━━━━━
2️⃣ 研发投入奖励

❓ 谁可以申请？
💡 在集美区注册的高新技术企业。

💰 补多少？
💡 按研发费用增量部分的10%给予奖励，最高50万元。
"""


def test_keycap_numbered_sections_with_emoji_questions_are_items_with_their_own_answers():
    items = extract_policy(EMOJI_QA, "emoji", {"region_code": "350211"}).items
    assert [i.name for i in items] == ["首次贷款贴息", "研发投入奖励"]
    first, second = ({(c.op, c.field, c.value) for c in i.conditions} for i in items)
    assert ("in", "size", ("小型", "微型")) in first and ("eq", "has_bank_loan", False) in first
    assert ("not_in", "industry", ("J", "K")) in first or ("not_in", "industry", ("K", "J")) in first
    assert not any(f == "age_years" for _, f, _ in first)  # 也可以申请: let in too, not required
    assert ("has", "qualifications", "高新技术企业") in second and not any(f == "size" for _, f, _ in second)


def test_an_infographic_s_circled_entries_are_items_and_their_arrow_labels_state_whom_they_are_for():
    text = ("一图读懂｜某县返乡创业扶持政策\n\n◎ 一次性创业补贴\n→ 对象：返乡入乡创业人员首次创办的创业实体\n"
            "→ 条件：成立满1年未满3年，带动就业3人以上\n→ 标准：每户补贴5000元\n\n"
            "◎ 创业场地租金补贴\n→ 对象：入驻县级创业孵化基地的创业实体\n→ 标准：按实际租金50%补贴，每户每年最高1万元\n")
    items = extract_policy(text, "infographic", {}).items
    assert [i.name for i in items] == ["一次性创业补贴", "创业场地租金补贴"]
    first, second = ({c.text for c in i.conditions} for i in items)
    assert "返乡入乡创业人员首次创办的创业实体" in first and "入驻县级创业孵化基地的创业实体" in second
    assert "带动就业3人以上" in first and not any("孵化基地" in t for t in first)


PLEDGE = """某区政策兑现企业承诺书

本企业申请以下扶持事项（请在所申请事项前打√）：
□ 经营贡献奖励：按企业上年度区级经济贡献增量的20%给予奖励，最高1000万元；
□ 研发投入补助：按上年度研发费用的5%给予补助，最高200万元。

本企业郑重承诺：
□ 在本区注册并在本区纳税；
□ 上一年度研发费用占营业收入的比例达到百分之三以上（仅申请研发投入补助时勾选）；
□ 未被列为失信被执行人。

以上承诺如有不实，本企业愿意退回已获扶持资金。

企业名称（盖章）：
法定代表人（签字）：
"""


def test_a_pledge_form_s_tick_boxes_are_its_items_and_the_promises_their_conditions():
    items = extract_policy(PLEDGE, "pledge", {"region_code": "440112"}).items
    assert [i.name for i in items] == ["经营贡献奖励", "研发投入补助"]
    first, second = ({(c.op, c.field) for c in i.conditions} for i in items)
    assert {("within", "region_code"), ("eq", "dishonest")} <= first & second
    assert ("ge", "rd_ratio") in second and ("ge", "rd_ratio") not in first  # 仅申请研发投入补助时勾选
    assert not any("签字" in c.text or "不实" in c.text for i in items for c in i.conditions)


def test_square_marked_headings_and_entries_numbered_in_words_with_their_name_on_the_line():
    text = ("某市专利导航项目资助办法\n\n■ 资助对象\n\n在本市注册登记的企业，可以申请本办法资助。\n\n■ 资助项目\n\n"
            "第一项 专利导航分析资助。企业开展专利导航分析的，按服务合同金额的50%给予资助，最高不超过20万元。\n\n"
            "第二项 专利权质押融资贴息。企业以专利权质押方式获得银行贷款的，按实际支付利息的40%给予贴息。\n\n"
            "■ 附则\n\n本办法自2025年4月1日起施行。\n")
    structure = parse_structure(text)
    roots = [c.heading for c in structure.clauses if c.parent is None]
    assert roots[:2] == ["资助对象", "资助项目"]
    items = extract_policy(text, "patent", {"region_code": "340400"}).items
    assert [(i.clause, i.name, i.kind) for i in items] == [
        ("第一项", "专利导航分析资助", "incentive"), ("第二项", "专利权质押融资贴息", "credit")]
    assert all(("within", "region_code", "340400") in {(c.op, c.field, c.value) for c in i.conditions} for i in items)


def test_a_sheet_of_key_bar_value_lines_under_bracket_numbered_products():
    text = ("某银行科技人才贷款产品说明\n\n【一】科技人才贷\n\n对象｜在海淀区注册、成立满1年的科技型中小企业\n额度｜最高500万元\n"
            "期限｜最长不超过3年\n准入｜企业无逾期欠税；纳税信用等级为A级、B级或者M级\n不支持｜企业被列为失信被执行人的；从事房地产开发经营的企业\n\n"
            "【二】人才创业贷\n\n对象｜在海淀区注册、成立未满3年的小型、微型企业\n额度｜单户最高300万元\n不支持｜同【一】\n")
    items = extract_policy(text, "sheet", {"region_code": "110108"}).items
    assert [(i.clause, i.name, i.kind) for i in items] == [("【一】", "科技人才贷", "credit"), ("【二】", "人才创业贷", "credit")]
    first, second = ({(c.op, c.field, c.value) for c in i.conditions} for i in items)
    assert {("has", "qualifications", "科技型中小企业"), ("in", "tax_credit", ("A", "B", "M")),
            ("eq", "dishonest", False), ("not_in", "industry", ("K7010",))} <= first
    assert ("in", "size", ("小型", "微型")) in second and ("in", "tax_credit", ("A", "B", "M")) not in second
    assert not any(c.text.startswith(("额度", "期限")) for i in items for c in i.conditions)
    assert any("无逾期欠税" in c.text for c in items[0].conditions)  # 准入｜…: every line of it is required
    assert {("eq", "dishonest", False), ("not_in", "industry", ("K7010",))} <= second  # 不支持｜同【一】


def test_a_tier_naming_its_measure_stays_with_its_offer_and_a_bold_lead_may_open_the_text():
    text = ("**支持外综服平台做大规模。** 对经认定的外贸综合服务企业①，上一年度出口额达到1亿美元以上、服务中小微外贸主体200家以上的，"
            "给予一次性奖励50万元；出口额达到3亿美元以上的，奖励100万元。\n\n"
            "**降低出口费用。** 中小微外贸主体通过平台办理通关的，按服务费的30%给予补助。\n")
    items = extract_policy(text, "bold", {}).items  # (the first line is an entry: no title line before it)
    assert [i.name for i in items] == ["支持外综服平台做大规模", "降低出口费用"]


FOOTNOTED = """某市支持外贸综合服务发展的若干意见

**降低出口费用。** 中小微外贸主体②通过外贸综合服务平台办理通关服务的，按平台服务费的30%给予补助，每家每年最高10万元。

**鼓励建设公共海外仓④。** 本市企业新建公共海外仓的，按实际投入的20%给予补助，单个项目最高200万元。

以上政策不适用于从事房地产业的企业。

注释：
②指在义乌市注册登记、上一年度出口额在1000万美元以下的企业。
④指服务本市外贸主体不少于50家的海外仓。
"""


def test_footnotes_bind_the_items_carrying_their_marker_and_a_closing_paragraph_binds_every_entry():
    items = extract_policy(FOOTNOTED, "notes", {"region_code": "330782"}).items
    assert len(items) == 2
    first, second = ({(c.op, c.field, c.value) for c in i.conditions} for i in items)
    texts = [{c.text for c in i.conditions} for i in items]
    assert ("within", "region_code", "330782") in first and ("within", "region_code", "330782") not in second
    assert any("不少于50家" in t for t in texts[1]) and not any("不少于50家" in t for t in texts[0])
    assert all(("not_in", "industry", ("K",)) in keys for keys in (first, second))


def test_firms_listed_as_refused_on_one_line_are_each_left_out_and_the_catalogue_exclusion_is_assumed():
    text = ("某县招商引资优惠政策\n\n第一部分 适用范围\n\n本政策适用于在本县新注册的企业。下列企业或者项目不适用本政策：房地产开发经营企业；"
            "列入国家产业结构调整指导目录限制类、淘汰类的项目；县内现有企业变更名称后重新注册的企业。\n\n"
            "第二部分 支持措施\n\n一、对新落户企业给予一次性奖励50万元。\n\n二、对新落户企业给予房租补贴10万元。\n")
    items = extract_policy(text, "refused", {"region_code": "511024"}).items
    assert len(items) == 2
    for item in items:
        assert ("not_in", "industry", ("K7010",)) in {(c.op, c.field, c.value) for c in item.conditions}
        assert any("变更名称后重新注册" in c.text for c in item.conditions)
        assert not any("淘汰类" in c.text for c in item.conditions)
        assert any("淘汰类" in a for a in item.assumed)


VOUCHERS = """某市关于开展科技创新券申领工作的通知

凡在锦州市行政区域内登记注册、上一年度营业收入不超过5000万元、从业人员不足300人的企业，均可申领科技创新券。

下列企业不得申领：纳税信用等级为D级的；近两年内使用创新券存在虚假交易行为的。

研发服务券，用于委托高校开展技术开发，按合同实际支付金额的50%抵扣，每家企业年度最高20万元。

检验检测券，用于购买检验检测服务，按实际支出的40%抵扣，每家企业年度最高5万元。
"""


def test_paragraphs_naming_the_support_they_describe_are_items_and_the_paragraphs_before_bind_them_all():
    items = extract_policy(VOUCHERS, "vouchers", {"region_code": "210700"}).items
    assert [i.clause for i in items] == ["第4段", "第5段"]  # (凡…均可申领 states who may apply, it offers nothing)
    for item in items:
        keys = {(c.op, c.field, c.value) for c in item.conditions}
        assert {("within", "region_code", "210700"), ("le", "revenue", 5000), ("lt", "employees", 300),
                ("not_in", "tax_credit", ("D",))} <= keys
        assert any("虚假交易" in c.text for c in item.conditions)


def test_roman_numbered_sections_hold_their_entries_and_a_case_let_in_for_one_entry_binds_none():
    text = ("某县快递物流补贴措施\n\nⅠ、适用范围\n\n本措施适用于在本县注册登记、从事快递服务的企业。个体工商户从事村级快递代办的，可以申请第㈠项补贴。\n\n"
            "Ⅱ、补贴项目\n\n㈠村级服务站补贴。新建村级寄递物流综合服务站的，每个站点一次性补贴1万元。\n\n"
            "㈡冷链仓储设施补贴。新建冷库的，按投资额的20%给予补贴，单个项目最高50万元。\n\n"
            "Ⅲ、申报要求\n\n㈠申报主体纳税信用等级须在B级（含）以上。\n")
    addresses = [c.address for c in parse_structure(text).clauses]
    assert {"Ⅱ、㈠", "Ⅱ、㈡", "Ⅲ、㈠"} <= set(addresses)
    items = extract_policy(text, "roman", {"region_code": "610528"}).items
    assert [i.clause for i in items] == ["Ⅱ、㈠", "Ⅱ、㈡"]
    for item in items:
        keys = {(c.op, c.field, c.value) for c in item.conditions}
        assert ("in", "tax_credit", ("A", "B")) in keys and not any(f == "ownership" for _, f, _ in keys)


SELF_CHECK = (
    "# 自测：您的企业能申请哪些扶持？\n\n本指引帮您判断能否申请本区扶持资金。开始之前，请先确认：您的企业已在天河区办理"
    "税务登记。这是以下所有项目的共同前提。\n\n"
    "**第一步：看营收**\n\n如果您的企业上年度营业收入达到5000万元以上，就可以申请“营收奖励”，最高奖励200万元。\n\n"
    "**第二步：看研发**\n\n若您的企业属于高新技术企业，还可以申请“研发补助”，单个企业不超过80万元。\n\n"
    "**您需要注意：**\n\n- 纳税信用等级为D级的，不能申请以上任何项目；\n\n拿不准的，欢迎拨打区工信局企业服务专线咨询。\n"
)


@pytest.mark.parametrize("title", [None, "天河区扶持资金自测指引"])  # the question line as the title, or a heading
def test_bold_step_lines_of_a_self_check_guide_are_its_items_and_its_notes_bind_them_all(title):
    items = extract_policy(SELF_CHECK, "self", {"region_code": "440106", "title": title}).items
    assert len(items) == 2
    assert ("ge", "revenue", 5000) in {c.key() for c in items[0].conditions}
    assert ("has", "qualifications", "高新技术企业") not in {c.key() for c in items[0].conditions}
    for item in items:  # the premise and the closing 您需要注意 list bind both; where to ask binds none
        assert {("not_in", "tax_credit", ("D",)), ("within", "region_code", "440106")} <= {c.key() for c in item.conditions}
        assert not any("咨询" in c.text or "前提" in c.text for c in item.conditions)


def test_paragraphs_ordered_by_connectives_are_items_named_by_the_words_after_them():
    text = ("为稳定外贸增长，提出以下措施。\n\n"
            "首先，支持企业开拓国际市场。外贸企业参加境外重点展会的，按展位费的百分之七十给予补助，每家企业全年不超过30万元。\n\n"
            "其次，鼓励企业扩大进口。对上年度进口额增长百分之二十以上的外贸企业，按进口额增量的千分之三给予奖励，最高100万元。\n\n"
            "本措施由区商务局负责解释。\n")
    items = extract_policy(text, "conn", {"region_code": "370211"}).items
    assert [i.name for i in items] == ["支持企业开拓国际市场", "鼓励企业扩大进口"]


def test_a_news_release_reports_each_support_in_its_own_paragraph():
    text = ("本报讯 记者从市工业和信息化局获悉，《若干政策》已于近日印发。\n\n"
            "据市工信局负责人介绍，对陶瓷生产企业，年主营业务收入突破2000万元的，市财政将给予一次性奖励30万元。\n\n"
            "“研发是生命线。”这位负责人说，“凡是拥有有效发明专利3件以上的陶瓷企业，都可以申请研发后补助，最高50万元。”\n\n"
            "在融资方面，市里联合多家银行推出“陶瓷贷”。据介绍，该产品面向成立满两年的中小陶瓷企业，单户额度最高1000万元。\n")
    items = extract_policy(text, "news", {"region_code": "360200"}).items
    assert len(items) == 3  # 据…负责人介绍 is no agency's duty, so the first paragraph offers too
    assert [i.name for i in items[1:]] == ["研发后补助", "陶瓷贷"]
    assert ("gt", "revenue", 2000) in {c.key() for c in items[0].conditions}
    assert not any("负责人说" in c.text for i in items for c in i.conditions)


def test_a_paragraph_after_the_offering_paragraphs_binds_every_offer():
    text = ("记者从市工信局获悉，新政已于近日印发。\n\n"
            "对陶瓷生产企业，年主营业务收入突破2000万元的，市财政将给予一次性奖励30万元。\n\n"
            "凡是拥有有效发明专利3件以上的企业，都可以申请研发后补助，最高50万元。\n\n"
            "该负责人提醒，上述政策只面向在景德镇市登记注册的企业，列入失信被执行人名单的企业不能享受。\n")
    items = extract_policy(text, "tail", {"region_code": "360200"}).items
    assert len(items) == 2
    for item in items:
        assert {("within", "region_code", "360200"), ("eq", "dishonest", False)} <= {c.key() for c in item.conditions}


def test_leads_between_lists_numbered_anew_head_their_own_lists():
    text = ("一、奖励项目\n\n（一）研发奖励。专精特新中小企业，给予一次性奖励10万元。\n\n"
            "（二）入库奖励。首次入库的创新型中小企业，给予一次性奖励5万元。\n\n"
            "二、申报条件\n\n申报条件（须同时满足）：\n\n1. 在浦东新区注册登记；\n2. 纳税信用等级为A级、B级或M级。\n\n"
            "企业还应具备下列条件之一（以下条件满足其一即可）：\n\n1. 拥有有效发明专利1件以上；\n2. 上年度研发费用不低于300万元。\n\n"
            "有下列情形之一的，不予支持：\n\n1. 被人民法院列为失信被执行人的；\n2. 主营业务为房地产开发经营的。\n")
    items = extract_policy(text, "leads", {"region_code": "310115"}).items
    either = ("any_of", (("ge", "invention_patents", 1), ("ge", "rd_expense", 300)))
    for item in items:
        keys = {c.key() for c in item.conditions}
        assert {either, ("eq", "dishonest", False), ("not_in", "industry", ("K7010",))} <= keys, keys
        assert not any(c.key()[1] in ("invention_patents", "rd_expense") for c in item.conditions if c.op != "any_of")
        assert not any("须同时满足" in c.text for c in item.conditions)


def test_an_item_let_off_a_numbered_requirement_of_a_later_part():
    text = ("一、奖励项目\n\n（一）研发奖励。专精特新中小企业，给予一次性奖励10万元。\n\n"
            "（二）入库奖励。首次入库的创新型中小企业，给予一次性奖励5万元。申报本项奖励的企业，不受本通知第二部分申报条件"
            "第2项营业收入要求的限制。\n\n"
            "二、申报条件\n\n1. 在浦东新区注册登记；\n2. 上年度营业收入1000万元以上（含）。\n")
    first, second = extract_policy(text, "later", {"region_code": "310115"}).items
    assert ("ge", "revenue", 1000) in {c.key() for c in first.conditions}
    assert not any(c.field == "revenue" for c in second.conditions)
    assert ("within", "region_code", "310115") in {c.key() for c in second.conditions}


def test_a_speech_closes_its_points_with_terms_that_bind_them_all():
    text = ("同志们：\n\n下面，我讲两点意见。\n\n"
            "第一，要把首贷的门槛降下来。县里和农商行推出“首贷通”，对从来没有在银行借过钱的小型、微型企业，只要成立满六个月，"
            "就可以申请，额度最高100万元。\n\n"
            "第二，要把工业企业的规模做上去。对今年新增纳入规模以上统计的工业企业，县里一次性奖励20万元。\n\n"
            "最后我再说明一点：今天讲的这几项支持，都只面向在拜泉县注册的企业，被法院列为失信被执行人的，一律不予支持。\n")
    first, second = extract_policy(text, "speech", {"region_code": "230231"}).items
    assert ("eq", "has_bank_loan", False) in {c.key() for c in first.conditions}
    assert not any("推出" in c.text for c in first.conditions)
    for item in (first, second):
        assert {("within", "region_code", "230231"), ("eq", "dishonest", False)} <= {c.key() for c in item.conditions}


POLICY_DIGEST = (
    "## 摘要目录\n\n以下各项政策的申请主体，均应为纳税信用等级为B级以上的企业。\n\n"
    "1. 《某市技术改造奖励办法》（某府发〔2025〕3号）：对设备购置投资额500万元以上的工业企业，按设备投资额的百分之八给予奖励，"
    "单个项目最高不超过300万元。\n\n"
    "2. 《某市稳增长奖励办法》（某府发〔2025〕18号）：对批发和零售业企业，按零售额增量的千分之五给予奖励，最高不超过20万元；"
    "本项奖励不受纳税信用等级限制。\n"
)


def test_a_digest_line_names_its_policy_and_may_lift_a_shared_requirement_for_itself():
    first, second = extract_policy(POLICY_DIGEST, "digest", {"region_code": "440900"}).items
    assert ("in", "tax_credit", ("A", "B")) in {c.key() for c in first.conditions}
    assert not any(c.field == "tax_credit" for c in second.conditions)
    assert not any("《" in c.text for item in (first, second) for c in item.conditions)


def test_a_table_row_let_off_an_entry_of_the_first_part_keeps_the_rest():
    text = ("一、申报主体基本条件\n1.在秦皇岛市行政区域内注册登记；\n2.纳税信用等级为A级、B级或M级。\n二、支持项目及标准\n"
            "| 项目 | 条件 | 标准 |\n|---|---|---|\n"
            "| 平台建设补助 | 上年度营业收入1000万元以上（含） | 按投资额的百分之二十给予补助，最高不超过150万元 |\n"
            "| 检测能力补助 | 当年新增仪器设备投入100万元以上；本项不受第一部分第2项纳税信用等级条件限制 | 按投入的百分之三十给予"
            "补助，最高不超过50万元 |\n")
    first, second = extract_policy(text, "part", {"region_code": "130300"}).items
    assert ("in", "tax_credit", ("A", "B", "M")) in {c.key() for c in first.conditions}
    assert not any(c.field == "tax_credit" for c in second.conditions)
    assert ("within", "region_code", "130300") in {c.key() for c in second.conditions}


def test_an_article_for_applicants_of_an_award_binds_the_item_whose_name_holds_it():
    text = ("第一条 为激励企业追求卓越质量，制定本办法。\n\n"
            "第二条 奖励项目和标准如下：获评市长质量奖的组织，给予一次性奖励五十万元，获评提名奖的，给予一次性奖励十万元；"
            "主导制定国家标准并正式发布的，每项奖励二十万元；首次通过品牌认证的产品，每个奖励五万元。\n\n"
            "第三条 申报市长质量奖的，应当上年度营业收入不低于一亿元。\n")
    award, standard, brand = extract_policy(text, "named", {"region_code": "411000"}).items
    assert ("ge", "revenue", 10000) in {c.key() for c in award.conditions}
    assert not any(c.field == "revenue" for c in standard.conditions)


def test_nested_bullets_name_an_item_each_with_labelled_parts_below():
    text = ("## 惠企政策速查\n\n以下各项均要求企业注册地在嘉定区。\n\n"
            "- 中小企业贷款贴息\n  - 对象：从业人员300人以下的小型、微型企业\n  - 条件：纳税信用等级不为C级或D级\n"
            "  - 标准：按实际支付利息的20%给予贴息，年度贴息最高15万元\n"
            "- 软件企业人才租房补贴\n  - 对象：软件和信息技术服务业企业\n  - 条件：成立3年以上（含）\n"
            "  - 标准：每家企业每年最高60万元\n")
    loan, rent = extract_policy(text, "nested", {"region_code": "310114"}).items
    assert (loan.name, rent.name) == ("中小企业贷款贴息", "软件企业人才租房补贴")
    assert ("le", "employees", 300) in {c.key() for c in loan.conditions}
    assert ("ge", "age_years", 3) in {c.key() for c in rent.conditions}
    assert not any(c.field in ("employees", "tax_credit") for c in rent.conditions)


def test_blocks_of_labelled_lines_opened_by_a_project_name_are_items():
    text = ("本指南所列项目的申报单位，须在商丘市行政区域内注册登记。\n\n"
            "项目名称：商贸企业增量奖励\n支持对象：限额以上批发、零售企业\n申报条件：上年度销售额增长百分之十五以上\n"
            "支持标准：按增量部分的千分之五给予奖励，单个企业最高30万元\n\n————————\n\n"
            "项目名称：外贸企业开拓市场补助\n支持对象：外贸企业\n申报条件：企业成立满2年\n"
            "支持标准：按实际发生费用的50%给予补助，单个企业不超过20万元\n\n————————\n\n联系方式：市商务局财务科。\n")
    trade, export = extract_policy(text, "blocks", {"region_code": "411400", "title": "商务发展专项资金申报指南"}).items
    assert (trade.name, export.name) == ("商贸企业增量奖励", "外贸企业开拓市场补助")
    assert ("ge", "age_years", 2) in {c.key() for c in export.conditions}
    assert not any(c.field == "age_years" for c in trade.conditions)
    for item in (trade, export):
        assert ("within", "region_code", "411400") in {c.key() for c in item.conditions}


def test_a_flyer_of_starred_products_with_pictograph_term_lines():
    text = ("以下产品面向在昌吉州辖内注册登记的企业。\n\n"
            "★ 棉e贷\n✦ 服务对象：从事棉花种植的企业\n✦ 额度：单户最高500万元\n✦ 准入：成立满1年\n\n"
            "★ 首贷通\n✦ 服务对象：从未在任何金融机构获得过贷款的小型、微型企业\n✦ 额度：单户最高100万元\n"
            "✦ 准入：纳税信用等级为A、B级\n")
    cotton, first = extract_policy(text, "flyer", {"region_code": "652300", "title": "贷款产品宣传单"}).items
    assert (cotton.name, first.name) == ("棉e贷", "首贷通")
    assert ("ge", "age_years", 1) in {c.key() for c in cotton.conditions}
    assert {("eq", "has_bank_loan", False), ("in", "tax_credit", ("A", "B"))} <= {c.key() for c in first.conditions}
    assert not any(c.field == "age_years" for c in first.conditions)


def test_a_not_admitted_label_of_a_product_rules_its_cases_out():
    text = ("★ 科创积分贷\n✦ 服务对象：科技型中小企业\n✦ 额度：最高1000万元\n✦ 不准入：从事房地产开发经营的企业\n\n"
            "★ 首贷通\n✦ 服务对象：小型、微型企业\n✦ 额度：单户最高100万元\n")
    tech, _ = extract_policy(text, "banned", {"region_code": "652300", "title": "贷款产品宣传单"}).items
    assert ("not_in", "industry", ("K7010",)) in {c.key() for c in tech.conditions}


def test_an_annex_table_of_requirements_binds_each_row_to_the_items_it_names():
    text = ("一、奖补项目\n\n1. 首次入库奖励。上年度首次纳入规模以上工业企业统计的，给予一次性奖励10万元。\n\n"
            "2. 设备更新奖励。企业上年度完成设备投入500万元以上的，按投入额的百分之八给予奖励，最高200万元。\n\n"
            "附件：申报条件一览表\n\n| 序号 | 条件 | 适用项目 |\n|---|---|---|\n"
            "| 1 | 在安庆市行政区域内注册登记 | 全部 |\n| 2 | 年主营业务收入两千万元以上 | 第2项 |\n"
            "| 3 | 从事炼铁、炼钢、水泥制造的企业不予支持 | 第2项 |\n")
    first, second = extract_policy(text, "annex", {"region_code": "340800", "title": "提质增效奖补通知"}).items
    assert ("within", "region_code", "340800") in {c.key() for c in first.conditions}
    assert not any(c.field in ("revenue", "industry") for c in first.conditions)
    assert {("ge", "revenue", 2000), ("not_in", "industry", ("C3011", "C3110", "C3120"))} <= {c.key() for c in second.conditions}


def test_lettered_requirements_under_circled_supports():
    text = ("① 茶园改造补助\na. 自有或者流转茶园面积100亩以上（含）；\nb. 纳税信用等级为A级。\n"
            "补助标准：每亩补助800元，单个主体最高40万元。\n\n"
            "② 品牌营销补助\na. 在县外开设品牌专卖店5家以上。\n补助标准：按装修费用的20%给予补助，每店不超过5万元。\n")
    garden, brand = extract_policy(text, "letters", {"region_code": "350524", "title": "茶产业扶持政策"}).items
    assert {c.text for c in garden.conditions if c.op == "unknown"} == {"自有或者流转茶园面积100亩以上（含）"}
    assert ("in", "tax_credit", ("A",)) in {c.key() for c in garden.conditions}
    assert {c.text for c in brand.conditions if c.op == "unknown"} == {"在县外开设品牌专卖店5家以上"}
    assert not any(c.field == "tax_credit" for c in brand.conditions)


def test_a_sentence_letting_the_firm_meet_one_of_some_numbered_entries_makes_them_alternatives():
    text = ("一、支持软件企业做大。对软件企业给予成长奖励。申报企业应当具备以下条件：（1）上年度营业收入不低于2000万元；"
            "（2）有效期内的高新技术企业；（3）拥有软件著作权20件以上。须满足（1）项，并满足（2）（3）项之一。"
            "按营业收入增量的2%给予奖励，最高200万元。\n\n二、支持平台应用。对制造业企业，按服务费的30%给予补助，最高20万元。\n")
    software, _ = extract_policy(text, "pick", {"region_code": "321300", "title": "数字经济政策"}).items
    anys = [c for c in software.conditions if c.op == "any_of"]
    assert len(anys) == 1 and {c.text for c in anys[0].any_of} == {"高新技术企业", "拥有软件著作权20件以上"}
    assert ("ge", "revenue", 2000) in {c.key() for c in software.conditions}


def test_a_let_off_for_one_numbered_item_becomes_its_alternative():
    text = ("1、总则\n为推动成果转化，编制本指南。\n\n2、支持方向\n2.1、成果转化补助。企业受让科技成果的，按交易额的20%给予补助。\n"
            "2.2、校友企业落户奖励。高校校友新创办企业，给予一次性落户奖励10万元。\n\n"
            "3、申报条件\n3.1、属于科技型中小企业或者高新技术企业，其中申报2.2项的企业成立未满2年的不受此限。\n")
    transfer, alumni = extract_policy(text, "letoff", {"region_code": "420111", "title": "成果转化申报指南"}).items
    quals = (("has", "qualifications", "科技型中小企业"), ("has", "qualifications", "高新技术企业"))
    assert ("any_of", quals) in {c.key() for c in transfer.conditions}
    assert ("any_of", (*quals, ("lt", "age_years", 2))) in {c.key() for c in alumni.conditions}


def test_a_lettered_entry_let_off_for_large_firms_becomes_an_alternative():
    text = ("② 精制茶加工升级奖励\na. 上年度茶叶加工产值1000万元以上；\nb. 纳税信用等级为A级。\n"
            "奖励标准：按设备投入的15%给予奖励，最高60万元。年主营业务收入超过两亿元的企业，不受a项限制。\n\n"
            "③ 品牌营销补助\na. 在县外开设品牌专卖店5家以上。\n补助标准：按装修费用的20%给予补助，每店不超过5万元。\n")
    tea, _ = extract_policy(text, "letter-lift", {"region_code": "350524", "title": "茶产业扶持政策"}).items
    assert ("any_of", (("gt", "revenue", 20000), ("unknown", "上年度茶叶加工产值1000万元以上"))) in {
        c.key() for c in tea.conditions}
    assert not any(c.text == "茶叶加工" for c in tea.conditions)  # 茶叶加工产值 is a figure, not the firm's trade


def test_slides_name_each_policy_after_a_bar_and_bullet_their_labelled_lines():
    slides = ("政策一｜数据中心运营电费补贴\n•　谁能申请：在本区建成投运的数据中心运营企业\n"
              "•　硬门槛：上年度机架平均上架率达到60%以上\n•　补多少：按实际用电量每千瓦时0.05元给予补贴，最高500万元\n\n"
              "政策二｜算力券\n•　谁能申请：购买本区算力服务的中小微企业\n•　补多少：按算力服务费的30%发放算力券，最高20万元\n")
    first, second = extract_policy(slides, "slides", {"region_code": "640502"}).items
    assert (first.name, second.name) == ("政策一｜数据中心运营电费补贴", "政策二｜算力券")
    assert any(c.field == "industry" and c.value == ("I6450",) for c in first.conditions)
    assert any(c.op == "unknown" and "上架率" in c.text for c in first.conditions)
    assert any(c.field == "size" for c in second.conditions) and not any(c.field == "size" for c in first.conditions)


def test_a_safeguards_section_still_binds_the_firms_it_refuses_and_the_items_it_names_by_range():
    text = ("一、主要任务\n（一）稳岗扩岗补助。对招用应届高校毕业生的企业，按每人1000元给予补助。\n"
            "（二）以工代训补贴。对开展以工代训的企业，按每人每月500元给予补贴。\n"
            "（三）创业场地补贴。对入驻孵化基地的初创企业，给予每年1万元场地补贴。\n"
            "二、保障措施\n（一）加强组织领导。各部门按职责分工抓好落实。\n"
            "（二）严格资金监管。享受本方案第一部分第（一）项至第（二）项政策的企业，须在本县参加失业保险；"
            "被人民法院列为失信被执行人的单位，不得享受本方案各项补贴。对骗取补贴的，依法依规追回。\n")
    items = extract_policy(text, "safeguards", {"region_code": "620503", "title": "稳就业实施方案"}).items
    assert len(items) == 3
    for item in items:
        keys = {c.key() for c in item.conditions}
        assert ("eq", "dishonest", False) in keys
        assert not any(c.text in ("严格资金监管", "加强组织领导") or "追回" in c.text for c in item.conditions)
    assert [any("参加失业保险" in c.text for c in item.conditions) for item in items] == [True, True, False]


def test_a_rule_against_double_support_is_no_item():
    text = ("一、技改奖励。对完成技术改造的工业企业，按设备投资额的10%给予奖励。\n"
            "二、同一企业同一事项符合本措施和其他政策规定的，按照就高不重复的原则予以支持。\n")
    items = extract_policy(text, "no-double", {"region_code": "520382", "title": "工业提质增效措施"}).items
    assert [item.clause for item in items] == ["一、"]


def test_a_chapter_per_credit_product_in_a_fund_rule_keeps_its_own_and_shared_articles():
    text = ("第一章　总则\n第一条　为缓解小微企业融资难，制定本办法。\n"
            "第二章　支持对象\n第二条　资金支持的企业应当同时满足下列条件：\n（一）在本县注册登记；\n（二）未被列为失信被执行人。\n"
            "第三条　下列企业不纳入支持范围：\n（一）房地产开发经营企业；\n（二）已在三家以上银行有贷款余额的企业。\n"
            "第三章　风险补偿贷款\n第四条　县财政将风险补偿金存入合作银行专户，合作银行按存入额8倍发放“惠农贷”。贷款发生损失的，由补偿金承担六成。\n"
            "第五条　合作银行向符合本办法第二条规定的企业发放“惠农贷”，单户贷款额度不超过300万元，期限不超过一年。\n"
            "第六条　申请“惠农贷”的企业，除符合本办法第二条、第三条规定外，还应当注册成立满两年。\n"
            "第四章　首贷贴息\n第七条　对首次取得银行贷款的企业，按贷款利息的50%给予贴息，最高5万元。\n"
            "第五章　应急转贷\n第八条　对贷款即将到期的企业，提供应急转贷资金，单笔不超过500万元。\n"
            "第九条　申请应急转贷的企业，不受本办法第三条第（二）项的限制。\n")
    loan, first, bridge = extract_policy(text, "fund-rule", {"region_code": "150622", "title": "融资增信资金管理办法"}).items
    assert [i.clause for i in (loan, first, bridge)] == ["第三章", "第四章", "第五章"]
    assert ("ge", "age_years", 2) in {c.key() for c in loan.conditions}
    assert not any(c.field == "age_years" for c in (*first.conditions, *bridge.conditions))
    for item in (loan, first, bridge):
        assert ("eq", "dishonest", False) in {c.key() for c in item.conditions}
    assert any("三家以上" in c.text for c in first.conditions if c.op == "unknown")
    assert not any("三家以上" in c.text for c in bridge.conditions)


def test_an_article_lifting_a_requirement_for_some_firms_binds_the_item_sharing_their_words():
    text = ("第一条　申请本细则扶持的企业，应当同时符合下列条件：\n（一）自成立之日起正常经营满一年；\n（二）纳税信用等级为B级以上。\n"
            "第二条　对上年度营业收入首次达到1000万元的软件企业，给予一次性奖励20万元。\n"
            "第三条　对在区内专业园区租赁自用办公用房的软件企业，按租金的50%给予补贴，最高10万元。\n"
            "第四条　新设立企业租赁办公用房的，不受本细则第一条第（一）项的限制。\n")
    growth, rent = extract_policy(text, "lift-rent", {"region_code": "140105", "title": "软件产业扶持细则"}).items
    assert ("ge", "age_years", 1) in {c.key() for c in growth.conditions}
    assert ("ge", "age_years", 1) not in {c.key() for c in rent.conditions}
    assert not any(c.text.startswith("第四条") for item in (growth, rent) for c in item.conditions)


def test_a_banks_shared_entry_rules_split_into_requirements_and_a_product_named_in_brackets_is_let_off():
    text = ("## 一、共同准入要求\n凡申请本说明所列产品的客户，应为在本市登记注册、实际经营一年以上（“茶园贷”除外）的企业或者个体工商户；"
            "借款人在本行及他行无未结清的不良贷款，近两年内征信报告中不存在连续三期以上逾期记录。\n"
            "## 二、产品介绍\n### （一）茶园贷\n**适用对象**：从事茶叶种植的小微企业。\n**贷款额度**：单户最高100万元。\n"
            "### （二）税信贷\n**适用对象**：纳税信用等级为A级的小型、微型企业。\n**贷款额度**：单户最高200万元。\n")
    tea, tax = extract_policy(text, "bank-products", {"region_code": "530581", "title": "农商银行信贷产品说明"}).items
    assert ("ge", "age_years", 1) in {c.key() for c in tax.conditions}
    assert ("ge", "age_years", 1) not in {c.key() for c in tea.conditions}
    for item in (tea, tax):
        unknown = [c.text for c in item.conditions if c.op == "unknown"]
        assert "近两年内征信报告中不存在连续三期以上逾期记录" in unknown, unknown
        assert not any("申请本说明" in t or t.endswith("个体工商户") for t in unknown), unknown


def test_a_rule_naming_itself_lifts_the_entry_of_its_own_part_for_one_item():
    text = ("一、申请条件\n申请奖补的经营主体应当符合下列条件：\n（一）在本市登记注册；\n（二）从业人员中本地农牧民占比不低于30%。\n"
            "二、奖补事项\n（一）民宿奖励。对经评定为甲级旅游民宿的经营主体，给予一次性奖励8万元。\n"
            "（二）旅游商品研发奖励。对开发旅游商品的小微企业，每款产品奖励1万元。申请本项的企业，不受本规程第一部分第（二）项本地农牧民用工比例的限制。\n")
    inn, goods = extract_policy(text, "own-rule", {"region_code": "540400", "title": "旅游奖补资金操作规程"}).items
    assert any("农牧民" in c.text for c in inn.conditions)
    assert not any("农牧民" in c.text for c in goods.conditions)


def test_a_form_of_firm_allowed_only_one_item_is_left_out_of_the_others():
    text = ("## 清单说明\n\n一、申报主体应当是在本县登记注册的企业，个体工商户仅可申报第3项。\n\n"
            "二、同一企业同一年度享受本清单各项政策的资金总额不超过100万元。\n\n## 政策清单\n\n"
            "| 序号 | 政策名称 | 支持对象 | 支持标准 |\n|---|---|---|---|\n"
            "| 1 | 首次升规奖励 | 工业企业 | 给予一次性奖励10万元 |\n| 2 | 研发投入奖励 | 高新技术企业 | 按研发费用的5%给予奖励 |\n"
            "| 3 | 担保费补贴 | 小微企业和个体工商户 | 按担保费的50%给予补贴 |\n")
    items = extract_policy(text, "only-one", {"region_code": "469023", "title": "惠企政策清单"}).items
    assert len(items) == 3
    refused = [("not_in", "ownership", ("个体工商户",)) in {c.key() for c in item.conditions} for item in items]
    assert refused == [True, True, False]
    assert all(("within", "region_code", "469023") in {c.key() for c in item.conditions} for item in items)


def test_sentences_below_a_requirement_table_bind_the_items_they_name():
    text = ("# 某市贷款贴息和担保费补贴申报指南\n\n## 一、申报条件\n\n申报企业须同时满足下表所列条件：\n\n"
            "| 序号 | 条件项目 | 具体要求 |\n|---|---|---|\n| 1 | 注册地 | 在本市依法登记注册 |\n"
            "| 2 | 信用状况 | 纳税信用等级为B级以上 |\n\n"
            "申报贷款贴息项目的，还须在2025年度获得本市银行发放的流动资金贷款。\n\n"
            "申报担保费补贴项目的，还须通过本市政府性融资担保机构获得担保，且担保费率不高于1%。\n\n"
            "## 二、支持标准\n\n（一）贷款贴息。按实际支付利息的40%给予贴息，最高不超过100万元。\n\n"
            "（二）担保费补贴。按实际支付担保费的50%给予补贴，最高不超过20万元。\n")
    items = extract_policy(text, "below-table", {"region_code": "440300"}).items
    assert [i.name for i in items] == ["贷款贴息", "担保费补贴"]
    unknown = [[c.text for c in i.conditions if c.op == "unknown"] for i in items]
    assert any("流动资金贷款" in t for t in unknown[0]) and not any("担保费率" in t for t in unknown[0])
    assert any("担保费率不高于1%" in t for t in unknown[1]) and not any("流动资金贷款" in t for t in unknown[1])
    assert all(("in", "tax_credit", ("A", "B")) in {c.key() for c in i.conditions} for i in items)


@pytest.mark.parametrize("sentence", [
    "第六条　担保费补贴。企业通过政府性融资担保机构获得担保的，按实际缴纳担保费的50%给予补贴，最高50万元。"
    "申请本项补贴的，还应当同时符合下列条件：担保费率不高于1%；企业上年度从业人员不超过300人。",
    "第六条　担保费补贴。企业通过政府性融资担保机构获得担保，且担保费率不高于1%的，按实际缴纳担保费的50%给予补贴，最高50万元。",
])
def test_a_capped_guarantee_fee_rate_the_subsidy_is_for_is_a_requirement(sentence):
    items = extract_policy(sentence, "fee-rate", {"region_code": "130000"}).items
    assert len(items) == 1
    assert any(c.op == "unknown" and "担保费率不高于1%" in c.text for c in items[0].conditions)


def test_a_guarantee_products_fee_rate_stays_a_term_of_what_is_offered():
    text = ("（一）小微快担。面向本县小型、微型企业，单户担保金额最高500万元，担保费率不超过1%，期限不超过1年。")
    items = extract_policy(text, "fee-term", {"region_code": "500229"}).items
    assert len(items) == 1
    assert not any("费率" in c.text for c in items[0].conditions)
    assert any("费率" in b.text for b in items[0].benefits)


_BOLD_ARTICLES = (
    "# 某县促进文旅产业发展的若干政策\n\n"
    "**第一条　适用范围**　本政策适用于在本县登记注册的文旅经营主体；个体工商户仅可以申报第五条规定的补助。\n\n"
    "**第二条　共同条件**　申报本政策各项扶持的，应当同时满足下列要求：\n\n"
    "（一）开业经营满一年（第五条规定的补助不受本项限制）；\n\n（二）纳税信用等级为A级或者B级。\n\n"
    "**第三条　景区提质奖励**　对新评定为国家4A级旅游景区的，给予一次性奖励30万元。\n\n"
    "**第四条　住宿品质奖励**　对新评定为五星级旅游饭店的，给予奖励50万元。\n\n"
    "对首次评定为甲级旅游民宿的，分别给予一次性奖励5万元。\n\n"
    "**第五条　夜市开业补助**　在夜市街区新开设餐饮门店的个体工商户和小微企业，连续营业满六个月的，给予一次性补助5000元。\n\n"
    "**第六条　其他**　本政策自2025年3月1日起施行。\n"
)


def test_articles_titled_in_bold_are_named_by_their_titles_and_read_after_them():
    items = extract_policy(_BOLD_ARTICLES, "bold-articles", {"region_code": "500229"}).items
    assert [i.name for i in items] == ["景区提质奖励", "住宿品质奖励", "首次评定为甲级旅游民宿", "夜市开业补助"]
    assert any("连续营业满六个月" in c.text for c in items[-1].conditions)  # its own case, read after the bold title
    assert any(c.op == "any_of" and "个体工商户" in c.text for c in items[-1].conditions)


def test_a_note_inside_a_shared_entry_lets_the_named_item_off_it_and_only_allowed_items_keep_a_form_of_firm():
    items = extract_policy(_BOLD_ARTICLES, "bold-articles", {"region_code": "500229"}).items
    age = [("ge", "age_years", 1) in {c.key() for c in i.conditions} for i in items]
    assert age == [True, True, True, False]
    refused = [("not_in", "ownership", ("个体工商户",)) in {c.key() for c in i.conditions} for i in items]
    assert refused == [True, True, True, False]
    assert all(("in", "tax_credit", ("A", "B")) in {c.key() for c in i.conditions} for i in items)


def test_a_named_support_keeps_the_cases_of_its_sentences_as_one_item():
    text = ("## 三、支持内容\n\n（一）进出口增量奖励。进出口额较上年增长的企业，按增量部分每美元0.02元给予奖励。\n\n"
            "（二）出口信用保险保费补助。企业投保短期出口信用保险的，按实际缴纳保费的60%给予补助；"
            "上年度出口额不足500万美元的小微外贸企业，纳入统保平台的，保费由专项资金全额承担。\n")
    items = extract_policy(text, "named-support", {"region_code": "640181"}).items
    assert [i.name for i in items] == ["进出口增量奖励", "出口信用保险保费补助"]


_COMMERCE_MEASURES = (
    "# 某区促进商贸流通业发展奖励暂行办法\n\n"
    "**第一条**　本办法所称商贸流通企业，是指在本区依法注册，从事批发、零售、住宿或者餐饮经营的企业。\n\n"
    "**第二条**　商贸流通企业申请本办法规定的奖励，应当符合以下条件：\n\n1．纳税信用等级在B级以上；\n\n2．未被列为失信被执行人。\n\n"
    "**第三条**　限额以上零售企业上年度零售额达到下表标准的，按下表给予奖励（就高不重复）：\n\n"
    "| 档次 | 上年度零售额 | 奖励金额 |\n|---|---|---|\n| 一档 | 5000万元（含）至1亿元 | 10万元 |\n| 二档 | 1亿元（含）以上 | 20万元 |\n\n"
    "**第四条**　对新建冷库的冷链物流项目，按设备投资额的20%给予补助，最高50万元。"
    "申报本条补助的仓储物流企业，不受本办法第一条关于经营行业的限制。\n\n"
    "**第五条**　享受本办法奖励的企业，五年内将注册地迁出本区的，应当退回所获奖励资金。\n"
)


def test_a_table_graded_by_the_highest_tier_is_one_item_and_a_term_defined_for_the_applicants_binds_every_item():
    items = extract_policy(_COMMERCE_MEASURES, "commerce", {"region_code": "620802"}).items
    assert len(items) == 2 and not items[0].name.startswith("*")
    keys = [{c.key() for c in i.conditions} for i in items]
    assert all(("within", "region_code", "620802") in k for k in keys)  # the definition, not the clawback
    assert all(c.clause != "第五条" for i in items for c in i.conditions)
    assert any(c.field == "industry" and set(c.value) == {"F", "H"} for c in items[0].conditions)  # 餐饮经营 too
    assert not any(c.field == "industry" for c in items[1].conditions)  # 不受…关于经营行业的限制
    assert all(("in", "tax_credit", ("A", "B")) in k for k in keys)


def test_a_plain_words_card_states_rules_for_every_item_in_its_opening_section():
    text = ("# 某区企业用工政策明白卡\n\n## 写在前面\n\n这张卡用大白话讲清楚谁能享受、能拿多少。能享受的，是在本区注册的非公企业。"
            "另外，企业上一年度的纳税信用等级不能是D级，企业本身也不能是失信被执行人，这两条对卡上每一项政策都适用。\n\n"
            "## 引进人才，企业能拿安家补贴\n\n企业全职引进博士研究生的，区里按每人二十万元发放安家补贴。\n\n"
            "## 职工考出技师证，企业有奖励\n\n企业职工新取得技师职业资格证书的，给予企业每人三千元奖励。\n")
    items = extract_policy(text, "card", {"region_code": "650203"}).items
    assert len(items) == 2
    for item in items:
        keys = {c.key() for c in item.conditions}
        assert ("not_in", "tax_credit", ("D",)) in keys and ("eq", "dishonest", False) in keys
        assert not any("每一项政策" in c.text for c in item.conditions)


def test_a_defined_applicant_binds_every_item_when_the_scope_names_its_head_and_the_title_its_qualifier():
    text = ("# 某区农牧业产业化经营扶持办法\n\n"
            "第一条　本办法所称“农牧业产业化经营主体”，是指在本区注册登记，从事农畜产品生产、加工或者流通的企业和农民专业合作社。\n\n"
            "第二条　申请本办法扶持的经营主体，应当具备下列条件：\n\n（一）纳税信用等级在B级以上；\n\n（二）未被列为失信被执行人。\n\n"
            "第三条　新建农畜产品加工生产线的，按设备投资额的10%给予补助，最高30万元。\n\n"
            "第四条　新认定为自治区级龙头企业的，一次性奖励10万元。\n")
    items = extract_policy(text, "agri", {"region_code": "150802"}).items
    assert len(items) == 2
    for item in items:
        assert ("within", "region_code", "150802") in {c.key() for c in item.conditions}


_TAX_RELATION_GUIDE = (
    "# 某区科技创新资金兑现指南\n\n一、兑现范围\n\n凡在观山湖区行政区域内办理市场主体登记、税收征管关系隶属于本区的企业，可以申请兑现。\n\n"
    "二、通用条件\n\n（一）近三年内未发生较大及以上生产安全事故，亦未被列入经营异常名录；\n\n"
    "（二）近三年内未发生重大产品质量事故，且不存在拖欠农民工工资的情形。\n\n"
    "三、不予兑现情形\n\n（一）从事融资担保、民间借贷等类金融业务的；\n\n（二）从事房地产开发经营、类金融业务的；\n\n（三）属于国有独资企业的。\n\n"
    "四、兑现事项\n\n新认定为高新技术企业的，奖励10万元。\n")


def test_a_tax_relation_and_kept_clean_records_are_requirements_and_quasi_finance_alone_names_no_class():
    (item,) = extract_policy(_TAX_RELATION_GUIDE, "tax-relation", {"region_code": "520115"}).items
    keys = {c.key() for c in item.conditions}
    unknown = [c.text for c in item.conditions if c.op == "unknown"]
    assert ("within", "region_code", "520115") in keys
    assert "税收征管关系隶属于本区" in unknown  # where taxes are filed, which no field records
    assert any(t.endswith("未被列入经营异常名录") and "事故" not in t for t in unknown)  # a second record, its own
    assert any(t.endswith("不存在拖欠农民工工资的情形") and "事故" not in t for t in unknown)
    assert any("民间借贷等类金融业务" in t for t in unknown)
    assert any(c.op == "not_in" and set(c.value) == {"K7010", "J"} for c in item.conditions)  # beside another trade
    assert ("not_in", "ownership", ("国有",)) in keys


def test_a_debt_free_record_and_a_second_list_and_a_place_of_insurance_beside_an_out_of_scope_are_each_read():
    text = ("# 某市稳岗补贴申领通知\n\n一、共同要求\n\n申领本通知各项补贴的单位，应当是在滕州市依法登记注册、在我市参加社会保险的企业，"
            "机关事业单位不在申领范围内。申领单位上年度及申领时不得有欠缴社会保险费行为，且不属于严重失信主体名单内的单位。\n\n"
            "二、补贴项目\n\n对招用登记失业人员的企业，按每人1000元给予补贴。\n")
    (item,) = extract_policy(text, "insurance", {"region_code": "370481"}).items
    unknown = [c.text for c in item.conditions if c.op == "unknown"]
    assert "在我市参加社会保险" in unknown  # not lost to the office left out after it
    assert any(t.endswith("不得有欠缴社会保险费行为") for t in unknown)  # two records kept clean, two requirements
    assert any(t.startswith("不属于严重失信主体名单内") for t in unknown)
    assert not any("机关事业单位" in t for t in unknown)


def test_a_case_before_an_offer_for_the_first_years_is_required():
    text = ("# 某市楼宇经济措施\n\n一、适用范围\n\n本措施适用于在安宁市注册登记的企业。\n\n二、支持措施\n\n"
            "（一）租金补贴。对新入驻企业，租用办公用房面积二百平方米以上、租赁期限三年以上的，前两年按每月每平方米20元给予租金补贴，"
            "第三年按每月每平方米10元给予补贴。\n")
    (item,) = extract_policy(text, "rent", {"region_code": "530181"}).items
    assert any("租赁期限三年以上" in c.text for c in item.conditions if c.op == "unknown")


def test_a_building_defined_is_no_requirement_and_a_tax_relation_listed_first_is_one_of_its_own():
    text = ("# 某市楼宇经济若干措施\n\n一、适用范围\n\n本措施所称商务楼宇，是指经市商务局认定、可供出租办公面积在一万平方米以上的商务写字楼。"
            "本措施适用于在安宁市注册登记、税收征管关系在安宁市、入驻认定商务楼宇办公的企业（以下简称入驻企业）。\n\n"
            "二、支持措施\n\n（一）租金补贴。对入驻企业，按每月每平方米20元给予租金补贴。\n")
    (item,) = extract_policy(text, "building", {"region_code": "530181"}).items
    unknown = [c.text for c in item.conditions if c.op == "unknown"]
    assert "税收征管关系在安宁市" in unknown and "入驻认定商务楼宇办公" in unknown  # its short name dropped
    assert not any("写字楼" in t for t in unknown)  # what the building is, not what the firm must be


_NAMED_BY_PATH = (
    "# 某市外贸资金申报通知\n\n一、申报条件\n\n（一）在晋江市依法登记注册；\n\n（二）未被列入失信被执行人名单，海关信用等级不为失信企业。\n\n"
    "申报本通知第二部分第（一）项至第（三）项的企业，还应当已在海关办理进出口货物收发货人备案。\n\n二、支持内容\n\n"
    "（一）稳规模奖励。对出口额达到五百万美元以上的企业，给予10万元奖励。\n\n（二）信保补助。对投保出口信用保险的企业，按保费的50%给予补助。\n\n"
    "（三）展会补助。对参加境外展会的企业，按展位费的50%给予补助。\n\n（四）电商奖励。对跨境电商企业，给予5万元奖励。\n")


@pytest.mark.parametrize("ref", ["第（一）项至第（三）项", "第（一）项、第（二）项、第（三）项"])
def test_a_requirement_for_items_named_by_a_range_or_list_of_paths_binds_those_items(ref):
    text = _NAMED_BY_PATH.replace("第（一）项至第（三）项", ref)
    items = extract_policy(text, "paths", {"region_code": "350582"}).items
    filed = [any(c.text == "已在海关办理进出口货物收发货人备案" for c in item.conditions) for item in items]
    assert filed == [True, True, True, False]
    assert all("海关信用等级不为失信企业" in [c.text for c in item.conditions] for item in items)  # a requirement, not a bare subject
    cannot = extract_policy(text.replace("不为失信企业", "不能是失信企业"), "cannot", {"region_code": "350582"}).items
    assert all("海关信用等级不能是失信企业" in [c.text for c in item.conditions] for item in cannot)


def test_statistics_and_tax_relations_in_the_district_are_no_registration_and_joined_with_it_are_the_place():
    text = ("# 某区梯度培育奖补指引\n\n一、适用范围\n\n本指引适用于在朔城区登记注册，统计关系和税收征管关系均在区内的中小企业。\n\n"
            "二、奖补事项\n\n新认定为专精特新中小企业的，奖励20万元。\n")
    (item,) = extract_policy(text, "relations", {"region_code": "140602"}).items
    assert [c.text for c in item.conditions if c.field == "region_code"] == ["朔城区"]
    assert "统计关系和税收征管关系均在区内" in [c.text for c in item.conditions if c.op == "unknown"]
    joined = text.replace("在朔城区登记注册，统计关系和税收征管关系均在区内", "工商注册、税收征管和统计关系均在朔城区")
    (item,) = extract_policy(joined, "joined", {"region_code": "140602"}).items
    assert ("within", "region_code", "140602") in {c.key() for c in item.conditions}
    assert not any("税收征管" in c.text for c in item.conditions if c.op == "unknown")


def test_a_guarantor_refusing_listed_clients_excludes_them_and_a_clawback_for_false_data_is_no_requirement():
    text = ("# 某担保公司产品介绍\n\n一、共同准入要求\n\n申请人应在临河区注册登记。本公司不为下列对象提供担保：地方政府融资平台公司；"
            "房地产开发企业；加油站。\n\n二、产品\n\n（一）助农担保。为农业企业提供流动资金贷款担保，单户最高300万元。"
            "国有及国有控股企业不申报本项。获得担保的企业应当如实报送经营数据，弄虚作假的，收回担保费补贴资金，三年内不得申请本公司产品。\n")
    (item,) = extract_policy(text, "guarantor", {"region_code": "150802"}).items
    keys = {c.key() for c in item.conditions}
    assert ("not_in", "industry", ("K7010",)) in keys or any(
        c.op == "not_in" and "K7010" in c.value for c in item.conditions if c.field == "industry")
    assert any(c.op == "not_in" and "F5265" in c.value for c in item.conditions if c.field == "industry")  # 加油站
    assert ("not_in", "ownership", ("国有",)) in keys  # 不申报本项
    assert not any("如实报送" in c.text or "弄虚作假" in c.text for c in item.conditions)


def test_a_title_already_recognised_and_the_date_a_loan_was_made_are_requirements_of_a_first_loan_subsidy():
    text = ("# 某区科技金融兑现指南\n\n一、兑现事项\n\n（一）首贷贴息。经认定为科技型中小企业或者高新技术企业的首贷企业，"
            "贷款发放日在2025年1月1日以后、申请时已按合同约定足额付息的，按实际支付利息的50%给予贴息。\n")
    (item,) = extract_policy(text, "first-loan", {"region_code": "520115"}).items
    (group,) = [c for c in item.conditions if c.op == "any_of"]
    assert {c.value for c in group.any_of} == {"科技型中小企业", "高新技术企业"}  # 经认定为: held, not applied for
    assert any(c.op == "unknown" and c.text.startswith("贷款发放日在2025年1月1日以后") for c in item.conditions)


def test_a_product_list_refusing_listed_subjects_and_two_high_trades_named_by_their_plants():
    text = ("# 某区融资产品推介清单\n\n一、清单说明\n\n各项产品均不支持下列主体：房地产开发经营企业；地方政府融资平台公司。"
            "在大冶市注册的工业企业（不含钢铁冶炼、水泥制造和电解铝行业）可以申请。钢铁行业新增产能的项目不予支持。\n\n"
            "二、产品\n\n1．技改贷。为企业技术改造提供中长期贷款，单户最高1000万元。\n\n联系电话：0714-8××××××（市金融办）\n")
    (item,) = extract_policy(text, "products", {"region_code": "420281"}).items
    industries = [c for c in item.conditions if c.field == "industry"]
    assert any(c.op == "not_in" and "K7010" in c.value for c in industries)  # 不支持下列主体：…
    assert any(c.op == "not_in" and {"C3110", "C3120", "C3216"} <= set(c.value) for c in industries)
    assert not any("各项产品" in c.text or "联系电话" in c.text or "0714" in c.text for c in item.conditions)
    assert any(c.op == "unknown" and "新增产能" in c.text for c in item.conditions)  # a project, not the trade


def test_starting_a_business_inside_the_city_is_the_place_and_paying_taxes_there_is_a_premise():
    text = ("# 某市创业担保贷款通知\n\n一、申请条件\n\n借款人须在韩城市行政区域内创业，应当从事国家非限制、非淘汰类行业，并在本市依法纳税。\n\n"
            "二、贷款额度\n\n个人创业担保贷款最高30万元，财政全额贴息。\n")
    (item,) = extract_policy(text, "startup", {"region_code": "610581"}).items
    assert ("within", "region_code", "610581") in {c.key() for c in item.conditions}
    assert not any("依法纳税" in c.text for c in item.conditions)


def test_a_county_named_below_its_city_is_the_place():
    text = ("# 某区税费优惠说明\n\n一、适用范围\n\n在佛山市南海区办理税务登记的小型微利企业。\n\n"
            "二、优惠内容\n\n对小型微利企业减按25%计算应纳税所得额，按20%的税率缴纳企业所得税。\n")
    (item,) = extract_policy(text, "compound-place", {"region_code": "440605"}).items
    assert ("within", "region_code", "440605") in {c.key() for c in item.conditions}


def test_an_amending_decision_reads_its_quoted_articles_as_the_policy():
    text = ("# 关于修改《某市稳岗补贴实施办法》的决定\n\n决定对《办法》作如下修改：\n\n一、将第三条修改为：\n\n"
            "“第三条 本办法适用于在卫辉市行政区域内依法登记注册的企业。\n\n“下列单位不适用本办法：\n\n“（一）机关事业单位；\n\n"
            "“（二）劳务派遣企业；\n\n“（三）被列入失信被执行人名单的单位。”\n\n二、将第五条修改为：\n\n"
            "“第五条 企业上年度未裁员的，按上年度实际缴纳失业保险费的60%给予稳岗返还。”\n")
    items = extract_policy(text, "amendment", {"region_code": "410781"}).items
    assert items
    keys = {c.key() for c in items[0].conditions}
    assert ("not_in", "industry", ("L7263",)) in keys  # “（二）劳务派遣企业 is a case of the quoted exclusion list
    assert ("eq", "dishonest", False) in keys


def test_awards_for_different_standings_under_a_standard_heading_are_items_but_ranks_of_one_title_are_tiers():
    head = "# 某市梯度培育通知\n\n## 一、共同要求\n\n在张家港市注册登记的中小企业。\n\n## 二、奖励标准\n\n"
    standings = ("（一）新评价为创新型中小企业的，给予一次性奖励3万元。\n\n（二）新入库的市级专精特新中小企业，给予一次性奖励10万元。\n\n"
                 "（三）被推荐为“小巨人”后备企业并于当年获评省级专精特新中小企业的，给予一次性奖励20万元。\n")
    assert len(extract_policy(head + standings, "standings", {"region_code": "320582"}).items) == 3
    ranks = ("（一）新认定为国家级专精特新“小巨人”企业的，给予一次性奖励50万元。\n\n"
             "（二）新认定为省级专精特新“小巨人”企业的，给予一次性奖励20万元。\n")
    assert len(extract_policy(head + ranks, "ranks", {"region_code": "320582"}).items) == 1


def test_a_note_leaving_one_kind_out_of_one_product_does_not_negate_the_scope():
    text = ("# 某农商银行产品要素表\n\n**共同准入底线**\n\n借款人为在诸暨市登记注册的小微企业或者个体工商户（个体工商户不适用“科创积分贷”）。"
            "未被列入失信被执行人名单。\n\n## 产品一：科创积分贷\n\n向科技型中小企业发放信用贷款，单户最高500万元。\n\n"
            "## 产品二：税易贷\n\n向纳税信用等级为A级、B级的企业发放信用贷款，单户最高200万元。\n")
    items = extract_policy(text, "note", {"region_code": "330681"}).items
    assert len(items) == 2
    for item in items:
        (scope,) = [c for c in item.conditions if c.op == "any_of"]
        assert {(c.op, c.field) for c in scope.any_of} == {("in", "size"), ("eq", "ownership")}


def test_starting_up_in_the_city_is_the_place_and_a_bare_list_lead_is_no_requirement():
    text = ("# 某市创业担保贷款通知\n\n一、个人创业担保贷款\n\n1．支持对象。在韩城市创业的返乡农民工。\n\n2．申请条件。借款人应当同时符合：\n\n"
            "（1）年龄在18周岁以上；\n\n（2）创业项目已办理营业执照。\n\n3．额度和期限。个人贷款额度最高30万元，期限最长3年。\n")
    (item,) = extract_policy(text, "startup-list", {"region_code": "610581"}).items
    assert ("within", "region_code", "610581") in {c.key() for c in item.conditions}
    assert not any(c.text.endswith("同时符合") for c in item.conditions)
    assert any(c.text == "年龄在18周岁以上" for c in item.conditions)


def test_trades_listed_in_one_bracket_are_one_exclusion():
    text = ("# 某市招商引资会议纪要\n\n一、固定资产投资奖励\n\n工业项目按设备投资额的5%给予奖励。高耗能项目（石油煤炭及其他燃料加工业，"
            "化学原料和化学制品制造业，非金属矿物制品业）不享受本项奖励。\n")
    (item,) = extract_policy(text, "bracket-list", {"region_code": "350583"}).items
    excluded = [c for c in item.conditions if c.field == "industry" and c.op == "not_in"]
    assert len(excluded) == 1 and set(excluded[0].value) == {"C25", "C26", "C30"}


def test_a_numbered_list_of_kinds_defined_with_zhi_binds_each_kind_to_the_items_that_name_it():
    text = ("# 关于个体工商户分型分类精准帮扶的通知\n\n## 一、分型分类标准\n\n本通知所称个体工商户，按经营规模分为两类：\n\n"
            "（一）生存型，指年营业收入30万元以下的个体工商户；\n\n（二）成长型，指年营业收入超过30万元、不超过500万元的个体工商户。\n\n"
            "## 二、扶持措施\n\n（一）生存型个体工商户经营补贴。对在北流市登记的生存型个体工商户，给予一次性经营补贴2000元。\n\n"
            "（二）成长型个体工商户奖励。对在北流市登记的成长型个体工商户，给予一次性奖励5000元。\n")
    first, second = extract_policy(text, "kinds", {"region_code": "450981"}).items
    assert ("le", "revenue", 30) in {c.key() for c in first.conditions}
    assert not any(c.field == "revenue" and c.op == "gt" for c in first.conditions)
    assert {("gt", "revenue", 30), ("le", "revenue", 500)} <= {c.key() for c in second.conditions}
