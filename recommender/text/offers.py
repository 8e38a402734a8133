"""Offers made one after another in one sentence (…的，给予…；对…的，给予…): one item each."""

from __future__ import annotations

import re

from recommender.text.conditions import find_conditions
from recommender.text.roles import is_measure

__all__ = ["offer_paragraph", "offer_segments"]

_SENTENCE = re.compile(r"[^。！!]+[。！!]?")
_PIECE = re.compile(r"[^；;]+[；;]?")
# Whom an offer is for: 对…, …的企业， / …的农民专业合作社， (not …的应税销售收入，, a tax base) or …的，
_PARTY_SUBJECT = re.compile(
    r"的[^，,。；]{0,8}?(?:企业|单位|主体|合作社|个体工商户|纳税人|农户|经营户|家庭农场|人员|人才|机构|产品)[，,]"
)
_LEAD_SUBJECT = re.compile(r"^\s*(?:对|向|凡)")
_OWN_SUBJECT = re.compile(f"{_LEAD_SUBJECT.pattern}|{_PARTY_SUBJECT.pattern}|的[，,]")
# 工商注册地在本市……的企业，新被认定为…的，给予…: the subject every offer after it shares.
_SHARED_SUBJECT = re.compile(
    r"[^，,。；：:]*?的(?:企业|单位|经营主体|市场主体|主体|个体工商户|申报主体)[，,]\s*(?=[^。；]*?的[，,])"
)


_BY_KIND = re.compile(r"按(?:行业|类别|类型|企业类型|业态)[^，,。；：:]{0,12}[：:]")
_KIND_OFFER = re.compile(r"[^，,。；;：:]{2,16}?(?:企业|商户|单位)[^，,。；;：:]{0,4}?(?:奖励|补助|补贴|资助)[^，,。；;]{0,12}?[0-9.一二三四五六七八九十百千]+\s*万?元")


_GIVES_LEAD = re.compile(r"(?:给予|予以)[^，,。；：:]{0,12}(?:奖励|补助|补贴|资助|支持|贴息)\s*$")


def offer_segments(line: str) -> list[tuple[int, int]]:
    """Spans of the offers in ``line`` when one sentence makes two or more, each to a subject of its
    own; [] otherwise. Tiers of one offer (突破1亿元的奖励10万元；突破5亿元的奖励30万元) stay whole."""
    out: list[tuple[int, int]] = []
    for sentence in _SENTENCE.finditer(line):
        pieces = [(m.start(), m.end()) for m in _PIECE.finditer(line, sentence.start(), sentence.end())]
        pieces = [(a, b) for a, b in pieces if a < sentence.end()]
        offers = [n for n, (a, b) in enumerate(pieces)
                  if is_measure(line[a:b]) and _OWN_SUBJECT.search(_after_lead(line[a:b]))]
        by_kind = _BY_KIND.search(line, sentence.start(), sentence.end())
        kinds = [m.span() for m in _KIND_OFFER.finditer(line, by_kind.end(), sentence.end())] if by_kind else []
        if len(kinds) >= 2:  # 按行业给予一次性奖励：批发业企业奖励8万元，零售业企业奖励6万元: one offer per trade
            out.extend(kinds)
            continue
        if len(offers) < 2 or _tiers([line[pieces[n][0]:pieces[n][1]] for n in offers]):
            continue
        first = line[pieces[offers[0]][0]:pieces[offers[0]][1]]
        colon = max(first.rfind("："), first.rfind(":"))
        if colon > 0 and _GIVES_LEAD.search(first[:colon]):
            continue  # …的企业，给予分阶段奖励：首发上市的，…；挂牌的，…: the cases of the award announced
        for k, n in enumerate(offers):
            start = pieces[n][0]
            if k == 0:  # 现就…公告如下：…: the lead-in and the shared subject stay with the paragraph
                colon = max(line.rfind("：", start, pieces[n][1]), line.rfind(":", start, pieces[n][1]))
                start = colon + 1 if colon >= 0 else start
                shared = _SHARED_SUBJECT.match(line, start)
                if shared:
                    start = shared.end()
            end = pieces[offers[k + 1]][0] if k + 1 < len(offers) else sentence.end()
            start += len(line[start:end]) - len(line[start:end].lstrip())
            out.append((start, end))
    return out or _offer_sentences(line)


_WHOEVER = re.compile(r"凡是?|只要")
# 先看第一项，… / 第三件事是… / 接着看第二项: a paragraph that opens by counting the supports it walks through
_COUNTED = re.compile(r"^\s*(?:先看|接着看|再看|最后看|先说|再说|然后是)?第[一二三四五六七八九十]+(?:项|件事|个|条)")


# 研发服务券，用于… / 检验检测券，用于…: a paragraph opening with the name of the support it describes
_NAMED_SUPPORT = re.compile(r"^\s*[\u4e00-\u9fff]{2,12}(?:券|补贴|补助|奖励|贴息|贷|资助)[，,：:]")
# 最高20万元 / 按…的50%抵扣 / 给予10万元奖励: what is given, not a bound on who may apply (不超过5000万元)
_GIVEN = re.compile(r"(?:最高|给予|奖励|补助|补贴|抵扣|贴息|资助)[^，。；]{0,12}?[0-9一二三四五六七八九十百千两.]+\s*(?:万元|元|%)"
                    r"|[0-9.]+\s*%\s*(?:给予|抵扣|补助|补贴|奖励|贴息|返还|减征)|额度[^，。；]{0,6}?[0-9一二三四五六七八九十百千两]+\s*万元"
                    r"|减按\s*[0-9.]+\s*%|免征|减半"
                    # 按展位费的百分之七十给予补助，每家企业全年不超过30万元: a share given, capped per firm
                    r"|百分之[一二三四五六七八九十百零]+[^，。；]{0,4}?(?:给予|予以)?(?:补助|补贴|奖励|贴息|资助|返还)"
                    r"|(?:每家|每户|单户|单家|单个)[^，。；]{0,8}?(?:不超过|最高)\s*[0-9一二三四五六七八九十百千两.]+\s*万元")


def offer_paragraph(line: str) -> bool:
    """Whether an unnumbered paragraph makes an offer of its own: it gives an amount to a subject it names
    (先说融资。凡是在我县注册登记的小型和微型企业，…单户额度最高二百万元 / 对…的工业企业，给予十万元奖励), or
    names the support it describes first (研发服务券，用于…按…的50%抵扣，每家企业年度最高20万元)."""
    return bool(_GIVEN.search(line)) and is_measure(line) and (
        bool(_COUNTED.match(line) or _NAMED_SUPPORT.match(line)) or any(
            _OWN_SUBJECT.search(m.group(0)) or _WHOEVER.search(m.group(0)) for m in _SENTENCE.finditer(line)))


def _after_lead(piece: str) -> str:
    """A piece without the lead-in before its colon (补助标准按主体类型分别确定：对农民专业合作社，…)."""
    colon = max(piece.rfind("："), piece.rfind(":"))
    return piece[colon + 1:]


def _offer_sentences(line: str) -> list[tuple[int, int]]:
    """Sentences of a paragraph that each make an offer to a subject of their own (对A的，给予…。对B的企业，
    奖励…), when two or more do and they are no tiers of one offer."""
    offers = [m for m in _SENTENCE.finditer(line) if is_measure(m.group(0)) and _LEAD_SUBJECT.match(m.group(0))
              and _OWN_SUBJECT.search(m.group(0))]
    if len(offers) < 2 or _tiers([_PIECE.match(m.group(0)).group(0) for m in offers]):  # each offer's first clause
        return []
    return [(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end()) for m in offers]


_ADD_ON = re.compile(
    r"(?:另|再|还可|追加|额外|另行)[^，,。；]{0,12}?(?:给予|予以|奖励|补助|补贴)|按差额|补足差额|差额部分|参照[^，,。；]{0,12}标准|(?:提高|提升|增加|上浮)(?:到|至)"
)
_ELLIPTIC = re.compile(r"^\s*(?:对)?[^，,。；]{0,5}的[，,]"  # 国家级的，奖励30万元: the subject of the offer before
                       r"|^\s*[^，,。；的]{0,6}?(?:达到|超过|突破|不足|低于|高于)[^，,。；]{1,20}的[，,]")  # (出口额)达到3亿美元以上的，奖励…: its measure


_SUBJECT_END = re.compile(r"的[^，,。；]{0,8}[，,]")
_FIRM_FIRST = re.compile(r"^\s*(?:对)?(?:企业|单位|申请人|经营主体|市场主体)(?!的)")
_FIGURES = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿两.．%％‰]+")


def _tiers(offers: list[str]) -> bool:
    """Whether the offers are tiers or add-ons of one: the same words give them, or each checks the
    same fields and only the figures differ, or a later one adds to (另按…给予) or shortens the subject
    of (国家级的) the one before."""
    if any(_ADD_ON.search(text) and "基础上" not in text or _ELLIPTIC.match(text) for text in offers[1:]):
        return True
    if _FIRM_FIRST.match(offers[0]) and not any(_FIRM_FIRST.match(t) or _PARTY_SUBJECT.search(t) for t in offers[1:]):
        return True  # 企业购买第（一）项服务的，按50%抵扣；购买第（四）项服务的，按30%抵扣: the same firms, other cases
    offers = [_after_lead(offers[0]), *offers[1:]]  # not the lead-in
    shared = _SHARED_SUBJECT.match(offers[0])  # …的企业，新被认定为…的，给予…: that party is every offer's
    if _PARTY_SUBJECT.search(offers[0][shared.end():] if shared else offers[0]) and any(
            not _PARTY_SUBJECT.search(t) and not _LEAD_SUBJECT.match(t) for t in offers[1:]):
        return True  # …工作站的企业，给予…；新设立…基地的，给予…: the same firms, another case
    found = [find_conditions(text, 0, "", region_code=None).conditions for text in offers]
    statuses = [frozenset(c.value for c in conditions if c.field == "qualifications") for conditions in found]
    if all(statuses) and len(set(statuses)) == len(statuses):
        return False  # 小巨人的，奖励50万元；专精特新中小企业的，奖励20万元: each for a status of its own
    if len({_FIGURES.sub("#", _SUBJECT_END.split(text)[-1]).rstrip("；;。 ") for text in offers}) == 1:
        return True  # …的，给予一次性奖励50万元；…的，给予一次性奖励20万元: one award in levels
    fields = [frozenset(c.field for c in conditions if c.field) for conditions in found]
    return all(fields) and len(set(fields)) == 1
