"""The joint distribution of synthetic enterprises: one chunk of rows as numpy columns."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from recommender.errors import ProfileError
from recommender.profiles.regions import check_region_code, region_name
from recommender.profiles.synthetic_codes import ORG_SPACE, credit_codes
from recommender.profiles.synthetic_tables import SCOPES, industry_mix, name_words, region_weights

__all__ = ["RegistrySetup", "registry_setup", "enterprise_rows"]

_END = np.datetime64("2025-06-30", "D")  # the registry's "today"
_MAX_AGE, _AGE_SCALE = 30.4, 7.0  # years: truncated exponential, so young firms dominate
_MA_SINCE = np.datetime64("2015-10-01", "D")  # organisation codes "MA..." after 三证合一
_RATINGS = (("A", 0.25), ("B", 0.45), ("C", 0.07), ("D", 0.03))  # the rest is M
_M_SHARE = 0.20  # M: mostly firms under two years old
_DISHONEST_P = {"A": 0.0, "B": 0.004, "M": 0.004, "C": 0.04, "D": 0.15}
_LOAN_SHARE = 0.60
_QUALIFICATIONS = (  # name, share of all firms
    ("高新技术企业", 0.02),
    ("科技型中小企业", 0.04),
    ("专精特新中小企业", 0.01),
    ("农业产业化龙头企业", 0.003),
)
_AGRI_FOOD = ["C1353", "C1371", "C1372", "C1373", "C1530"]
# Name prefixes 重庆, 重庆市, <county> (城口县…), 重庆市<unit>: a district name alone is rare
_NAME_PREFIX_P = {"county": (0.30, 0.05, 0.50, 0.15), "city": (0.60, 0.20, 0.0, 0.20)}
_ORG_FORMS, _ORG_FORM_P = np.array(["有限公司", "有限责任公司", "股份有限公司"]), (0.9, 0.07, 0.03)
_SCOPE_VARIANTS = 12
_GENERAL = ("一般项目：", "。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）")
_STR = np.dtypes.StringDType()


@dataclass(frozen=True)
class RegistrySetup:
    """Per-registry constants shared by every chunk."""

    scope: str
    mix: pd.DataFrame
    scopes: np.ndarray  # (industry, variant) business-scope texts
    words: np.ndarray  # (industry, k) name words
    codes: np.ndarray  # region codes
    places: np.ndarray  # region names as used in enterprise names
    region_p: np.ndarray
    org: tuple[int, int]  # multiplier and shift of the organisation-id permutation


def _top(score: np.ndarray, pool: np.ndarray, k: int) -> np.ndarray:
    """Mask of the ``k`` best scores among rows in ``pool`` (all of the pool if smaller)."""
    ranked = np.where(pool, score, -np.inf)
    k = min(k, int(pool.sum()))
    out = np.zeros(len(score), dtype=bool)
    if k > 0:
        out[np.argpartition(-ranked, k - 1)[:k]] = True
    return out


def _shares_by_rank(score: np.ndarray, labels: list[str], shares: list[float]) -> np.ndarray:
    """Give the highest scores the first label, and so on, in the given shares."""
    order = np.argsort(-score, kind="stable")
    cuts = np.round(np.cumsum(shares) / sum(shares) * len(score)).astype(int)
    out = np.empty(len(score), dtype=object)
    out[order] = np.repeat(labels, np.diff(np.concatenate([[0], cuts])))
    return out


def _z(x: np.ndarray) -> np.ndarray:
    return (x - x.mean()) / (x.std() or 1.0)


def registry_setup(rng: np.random.Generator, scope: str, region: str) -> RegistrySetup:
    """Scope texts per industry, name words, regions and the code permutation of one registry."""
    if scope not in SCOPES:
        raise ProfileError("P191", f"未知的合成范围“{scope}”，应为 county 或 city")
    mix = industry_mix(scope)
    scopes = np.empty((len(mix), _SCOPE_VARIANTS), dtype=object)
    for i, phrases in enumerate(mix["phrases"]):
        for v in range(_SCOPE_VARIANTS):
            text = "；".join(rng.permutation(phrases)[: rng.integers(2, len(phrases) + 1)])
            scopes[i, v] = _GENERAL[0] + text + _GENERAL[1] if v % 2 else text
    width = max(map(len, mix["words"]))
    words = np.array([[w[j % len(w)] for j in range(width)] for w in mix["words"]])
    if scope == "county":
        if check_region_code(region) or region_name(region) is None:
            raise ProfileError("P192", f"合成数据的区县代码不合法：{region}")
        codes, names, p = np.array([region]), [region_name(region)], np.array([1.0])
    else:
        table = region_weights()
        codes, names, p = table["region_code"].to_numpy(), table["name"], table["p"].to_numpy()
    places = [re.sub(r"^(..).*自治县$", r"\1县", n) for n in names]  # 石柱土家族自治县 -> 石柱县
    multiplier = int(rng.integers(1, ORG_SPACE // 10)) * 10 + 3  # coprime with 10**8
    return RegistrySetup(
        scope=scope,
        mix=mix,
        scopes=scopes.astype(_STR),
        words=words.astype(_STR),
        codes=codes.astype(str),
        places=np.array(places).astype(_STR),
        region_p=p,
        org=(multiplier, int(rng.integers(0, ORG_SPACE))),
    )


def _standing(rng: np.random.Generator, revenue: np.ndarray, age: np.ndarray) -> dict:
    """Tax credit rating, dishonest listing and loan history, better for larger, older firms."""
    n = len(age)
    is_m = _top(-(age + rng.exponential(1.5, n)), np.ones(n, dtype=bool), round(_M_SHARE * n))
    score = 0.7 * _z(np.log(revenue)) + 0.5 * _z(age) + rng.standard_normal(n)
    rating = np.full(n, "M", dtype=object)
    labels, shares = [r for r, _ in _RATINGS], [s for _, s in _RATINGS]
    rating[~is_m] = _shares_by_rank(score[~is_m], labels, shares)
    dishonest = rng.random(n) < pd.Series(rating).map(_DISHONEST_P).to_numpy()
    loan = _z(np.log(revenue)) + 0.5 * _z(np.log1p(age)) + rng.logistic(size=n) - 2 * dishonest
    has_loan = _top(loan, np.ones(n, dtype=bool), round(_LOAN_SHARE * n))
    return {"tax_credit": rating, "dishonest": dishonest, "has_bank_loan": has_loan}


def _qualifications(
    rng: np.random.Generator, col: dict, employees: np.ndarray, revenue: np.ndarray, rd: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rare qualifications (R&D firms, agriculture), patent counts, and R&D raised for 高新."""
    n = len(revenue)
    has_rd, sme = rd > 0, (employees < 500) & (revenue < 20000)
    tech = np.log(np.where(has_rd, rd / revenue, 1e-6)) + np.log(col["tech"] + 0.01)
    tech = tech + rng.standard_normal(n)
    k = [round(share * n) for _, share in _QUALIFICATIONS]
    tsme = _top(tech, has_rd & sme, k[1])
    hnte = _top(tech + 1.5 * tsme + 0.5 * rng.standard_normal(n), has_rd, k[0])
    srdi_pool = has_rd & sme & np.isin(col["section"], ["C", "I", "M"])
    srdi = _top(np.log(employees) + np.log1p(rd) + hnte + rng.standard_normal(n), srdi_pool, k[2])
    agri = (col["section"] == "A") | np.isin(col["industry_code"], _AGRI_FOOD)
    leader = _top(np.log(revenue) + rng.standard_normal(n), agri, k[3])
    quals = np.full(n, "", dtype=_STR)
    for flag, (title, _) in zip((hnte, tsme, srdi, leader), _QUALIFICATIONS, strict=True):
        added = np.strings.add(quals, np.where(quals == "", title, ";" + title))
        quals = np.where(flag, added, quals)
    lam = (0.02 + 0.3 * has_rd + 2.0 * hnte + 1.0 * srdi) * np.clip(np.log1p(employees) / 2, 0.5, 3)
    patents = rng.poisson(lam).astype(float)
    rd = np.where(hnte, np.maximum(rd, 0.05 * revenue), rd)  # 高新 firms meet the R&D ratio
    return quals, patents, rd


def _names(
    rng: np.random.Generator,
    setup: RegistrySetup,
    ind: np.ndarray,
    reg: np.ndarray,
    large: np.ndarray,
) -> np.ndarray:
    """Place + trade name + industry word + legal form, e.g. 城口县巴山老腊肉食品有限公司."""
    n = len(ind)
    kind = rng.choice(4, size=n, p=_NAME_PREFIX_P[setup.scope])
    place = setup.places[reg]
    fixed = [np.full(n, "重庆", dtype=_STR), np.full(n, "重庆市", dtype=_STR), place]
    prefix = np.select([kind == 0, kind == 1, kind == 2], fixed, np.strings.add("重庆市", place))
    words = name_words().astype(_STR)
    first = rng.integers(len(words), size=n)
    second = (first + rng.integers(1, len(words), size=n)) % len(words)  # never one word twice
    industry_word = setup.words[ind, rng.integers(setup.words.shape[1], size=n)]
    form = _ORG_FORMS[rng.choice(3, size=n, p=_ORG_FORM_P)]
    form = np.where(large & (rng.random(n) < 0.5), "股份有限公司", form).astype(_STR)
    name = np.strings.add(prefix, np.strings.add(words[first], words[second]))
    return np.strings.add(np.strings.add(name, industry_word), form)


def enterprise_rows(
    setup: RegistrySetup, n: int, rng: np.random.Generator, offset: int
) -> dict[str, np.ndarray]:
    """``n`` complete enterprises as §1 columns; ``offset`` numbers them within the registry."""
    ind = rng.choice(len(setup.mix), size=n, p=setup.mix["p"].to_numpy())
    col = {
        k: setup.mix[k].to_numpy()[ind] for k in setup.mix.columns if k not in ("phrases", "words")
    }
    reg = rng.choice(len(setup.codes), size=n, p=setup.region_p)
    age = -_AGE_SCALE * np.log1p(-rng.random(n) * (1 - np.exp(-_MAX_AGE / _AGE_SCALE)))
    established = _END - np.round(age * 365.25).astype("timedelta64[D]")
    mu = np.log(col["emp_median"]) + 0.05 * (np.minimum(age, 20) - 7)
    employees = np.maximum(1, np.round(np.exp(mu + col["emp_sigma"] * rng.standard_normal(n))))
    ramp = np.clip(age, 0.1, 1.0)  # firms less than a year old earned for part of the year
    revenue = employees * col["rev_per_emp"] * np.exp(0.6 * rng.standard_normal(n)) * ramp
    assets = revenue / ramp * col["asset_ratio"] * np.exp(0.5 * rng.standard_normal(n))
    taxable = revenue * (col["margin"] + col["margin_sd"] * rng.standard_normal(n))
    rd_p = col["rd_share"] * np.clip(0.6 + 0.15 * np.log(employees), 0.3, 1.6)
    rd_noise = np.exp(0.6 * rng.standard_normal(n))
    rd = np.where(rng.random(n) < rd_p, revenue * col["rd_ratio"] * rd_noise, 0.0)
    quals, patents, rd = _qualifications(rng, col, employees, revenue, rd)
    general = (revenue >= 500) | (rng.random(n) < np.where(col["section"] == "C", 0.3, 0.12))
    large = employees >= 300
    u = rng.random(n)
    p_state = 0.015 + 0.10 * large
    foreign_p = np.where((col["section"] == "C") & (setup.scope == "city"), 0.03, 0.008)
    p_collective = p_state + foreign_p + np.where(col["section"] == "A", 0.03, 0.005)
    ownership = np.select(
        [u < p_state, u < p_state + foreign_p, u < p_collective], ["国有", "外资", "集体"], "民营"
    )
    multiplier, shift = setup.org
    org_int = (multiplier * (offset + np.arange(n, dtype=np.int64)) + shift) % ORG_SPACE
    region_code = setup.codes[reg]
    return {
        "credit_code": credit_codes(region_code, org_int, established >= _MA_SINCE),
        "name": _names(rng, setup, ind, reg, large),
        "industry_code": col["industry_code"],
        "region_code": region_code,
        "established": established.astype("datetime64[ns]"),
        "employees": employees,
        "revenue": np.round(revenue, 2),
        "assets": np.round(assets, 2),
        "taxable_income": np.round(taxable, 2),
        "rd_expense": np.round(rd, 2),
        **_standing(rng, revenue, age),
        "taxpayer_type": np.where(general, "一般纳税人", "小规模纳税人"),
        "ownership": ownership,
        "qualifications": quals,
        "invention_patents": patents,
        "scope": setup.scopes[ind, rng.integers(_SCOPE_VARIANTS, size=n)],
    }
