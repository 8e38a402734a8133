"""Chinese and Arabic numerals, quantities with units, and comparison words (Civil Code art. 1259)."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "NUMERAL",
    "Quantity",
    "Bound",
    "parse_number",
    "to_wan",
    "find_quantities",
    "find_bounds",
]

_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_CN_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS) + "点"

# A numeral: Arabic (with thousands separators and decimals, full-width digits allowed) or Chinese.
NUMERAL = (
    r"(?:[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?"
    rf"|[{''.join(_DIGITS)}十拾百佰千仟][{_CN_CHARS}]*)"
)

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def _parse_cn_int(text: str) -> int:
    """Integer value of a Chinese numeral without a decimal point."""
    if text and all(ch in _DIGITS for ch in text) and len(text) > 1:
        return int("".join(str(_DIGITS[ch]) for ch in text))  # 二〇二四 read digit by digit
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (digit or 1) * _SMALL_UNITS[ch]
            digit = 0
        elif ch in _BIG_UNITS:
            total = (total + section + digit) * _BIG_UNITS[ch]
            section, digit = 0, 0
        else:
            raise ValueError(ch)
    return total + section + digit


def parse_number(text: str) -> float | None:
    """The value of an Arabic or Chinese numeral (三, 两千, 十二, 1,500, 1.5, 五百万), or None."""
    text = text.strip().translate(_FULLWIDTH).replace(",", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        pass
    mult = 1
    m = re.fullmatch(r"([0-9.]+)([万亿]*)", text)
    if m:
        for ch in m.group(2):
            mult *= _BIG_UNITS[ch]
        return float(m.group(1)) * mult
    try:
        if "点" in text:
            whole, frac = text.split("点", 1)
            frac_digits = "".join(str(_DIGITS[ch]) for ch in frac)
            return _parse_cn_int(whole or "零") + float("0." + frac_digits)
        return float(_parse_cn_int(text))
    except (ValueError, KeyError):
        return None


_MONEY_TO_WAN = {"元": 0.0001, "千元": 0.1, "万元": 1.0, "十万元": 10.0, "百万元": 100.0,
                 "千万元": 1000.0, "亿元": 10_000.0, "万": 1.0, "亿": 10_000.0}


def to_wan(value: float, unit: str) -> float:
    """Convert an amount of money in 元/千元/万元/百万元/亿元 to 万元."""
    return round(value * _MONEY_TO_WAN[unit], 6)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, normalised: money in 万元, percentages as fractions."""

    value: float
    unit: str  # 万元, 比例, 倍, 年, 月, 日, 人, 件, 个, 次, 户, 元/人 ...
    span: tuple[int, int]
    text: str

    @property
    def kind(self) -> str:
        """money, ratio, multiple, duration, count."""
        if self.unit == "万元":
            return "money"
        if self.unit == "比例":
            return "ratio"
        if self.unit == "倍":
            return "multiple"
        if self.unit in ("年", "月", "日"):
            return "duration"
        return "count"


_MONEY_UNIT = r"(?:亿元|千万元|百万元|十万元|万元|千元|元|亿|万)"
_QTY_RE = re.compile(
    rf"(?P<pct>百分之(?P<pnum>{NUMERAL}))"
    rf"|(?P<num>{NUMERAL})\s*(?:"
    rf"(?P<percent>%|％|个百分点)"
    rf"|(?P<money>{_MONEY_UNIT})(?![a-zA-Z])"
    r"|(?P<times>倍)"
    r"|(?P<year>个?(?:周?年度?|周岁))"
    r"|(?P<month>个月|月)"
    r"|(?P<day>个?(?:工作日|自然日|日|天))"
    r"|(?P<count>人|名|件|项|个|户|家|次|套|台|亩|平方米)"
    r")"
)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity with a unit in ``text``, in order."""
    out: list[Quantity] = []
    for m in _QTY_RE.finditer(text):
        if m.group("pct"):
            value = parse_number(m.group("pnum"))
            unit = "比例"
            if value is not None:
                value = round(value / 100, 6)
        else:
            value = parse_number(m.group("num"))
            if value is None:
                continue
            if m.group("percent"):
                unit, value = "比例", round(value / 100, 6)
            elif m.group("money"):
                unit, value = "万元", to_wan(value, _money_unit(m.group("money")))
            elif m.group("times"):
                unit = "倍"
            elif m.group("year"):
                unit = "年"
            elif m.group("month"):
                unit = "月"
            elif m.group("day"):
                unit = "日"
            else:
                unit = m.group("count")
                unit = {"名": "人"}.get(unit, unit)
        if value is None:
            continue
        if _is_date_part(text, m.start(), m.end()):
            continue
        out.append(Quantity(value, unit, (m.start(), m.end()), m.group(0)))
    return out


def _money_unit(unit: str) -> str:
    return unit if unit.endswith("元") else unit + "元"


def _is_date_part(text: str, start: int, end: int) -> bool:
    """Whether a match like 2024年 belongs to a calendar date rather than a duration."""
    token = text[start:end]
    return bool(re.fullmatch(r"[0-9]{4}\s*年度?", token)) or (
        token.endswith("月") and start > 0 and text[start - 1] == "年"
    ) or (token.endswith("日") and re.search(r"月\s*$", text[max(0, start - 2):start]) is not None)


@dataclass(frozen=True)
class Bound:
    """A comparison on a quantity: ``op`` in lt/le/gt/ge/eq, with its span in the text."""

    op: str
    quantity: Quantity
    span: tuple[int, int]
    text: str


# Comparison words (PRC Civil Code art. 1259: 以上/以下/以内/届满 include; 不满/超过/以外 exclude).
_PREFIX_OPS = [
    ("不超过", "le"), ("未超过", "le"), ("不高于", "le"), ("不多于", "le"), ("不大于", "le"),
    ("最多", "le"), ("至多", "le"),
    ("不低于", "ge"), ("不少于", "ge"), ("不小于", "ge"), ("不短于", "ge"), ("至少", "ge"),
    ("最低", "ge"), ("达到", "ge"), ("超出", "gt"), ("满", "ge"),
    ("不满", "lt"), ("未满", "lt"), ("不足", "lt"), ("未达到", "lt"), ("低于", "lt"),
    ("少于", "lt"), ("小于", "lt"), ("短于", "lt"),
    ("超过", "gt"), ("高于", "gt"), ("多于", "gt"), ("大于", "gt"), ("长于", "gt"), ("突破", "gt"),
    # 不得低于200万元 / 不应超过70%: a duty not to fall below (or rise above) a figure
    ("不得低于", "ge"), ("不得少于", "ge"), ("不得小于", "ge"), ("不应低于", "ge"), ("不能低于", "ge"),
    ("不得超过", "le"), ("不得高于", "le"), ("不得多于", "le"), ("不得大于", "le"), ("不应超过", "le"),
    ("不能超过", "le"), ("不应高于", "le"), ("不应少于", "ge"), ("不能少于", "ge"),
]
_PREFIX_RE = "|".join(sorted((re.escape(w) for w, _ in _PREFIX_OPS), key=len, reverse=True))
_PREFIX_MAP = dict(_PREFIX_OPS)
_SUFFIX_OPS = {
    "以上": "ge", "及以上": "ge", "以下": "le", "及以下": "le", "以内": "le", "之内": "le",
    "内": "le", "届满": "ge", "以外": "gt", "（含）以上": "ge", "(含)以上": "ge",
    "（含）以下": "le", "(含)以下": "le", "（不含）以上": "gt", "（不含）以下": "lt",
}
_SUFFIX_RE = "|".join(sorted((re.escape(w) for w in _SUFFIX_OPS), key=len, reverse=True))
_BARE_LOW = re.compile(rf"({NUMERAL})\s*(?:至|到|-|—|－|~|～)\s*$")
_DATE_WORD = re.compile(r"[年月日号]")
_PREFIX_AT = re.compile(rf"(?:{_PREFIX_RE})\s*(?:[在为于])?\s*$")
_SUFFIX_AT = re.compile(rf"\s*(?:{_SUFFIX_RE})")
_RANGE_END = re.compile(rf"\s*(?:{_SUFFIX_RE}|之间|（含）|\(含\))")
_MONEY_TAIL = re.compile(rf"({_MONEY_UNIT})$")
_EXCL = re.compile(r"^\s*[（(]\s*不含[^）)]{0,12}[）)]")
_INCL = re.compile(r"^\s*[（(]\s*含[^）)]{0,12}[）)]")
_RANGE_SEP = re.compile(r"^\s*(?:[（(]含[）)])?\s*(?:至|到|-|—|－|~|～)\s*$")  # 100万元（含）至2000万元（含）


def find_bounds(text: str) -> list[Bound]:
    """Comparisons in ``text``: 不超过300万元 → le 300; 3年以上 → ge 3; 10至50人 → ge 10, le 50."""
    quantities = find_quantities(text)
    bounds: list[Bound] = []
    used: set[int] = set()
    for i, q in enumerate(quantities):
        if i in used:
            continue
        start, end = q.span
        # Range: "X至Y" where X may lack its unit ("10至50人") or repeat it.
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if nxt and nxt.unit == q.unit and _RANGE_SEP.match(text[end:nxt.span[0]]):
            lo_end = _suffix_end(text, nxt.span[1])
            bounds.append(Bound("ge", q, (start, nxt.span[1]), text[start:lo_end]))
            bounds.append(Bound("le", nxt, (start, lo_end), text[start:lo_end]))
            used.add(i + 1)
            continue
        tier = _tier_run(text, quantities, i)
        if tier:  # 营业收入超过5亿元、2亿元、1亿元的，分别奖励…: the lowest tier is the requirement
            used.update(range(i + 1, i + len(tier)))
            q, end = min(tier, key=lambda t: t.value), tier[-1].span[1]
            tiered = True
        else:
            tiered = False
        w0 = max(0, start - 14)
        bare = None if tiered else _BARE_LOW.search(text[w0:start])
        if bare and not _DATE_WORD.search(text, w0 + bare.end(1), start):
            lo = parse_number(bare.group(1))
            if lo is not None:
                lo_q = _same_unit(q, lo, text, (w0 + bare.start(1), w0 + bare.end(1)))
                b_start, b_end = w0 + bare.start(), _suffix_end(text, end)
                bounds.append(Bound("ge", lo_q, (b_start, b_end), text[b_start:b_end]))
                bounds.append(Bound("le", q, (b_start, b_end), text[b_start:b_end]))
                continue
        pre = _PREFIX_AT.search(text[max(0, start - 6):start])
        post = _SUFFIX_AT.match(text, end)
        op = None
        b_start, b_end = start, end
        if pre:
            word = pre.group(0).strip()
            op = _PREFIX_MAP.get(word) or _PREFIX_MAP.get(word[:-1].strip())
            b_start = max(0, start - 6) + pre.start()
            if word == "满" and text[max(0, b_start - 1):b_start] in ("不", "未"):
                op = "lt"
                b_start -= 1
        if post:
            word = post.group(0).strip()
            suffix_op = _SUFFIX_OPS[word]
            if op is None or (op in ("le", "ge") and suffix_op[0] == op[0]):
                op = op or suffix_op
            b_end = post.end()
        tail = text[b_end:]
        excl, incl = _EXCL.match(tail), _INCL.match(tail)
        if op and excl:
            op = {"le": "lt", "ge": "gt"}.get(op, op)
            b_end += excl.end()
        elif op and incl:
            op = {"lt": "le", "gt": "ge"}.get(op, op)
            b_end += incl.end()
        if op and tiered and op in ("lt", "le"):
            q = max(tier, key=lambda t: t.value)  # 不超过100万元、200万元: the highest ceiling
        if op:
            bounds.append(Bound(op, q, (b_start, b_end), text[b_start:b_end]))
    return bounds


_TIER_SEP = re.compile(r"\s*[、，,]\s*")


def _tier_run(text: str, quantities: list[Quantity], i: int) -> list[Quantity]:
    """Quantities of one unit listed with 、 from ``i`` on (5亿元、2亿元、1亿元), when there are two or more."""
    run = [quantities[i]]
    for nxt in quantities[i + 1:]:
        gap = text[run[-1].span[1]:nxt.span[0]]
        if nxt.unit != run[-1].unit or not _TIER_SEP.fullmatch(gap) or "、" not in gap:
            break
        run.append(nxt)
    return run if len(run) > 1 else []


def _suffix_end(text: str, end: int) -> int:
    post = _RANGE_END.match(text, end)
    return post.end() if post else end


def _same_unit(q: Quantity, raw_value: float, text: str, span: tuple[int, int]) -> Quantity:
    """The lower end of a range written without its unit, converted like ``q``."""
    if q.unit == "比例":
        value = round(raw_value / 100, 6)
    elif q.unit == "万元":
        m = _MONEY_TAIL.search(q.text)
        value = to_wan(raw_value, _money_unit(m.group(1))) if m else raw_value
    else:
        value = raw_value
    return Quantity(value, q.unit, span, text[span[0]:span[1]])
