"""Synthetic enterprise registry: determinism, valid codes, distributions, import round trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.errors import ProfileError
from recommender.profiles import synthetic
from recommender.profiles.credit_code import check_credit_code
from recommender.profiles.importer import read_table
from recommender.profiles.industry import industry_table
from recommender.profiles.regions import region_name
from recommender.profiles.synthetic import (
    EMPTY_FRACTION,
    demo_registry,
    generate_registry,
    write_registry_csv,
)
from recommender.profiles.synthetic_tables import industry_mix, region_weights

DEMO = Path(__file__).resolve().parent.parent / "profiles" / "demo_enterprises.csv"
BLANKABLE = [
    "industry_code", "region_code", "established", "employees", "revenue", "assets",
    "taxable_income", "rd_expense", "tax_credit", "dishonest", "has_bank_loan",
    "taxpayer_type", "ownership", "qualifications", "invention_patents", "scope",
]  # fmt: skip


@pytest.fixture(scope="module")
def county() -> pd.DataFrame:
    return generate_registry(6000, seed=11, scope="county")


@pytest.fixture(scope="module")
def city() -> pd.DataFrame:
    return generate_registry(6000, seed=11, scope="city")


def test_same_seed_same_registry_other_seed_other_registry():
    a = generate_registry(500, seed=3, scope="city")
    pd.testing.assert_frame_equal(a, generate_registry(500, seed=3, scope="city"))
    b = generate_registry(500, seed=4, scope="city")
    assert (a["credit_code"] != b["credit_code"]).mean() > 0.99
    assert not a["revenue"].equals(b["revenue"])


@settings(max_examples=8, deadline=None)
@given(n=st.integers(1, 400), seed=st.integers(0, 2**31), scope=st.sampled_from(["county", "city"]))
def test_credit_codes_valid_and_unique(n, seed, scope):
    codes = generate_registry(n, seed=seed, scope=scope)["credit_code"]
    assert codes.notna().all() and codes.is_unique
    assert [c for c in codes if check_credit_code(c) is not None] == []


def test_codes_unique_across_chunks(monkeypatch):
    monkeypatch.setattr(synthetic, "CHUNK_ROWS", 300)
    frame = generate_registry(1000, seed=9, scope="county")
    assert frame["credit_code"].is_unique and list(frame.index) == list(range(1000))
    first, second = (frame["revenue"].iloc[i : i + 300].to_numpy() for i in (0, 300))
    assert (first != second).mean() > 0.9  # each chunk draws its own rows


def _org_check(body: str) -> str:
    """GB 11714 check character of an 8-character organisation code body, computed directly."""
    total = sum(w * int(ch, 36) for w, ch in zip((3, 7, 9, 10, 5, 8, 4, 2), body, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def test_organisation_codes_carry_gb11714_check(city):
    bodies = city["credit_code"].str[8:16]
    assert [
        c for c, b in zip(city["credit_code"], bodies, strict=True) if c[16] != _org_check(b)
    ] == []


def test_credit_code_carries_region_and_organisation_code(city):
    known = city.dropna(subset=["region_code", "established"])
    assert (known["credit_code"].str[2:8] == known["region_code"]).all()
    assert known["credit_code"].str[:2].eq("91").all()
    new_style = known["credit_code"].str[8:10] == "MA"
    assert (known.loc[new_style, "established"] >= "2015-10-01").all()
    assert (known.loc[~new_style, "established"] < "2015-10-01").all()
    assert known.loc[~new_style, "credit_code"].str[8:16].str.isdigit().all()


def test_about_eight_percent_of_cells_empty_but_never_the_key(county):
    share = county[BLANKABLE].isna().to_numpy().mean()
    assert abs(share - EMPTY_FRACTION) < 0.01
    assert (county[BLANKABLE].isna().mean() > 0.05).all()  # every column has some gaps
    assert county["credit_code"].notna().all() and county["name"].notna().all()


def test_revenue_heavy_tailed_and_tied_to_headcount_and_assets(city):
    revenue = city["revenue"].dropna()
    assert revenue.mean() > 3 * revenue.median()
    assert revenue.quantile(0.99) > 30 * revenue.median()
    both = city.dropna(subset=["revenue", "employees", "assets"])
    log = np.log(both[["revenue", "employees", "assets"]])
    assert log["revenue"].corr(log["employees"]) > 0.6
    assert log["revenue"].corr(log["assets"]) > 0.6
    taxable = city.dropna(subset=["taxable_income", "revenue"])
    assert 0.1 < (taxable["taxable_income"] <= 0).mean() < 0.45
    assert (taxable["taxable_income"].abs() < taxable["revenue"]).mean() > 0.98


def test_taxpayer_type_follows_revenue(city):
    known = city.dropna(subset=["taxpayer_type", "revenue"])
    assert (known.loc[known["revenue"] >= 500, "taxpayer_type"] == "一般纳税人").all()
    small = known.loc[known["revenue"] < 500, "taxpayer_type"]
    assert (small == "小规模纳税人").mean() > 0.7


def test_rd_and_qualifications_concentrate_in_tech_and_manufacturing(city):
    known = city.dropna(subset=["rd_expense", "industry_code"])
    tech = known["industry_code"].str[0].isin(["C", "I", "M"])
    assert (known.loc[tech, "rd_expense"] > 0).mean() > 5 * (
        known.loc[~tech, "rd_expense"] > 0
    ).mean()
    assert (known.loc[~tech, "rd_expense"] == 0).mean() > 0.9
    quals = city["qualifications"].dropna()
    for title, share in (
        ("高新技术企业", 0.02),
        ("科技型中小企业", 0.04),
        ("专精特新中小企业", 0.01),
    ):
        assert abs(quals.str.contains(title).mean() - share) < share * 0.3, title
    hnte = city[city["qualifications"].str.contains("高新技术企业", na=False)]
    ratio = (hnte["rd_expense"] / hnte["revenue"]).dropna()
    assert (ratio >= 0.05 - 1e-3).all()
    assert hnte["industry_code"].str[0].isin(["C", "I", "M"]).mean() > 0.8
    assert hnte["invention_patents"].mean() > 3 * city["invention_patents"].mean()


def test_ratings_loans_and_dishonesty_skewed_as_designed(city):
    shares = city["tax_credit"].value_counts(normalize=True)
    for rating, share in {"A": 0.25, "B": 0.45, "M": 0.20, "C": 0.07, "D": 0.03}.items():
        assert abs(shares[rating] - share) < 0.02, rating
    age = (pd.Timestamp("2025-06-30") - city["established"]).dt.days / 365.25
    assert age[city["tax_credit"] == "M"].median() < age[city["tax_credit"] != "M"].median() / 2
    assert abs(city["has_bank_loan"].mean() - 0.60) < 0.02
    micro = city["employees"] < 5
    loans = city["has_bank_loan"].astype(float)
    assert loans[micro].mean() < loans[city["employees"] >= 50].mean() - 0.2
    assert 0.004 < city["dishonest"].mean() < 0.02
    bad = city["tax_credit"].isin(["C", "D"])
    assert city.loc[bad, "dishonest"].mean() > 5 * city.loc[~bad, "dishonest"].mean()


def test_established_spread_with_more_young_firms(county):
    year = county["established"].dropna().dt.year
    assert year.min() >= 1995 and year.max() <= 2025
    assert (year >= 2020).mean() > (year < 2010).mean()


def test_county_mix_dominated_by_its_specialties(county, city):
    assert county["region_code"].dropna().eq("500229").all()
    codes = county["industry_code"].dropna()
    top = codes.value_counts().index[:3]
    assert "C1353" in top
    specialties = codes.str.match(r"A01|A02|A03|C1353|C27|C2641|H61|H62").mean()
    assert specialties > 0.45
    assert codes.str.match(r"C3[69]|I65").mean() < 0.01
    city_codes = city["industry_code"].dropna()
    assert city_codes.str.match(r"C3[69]|I65").mean() > 0.1
    assert city_codes.str[0].value_counts().index[0] == "F"
    regions = city["region_code"].dropna().value_counts()
    assert regions.index[0] == "500112" and len(regions) > 30


def test_names_and_scope_text_match_industry_and_place(county):
    mix = industry_mix("county").set_index("industry_code")
    rows = county.dropna(subset=["industry_code", "scope"])
    consistent = [
        any(p in text for p in mix.at[code, "phrases"])
        for code, text in zip(rows["industry_code"], rows["scope"], strict=True)
    ]
    assert all(consistent)
    assert county["name"].str.match(r"^(城口县|重庆)").all()
    assert county["name"].str.contains("城口").mean() > 0.5
    assert county["name"].str.endswith("公司").all()
    assert (
        county["name"].str.contains("腊").sum() > 0.5 * (county["industry_code"] == "C1353").sum()
    )


def test_data_tables_use_real_codes():
    listed = set(industry_table()["code"])
    for scope in ("county", "city"):
        assert set(industry_mix(scope)["industry_code"]) <= listed
    table = region_weights()
    assert len(table) == 38
    assert all(
        region_name(c) == n for c, n in zip(table["region_code"], table["name"], strict=True)
    )


@pytest.mark.parametrize("chinese_headers", [False, True])
def test_written_registry_imports_without_rejects(tmp_path, chinese_headers):
    path = tmp_path / "registry.csv"
    assert (
        write_registry_csv(2000, path, seed=7, scope="city", chinese_headers=chinese_headers)
        == 2000
    )
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("统一社会信用代码" if chinese_headers else "credit_code")
    result = read_table(path)
    assert result.rejected == [] and result.rows_read == 2000
    expected = generate_registry(2000, seed=7, scope="city").reset_index(drop=True)
    pd.testing.assert_frame_equal(result.frame[expected.columns], expected)


def test_bundled_demo_registry_is_the_seeded_generator_output():
    result = read_table(DEMO)
    assert result.rejected == [] and result.rows_read == 3000
    assert DEMO.read_text(encoding="utf-8").startswith("统一社会信用代码,企业名称")
    frame = result.frame
    in_county = frame["credit_code"].str[2:8] == "500229"
    assert in_county.sum() == 2000
    assert frame.loc[~in_county, "credit_code"].str[2:4].eq("50").all()
    pd.testing.assert_frame_equal(frame, demo_registry())


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [({"scope": "province"}, "P191"), ({"region": "500299"}, "P192"), ({"n": 0}, "P193")],
)
def test_bad_arguments_raise_coded_errors(kwargs, code):
    with pytest.raises(ProfileError) as info:
        generate_registry(**{"n": 10, **kwargs})
    assert info.value.code == code


def test_example_tables_reject_exactly_the_documented_rows():
    examples = DEMO.parent / "examples"
    gbk = read_table(examples / "chengkou_gbk.csv")
    assert gbk.rows_read == 10 and len(gbk.frame) == 5
    assert [e.row for e in gbk.rejected] == [5, 6, 7, 8, 9]
    reasons = " ".join(e.reason for e in gbk.rejected)
    for part in ("校验码", "约300", "负数", "重复", "为空"):
        assert part in reasons
    assert gbk.frame.loc[gbk.frame["credit_code"] == "91500229MA61B7XU40", "revenue"].isna().all()
    sheet = read_table(examples / "chongqing_tech.xlsx")
    assert [e.row for e in sheet.rejected] == [7] and len(sheet.frame) == 4
    assert sheet.frame["revenue"].iloc[0] == 3250.0  # 32,500,000 元
