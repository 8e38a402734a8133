"""Clause structure and addresses."""

import pytest

from recommender.text.extract import extract_policy
from recommender.text.headings import heading_role
from recommender.text.roles import is_measure
from recommender.text.structure import parse_structure

ARTICLES = """# 某县支持措施

第一条 为支持发展，制定本措施。

第二条 申报条件。申请企业应当符合下列条件：（一）在本县注册登记；（二）属于小微企业。

第三条 【支持标准】
（一）首贷贴息。按实际利息的50%给予贴息。
（二）担保费补贴。
1. 按担保费的1%给予补贴；
2. 最高5万元。
"""

OUTLINE = """关于做好某项工作的通知

一、支持对象
（一）中小微企业。
（二）申请企业应当满足以下要求：
1. 注册地在本市；
2. 未被列入失信被执行人名单。
二、支持标准
"""


def test_article_addresses_and_offsets():
    s = parse_structure(ARTICLES)
    assert s.title == "某县支持措施"
    by_address = {c.address: c for c in s.clauses}
    assert set(by_address) >= {"第一条", "第二条", "第二条第（一）项", "第二条第（二）项", "第三条",
                               "第三条第（一）项", "第三条第（二）项第1目", "第三条第（二）项第2目"}
    item = by_address["第二条第（二）项"]
    assert s.own_text(item).startswith("属于小微企业")
    assert ARTICLES[item.start:item.body_start] == "（二）"
    assert by_address["第二条"].heading == "申报条件"
    assert by_address["第三条"].heading == "支持标准"
    assert by_address["第三条第（一）项"].heading == "首贷贴息"
    assert s.clause_at(ARTICLES.index("最高5万元")).address == "第三条第（二）项第2目"
    third = by_address["第三条"]
    assert "最高5万元" in s.full_text(third) and "第二条" not in s.full_text(third)


def test_outline_addresses_and_parents():
    s = parse_structure(OUTLINE)
    addresses = [c.address for c in s.clauses]
    assert addresses == ["一、", "一、（一）", "一、（二）", "一、（二）1.", "一、（二）2.", "二、"]
    second = s.clauses[2]
    assert [s.clauses[i].address for i in second.children] == ["一、（二）1.", "一、（二）2."]
    assert s.clauses[0].heading == "支持对象"
    assert s.title == "关于做好某项工作的通知"


def test_chapters_do_not_enter_addresses():
    text = "## 第一章 总则\n\n第一条 目的。\n\n## 第二章 使用条件\n\n第二条 条件如下：\n（一）中小微企业。\n"
    s = parse_structure(text)
    assert [c.address for c in s.clauses] == ["第一章", "第一条", "第二章", "第二条", "第二条第（一）项"]
    assert s.clauses[3].parent == 2


def test_decimal_numbers_are_not_markers():
    s = parse_structure("一、贷款利率\n1.5倍以内的利率由银行确定。\n")
    assert [c.label for c in s.clauses] == ["一、"]


def test_first_second_third_items_inside_a_paragraph_are_clauses():
    s = parse_structure("公告如下：一是对冷链企业给予补助；二是对商贸企业给予奖励。统一是指…\n")
    assert [c.label for c in s.clauses] == ["一是", "二是"]
    assert s.own_text(s.clauses[1]).startswith("对商贸企业")


def test_named_ordinals_head_sections_of_a_plain_text_compilation():
    s = parse_structure("惠企政策汇编\n\n政策一：首贷贴息\n对首贷户给予贴息。\n\n政策二：稳岗返还\n对参保企业返还失业保险费。\n"
                        "项目一般由区县初审。\n")
    assert [c.label for c in s.clauses] == ["政策一：首贷贴息", "政策二：稳岗返还"]


def test_numbered_questions_are_addressed_by_their_number():
    text = "**问一：哪些企业免征增值税？**\n\n答：小规模纳税人免征。\n\n**问二：一般纳税人能否享受？**\n\n答：不能。\n"
    structure = parse_structure(text)
    assert [(c.address, c.heading) for c in structure.clauses] == [
        ("问一", "哪些企业免征增值税？"), ("问二", "一般纳税人能否享受？")]


def test_a_heading_starting_with_a_numeral_word_is_still_a_clause():
    text = "一、稳岗返还\n\n对参保企业给予返还。\n\n二、一次性扩岗补助\n\n对招用青年的企业给予补助。\n"
    assert [c.address for c in parse_structure(text).clauses] == ["一、", "二、"]


def test_a_shortened_title_heading_is_the_title_not_a_section():
    text = "# 关于加快农产品加工业发展的通知\n\n一、支持对象\n\n本县企业。\n\n二、支持内容\n\n给予补助。\n"
    structure = parse_structure(text, "某县人民政府办公室关于加快农产品加工业发展的通知")
    assert [c.address for c in structure.clauses] == ["一、", "二、"]


def test_a_bare_product_number_on_its_own_line_heads_the_parts_below_it():
    text = ("手册\n\n=====\n产品一\n=====\n一、产品名称：首贷通\n\n二、贷款对象：小微企业。\n\n"
            "=====\n产品二\n=====\n一、产品名称：积分贷\n\n二、贷款对象：高新技术企业。\n")
    s = parse_structure(text, title="手册")
    tops = [c.label for c in s.clauses if c.parent is None]
    assert tops == ["产品一", "产品二"]
    assert [s.clauses[c.parent].label for c in s.clauses if c.label == "二、"] == ["产品一", "产品二"]


@pytest.mark.parametrize("text", [
    "对贷款即将到期的中小企业，提供单笔不超过500万元、使用期限不超过10天的过桥资金。",
    "对租用标准化厂房的制造业企业，第一年租金全免，第二年、第三年减半收取。",
    "担保机构对单户担保金额1000万元以下的小微企业，年化担保费率不超过1%。",
    "【减多少】第四季度租金全免\n\n【温馨提示】已有租金减免约定的，按就高原则执行，不重复享受。",
])
def test_bridge_money_and_waived_rent_are_offers(text):
    assert is_measure(text)


def test_a_rule_for_the_fund_is_no_offer():
    assert not is_measure("资金使用费按日万分之一点五收取，由运营机构负责审核。")
    assert not is_measure("贷款利率：不高于一年期LPR加50个基点。")


def test_a_numbered_entry_line_with_its_name_heads_the_entry():
    text = ("公告\n\n二、支持项目及标准\n\n**第一项 龙头企业认定奖励。**\n\n条件：新认定为龙头企业。\n\n"
            "**第二项 设备购置补助。**\n\n条件：从事食品制造业。\n")
    s = parse_structure(text, title="公告")
    entries = [(c.label, c.heading) for c in s.clauses if c.label.startswith("第")]
    assert entries == [("第一项", "龙头企业认定奖励"), ("第二项", "设备购置补助")]
    assert "设备购置补助" not in s.own_text(s.clauses[1])


def test_cases_after_an_announced_award_are_one_offer_but_offers_to_different_firms_are_two():
    from recommender.text.offers import offer_segments
    staged = ("对在本市注册的企业，给予分阶段奖励：首发上市的，累计奖励800万元；"
              "在全国中小企业股份转让系统挂牌的，给予一次性奖励100万元。")
    assert offer_segments(staged) == []
    two = "对新认定的高新技术企业，给予一次性奖励20万元；对首次获得银行贷款的小微企业，按贷款利息的50%给予贴息。"
    assert len(offer_segments(two)) == 2


def test_bold_labels_inside_an_entry_are_its_parts_and_end_the_list_above_them():
    text = ("手册\n\n## 一、专精特新贷\n\n**适用对象**：专精特新中小企业。\n\n**准入条件**：\n\n1. 注册满两年；\n\n"
            "2. 纳税信用等级B级及以上。\n\n**贷款额度**：单户最高2000万元。\n\n## 二、首贷通\n\n**适用对象**：无贷款记录的小微企业。\n")
    s = parse_structure(text, title="手册")
    parts = [(c.address, s.clauses[c.parent].label) for c in s.clauses if c.kind == "part"]
    assert parts == [("一、【适用对象】", "一、"), ("一、【准入条件】", "一、"), ("一、【贷款额度】", "一、"),
                     ("二、【适用对象】", "二、")]
    second = next(c for c in s.clauses if c.address == "一、【准入条件】2.")
    assert "单户最高" not in s.own_text(second)
    first = next(c for c in s.clauses if c.label == "一、")
    second_start = next(c for c in s.clauses if c.label == "二、").start
    assert first.end < second_start and text[first.end:second_start] == "## "  # the next heading's marks: neither's


def test_bulleted_bold_labels_are_parts_that_start_at_their_bullet():
    text = ("指南\n\n## 政策一｜设备奖励\n\n- **门槛**：投资达到1亿元以上。\n- **奖励**：最高2000万元。\n\n"
            "## 政策二｜租金补贴\n\n- **门槛**：租用面积1000平方米以上。\n")
    s = parse_structure(text, title="指南")
    parts = [(c.heading, s.clauses[c.parent].heading) for c in s.clauses if c.kind == "part"]
    assert parts == [("门槛", "政策一｜设备奖励"), ("奖励", "政策一｜设备奖励"), ("门槛", "政策二｜租金补贴")]
    threshold = next(c for c in s.clauses if c.kind == "part")
    assert s.own_text(threshold).strip() == "投资达到1亿元以上。"


def test_an_amount_under_a_combined_limit_and_term_label_is_an_offer():
    assert is_measure("适用对象：小型、微型企业。\n额度期限：单户最高200万元，期限最长1年。")


def test_clauses_numbered_by_their_path_nest_by_depth():
    text = ("指引\n\n## 2 准入标准\n\n2.1 服务对象为小型、微型企业。\n\n## 3 业务品种\n\n3.1 批量担保贷款\n\n"
            "3.1.1 上年度营业收入不超过1亿元的，可以申请。\n\n3.1.2 单户担保贷款额度不超过1000万元。\n\n3.2 续贷周转担保\n\n"
            "3.2.1 存量贷款应当无逾期。\n")
    s = parse_structure(text, title="指引")
    parents = {c.address: s.clauses[c.parent].address if c.parent is not None else None
               for c in s.clauses if c.kind.startswith("dec")}
    assert parents["3.1.1"] == "3.1" and parents["3.1.2"] == "3.1" and parents["3.2.1"] == "3.2"
    assert parents["3.1"] == parents["3.2"] == "3"  # the chapter the paths start from (## 3 业务品种)
    s2 = parse_structure("办法\n\n第一条 营业收入达到1.5亿元以上的企业。\n", title="办法")
    assert not any(c.kind.startswith("dec") for c in s2.clauses)


def test_a_numbered_title_opening_a_guides_card_is_no_clause():
    text = ("15. 某市教学实践基地认定\n依据文件\n《某市基地管理办法》\n申请基地应同时具备以下条件：\n"
            "1. 在本市注册登记的独立法人单位；\n2. 从事相关业务5年以上。\n")
    structure = parse_structure(text, "某市教学实践基地认定")
    assert [c.label for c in structure.clauses] == ["1.", "2."]
    assert structure.preamble_end == text.index("1. 在本市")


def test_a_note_defining_a_term_by_a_tax_form_offers_nothing():
    note = "第2项所称研发费用，以企业所得税年度纳税申报表中研发费用加计扣除优惠明细表所列金额为准。"
    assert not is_measure(note)
    assert is_measure("研发费用按实际发生额的100%在税前加计扣除。")


def test_parts_numbered_as_divisions_head_their_lists_and_a_reference_to_one_starts_nothing():
    text = ("第一部分　支持建筑业\n\n1.产值奖励。给予奖励50万元。\n\n2.申报本部分奖励的企业，应为建筑业企业。\n\n"
            "第二部分　不予认定和奖励的情形\n\n（一）被列入严重失信主体名单。\n")
    structure = parse_structure(text, "若干措施")
    assert [(c.kind, c.label) for c in structure.clauses if c.parent is None] == [("chapter", "第一部分"), ("chapter", "第二部分")]
    assert heading_role("不予认定和奖励的情形") == "conditions"
    assert parse_structure("第二部分第（一）项所称企业，是指…\n", "某措施").clauses == []


def test_a_table_numbered_by_codes_names_its_rows_by_the_name_column():
    text = ("| 服务事项编号 | 服务事项 | 服务对象 | 服务内容 |\n|---|---|---|---|\n"
            "| PS-03 | 吸纳就业社保补贴 | 中小微企业 | 按实际缴纳的社会保险费给予补贴 |\n")
    (row,) = parse_structure(text, "惠企服务包").clauses
    assert (row.label, row.heading) == ("3.", "吸纳就业社保补贴")


def test_paragraphs_opening_with_a_bold_name_are_entries():
    text = ("# 若干举措\n\n**明确支持范围。**本举措适用于在本市登记注册的民营企业。\n\n"
            "**降低首贷融资成本。**小型、微型民营企业首次获得银行贷款的，给予贴息。\n\n"
            "**帮助企业开拓市场。**民营企业参加境外展会的，按展位费的百分之七十给予补贴。\n")
    structure = parse_structure(text)
    assert [(c.kind, c.heading) for c in structure.clauses] == [
        ("entry", "明确支持范围"), ("entry", "降低首贷融资成本"), ("entry", "帮助企业开拓市场")]


def test_bold_product_names_with_a_note_are_parts_of_their_numbered_section():
    text = ("## 二、产品要素\n\n**兴农贷**（面向家庭农场）\n\n- 适用对象：家庭农场。\n- 贷款额度：单户最高200万元。\n\n"
            "**助微贷**（面向小微企业）\n\n- 适用对象：小型、微型企业。\n\n## 三、负面清单\n\n1. 被列为失信被执行人的。\n")
    clauses = parse_structure(text).clauses
    assert [(c.kind, c.label) for c in clauses][:3] == [("cn", "二、"), ("part", "【兴农贷】"), ("part", "【助微贷】")]
    assert clauses[3].label == "三、" and clauses[3].parent is None


def test_rows_of_a_key_value_table_are_labelled_parts_of_the_section_above():
    text = "## 一、研发贷\n\n| 项目 | 内容 |\n|---|---|\n| 适用对象 | 科技型中小企业 |\n| 额度 | 单户最高两千万元 |\n"
    s = parse_structure(text)
    section, audience, limit = s.clauses
    assert (audience.kind, audience.heading, limit.heading) == ("part", "适用对象", "额度")
    assert audience.parent == limit.parent == 0 and section.children == [1, 2]
    assert s.own_text(limit).strip(" |\n") == "单户最高两千万元"


def test_a_heading_naming_new_materials_is_no_list_of_application_papers():
    assert heading_role("首批次新材料") is None
    assert heading_role("申报材料") == "procedure"


def test_a_question_about_which_firms_may_apply_heads_conditions_and_fund_investment_is_an_offer():
    assert heading_role("哪些经营主体可以申请“助微贷”？") == "conditions"
    assert is_measure("在新余市注册的制造业企业。基金单个项目投资额不超过5000万元。")
    assert is_measure("基金按社会资本实际出资额1:1跟进投资，单个项目不超过1000万元。")
    assert not is_measure("项目总投资额不低于5000万元。")


def test_a_heading_listing_refused_cases_heads_conditions():
    assert heading_role("有下列情形之一的不予认定") == "conditions"
    assert heading_role("有下列情形之一的，不予支持") == "conditions"


def test_support_agreed_case_by_case_is_an_offer_but_a_project_already_agreed_is_not():
    assert is_measure("对固定资产投资10亿元以上的工业项目，可以实行“一事一议”，具体支持方式在投资协议中约定。")
    assert not is_measure("已按“一事一议”方式另行约定支持政策的项目。")


def test_a_refund_named_in_a_heading_list_or_a_reference_is_no_offer():
    assert not is_measure("有下列情形之一的，不列入返还名单：")
    assert not is_measure("本次返还实行“免申即享”，单位无需提交任何材料。")
    assert is_measure("大型企业按上年度实际缴纳失业保险费的30%返还。")


def test_a_reward_standard_heading_gives_terms():
    assert heading_role("奖补标准") == "standard"


def test_notes_under_a_table_go_on_one_a_line_as_notes_not_rows():
    text = ("通知\n\n| 序号 | 奖励项目 | 标准 |\n|---|---|---|\n| 1 | 零售增长奖 | 奖励10万元 |\n| 2 | 餐饮提质奖 | 奖励20万元 |\n\n"
            "注：1. 申报企业须在本区注册。\n\n2. 新开业未满一年的企业不参与第1项评选。\n\n请企业按时申报。\n\n3. 另起的编号段落。\n")
    addresses = [c.address for c in parse_structure(text, title="通知").clauses]
    assert "注1." in addresses and "注2." in addresses
    assert addresses.count("2.") == 1  # the row, not the second note
    assert "3." in addresses  # a plain paragraph ends the notes


def test_paths_with_a_pause_mark_and_their_chapters_numbered_with_one():
    text = ("1、总则\n为推动成果转化，编制本指南。\n\n2、支持方向\n2.1、成果转化补助。企业受让科技成果的，按交易额的20%给予补助。\n"
            "2.2、落户奖励。新创办企业，给予一次性奖励10万元。\n\n3、申报条件\n3.1、在洪山区注册登记；\n3.2、纳税信用等级不为D级。\n\n"
            "4、联系方式\n区科经局。\n")
    clauses = parse_structure(text).clauses
    assert [(c.kind, c.label) for c in clauses] == [
        ("dec0", "1、"), ("dec0", "2、"), ("dec1", "2.1、"), ("dec1", "2.2、"), ("dec0", "3、"), ("dec1", "3.1、"),
        ("dec1", "3.2、"), ("dec0", "4、")]
    assert clauses[2].parent == 1 and clauses[5].parent == 4 and clauses[7].parent is None


def test_the_hashes_of_the_next_heading_belong_to_no_clause():
    text = ("#### 一、育苗补贴\n\n- 从事蔬菜育苗\n\n补贴标准：给予20万元补贴。\n\n"
            "#### 二、龙头企业奖励\n\n- 带动农户500户以上\n\n奖励标准：奖励30万元。\n")
    items = extract_policy(text, "hashes", {"region_code": "370783"}).items
    assert [i.name for i in items] == ["育苗补贴", "龙头企业奖励"]
    assert not any("#" in c.text for i in items for c in i.conditions)
    assert "#" not in items[0].text


def test_capital_letters_number_sections_and_the_circled_entries_under_a_bare_name_are_its_requirements():
    text = ("某县扶持措施\n\nA. 加工设备补助\n\n① 在临洮县注册登记的食品制造企业；\n② 当年新购置加工设备投资额在50万元以上。\n\n"
            "按设备购置款的20%给予补助。\n\nB. 出口奖励\n\n① 上年度农产品出口额达到100万美元以上；\n② 年主营业务收入未满两亿元。\n\n"
            "按出口额每美元奖励0.02元。\n")
    s = parse_structure(text, title="某县扶持措施")
    assert [c.address for c in s.clauses if c.kind == "upper"] == ["A.", "B."]
    first, second = extract_policy(text, "letters", {"region_code": "621124"}).items
    assert (first.name, second.name) == ("加工设备补助", "出口奖励")
    assert "当年新购置加工设备投资额在50万元以上" in {c.text for c in first.conditions}
    assert ("lt", "revenue", 20000) in {c.key() for c in second.conditions}
    assert not any(c.kind == "upper" for c in parse_structure("A级、B级企业可以申请。\nA、B类企业\n", title="t").clauses)
