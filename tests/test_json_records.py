"""Policy records exported as JSON by a portal's interface, read like the labelled document they stand for."""

from __future__ import annotations

import json

from recommender.text.extract import extract_policy
from recommender.text.json_records import json_records

_EXPORT = {
    "code": 200,
    "data": {
        "tysm": "所列政策的申报主体均须在本县登记注册，且未被列入失信被执行人名单。",
        "rows": [
            {"zcbh": "X-001", "zcmc": "技术改造奖励", "sbdx": "制造业企业",
             "sbtj": "1.上年度营业收入2000万元以上；\n2.设备投资额不低于500万元。",
             "zcbz": "按设备投资额的10%给予奖励，最高100万元。", "lxdh": "023-1234567", "fjlj": None},
            {"zcbh": "X-002", "zcmc": "首贷贴息", "sbdx": "小型、微型企业", "sbtj": "首次获得银行贷款。",
             "zcbz": "按实际支付利息的50%给予贴息，最高10万元。", "lxdh": "023-1234567", "fjlj": None},
        ],
    },
}


def test_each_record_becomes_a_heading_over_labelled_lines_and_the_shared_note_comes_first() -> None:
    text = json_records("以下为平台接口返回的数据。\n\n" + json.dumps(_EXPORT, ensure_ascii=False, indent=2) + "\n\n以上。")
    lines = text.splitlines()
    assert lines[0] == "以下为平台接口返回的数据。" and lines[-1] == "以上。"
    assert "通用说明：所列政策的申报主体均须在本县登记注册，且未被列入失信被执行人名单。" in lines
    assert lines.index("#### 技术改造奖励") < lines.index("申报条件：") < lines.index("1.上年度营业收入2000万元以上；")
    assert "支持标准：按实际支付利息的50%给予贴息，最高10万元。" in lines
    assert not any("023-1234567" in ln or "X-001" in ln or '"' in ln for ln in lines)


def test_json_that_holds_no_policy_records_is_left_alone() -> None:
    text = '配置如下：\n{"page": 1, "size": 20}\n'
    assert json_records(text) == text


def test_records_keyed_in_english_yield_items_with_their_own_and_the_shared_conditions() -> None:
    rows = [{"policyName": r["zcmc"], "target": r["sbdx"], "conditions": r["sbtj"], "supportStandard": r["zcbz"]}
            for r in _EXPORT["data"]["rows"]]
    export = {"commonCondition": _EXPORT["data"]["tysm"], "list": rows}
    policy = extract_policy(json.dumps(export, ensure_ascii=False), "export", {"region_code": "500229"})
    assert [item.name for item in policy.items] == ["技术改造奖励", "首贷贴息"]
    first, second = (item.conditions for item in policy.items)
    for conditions in (first, second):
        assert any(c.field == "region_code" for c in conditions) and any(c.field == "dishonest" for c in conditions)
    assert any(c.field == "revenue" and c.value == 2000 for c in first)
    assert any(c.field == "has_bank_loan" and c.value is False for c in second)
    assert not any(c.field == "revenue" for c in second)
