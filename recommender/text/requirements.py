"""Requirements no field checks: leftover phrases of a passage read as unknown conditions."""

from __future__ import annotations

import re

from recommender.rules.schema import Condition
from recommender.text.condition_patterns import RELATION_IN
from recommender.text.conditions import STATISTICS_STATUS_WORDS, Found, find_conditions
from recommender.text.events import names_event
from recommender.text.numbers import parse_number
from recommender.text.phrases import (
    APPLICANT,
    APPLICANT_KINDS,
    APPLYING_FOR_SUPPORT,
    INLINE_REQUIREMENTS,
    NEGATED_LEAD,
    NO_DOUBLE,
    NOT_REQUIREMENT,
    REFUSAL,
    or_branches,
    requirement_text,
)

__all__ = ["read_passages"]


_MATERIAL = re.compile(r"提交|提供[^，。；]{0,8}(?:材料|证明|复印件)|(?<![新型])材料|申报表|复印件|申请表|报表|底稿|凭证|台账|^(?:主要)?包括")


_FALSIFIED = re.compile(r"弄虚作假|虚假|伪造|骗取")  # 申报材料弄虚作假的: a refused case, not a list of papers
_EXAMPLES = re.compile(r"[^，。；]{2,40}、[^，。；]{2,20}等")
_APPLYING = re.compile(APPLYING_FOR_SUPPORT)
_DUTY_LEAD = re.compile(rf"\s*{APPLICANT.pattern}[，,]\s*(?=须|应当|必须|应|需)")


# …的，各项扶持均不予支持 / 两款产品均不予受理: the refusal after a case another condition read, no case itself
_REFUSAL_ONLY = re.compile(rf"(?:(?:各项|上述|以上|本|[两二三四五六七八九十][款项类])[^，。；]{{0,6}}?)?{REFUSAL}[^，。；]{{0,8}}")


# …D级的企业，或者被列入失信被执行人名单的企业: a joint and verb whose object another condition read
_DANGLING = re.compile(r"(?:或者?|和|及|以及|并且?|且)?\s*(?:被|已)?(?:列入|纳入|认定为|评为|评定为)")


def _confidence(p) -> float:
    """How sure an unknown requirement is: more in a list entry of its own than inside running text."""
    return 0.6 if p.leaf else 0.5


def _unknowns(leftovers: list[tuple[int, str]], p, conditional: bool = False) -> list[Condition]:
    """Unknown conditions for leftover requirement phrases (``conditional``: in a requirement context)."""
    out = []
    for offset, raw in leftovers:
        lead = _DUTY_LEAD.match(raw)
        if lead:  # 获得本办法奖励的企业，须承诺…: the duty, not who owes it
            offset, raw = offset + lead.end(), raw[lead.end():]
        text = requirement_text(raw)
        duty = _DUTY_OF_SUBJECT.fullmatch(text)
        if duty:  # 参加失业保险的各类企业: what the firms named must do, not the bare firms
            text = duty.group(1)
        refused = bool(_REFUSED_AFTER.match(p.text, offset - p.base + len(raw)))  # …无法提供付款凭证的，不予补助
        bare_subject = _SUBJECT_ONLY.fullmatch(text) and not names_event(text) and not _DENIES.search(text) \
            and not _RECORD.search(text)  # 上年度有进出口实绩的外贸企业 states a record
        applicant = APPLICANT.fullmatch(raw.strip(" ，,。；;")) or _APPLYING.fullmatch(raw.strip(" ，,。；;"))  # who applies
        examples = _EXAMPLES.fullmatch(text)  # 小额贷款公司、典当行、融资租赁公司等（金融和类金融企业）
        papers = _MATERIAL.search(text) and not (_FALSIFIED.search(text) or refused)  # papers to hand in
        if len(text) < 4 or _DANGLING.fullmatch(text) or _REFUSAL_ONLY.fullmatch(text) or papers or bare_subject \
                or applicant or examples or NOT_REQUIREMENT.search(text):
            continue
        if not (p.leaf or conditional or _REQUIREMENT.search(text) or _required_sentence(p, offset)
                or refused):
            continue
        relation = _RELATION_FIRST.match(text)
        if relation:  # 税收征管关系在安宁市、入驻认定商务楼宇办公: where taxes are filed is a requirement of its own
            at = raw.find(text)
            for part, start in ((relation.group(1), 0), (text[relation.start(2):], relation.start(2))):
                out.append(Condition(op="unknown", text=requirement_text(part), clause=p.clause,
                                     confidence=_confidence(p),
                                     span=(offset + at + start, offset + at + start + len(part))))
            continue
        out.extend(_kind_duties(text, offset, raw, p) or _unknown_alternatives(text, offset, raw, p))
    return out


_RELATION_FIRST = re.compile(rf"([^、，。；]{{0,8}}{RELATION_IN}[^、，。；]{{2,12}})、(?=([^、，。；]{{4,}})$)")


_DUTY_OF_SUBJECT = re.compile(r"([^，。；]{0,8}?(?:参加|缴纳|签订|取得|拥有|开展|建立|通过|获得|具有|具备|实现)[^，。；]{2,20}?)"
                              r"的(?:各类|相关)?(?:企业|单位|经营主体|市场主体|主体)")


# 存在严重违法失信行为…的企业，不予奖励: the case a refusal follows is required the other way
_REFUSED_AFTER = re.compile(rf"[，,]?\s*{REFUSAL}")


def _kind_duties(text: str, offset: int, raw: str, p) -> list[Condition]:
    """家庭农场应当纳入…名录，农民专业合作社应当为…示范社: each kind of applicant's own duty, one of which applies
    (an any_of after the lead they share); [] when the phrase names fewer than two."""
    kinds = list(_KIND_DUTY.finditer(text))
    if len(kinds) < 2:
        return []
    at = raw.find(text)
    confidence = _confidence(p)
    lead = requirement_text(text[:kinds[0].start()])
    out = _unknown_alternatives(lead, offset, raw[:at + kinds[0].start()], p) if len(lead) >= 4 else []
    bounds = [m.start("kind") for m in kinds] + [len(text)]
    members = tuple(Condition(op="unknown", text=text[a:b].strip(" ，,、；;"), confidence=confidence)
                    for a, b in zip(bounds, bounds[1:], strict=False))
    return [*out, Condition(op="any_of", any_of=members, clause=p.clause, confidence=confidence,
                            text=text[bounds[0]:], span=(offset + at + bounds[0], offset + at + len(text)))]


_KIND_DUTY = re.compile(rf"(?:^|[，,、；;。]\s*)(?P<kind>{APPLICANT_KINDS})(?:须|应当|应|需|必须)")


def _required_sentence(p, offset: int) -> bool:
    """Whether the sentence a leftover sits in states a requirement before it (申报单位须为…、在县内参加…)."""
    at = offset - p.base
    start = max(p.text.rfind(c, 0, at) for c in "。；;\n") + 1
    return bool(_REQ_SENTENCE.search(p.text[start:at]) or _MUST.match(p.text, at)
                or _SCOPE_SENTENCE.match(p.text[start:start + 24]))  # 本政策适用于…, which the leftover may start with


def _unknown_alternatives(text: str, offset: int, raw: str, p) -> list[Condition]:
    """One unknown, or an any_of of unknowns when the phrase joins alternatives with ，或者."""
    confidence = _confidence(p)
    whole = Condition(op="unknown", text=text, clause=p.clause, confidence=confidence,
                      span=(offset, offset + len(raw)))
    branches = or_branches(text)
    if len(branches) < 2 or p.negated or NEGATED_LEAD.search(text, 0, branches[0][1]):
        # 有下列情形之一的不予支持：（三）被列入…名单，或者近三年内存在…记录的: ruled out by either, so one requirement
        return [whole]
    out: list[Condition] = []
    first_start = branches[0][0]
    lead_cut = max(text.rfind("，", 0, branches[0][1]), text.rfind(",", 0, branches[0][1]))
    if lead_cut >= 0:  # X，A、B，或者C: X is a requirement of its own
        out.append(Condition(op="unknown", text=requirement_text(text[:lead_cut]), clause=p.clause,
                             confidence=confidence, span=(offset, offset + lead_cut)))
        first_start = lead_cut + 1
        branches[0] = (first_start, branches[0][1])
    tail = []  # …，或者C，与其签订…，并为其缴纳…: what follows the last alternative binds them all
    s_last, e_last = branches[-1]
    cuts = [m.start() for m in _AND_AFTER.finditer(text, s_last, e_last)]
    if cuts:
        bounds = [*cuts, e_last]
        tail = [(a + 1, b) for a, b in zip(bounds, bounds[1:], strict=False)]
        branches[-1] = (s_last, cuts[0])
    pieces: list[str] = []
    for n, (s, e) in enumerate(branches):
        branch = text[s:e]
        listed = n < len(branches) - 1 and "等" not in branch
        pieces.extend(branch.split("、") if listed else [branch])
    children = tuple(Condition(op="unknown", text=requirement_text(t), confidence=confidence)
                     for t in pieces if len(requirement_text(t)) >= 2)
    if len(children) < 2:
        return [whole]
    end = branches[-1][1]
    out.append(Condition(op="any_of", any_of=children, clause=p.clause, confidence=confidence,
                         text=text[first_start:end], span=(offset + first_start, offset + end)))
    out.extend(Condition(op="unknown", text=requirement_text(text[a:b]), clause=p.clause, confidence=confidence,
                         span=(offset + a, offset + b)) for a, b in tail if len(requirement_text(text[a:b])) >= 4)
    return out


_FIGURES = re.compile(r"[0-9.零一二两三四五六七八九十百千万亿]+")
_AND_AFTER = re.compile(r"[，,](?=\s*(?:并且?|且|同时|与其|为其|对其))")


_OFFER = re.compile(
    r"(?:的(?:企业|单位|项目|主体)?|企业|单位|主体|个体工商户|(?=[，,]\s*(?:就|即|便|则)(?:可以|可)))"  # 如果您的企业…，就可以申请
    r"(?P<comma>[，,])(?!\s*(?:不予|不得|不再|不享受|不纳入|不适用))\s*(?:[^，。；]{0,6}?后|[^，。；]{0,6}?(?:财政|部门|政府)|(?:前|首|第)[一二三四五六七八九十两0-9]{1,2}(?:年|个月|季度)内?)?(?:分别|均|一次性|同样|也|亦|还|就|即|便|则)?"
    r"(?:可以|可|给予|予以|按|对|经[^，。；]{0,10}后|[^。；]{0,16}?(?:全额|减半)?(?:补贴|补助|奖励|贴息|资助|返还)(?:[，。；]|$)|每[^，。；]{0,4}?[亩人户家个项台套吨件][^，。；]{0,4}?(?:补贴|补助|奖励|资助)|(?:单户|单笔|每户|每家)[^，。；]{0,6}?(?:额度|贷款)[^，。；]{0,4}?(?:最高|不超过|可达)|[^，。；]{0,8}?(?:租金|房租|费用)(?:全免|减半|免收))"
)


_REQ_SENTENCE = re.compile(
    r"^\s*(?:申报|申请|享受)[^，。；]{0,10}?(?:企业|单位|主体)(?!的)|须(?!知)|应当|必须|不得(?:为|是|被|有|存在)|(?:均|都|一律)要求|(?:仅|只)限[^，。；]{0,20}的(?:企业|单位|主体)"
)
# 年发运量不足20个标准箱的，不予补贴 / …受到行政处罚的经营主体除外: who is left out is a requirement
_EXCLUDING_PHRASE = re.compile(
    rf"[^，,。；;：:\n]*(?:的(?:企业|经营主体|市场主体|主体|单位|项目|个体工商户|[\u4e00-\u9fff]企)?|企业|公司)[，,]?\s*(?:(?:各项|上述|以上|[两二三四五六七八九十][款项类])[^，。；]{{0,6}}?(?=均|一律))?(?:(?!(?:均|一律)?\s*不再){REFUSAL}|不适用|不享受)"  # 不再享受: NO_DOUBLE's
    r"|[^，,。；;：:\n]*的(?:企业|经营主体|市场主体|主体|单位|项目|个体工商户)?除外"
)


def _measure_terms(text: str, base: int, leftovers: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Leftovers of a measure clause in each conditional before an offer (…且首次纳入…的企业，给予…)."""
    spans = []
    for m in _OFFER.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in "。；;\n") + 1
        spans.append((start, m.start("comma")))
    # (a leftover running on into the base of the offer, …超过1.5%的，对超出规定比例的人数，按…, is the case up to it)
    return [[(off, t[:e - (off - base)]) for off, t in leftovers if s <= off - base and (
        off - base + len(t) <= e or _OFFER_BASE.match(t, e - (off - base)))] for s, e in spans]


_OFFER_BASE = re.compile(r"[，,]\s*对[^，。；]{0,16}(?:人数|部分|金额|数额|数量|人员)$")


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence running at ``at`` ends (its full stop or line end)."""
    ends = [i for i in (text.find("。", at), text.find("\n", at)) if i >= 0]
    return min(ends, default=len(text))


def _offered_unknowns(p, groups: list[list[tuple[int, str]]]) -> list[Condition]:
    """Unknowns of the conditionals before offers; one each in parallel offers (…的，奖励A；…的，奖励B) is an OR."""
    per_offer = [_unknowns(g, p, conditional=True) for g in groups]
    status = list({c.text: c for g in per_offer for c in g if c.text in STATISTICS_STATUS_WORDS}.values())
    per_offer = [kept for g in per_offer if (kept := [c for c in g if c.text not in STATISTICS_STATUS_WORDS])]
    if len(per_offer) >= 2 and all(len(g) == 1 and g[0].op == "unknown" for g in per_offer):
        if len({_FIGURES.sub("#", g[0].text) for g in per_offer}) == 1:
            return [*status, per_offer[0][0]]  # 累计达到5000人次以上的，按…；累计达到2万人次以上的，按…: tiers; the first is the floor
        members = tuple(g[0] for g in per_offer)  # 规模以上…企业新认定为A的，奖励…；新认定为B的，奖励…: A or B
        return [*status, Condition(op="any_of", any_of=members, clause=p.clause, confidence=0.5,
                                   text="；".join(c.text for c in members))]
    return [*status, *(c for g in per_offer for c in g)]


def _requirement_sentences(text: str, base: int, leftovers: list[tuple[int, str]],
                           pattern: re.Pattern[str]) -> list[tuple[int, str]]:
    """Leftovers of a measure clause in a sentence that states a requirement (申报企业须…)."""
    spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if pattern.search(m.group(0))]
    return [(off, t) for off, t in leftovers if any(s <= off - base < e for s, e in spans)]


_SENTENCE = re.compile(r"[^。；;\n]+")
_MUST = re.compile(r"\s*(?:须|必须|应当)")  # 申请奖励的民宿须通过…检查: the leftover itself opens with the duty


# A sentence naming who may apply (申报企业须…; 本细则适用于…的企业): all its leftovers are requirements.
_SCOPE_SENTENCE = re.compile(
    r"^\s*(?:申报|申请|享受)[^，。；]{0,10}?(?:企业|单位|主体)(?!的)|^\s*(?:本|上述|以上|前述)(?:各项)?(?:细则|办法|措施|政策|通知|公告|方案|意见|产品)适用于"
    r"|^\s*[^，。；]{0,10}的(?:申报|申请|享受)(?:主体|对象|企业|单位)[，,]?\s*(?:为|是)"  # 本年度奖励的申报主体，为…
    r"|^\s*本(?:细则|办法|措施|政策|通知|方案)的?(?:支持|扶持|奖补|适用|申报)(?:对象|范围)(?:为|是)"  # 本措施支持对象为…
)


_DENIES = re.compile(r"未|没有|不曾|不(?:[能得应])?(?:为|是|属于)|非")  # 尚未被认定为高新技术企业 / 海关信用等级不为失信企业: a requirement, not the bare subject
_RECORD = re.compile(r"有[^，。；]{0,6}(?:实绩|业绩)")
_SUBJECT_ONLY = re.compile(r"[^，。；]{0,12}(?:的)?(?:企业|单位|个人|申请人|市场主体)")


_REQUIREMENT = re.compile(r"从事|签订|须(?!知)|需|应当|应|必须|具备|具有|拥有|符合|满足|未发生|未被|不得|无|达到|以上|以下|不低于|不超过|获得|取得|近[一二三四五两]年")


def _no_double_support(p, conds: list[Condition]) -> list[Condition]:
    out = []
    for m in NO_DOUBLE.finditer(p.text):
        text = m.group(0).strip()
        if not any(c.op == "unknown" and (c.text in text or text in c.text) for c in conds):
            out.append(Condition(op="unknown", text=text, clause=p.clause, confidence=0.6,
                                 span=(p.base + m.start(), p.base + m.end())))
    return out


# 满足拥有1件以上有效发明专利、拥有10件以上软件著作权两项条件之一: the phrases listed are alternatives.
_N_OF = re.compile(r"(?:满足|符合|具备|具有)?(?P<list>[^，,。；;：:]+?)(?P<n>[两二三四五六2-6])项(?:条件)?(?:中的)?(?:之一|其中之一|任意一项)")


def _n_of(p, conds: list[Condition]) -> list[Condition]:
    """The conditions read from a 、-list ending in N项条件之一, as one any_of when there are N of them."""
    for m in _N_OF.finditer(p.text):
        start, end = p.base + m.start("list"), p.base + m.end()
        members = [c for c in conds if c.span and start <= c.span[0] and c.span[1] <= end]
        if len(members) < 2 or len(members) != int(parse_number(m.group("n"))) or m.group("list").count("、") != len(members) - 1:
            continue
        at = conds.index(members[0])
        group = Condition(op="any_of", any_of=tuple(members), clause=members[0].clause, confidence=0.7,
                          text=requirement_text(m.group("list")), span=(start, end))
        conds = [*[c for c in conds[:at] if c not in members], group, *[c for c in conds[at:] if c not in members]]
    return conds


# 且符合以下条件之一：研发费用…达到百分之六以上；拥有有效发明专利3件以上。 on one line: the members are alternatives
_INLINE_ANY = re.compile(r"(?:符合|满足|具备)(?:以下|下列)(?:条件)?(?:之一|中的一项|其中一项)[：:](?P<list>[^。\n]+)")


def _inline_any(p, conds: list[Condition]) -> list[Condition]:
    """The conditions of each ；-separated member after 符合以下条件之一：, as one any_of."""
    for m in _INLINE_ANY.finditer(p.text):
        base = p.base + m.start("list")
        members = []
        for part in re.finditer(r"[^；;]+", m.group("list")):
            inside = [c for c in conds if c.span and base + part.start() <= c.span[0] and c.span[1] <= base + part.end()]
            if len(inside) != 1:
                break
            members.append(inside[0])
        else:
            if len(members) >= 2:
                at = conds.index(members[0])
                group = Condition(op="any_of", any_of=tuple(members), clause=members[0].clause, confidence=0.7,
                                  text=requirement_text(m.group("list")), span=(base, base + len(m.group("list"))))
                conds = [*[c for c in conds[:at] if c not in members], group, *[c for c in conds[at:] if c not in members]]
    return conds


def _one_industry_list(conds: list[Condition]) -> list[Condition]:
    """Industry lists a passage names apart (从事采矿业，制造业，电力…业的企业) are one list: a firm has one trade."""
    lists = [c for c in conds if c.field == "industry" and c.op == "in"]
    codes = [code for c in lists for code in c.value]
    if len(lists) < 2 or any(a != b and b.startswith(a) for a in codes for b in codes):
        return conds  # 制造业 … 其中农副食品加工业: a narrower trade inside a wider one is not an alternative
    spans = [c.span for c in lists if c.span]
    merged = Condition(op="in", field="industry", value=list(dict.fromkeys(codes)), clause=lists[0].clause,
                       text="，".join(dict.fromkeys(c.text for c in lists)), confidence=min(c.confidence for c in lists),
                       span=(spans[0][0], spans[-1][1]) if spans else None)
    first = conds.index(lists[0])
    rest = [c for c in conds if c not in lists]
    return [*rest[:first], merged, *rest[first:]]


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
            conds.extend(_offered_unknowns(p, _measure_terms(p.text, p.base, part.leftovers)))
            scoped = _requirement_sentences(p.text, p.base, part.leftovers, _SCOPE_SENTENCE)
            excluding = [m.span() for m in _EXCLUDING_PHRASE.finditer(p.text)]
            listed = [(m.end(), _sentence_end(p.text, m.end())) for m in INLINE_REQUIREMENTS.finditer(p.text)]
            scoped += [(off, t) for off, t in part.leftovers if (off, t) not in scoped
                       and (any(s <= off - p.base < e for s, e in excluding)  # a run may start before the list's lead
                            or any(off - p.base < e and s < off - p.base + len(t) for s, e in listed))]
            conds.extend(_unknowns(scoped, p, conditional=True))
            conds.extend(_unknowns([x for x in _requirement_sentences(p.text, p.base, part.leftovers, _REQ_SENTENCE)
                                    if x not in scoped], p))
        conds = _inline_any(p, _n_of(p, _one_industry_list(conds))) + _no_double_support(p, conds)
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
