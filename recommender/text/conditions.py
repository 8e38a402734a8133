"""Eligibility conditions of a passage: the closed condition set over FIELD_KINDS, with spans."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from recommender.rules.schema import Condition
from recommender.text.condition_patterns import (
    INDUSTRY_FRAME,
    NO_LEAD,
    Hit,
    categorical_hits,
    date_hits,
    industry_hits,
    region_hits,
)
from recommender.text.lexicon import patterns
from recommender.text.numbers import Bound, find_bounds

__all__ = ["Found", "find_conditions", "is_boilerplate_only", "read_passages"]

# Field cue words for numeric bounds, with the units they accept.
_NUMERIC_FIELDS: list[tuple[str, re.Pattern[str], frozenset[str]]] = [(name, re.compile(cue), units) for name, cue, units in [
    ("taxable_income", r"应纳税所得额", frozenset({"万元"})),
    ("rd_ratio", r"研发费用|研究开发费用|研发投入|研发经费", frozenset({"比例"})),
    ("rd_expense", r"研发费用|研究开发费用|研发投入|研发经费", frozenset({"万元"})),
    ("revenue", r"营业收入|主营业务收入|销售收入|营收|销售额|营业额", frozenset({"万元"})),
    ("assets", r"资产总额|总资产", frozenset({"万元"})),
    ("employees", r"从业人数|从业人员|职工人数|员工人数|职工总数|在职职工|用工人数|员工|职工",
     frozenset({"人"})),
    ("invention_patents", r"发明专利", frozenset({"件", "项", "个"})),
    ("age_years", r"成立|注册|设立|经营|存续|开业", frozenset({"年", "月"})),
]]
_SHARE_OF = re.compile(r"^\s*(?:且|并且|并|其中)?\s*占[^，。；]{0,16}(?:收入|总额)[^，。；]{0,4}(?:比重|比例)")
_PHRASE_REACH = 16  # a cue this close before its bound starts the condition's text (年营业收入不超过…)
_PERIOD = re.compile(r"(?:(?:上|近|前)?[一二三两四五0-9]*(?:个)?(?:年度|年|会计年度)(?:的|内)?)?$")
_NOT_A_FIELD = re.compile(r"吸纳|新增|带动|招用|安置|稳定就业|就业人数|新招")
_BENEFIT_TIER = re.compile(r"^\s*的部分")
_SPLIT = re.compile(r"[，,：:。；;\n](?!\s*或)|、(?=在|由|已|未|具有|拥有|参加|缴纳)")  # 、 before a clause
_TIME_LEAD = re.compile(r"日\s*(?:（含）|\(含\))?(?:以后|之后|以来|起)\s*$")
_OR = re.compile(r"^\s*(?:、|和|或|或者|及|以及|与)\s*$")


@dataclass
class Found:
    """Conditions, boilerplate and leftover requirement text of one passage."""

    conditions: list[Condition] = field(default_factory=list)
    assumed: list[str] = field(default_factory=list)
    leftovers: list[tuple[int, str]] = field(default_factory=list)  # requirement phrases no field checks


@cache
def _cue_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


_SUBJECT_LEAD = re.compile(
    r"[^，。；]{0,20}?的(?:企业|单位|纳税人|市场主体|主体|个体工商户|申请人)[，,]?\s*(?:应当|须|应|需|必须|均应)"
)


def _benefit_cut(part: str) -> int:
    """Offset where the benefit terms of a phrase start (its length if none)."""
    for m in _cue_re(tuple(patterns()["benefit_cues"])).finditer(part):
        if not _SUBJECT_LEAD.match(part, m.end()):  # 享受本措施的企业应当… names who applies
            return m.start()
    return len(part)


def _boilerplate(part: str) -> str | None:
    m = _cue_re(tuple(patterns()["boilerplate"])).search(part)
    return m.group(0) if m else None


def is_boilerplate_only(part: str) -> bool:
    """Whether a phrase says nothing beyond boilerplate every registered firm meets."""
    rest = _cue_re(tuple(patterns()["boilerplate"])).sub("", part)
    return not re.sub(r"[在于的且并和、，。；;\s（）()有具备具有应当须]|企业|申报|单位", "", rest)


def _cued_fields(part: str) -> tuple[str, ...]:
    """Numeric fields whose cue words a phrase carries (研发费用 → rd_ratio, rd_expense)."""
    return tuple(name for name, cue, _ in _NUMERIC_FIELDS if cue.search(part))


def _numeric_hits(part: str, before: tuple[str, ...] = ()) -> list[Hit]:
    """Bounds with their fields; a phrase 且占营业收入比重… takes its field from ``before``."""
    out = []
    for bound in find_bounds(part):
        if _BENEFIT_TIER.match(part[bound.span[1]:]):
            continue
        hit = _field_for(part, bound)
        if hit is None and _SHARE_OF.match(part):
            name = next((n for n, _, units in _NUMERIC_FIELDS if n in before and bound.quantity.unit in units), None)
            hit = Hit(name, bound.op, bound.quantity.value, *bound.span, 0.8, lead=0) if name else None
        if hit:
            out.append(hit)
    return out


def _field_for(part: str, bound: Bound) -> Hit | None:
    """The field a bound speaks of: the nearest cue before it (else after) accepting its unit."""
    best: tuple[int, str, int] | None = None
    start, end = bound.span
    for name, cue, units in _NUMERIC_FIELDS:
        if bound.quantity.unit not in units:
            continue
        for m in cue.finditer(part):
            dist = start - m.end() if m.end() <= start else (m.start() - end) + 1000
            if m.end() > start and m.start() < end:
                continue
            if best is None or dist < best[0]:
                best = (dist, name, m.start())
    if best is None:
        return None
    name = best[1]
    lead = _PERIOD.search(part[:best[2]]).start() if best[0] < _PHRASE_REACH else start
    if name == "employees" and _NOT_A_FIELD.search(part):
        return None
    value = bound.quantity.value
    if name == "age_years" and bound.quantity.unit == "月":
        value = round(value / 12, 4)
    if isinstance(value, float) and value.is_integer() and name != "rd_ratio":
        value = int(value)
    return Hit(name, bound.op, value, start, end, 0.9 if best[0] < 1000 else 0.7, lead=lead)


def _parts(text: str) -> list[tuple[int, str]]:
    """Comma-separated phrases of a sentence with their offsets."""
    out, pos = [], 0
    for m in _SPLIT.finditer(text):
        out.append((pos, text[pos:m.start()]))
        pos = m.end()
    out.append((pos, text[pos:]))
    merged: list[tuple[int, str]] = []
    for p, s in out:
        if merged and _TIME_LEAD.search(merged[-1][1]):
            q, t = merged.pop()
            s = t + text[q + len(t):p] + s
            p = q
        merged.append((p, s))
    out = []
    for p, s in merged:
        for piece_start, piece in _split_brackets(s):
            out.append((p + piece_start, piece))
    return [(p, s) for p, s in out if s.strip()]


_EXCLUDED_BRACKET = re.compile(r"[（(][^（）()]*?(?:除外|不含|不包括|不包含)[^（）()]*[）)]")


def _split_brackets(part: str) -> list[tuple[int, str]]:
    """A phrase with a bracketed exclusion ((房地产业企业除外)) cut so the bracket stands alone."""
    out, pos = [], 0
    for m in _EXCLUDED_BRACKET.finditer(part):
        out.extend([(pos, part[pos:m.start()]), (m.start(), m.group(0))])
        pos = m.end()
    out.append((pos, part[pos:]))
    return out


def _to_condition(hit: Hit, text: str, base: int, clause: str) -> Condition:
    start = min(hit.lead, hit.start)
    return Condition(
        op=hit.op, field=hit.field, value=hit.value, text=text[start:hit.end],
        clause=clause, span=(base + start, base + hit.end), confidence=hit.confidence,
    )


def _merge_sizes(hits: list[Hit], part: str) -> list[Hit]:
    """Size words listed together (小型企业、微型企业) are one size condition over their union."""
    out: list[Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (prev is not None and prev.field == hit.field == "size" and {prev.op, hit.op} <= {"eq", "in"}
                and _OR.match(part[prev.end:hit.start])):
            values = [v for h in (prev, hit) for v in (h.value if isinstance(h.value, list) else [h.value])]
            union = sorted(set(values), key=("大型", "中型", "小型", "微型").index)
            out[-1] = Hit("size", "in", union, prev.start, hit.end, prev.confidence, subject=True)
        else:
            out.append(hit)
    return out


def _or_groups(hits: list[Hit], part: str) -> list[list[Hit]]:
    """Group subject words joined by 、/和/或 (增值税小规模纳税人、小型微利企业和个体工商户) as OR."""
    groups: list[list[Hit]] = []
    for hit in hits:
        prev = groups[-1][-1] if groups else None
        if (
            prev is not None and prev.subject and hit.subject and prev.field != hit.field
            and _OR.match(part[prev.end:hit.start])
        ) or (
            prev is not None and prev.subject and hit.subject and prev.field == hit.field
            and hit.field == "qualifications" and _OR.match(part[prev.end:hit.start])
        ):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def find_conditions(
    text: str, base: int, clause: str, *, region_code: str | None, negated: bool = False
) -> Found:
    """Conditions in one passage (offsets relative to ``base``); benefit terms are skipped."""
    found = Found()
    text = _untable(text)
    excluded = _excluded_sentences(text)
    run: list[tuple[int, str]] = []
    masked = _mask(text, [m.span(m.lastindex or 0) for m in _NOT_NAMING.finditer(text)]
                   + _no_condition_spans(text))
    before: tuple[str, ...] = ()
    offered = False  # an earlier phrase of this sentence already states what is given
    for part_start, part in _parts(text):
        cut = _benefit_cut(masked[part_start:part_start + len(part)])
        head = masked[part_start:part_start + cut]
        ends_sentence = bool(_SENTENCE_END.match(text[part_start + len(part):]))
        if not head.strip() or _is_tier(head, text, part_start + len(part), offered, cut < len(part)):
            _close_run(found, run, text, base)
            offered = (offered or cut < len(part)) and not ends_sentence
            continue
        offered = (offered or cut < len(part)) and not ends_sentence
        plate = _boilerplate(head)
        if plate:
            found.assumed.append(plate)
        neg = negated or any(s <= part_start < e for s, e in excluded) or bool(
            _cue_re(tuple(patterns()["exclusion_cues"])).search(head))
        hits = categorical_hits(head, neg)
        taken = [(h.start, h.end, False) for h in hits]
        for extra in (*_numeric_hits(head, before), *date_hits(head), *region_hits(head, region_code),
                      *industry_hits(_mask(head, taken), neg)):
            numeric = extra.lead != NO_LEAD  # the two bounds of a range share their words
            if not any(s < extra.end and extra.start < e and not (numeric and n) for s, e, n in taken):
                hits.append(extra)
                taken.append((extra.start, extra.end, numeric))
        if neg and any(h.field == "industry" for h in hits):  # 房地产业的小微企业除外: the trade is left out
            hits = [h for h in hits if h.field != "size"]
        hits = _merge_sizes(sorted(hits, key=lambda h: h.start), head)
        offset = base + part_start
        if hits and run and _RESTATES.match(head):
            run.pop()  # …的企业，即国民经济行业分类中的制造业企业: the same requirement, now checkable
        if hits or plate and is_boilerplate_only(head) or cut < len(part):
            _close_run(found, run, text, base)
        elif not is_boilerplate_only(head) and not _EXCLUDED_BRACKET.fullmatch(part.strip()):
            run.append((offset, part[:cut]))
        before = () if ends_sentence else _cued_fields(head)
        if ends_sentence:
            _close_run(found, run, text, base)
        words = part[:cut]
        alternatives = _or_across_phrases(head, hits, words, offset, clause)
        if alternatives:
            found.conditions.extend(alternatives)
            continue
        for group in _or_groups(hits, head):
            if len(group) == 1:
                found.conditions.append(_to_condition(group[0], words, offset, clause))
                continue
            children = tuple(_to_condition(h, words, offset, "") for h in group)
            span = (offset + group[0].start, offset + group[-1].end)
            found.conditions.append(Condition(
                op="any_of", any_of=children, clause=clause, span=span,
                text=words[group[0].start:group[-1].end], confidence=0.8,
            ))
    _close_run(found, run, text, base)
    return found


# 或 / 或者 after a comma joins two whole requirements (…新设立的企业，或者出口额不超过…的企业).
_OR_PHRASE = re.compile(r"[，,]\s*(?:或者|或是|或)(?!其他|其它|以上|以下|之一)")
# 未被列入A，或者B: a negation over alternatives excludes each of them (no alternative at all).
_NEGATED_LEAD = re.compile(r"(?:未|没有|无|不得|不|非)(?:被|曾)?(?:列入|纳入|发生|存在|有|属于|从事|是|为)")


def _or_branches(text: str) -> list[tuple[int, int]]:
    """Spans of the alternatives a phrase joins with ，或者 (one span when it joins none)."""
    spans, pos = [], 0
    for m in _OR_PHRASE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


_DOMAIN = re.compile(r"\s*(?:当)?中(?![小型国央心级])")  # 小型、微型企业中…: the pool the alternatives come from


def _checks_branch(hit: Hit, branch: str) -> bool:
    """Whether a hit checks an alternative: numbers need their field words, industries a frame."""
    if hit.lead != NO_LEAD and hit.lead >= hit.start:
        return False  # a bare bound (五项以上) whose field words belong to another alternative
    return hit.field != "industry" or bool(INDUSTRY_FRAME.search(branch))


def _or_across_phrases(head: str, hits: list[Hit], words: str, offset: int, clause: str) -> list[Condition]:
    """An any_of over alternatives joined by ，或者 (checkable ones per hit, the rest unknown), else []."""
    branches = _or_branches(head)
    if len(branches) < 2 or _NEGATED_LEAD.search(head, 0, branches[0][1]):
        return []
    shared = [h for h in hits if h.subject and h.end <= branches[0][1] and _DOMAIN.match(head, h.end)]
    if shared:
        branches[0] = (_DOMAIN.match(head, shared[-1].end).end(), branches[0][1])
    children: list[Condition] = []
    for s, e in branches:
        inside = [h for h in hits if s <= h.start and h.end <= e and h not in shared]
        if len(inside) > 1:
            return []
        if inside and _checks_branch(inside[0], head[s:e]):
            children.append(_to_condition(inside[0], words, offset, ""))
            continue
        text = _requirement_text(words[s:e])
        if len(text) < 4 or _NOT_REQ.search(text):
            return []
        children.append(Condition(op="unknown", text=text, span=(offset + s, offset + e), confidence=0.5))
    if all(c.op == "unknown" for c in children):
        return []  # no field checks any of them: read as a leftover requirement
    start, end = branches[0][0], branches[-1][1]
    return [*(_to_condition(h, words, offset, clause) for h in shared), Condition(
        op="any_of", any_of=tuple(children), clause=clause, span=(offset + start, offset + end),
        text=_TRIM.sub("", words[start:end]), confidence=0.7)]


def _requirement_text(raw: str) -> str:
    """A requirement phrase without its lead-in (申报企业须为…), table row label or edge punctuation."""
    raw = _ROW_LABEL.sub("", raw.strip())
    return _TAIL.sub("", _TRIM.sub("", _LEAD.sub("", _TRIM.sub("", _HEADING_LEAD.sub("", raw.strip())))))


_SENTENCE_END = re.compile(r"^\s*[。；;\n]")
_ROW_LABEL = re.compile(r"^[^　]{1,10}?\s*　[\s　]*(?=\S)")  # 研发　拥有…: the label cell of a table row
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.M)
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)


def _untable(text: str) -> str:
    """Markdown table rows as plain phrases (cells joined by spaces); header and rule rows blanked."""
    if "|" not in text:
        return text
    spans = []
    for rule in _TABLE_RULE.finditer(text):
        spans.append(rule.span())
        header_end = rule.start() - 1
        header_start = text.rfind("\n", 0, max(header_end, 0)) + 1
        if header_end > header_start and _TABLE_ROW.fullmatch(text, header_start, header_end):
            spans.append((header_start, header_end))
    return _mask(text, spans).replace("|", "　")
_RAISES = re.compile(r"[，,]\s*[^，。；]{0,12}?(?:(?:提高|上浮|增加|提升)(?:至|到|为|[0-9一二三四五六七八九十百])|翻倍|加倍)")
_OFFER_AHEAD = re.compile(r"[，,]?\s*(?:可以|可|按|给予|予以|补贴|奖励)")


def _is_tier(head: str, text: str, end: int, offered: bool, offer_inside: bool) -> bool:
    """A …的 phrase that scales the benefit (收入达到…的，奖励提高至…; after an offer: 30人以下的按…)."""
    if not head.rstrip().endswith("的"):
        return False
    if _RAISES.match(text, end):
        return True
    return offered and (offer_inside or bool(_OFFER_AHEAD.match(text, end)))
# Words that set no condition: encouraging others (鼓励国有企业…采购), scope by reference (…参照…实施).
_ENCOURAGES = re.compile(r"(?:^|(?<=[。；;\n]))\s*(?:鼓励|引导|倡导)[^，,。；;\n]*")
_BY_REFERENCE = re.compile(r"参照[^，。；]{1,20}?(?:实施|执行|办理)")


def _no_condition_spans(text: str) -> list[tuple[int, int]]:
    """Spans that set no condition: encouraging others, and whole sentences scoped by reference."""
    spans = [m.span() for m in _ENCOURAGES.finditer(text)]
    for m in _BY_REFERENCE.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in "。；;\n") + 1
        ends = [i for i in (text.find(c, m.end()) for c in "。；;\n") if i >= 0]
        spans.append((start, min(ends, default=len(text))))
    return spans
_RESTATES = re.compile(r"^\s*(?:即|也就是|亦即)")
# Words that name no condition: book titles (《中小企业划型标准规定》) and the term a definition defines.
_NOT_NAMING = re.compile(r"《[^《》]*》|所称([^，。；]{1,30}?)(?=[，,]?\s*(?:是指|指|按照|包括|以))")


def _close_run(found: Found, run: list[tuple[int, str]], text: str, base: int) -> None:
    """Keep a run of consecutive phrases no field checks as one leftover requirement."""
    if run:
        start = run[0][0]
        end = run[-1][0] + len(run[-1][1])
        found.leftovers.append((start, text[start - base:end - base]))
        run.clear()


_EXCEPT = re.compile(r"除[^。；;]{1,80}?(?:以外|之外)")


def _excluded_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences that name who is left out (…的企业，不适用本办法；除…以外)."""
    cues = _cue_re(tuple(patterns()["exclusion_sentence_cues"]))
    out = [(m.start(), m.end()) for m in _EXCEPT.finditer(text)]
    for m in re.finditer(r"[^。；;\n]+", text):
        if cues.search(m.group(0)):
            out.append((m.start(), m.end()))
    return out


def _mask(text: str, spans) -> str:
    """``text`` with the given spans blanked out (same length, so offsets still hold)."""
    chars = list(text)
    for s, e, *_ in spans:
        chars[s:e] = "　" * (e - s)
    return "".join(chars)


_MATERIAL = re.compile(r"提交|提供[^，。；]{0,8}(?:材料|证明|复印件)|材料|申报表|复印件|申请表")
_HEADING_LEAD = re.compile(r"^[^，。；：:]{1,8}(?:方面|要求|条件)[：:]")


def _unknowns(leftovers: list[tuple[int, str]], p, conditional: bool = False) -> list[Condition]:
    """Unknown conditions for leftover requirement phrases (``conditional``: in a …的，给予 clause)."""
    out = []
    for offset, raw in leftovers:
        text = _requirement_text(raw)
        if len(text) < 4 or _MATERIAL.search(text) or _SUBJECT_ONLY.fullmatch(text) or _NOT_REQ.search(text):
            continue
        if not (p.leaf or conditional) and not _REQUIREMENT.search(text):
            continue
        out.extend(_unknown_alternatives(text, offset, raw, p))
    return out


def _unknown_alternatives(text: str, offset: int, raw: str, p) -> list[Condition]:
    """One unknown, or an any_of of unknowns when the phrase joins alternatives with ，或者."""
    confidence = 0.6 if p.leaf else 0.5
    whole = Condition(op="unknown", text=text, clause=p.clause, confidence=confidence,
                      span=(offset, offset + len(raw)))
    branches = _or_branches(text)
    if len(branches) < 2 or _NEGATED_LEAD.search(text, 0, branches[0][1]):
        return [whole]
    out: list[Condition] = []
    first_start = branches[0][0]
    lead_cut = max(text.rfind("，", 0, branches[0][1]), text.rfind(",", 0, branches[0][1]))
    if lead_cut >= 0:  # X，A、B，或者C: X is a requirement of its own
        out.append(Condition(op="unknown", text=_requirement_text(text[:lead_cut]), clause=p.clause,
                             confidence=confidence, span=(offset, offset + lead_cut)))
        first_start = lead_cut + 1
        branches[0] = (first_start, branches[0][1])
    pieces: list[str] = []
    for n, (s, e) in enumerate(branches):
        branch = text[s:e]
        listed = n < len(branches) - 1 and "等" not in branch
        pieces.extend(branch.split("、") if listed else [branch])
    children = tuple(Condition(op="unknown", text=_requirement_text(t), confidence=confidence)
                     for t in pieces if len(_requirement_text(t)) >= 2)
    if len(children) < 2:
        return [whole]
    out.append(Condition(op="any_of", any_of=children, clause=p.clause, confidence=confidence,
                         text=text[first_start:], span=(offset + first_start, offset + len(raw))))
    return out


_OFFER = re.compile(
    r"的(?:企业|单位|项目|主体)?(?P<comma>[，,])\s*(?:[^，。；]{0,6}?后|[^，。；]{0,6}?(?:财政|部门|政府))?"
    r"(?:可以|可|给予|予以|按|对|经[^，。；]{0,10}后)"
)
_REQ_SENTENCE = re.compile(
    r"^\s*(?:申报|申请|享受)[^，。；]{0,10}?(?:企业|单位|主体)(?!的)|须|应当|必须"
)


def _measure_terms(text: str, base: int, leftovers: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Leftovers of a measure clause in the conditional before its offer (…且首次纳入…的企业，给予…)."""
    spans = []
    for m in _OFFER.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in "。；;\n") + 1
        spans.append((start, m.start("comma")))
    return [(off, t) for off, t in leftovers if any(s <= off - base and off - base + len(t) <= e for s, e in spans)]


def _requirement_sentences(text: str, base: int, leftovers: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Leftovers of a measure clause in a sentence that states a requirement (申报企业须…)."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^。；;\n]+", text) if _REQ_SENTENCE.search(m.group(0))]
    return [(off, t) for off, t in leftovers if any(s <= off - base < e for s, e in spans)]


_NOT_REQ = re.compile(
    r"(?:下列|以下|如下)[^，。；]{0,6}(?:条件|要求|情形|标准|行业|之一)|^[^，。；]{0,6}(?:对象|范围|条件|主体)$|"
    r"可同步|可以|不限|[：:]$|所称|是指|为准|不视为|有效期|适用于?本|^(?:申请|申报|享受)?本(?:措施|办法|政策|细则|方案|通知)|以上条件|上述条件|执行至|^同时(?:满足|符合)|"
    r"\d{4}年[^，。；]{0,8}至\d{4}年|起(?:施行|执行)|^(?:获得|享受|取得)[^，。；]{0,8}(?:补助|奖励|支持|资金|补贴|贴息|前项|上述|本项|贷款|信用贷)|"
    r"(?:^|[，,])\s*(?:各级|各|市|县|区|省)?[^，。；]{0,12}?(?:部门|机关|银行|金融机构|政府|委员会)(?:应当|要|应|须|不得)|"
    r"^(?:而|但|且|并)?从上述|自行判别|留存备查|备查资料|办理方式|纳税调整"
)
_SUBJECT_ONLY = re.compile(r"[^，。；]{0,12}(?:的)?(?:企业|单位|个人|申请人|市场主体)")
_REQUIREMENT = re.compile(r"须|需|应当|应|必须|具备|具有|拥有|符合|满足|未发生|未被|不得|无|达到|以上|以下|不低于|不超过|获得|取得|近[一二三四五两]年")
_TRIM = re.compile(r"^[\s（(）)、，。；;：:]+|[\s、，。；;：:]+$")
_LEAD = re.compile(
    r"^(?:且|并且|并|同时|对(?!于))?(?:申报|申请)?(?:企业|单位|主体)?(?:须|应当|应|需|必须)?(?:为|是)?(?=.{4})"
)
_TAIL = re.compile(r"(?<=.{4})的(?:企业|单位|项目|主体)?$")


def read_passages(passages, region_code: str | None) -> Found:
    """Conditions of passages: leftover requirements of enumerated conditions become unknown."""
    found = Found()
    groups: dict[int, list[Condition]] = {}
    for p in passages:
        part = find_conditions(p.text, p.base, p.clause, region_code=region_code, negated=p.negated)
        found.assumed.extend(a for a in part.assumed if a not in found.assumed)
        conds = list(part.conditions)
        if p.strong:
            conds.extend(_unknowns(part.leftovers, p))
        else:
            conds.extend(_unknowns(_measure_terms(p.text, p.base, part.leftovers), p, conditional=True))
            conds.extend(_unknowns(_requirement_sentences(p.text, p.base, part.leftovers), p))
        if p.group is not None:
            groups.setdefault(p.group, []).extend(conds)
            continue
        found.conditions.extend(conds)
    for members in groups.values():
        if len({(c.field, c.op) for c in members}) == 1 and members[0].field == "industry" and members[0].op == "in":
            codes = [v for c in members for v in c.value]
            found.conditions.append(Condition(  # 以下行业之一: 1.住宿业 2.餐饮业 → one industry list
                op="in", field="industry", value=list(dict.fromkeys(codes)), clause=members[0].clause,
                text="、".join(c.text for c in members), confidence=0.8))
        elif len(members) == 1:
            found.conditions.extend(members)
        elif members:
            found.conditions.append(Condition(
                op="any_of", any_of=tuple(members), clause=members[0].clause, confidence=0.7,
                text="；".join(c.text for c in members),
            ))
    return found
