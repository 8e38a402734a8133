"""Industry (GB/T 4754-2017), region (GB/T 2260) and qualification tables."""

import pytest

from recommender.errors import ProfileError
from recommender.profiles.industry import (
    industry_codes_for_name,
    industry_name,
    industry_table,
    normalise_industry_code,
)
from recommender.profiles.qualifications import (
    canonical_qualification,
    normalise_qualifications,
    qualification_table,
)
from recommender.profiles.regions import (
    check_region_code,
    is_region_code,
    region_ancestors,
    region_codes_for_name,
    region_name,
    region_parent,
    region_prefix,
    region_table,
    region_within,
)


def test_industry_table_counts():
    # 20 sections, 97 divisions, 473 groups; classes: the 1,380 class rows of the source plus
    # 3741 飞机制造, which the source mislabels as a second group row 374.
    counts = industry_table()["level"].value_counts().to_dict()
    assert counts == {1: 20, 2: 97, 3: 473, 4: 1381}
    assert industry_table()["code"].is_unique


def test_every_code_sits_under_its_parent():
    table = industry_table()
    codes = set(table["code"])
    for code, level in zip(table["code"], table["level"], strict=True):
        if level > 1:
            parent = code[0] if level == 2 else code[:level]
            assert parent in codes, code


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("3911", "C3911"),
        ("C39", "C39"),
        ("I", "I"),
        ("c3911 ", "C3911"),
        ("0111", "A0111"),
        ("271", "C271"),
        ("2710", "C2710"),
        ("6513", "I6513"),
        ("3741", "C3741"),
    ],
)
def test_normalise_industry_code(raw, expected):
    assert normalise_industry_code(raw) == expected


@pytest.mark.parametrize("raw", ["D3911", "9999", "X", "C1", "", "C39111", "39a1"])
def test_bad_industry_codes_raise_coded_errors(raw):
    with pytest.raises(ProfileError) as info:
        normalise_industry_code(raw)
    assert info.value.code.startswith("P1")


def test_industry_names():
    assert industry_name("3911") == "计算机整机制造"
    assert industry_name("C") == "制造业"
    assert industry_name("I65") == "软件和信息技术服务业"


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("制造业", ["C"]),
        ("软件和信息技术服务业", ["I65"]),
        ("房地产业", ["K"]),
        ("批发和零售业", ["F"]),
        ("住宿和餐饮业", ["H"]),
        ("烟草制品业", ["C16"]),
        ("汽车制造", ["C36"]),
        ("酒制造", ["C1512", "C1513", "C1514", "C1515", "C1519"]),  # the end of several names, in table order
        ("中药", ["A017", "C273", "F5152", "F5252", "G596"]),  # the start of several names
        ("不存在的行业", []),
        ("", []),
    ],
)
def test_industry_codes_for_name(name, codes):
    assert industry_codes_for_name(name) == codes


def test_region_table_coverage():
    table = region_table()
    levels = table["level"].value_counts().to_dict()
    assert levels[1] == 34
    groupings = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
    prefectures = table[(table["level"] == 2) & ~table["name"].isin(groupings)]
    assert len(prefectures) == 333
    counties = table[table["level"] == 3]["code"]
    assert counties.str.startswith("51").sum() == 183
    assert counties.str.startswith("50").sum() == 38
    assert len(counties) > 2800  # every province's counties, so a county anywhere is named and checked
    assert {"361130", "451121", "120101"} <= set(counties)
    assert table["code"].is_unique
    assert set(table["parent"].dropna()) <= set(table["code"])


def test_region_names_and_parents():
    assert region_name("500229") == "城口县"
    assert region_name("510000") == "四川省"
    assert region_name("510100") == "成都市"
    assert region_parent("500229") == "500200"
    assert region_parent("500000") is None
    assert region_parent("110105") == "110100"
    assert region_parent("110199") == "110100"  # not listed: digit structure
    assert region_ancestors("500229") == ["500200", "500000"]
    assert region_ancestors("510104") == ["510100", "510000"]


@pytest.mark.parametrize(
    ("code", "ancestor", "inside"),
    [
        ("500229", "500000", True),
        ("500229", "500200", True),
        ("500101", "500000", True),
        ("510104", "510100", True),
        ("510100", "510000", True),
        ("510104", "510000", True),
        ("500229", "500229", True),
        ("500229", "510000", False),
        ("510104", "510300", False),
        ("500000", "500229", False),
        ("110105", "110000", True),
        ("429004", "420000", True),
        ("abc", "500000", False),
    ],
)
def test_region_within(code, ancestor, inside):
    assert region_within(code, ancestor) is inside
    if inside:
        assert code.startswith(region_prefix(ancestor))


@pytest.mark.parametrize("code", ["500229", "510104", "110105", "441900", "429004"])
def test_valid_region_codes(code):
    assert check_region_code(code) is None
    assert is_region_code(code)


@pytest.mark.parametrize(
    "code", ["50022", "5002299", "50022a", "990000", "110005", "519900", "500299"]
)
def test_invalid_region_codes(code):
    reason = check_region_code(code)
    assert reason and not is_region_code(code)


def test_region_codes_for_name():
    assert region_codes_for_name("城口县") == ["500229"]
    assert region_codes_for_name("城口") == ["500229"]
    assert region_codes_for_name("成都") == ["510100"]
    assert region_codes_for_name("重庆市") == ["500000"]
    assert sorted(region_codes_for_name("市中区")) == ["370103", "370402", "511002", "511102"]  # 济南, 枣庄, 内江, 乐山
    assert region_codes_for_name("火星") == []


def test_qualifications():
    assert set(qualification_table()["canonical"]) >= {
        "高新技术企业",
        "科技型中小企业",
        "专精特新中小企业",
        "专精特新小巨人企业",
        "创新型中小企业",
        "技术先进型服务企业",
        "农业产业化龙头企业",
    }
    assert canonical_qualification("高企") == "高新技术企业"
    assert canonical_qualification("专精特新“小巨人”企业") == "专精特新小巨人企业"
    assert canonical_qualification('专精特新"小巨人"企业') == "专精特新小巨人企业"
    assert canonical_qualification("专精特新企业") == "专精特新中小企业"
    assert canonical_qualification(" 某某认定 ") == "某某认定"
    raw = "国家高新技术企业；科技型中小企业、小巨人, 高企，某某认定;"
    assert (
        normalise_qualifications(raw) == "高新技术企业;科技型中小企业;专精特新小巨人企业;某某认定"
    )
    assert normalise_qualifications("") == ""


def test_autonomous_units_are_found_by_their_everyday_short_names():
    from recommender.profiles.regions import region_code_for_text, region_codes_for_name

    assert region_codes_for_name("酉阳县") == ["500242"]  # 酉阳土家族苗族自治县
    assert region_codes_for_name("黔东南州") == ["522600"]  # 黔东南苗族侗族自治州
    assert region_codes_for_name("石柱") == ["500240"]
    assert region_code_for_text("重庆市彭水县汉葭街道") == "500243"
    assert region_codes_for_name("东南州") == []
