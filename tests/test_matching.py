"""The Matcher on hand-checked cases: verdict table, validity, region scope, ranking, outreach."""

from datetime import date

import numpy as np
import pytest

from recommender.matching.catalog import Catalog
from recommender.matching.matcher import Matcher
from recommender.matching.outreach import OutreachFilter, outreach
from recommender.profiles.derive import derive
from recommender.profiles.importer import frame_from_records
from recommender.rules.schema import Benefit, Condition, Policy, SupportItem

AS_OF = date(2026, 6, 30)


def _cond(field, op, value, text=""):
    return Condition(op=op, field=field, value=value, text=text or f"{field} {op} {value}")


FIRST_LOAN = SupportItem(
    item_id="county-loan#1",
    kind="credit",
    name="首贷贴息",
    conditions=(
        _cond("size", "in", ["小型", "微型"], "小微企业"),
        _cond("has_bank_loan", "eq", False, "首次获得银行贷款"),
    ),
    benefits=(Benefit("单户贴息最高10万元", 10, "万元", "cap"),),
    text="对首次获得银行贷款的小微企业给予贷款贴息，支持老腊肉等特色食品加工",
)
TECH_AWARD = SupportItem(
    item_id="county-loan#2",
    kind="incentive",
    name="科技型中小企业评价入库奖励",
    conditions=(_cond("rd_expense", "ge", 10.0, "研发费用不低于10万元"),),
    benefits=(Benefit("奖励5万元", 5, "万元", "amount"),),
    text="对首次入库的科技型中小企业给予奖励",
)
COUNTY = Policy(
    policy_id="county-loan",
    title="某县支持小微企业融资的若干措施",
    items=(FIRST_LOAN, TECH_AWARD),
    region_code="500229",
    valid_until="2027-12-31",
)
EXPIRED = Policy(
    policy_id="old",
    title="已到期的政策",
    items=(SupportItem(item_id="old#1", kind="incentive", name="旧补贴"),),
    valid_until="2025-12-31",
)

PROFILES = [
    # eligible: county, micro industrial firm (19 employees), never borrowed
    {"credit_code": "91500229MA5U0000A1", "name": "城口县甲腊肉加工厂", "industry_code": "C1353",
     "region_code": "500229", "employees": 19, "has_bank_loan": "否", "rd_expense": 12,
     "scope": "腊肉加工；农副产品销售"},
    # unknown: loan record not given
    {"credit_code": "91500229MA5U0000B2", "name": "城口县乙商贸有限公司", "industry_code": "F5212",
     "region_code": "500229", "employees": 5, "revenue": 100},
    # ineligible: outside the county
    {"credit_code": "91500106MA5U0000C3", "name": "沙坪坝丙科技有限公司", "industry_code": "I6513",
     "region_code": "500106", "employees": 10, "revenue": 300, "has_bank_loan": "否",
     "qualifications": "科技型中小企业", "rd_expense": 50},
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    records = []
    for p in PROFILES:  # let the importer compute valid check characters for the fixtures
        from recommender.profiles.credit_code import credit_code_check_char

        code = p["credit_code"][:17]
        records.append({**p, "credit_code": code + credit_code_check_char(code)})
    result = frame_from_records(records)
    assert not result.rejected, result.rejected
    return Matcher([COUNTY, EXPIRED], derive(result.frame, AS_OF), AS_OF)


def test_expired_documents_are_not_offered(matcher):
    assert [i.item_id for i in matcher.catalog.items] == ["county-loan#1", "county-loan#2"]
    assert [i.item_id for i in matcher.catalog.expired] == ["old#1"]


def test_policy_region_becomes_a_condition_when_items_state_none():
    catalog = Catalog.build([COUNTY], AS_OF)
    first = catalog.items[0].conditions[0]
    assert (first.field, first.op, first.value) == ("region_code", "within", "500229")


def test_status_per_enterprise_for_the_first_loan_item(matcher):
    scoped = matcher.catalog.item("county-loan#1")  # with the county's region made explicit
    assert matcher.status(scoped).tolist() == [1, 0, -1]
    assert matcher.status(FIRST_LOAN).tolist() == [1, 0, 1]  # the bare item knows no region


def test_table_has_one_row_per_enterprise_and_item_with_reasons(matcher):
    table = matcher.table()
    assert len(table) == 3 * 2
    assert set(table.columns) == {"credit_code", "policy_id", "item_id", "status", "score", "reasons"}
    row = table[(table["item_id"] == "county-loan#1") & (table["status"] == "ineligible")].iloc[0]
    assert "不符合(failed)：政策适用地区" in row["reasons"]
    assert "符合(held)：首次获得银行贷款" in row["reasons"]


def test_score_orders_status_tiers(matcher):
    scores = matcher.scores(matcher.catalog.item("county-loan#1"))
    assert scores[0] > 2 > scores[1] > 1 > scores[2] >= 0


def test_recommend_leaves_out_a_qualification_the_enterprise_holds(matcher):
    # the third firm is already 科技型中小企业: the 评价入库 reward is not for it
    ranked = matcher.recommend(2)
    assert "county-loan#2" not in set(ranked["item_id"])
    assert "county-loan#2" in set(matcher.recommend(0)["item_id"])


def test_recommend_hides_received_items_and_filters_by_query(matcher):
    assert "county-loan#1" not in set(matcher.recommend(0, received={"county-loan#1"})["item_id"])
    found = matcher.recommend(0, query="贷款贴息")
    assert found["item_id"].tolist() == ["county-loan#1"]


def test_outreach_lists_eligible_first_then_unknown(matcher):
    table = outreach(matcher, "county-loan#1")
    assert table["status"].tolist() == ["eligible", "unknown"]
    assert table["rank"].tolist() == [1, 2]


def test_outreach_filters_by_industry_prefix(matcher):
    table = outreach(matcher, "county-loan#1", OutreachFilter(industries=("F",)))
    assert table["name"].tolist() == ["城口县乙商贸有限公司"]


def test_unknown_count_counts_missing_facts(matcher):
    scoped = matcher.catalog.item("county-loan#1")
    assert np.asarray(matcher.unknown_count(scoped)).tolist() == [0, 1, 0]


def test_auto_grant_lists_only_fully_checkable_items_and_their_holders(matcher):
    from recommender.matching.autogrant import auto_grant, auto_grant_items

    assert [i.item_id for i in auto_grant_items(matcher)] == ["county-loan#1", "county-loan#2"]
    table = auto_grant(matcher)
    assert table[table["item_id"] == "county-loan#1"]["name"].tolist() == ["城口县甲腊肉加工厂"]


def test_an_unknown_condition_rules_out_auto_grant():
    from recommender.matching.autogrant import checkable

    confirm = Condition(op="unknown", text="拥有核心自主知识产权")
    size = _cond("size", "in", ["小型"])
    assert not checkable(Condition(op="any_of", any_of=(size, confirm)))
    assert checkable(size)
