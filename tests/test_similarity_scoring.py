"""TF-IDF similarity over jieba tokens and the ranking score's terms."""

import numpy as np
import pytest
from sklearn.base import clone

from recommender.matching.scoring import benefit_size, combine, favoured_industries
from recommender.matching.similarity import ItemSimilarity, make_vectorizer, tokenize
from recommender.rules.schema import Benefit, Condition, SupportItem


def _item(n, name, text, benefits=(), conditions=()):
    return SupportItem(item_id=f"p#{n}", kind="incentive", name=name, text=text,
                       benefits=tuple(benefits), conditions=tuple(conditions))


ITEMS = [
    _item(1, "腊肉加工技改补助", "支持老腊肉加工企业改造烟熏车间，提升肉制品加工能力"),
    _item(2, "软件企业奖励", "支持软件开发和信息技术服务企业做大做强"),
    _item(3, "首贷贴息", "对首次获得银行贷款的小微企业给予贴息"),
]


def test_tokenize_keeps_domain_words_whole_and_drops_noise():
    tokens = tokenize("对首贷户和小型微利企业给予支持，纳税信用等级为A级。")
    assert "首贷户" in tokens and "小型微利企业" in tokens and "纳税信用等级" in tokens
    assert "，" not in tokens and "给予" not in tokens


def test_vectorizer_honours_the_estimator_contract():
    vec = make_vectorizer()
    assert vec.get_params()["token_pattern"] is None
    copy = clone(vec)
    assert copy.get_params()["tokenizer"] is tokenize
    assert not hasattr(copy, "vocabulary_")
    copy.fit(["老腊肉加工", "软件开发"])
    assert hasattr(copy, "vocabulary_")


def test_scope_text_ranks_the_matching_item_first():
    sim = ItemSimilarity(ITEMS)
    scores = sim.scores(["腊肉、香肠加工销售；肉制品加工", "应用软件开发；信息技术咨询服务"])
    assert scores.shape == (2, 3)
    assert scores[0].argmax() == 0
    assert scores[1].argmax() == 1
    assert (scores >= 0).all() and (scores <= 1 + 1e-9).all()


def test_search_returns_only_items_sharing_words():
    found = ItemSimilarity(ITEMS).search("银行贷款贴息")
    assert list(found.index) == ["p#3"]


def test_benefit_size_is_log_scaled_and_capped():
    small = _item(1, "a", "", [Benefit("奖励10万元", 10, "万元")])
    large = _item(2, "b", "", [Benefit("最高5000万元", 5000, "万元")])
    rate = _item(3, "c", "", [Benefit("减按20%", 0.2, "比例")])
    assert 0 < benefit_size(small) < benefit_size(large) == 1.0
    assert benefit_size(rate) == pytest.approx(0.3)
    assert benefit_size(_item(4, "d", "")) == 0.0


def test_favoured_industries_come_from_conditions_and_prose():
    item = _item(1, "制造业奖励", "支持软件和信息技术服务业发展", conditions=[
        Condition(op="in", field="industry", value=["C"], text="制造业")])
    codes = favoured_industries(item)
    assert "C" in codes and "I65" in codes


def test_combine_puts_every_eligible_above_every_unknown():
    status = np.array([1, 0, 0, -1])
    score = combine(status, np.array([0.0, 1.0, 0.5, 1.0]), np.array([0.0, 1.0, 1.0, 1.0]), 1.0,
                    np.array([0.0, 1.0, 1.0, 1.0]))
    assert score[0] > score[1] > score[2] > score[3]
    assert score[0] >= 2 and 1 <= score[1] < 2 and score[3] < 1


def test_enterprise_text_survives_a_row_without_industry():
    import pandas as pd

    from recommender.matching.similarity import enterprise_texts

    frame = pd.DataFrame({"industry_code": pd.Series([None], dtype="string"),
                          "scope": ["中药材种植"], "qualifications": [None]})
    assert enterprise_texts(frame).tolist() == ["中药材种植。。"]
