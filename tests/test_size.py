"""SME size class by 统计上大中小微型企业划分办法(2017), with missing inputs."""

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.profiles.size import SIZE_BITS, classify_size, size_categories

NAN = float("nan")
# The standard's table, typed in independently of the data file: category -> (representative
# GB/T 4754-2017 codes, {indicator: (large, medium, small) lower bounds}).
STANDARD = {
    "农、林、牧、渔业": (["A0111", "A05"], {"revenue": (20000, 500, 50)}),
    "工业": (
        ["C3911", "B0610", "D4411", "C"],
        {"employees": (1000, 300, 20), "revenue": (40000, 2000, 300)},
    ),
    "建筑业": (["E4710"], {"revenue": (80000, 6000, 300), "assets": (80000, 5000, 300)}),
    "批发业": (["F5111"], {"employees": (200, 20, 5), "revenue": (40000, 5000, 1000)}),
    "零售业": (["F5211"], {"employees": (300, 50, 10), "revenue": (20000, 500, 100)}),
    "交通运输业": (
        ["G5431", "G5910", "G5810"],
        {"employees": (1000, 300, 20), "revenue": (30000, 3000, 200)},
    ),
    "仓储业": (["G5920", "G5990"], {"employees": (200, 100, 20), "revenue": (30000, 1000, 100)}),
    "邮政业": (["G6010"], {"employees": (1000, 300, 20), "revenue": (30000, 2000, 100)}),
    "住宿业": (["H6110"], {"employees": (300, 100, 10), "revenue": (10000, 2000, 100)}),
    "餐饮业": (["H6210"], {"employees": (300, 100, 10), "revenue": (10000, 2000, 100)}),
    "信息传输业": (
        ["I6311", "I6421"],
        {"employees": (2000, 100, 10), "revenue": (100000, 1000, 100)},
    ),
    "软件和信息技术服务业": (
        ["I6513", "I65"],
        {"employees": (300, 100, 10), "revenue": (10000, 1000, 50)},
    ),
    "房地产开发经营": (["K7010"], {"revenue": (200000, 1000, 100), "assets": (10000, 5000, 2000)}),
    "物业管理": (["K7020"], {"employees": (1000, 300, 100), "revenue": (5000, 1000, 500)}),
    "租赁和商务服务业": (
        ["L7111", "L"],
        {"employees": (300, 100, 10), "assets": (120000, 8000, 100)},
    ),
    "其他未列明行业": (
        ["M7310", "K7030", "Q8511", "R8810", "O8010"],
        {"employees": (300, 100, 10)},
    ),
}
UNCOVERED = ["G5311", "J6621", "K7040", "P8310", "Q8411", "S9100"]
CLASSES = ("大型", "中型", "小型")
INDICATORS = ("employees", "revenue", "assets")


def oracle(bounds: dict, values: dict) -> str:
    """The class of complete values: the first class whose every lower bound is met."""
    for k, name in enumerate(CLASSES):
        if all(values[ind] >= b[k] for ind, b in bounds.items()):
            return name
    return "微型"


def frame(rows):
    return pd.DataFrame(rows, columns=["industry_code", *INDICATORS])


def classify(rows):
    size, possible = classify_size(frame(rows))
    return [None if pd.isna(s) else s for s in size], possible.tolist()


def test_every_category_is_mapped_as_the_standard_says():
    for category, (codes, _) in STANDARD.items():
        for code in codes:
            assert size_categories()[code] == {category}, code
    for code in UNCOVERED:
        assert size_categories()[code] == frozenset(), code


@pytest.mark.parametrize("category", list(STANDARD))
def test_boundaries_of_every_category(category):
    codes, bounds = STANDARD[category]
    rows, expected = [], []
    for k, name in enumerate(CLASSES):
        at = {ind: NAN for ind in INDICATORS} | {ind: b[k] for ind, b in bounds.items()}
        for code in codes:
            rows.append([code, *(at[i] if i in bounds else 0 for i in INDICATORS)])
            expected.append(name)
        # One indicator just under this class's bound drops one class (micro under small).
        for ind in bounds:
            below = dict(at) | {ind: bounds[ind][k] - 1}
            rows.append([codes[0], *(below[i] if i in bounds else 0 for i in INDICATORS)])
            expected.append(CLASSES[k + 1] if k < 2 else "微型")
    size, possible = classify(rows)
    assert size == expected
    assert possible == [SIZE_BITS[s] for s in expected]


def test_industrial_examples_from_the_issue():
    rows = [
        ["C3911", 300, 2000, NAN],
        ["C3911", 299, 2000, NAN],
        ["C3911", 19, 1e6, NAN],
        ["C3911", 19, NAN, NAN],
        ["C3911", 100, NAN, NAN],
        ["C3911", 5000, NAN, NAN],
        ["C3911", NAN, 100, NAN],
        ["C3911", NAN, NAN, NAN],
    ]
    size, possible = classify(rows)
    assert size == ["中型", "小型", "微型", "微型", None, None, "微型", None]
    assert possible == [2, 4, 8, 8, 4 | 8, 15, 8, 15]


def test_unknown_and_uncovered_industries():
    rows = [
        [None, 10000, 1e7, 1e7],  # large under every category
        [None, 3, 10, 10],  # micro under every category
        [None, 100, 500, NAN],
        ["J6621", 3, 10, 10],  # finance: the standard does not classify it
        ["G", 3, 10, 10],  # section: union over its categories (railway ignored)
    ]
    size, possible = classify(rows)
    assert size[:2] == ["大型", "微型"]
    assert possible[2] == 2 | 4 | 8  # 大型 is reached under no category
    assert (size[3], possible[3]) == (None, 15)
    assert (size[4], possible[4]) == ("微型", 8)


def test_index_is_kept_and_empty_frames_work():
    df = frame([["C3911", 300, 2000, NAN], ["F5211", 9, 1, 1]])
    df.index = [10, 20]
    size, possible = classify_size(df)
    assert list(size.index) == [10, 20] and list(possible.index) == [10, 20]
    assert possible.dtype == np.uint8
    size, possible = classify_size(frame([]))
    assert len(size) == 0 and len(possible) == 0


def _candidates(bounds: dict, ind: str) -> list[float]:
    if ind not in bounds:
        return [0.0]
    return [0.0] + [v for b in bounds[ind] for v in (b - 0.5, float(b))] + [1e9]


row_strategy = st.tuples(
    st.sampled_from(sorted(STANDARD)),
    *[st.one_of(st.just(NAN), st.integers(0, 250000).map(float)) for _ in INDICATORS],
    st.integers(0, 3),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(row_strategy, min_size=1, max_size=20))
def test_size_possible_is_exactly_the_classes_of_all_completions(rows):
    """Every completion of the missing values gives a class in size_possible, and back."""
    frame_rows, expected = [], []
    for category, *values, pick in rows:
        codes, bounds = STANDARD[category]
        known = dict(zip(INDICATORS, values, strict=True))
        unknown = [i for i in INDICATORS if np.isnan(known[i])]
        classes = set()
        for combo in itertools.product(*[_candidates(bounds, i) for i in unknown]):
            full = known | dict(zip(unknown, combo, strict=True))
            classes.add(oracle(bounds, full))
        frame_rows.append([codes[pick % len(codes)], *values])
        expected.append(sum(SIZE_BITS[c] for c in classes))
    size, possible = classify(frame_rows)
    assert possible == expected
    for s, p in zip(size, possible, strict=True):
        assert (s is None) == (p not in SIZE_BITS.values())
