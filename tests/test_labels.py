from recommender.text.extract import extract_policy
from recommender.text.labels import arrow_labels

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
