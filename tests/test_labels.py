from recommender.text.extract import extract_policy
from recommender.text.labels import arrow_labels, banner_headings, inline_labels, reference_marks

CALENDAR = (
    "某区惠企政策日历\n\n以下政策面向在杨浦区注册登记的企业。\n\n## 3月\n\n"
    "▌房租补贴\n对象▶软件和信息技术服务业企业\n条件▶租用区内办公用房面积500平方米以上；上年度营业收入1000万元以上\n"
    "标准▶按租金的30%给予补贴，最高50万元\n\n"
    "▌培育奖励\n对象▶首次评为创新型中小企业的企业\n条件▶上年度研发费用不低于50万元\n标准▶一次性奖励5万元\n"
)


def test_an_arrow_after_a_line_opening_label_is_read_as_its_colon():
    out = arrow_labels(CALENDAR)
    assert len(out) == len(CALENDAR) and "对象：软件" in out and "标准：一次性" in out
    assert arrow_labels("流程：申报→审核→拨付\n") == "流程：申报→审核→拨付\n"


def test_requirements_under_arrow_labels_are_read_whole():
    first, second = extract_policy(CALENDAR, "calendar", {"region_code": "310110"}).items
    assert "租用区内办公用房面积500平方米以上" in {c.text for c in first.conditions}
    assert "首次评为创新型中小企业" in {c.text for c in second.conditions}


NOTICE = (
    "关于兑现支持中小企业发展政策的通知\n\n各县市区：\n\n"
    "在荆门市行政区域内注册、具有独立法人资格的中小企业，均可按下列事项申报；申报当年存在欠缴税款记录的企业不予支持。\n\n"
    "1）研发奖励——对象：制造业中小企业；条件：上年度研发费用不低于100万元；标准：按研发费用的5%给予奖励，最高50万元。\n"
    "2）订单融资贴息——对象：年营业收入5000万元以下的中小企业；条件：凭有效销售订单取得订单融资贷款；标准：按利息的30%给予贴息。\n"
)


def test_labels_run_along_one_line_each_start_a_line():
    out = inline_labels(NOTICE)
    assert len(out) == len(NOTICE)
    assert "1）研发奖励\n 对象：制造业中小企业\n条件：上年度研发费用不低于100万元\n标准：按研发费用" in out
    one = "申报条件：在本市注册；成立满一年。\n"
    assert inline_labels(one) == one


def test_items_named_before_a_dash_with_inline_labels_and_a_lead_for_all():
    first, second = extract_policy(NOTICE, "inline", {"region_code": "420800"}).items
    assert (first.name, second.name) == ("研发奖励", "订单融资贴息")
    for item in (first, second):
        keys = {c.key() for c in item.conditions}
        assert ("within", "region_code", "420800") in keys
        assert any("欠缴税款记录" in c.text for c in item.conditions)
    assert ("ge", "rd_expense", 100) in {c.key() for c in first.conditions}
    assert not any(c.field == "rd_expense" for c in second.conditions)
    assert "凭有效销售订单取得订单融资贷款" in {c.text for c in second.conditions}


MARKED = (
    "某市数字经济扶持政策\n\n本政策适用于在抚州市登记注册的企业。\n\n"
    "◇改造补助。规模以上工业企业※1实施智能工厂改造，投资额不低于500万元的，按投资额的12%给予补助。\n\n"
    "◇上云用云券。中小企业※2购买云服务的，按服务费的30%发放用云券，每户每年不超过5万元。\n\n"
    "注：\n※1 指纳税信用等级为B级以上的企业。\n※2 被列入失信被执行人名单的企业除外。\n"
)


def test_reference_marks_become_circled_numbers_one_for_one():
    out = reference_marks(MARKED)
    assert len(out) == len(MARKED) and "工业企业① 实施" in out and "\n①  指纳税" in out
    assert reference_marks("※ 注意：材料须真实。\n") == "※ 注意：材料须真实。\n"


def test_a_reference_note_binds_only_the_items_that_carry_its_mark():
    first, second = extract_policy(MARKED, "marks", {"region_code": "361000"}).items
    assert second.name.endswith("上云用云券")  # 发放用云券 offers something
    assert ("in", "tax_credit", ("A", "B")) in {c.key() for c in first.conditions}
    assert not any(c.field == "tax_credit" for c in second.conditions)
    assert ("eq", "dishonest", False) in {c.key() for c in second.conditions}
    assert not any(c.field == "dishonest" for c in first.conditions)
    assert not any(c.text.startswith("①") for c in first.conditions)


LISTED = (
    "某县扶持政策清单\n\n说明：申报主体应当在德清县依法登记注册。\n\n"
    "【政策名称】设备补助【适用对象】制造业企业【申报条件】当年完成设备投资300万元以上【支持标准】按投资额的8%给予补助\n"
    "【政策名称】高企奖励【适用对象】首次通过认定的高新技术企业【申报条件】研发费用占营业收入的比例达到百分之四以上【支持标准】奖励15万元\n"
)


def test_a_line_of_bracket_labels_is_one_item_named_by_its_first_label():
    out = inline_labels(LISTED)
    assert "#### 设备补助\n【适用对象】制造业企业\n【申报条件】当年完成设备投资300万元以上\n【支持标准】" in out
    assert inline_labels("【一】科技贷【二】\n") == "【一】科技贷【二】\n"
    first, second = extract_policy(LISTED, "brackets", {"region_code": "330521"}).items
    assert (first.name, second.name) == ("设备补助", "高企奖励")
    assert ("in", "industry", ("C",)) in {c.key() for c in first.conditions}
    assert ("ge", "rd_ratio", 0.04) in {c.key() for c in second.conditions}
    assert not any(c.field == "rd_ratio" for c in first.conditions)


def test_a_title_between_rules_heads_a_section_and_bold_lines_are_no_banners():
    assert banner_headings("==== 工作表2：兑现事项 ====\n—— 选择“项目A”后显示 ——\n**“茶商贷”**\n———————\n") == (
        "#### 工作表2：兑现事项\n#### 选择“项目A”后显示\n**“茶商贷”**\n———————\n")


def test_each_section_shown_for_one_choice_of_an_online_form_is_an_item_with_its_checks():
    form = ("第一步　填写基本信息\n"
            "* 纳税信用等级：[ 请选择 ▼ ]\n  校验规则：纳税信用等级为C级、D级的企业不能申报。\n\n"
            "—— 选择“项目A”后显示 ——\n* 设备购置金额（万元）：[   ]\n"
            "  校验规则：仅限从事肉制品加工的企业申报。\n  补助测算：按设备购置金额的30%计算，单户最高80万元。\n\n"
            "—— 选择“项目B”后显示 ——\n  校验规则：申报主体须为小微企业。\n  贴息测算：按贷款利率的50%给予贴息，贴息期限不超过2年。\n")
    items = extract_policy(form, "form", {"region_code": "540202"}).items
    assert len(items) == 2
    first, second = (item.conditions for item in items)
    assert any(c.field == "tax_credit" and c.op == "not_in" for c in first)
    assert any(c.field == "industry" and c.op == "in" for c in first) and not any(c.field == "size" for c in first)
    assert any(c.field == "size" for c in second) and not any(c.field == "industry" for c in second)
