"""Shared requirements lifted for some items: “首贷见贷即担”不受第（二）项中企业成立年限的限制."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from recommender.rules.schema import Condition
from recommender.text.conditions import find_conditions
from recommender.text.items import ItemPlan
from recommender.text.numbers import parse_number
from recommender.text.phrases import APPLYING_FOR_NUMBERED, THIS_DOCUMENT, in_order
from recommender.text.structure import Structure

__all__ = ["LIFTS", "lift_requirements"]

# 第5条中成立未满一年的企业，不受第（二）项限制 / 本产品不受白名单第（3）项条件限制 / 个体工商户申请的，不适用第五条第（二）项
# 规定 / 不受本通知第二部分申报条件第3项营业收入要求的限制; whom it names comes before
LIFTS = re.compile(
    r"(?:不受|不适用)(?:本条|上述|[^，。；第]{0,6})?(?:第[一二三四五六七八九十]{1,3}部分(?:[^，。；第]{0,6}?(?:条件|要求)中?)?)?(?:第\s*(?P<art>[一二三四五六七八九十0-9]{1,4})\s*条)?"
    r"第\s*(?:[（(](?P<n>[一二三四五六七八九十0-9]{1,3})[）)]|(?P<nc>[㈠-㈩])|(?P<nb>[0-9]{1,2}|[一二三四五六七八九十]{1,2}))\s*项(?!关于)(?:中?(?P<what>[^。；;\n]{1,12}?)的?)?(?:条件)?(?:的)?(?:限制|规定)"  # …项关于X的限制: _LIFTS_ABOUT
)
# 年主营业务收入超过两亿元的企业，不受a项限制: the lettered entry a. of the list above
_LIFTS_LETTER = re.compile(r"(?:不受|不适用)\s*(?P<nl>[a-z])\s*项(?:的)?(?:条件)?(?:的)?(?:限制|规定)")
# 其申请条件参照第三条第（二）项、第（四）项执行: of that article's list, only the entries named bind the item
_REFERS_TO = re.compile(
    r"条件(?:参照|按照|依照)(?:本办法|本细则)?第\s*(?P<art>[一二三四五六七八九十0-9]{1,4})\s*条"
    r"(?P<entries>(?:第?\s*[（(][一二三四五六七八九十0-9]{1,3}[）)]\s*项?[、和及，,]?\s*)+)(?:执行|办理|规定)"
)
_ENTRY = re.compile(r"[（(]([一二三四五六七八九十0-9]{1,3})[）)]")
# 设立不满一年的企业，不受上述纳税信用等级条件限制: the requirement named by what it is about
_LIFTS_NAMED = re.compile(r"不受(?:上述|前述|以上|本条|本项)?(?P<what>[^，。；第]{2,16}?)(?:条件|要求)?的?限制")
# 本产品不受说明第二条中“在本县正常申报纳税满两年”的限制: the requirement named by its own words
_LIFTS_QUOTED = re.compile(r"不受[^。；;\n“\"]{0,20}[“\"]([^”\"]{4,40})[”\"](?:一行|一项|一栏|一条|这一?项)?的?(?:条件|要求)?的?限制")
_FIRMS = re.compile(r"的[^，。；]{0,6}?(?:企业|单位|主体|经营主体|个体工商户)?$")  # whom it lets off, named by what they are
_WHOLE = re.compile(r"^\s*(.+)$")  # the whole lead is the case let off (成立未满一年的初创企业)
# （一）开业经营满一年（第六条规定的补助不受本项限制）: a note inside a shared entry letting the items it names off it
_LIFTS_THIS_ENTRY = re.compile(r"[（(](?P<who>[^（）()。；]{2,30}?)不受本(?:项|款|目)(?:条件|要求|规定)?的?限制[）)]")
_LIFTS_PART = re.compile(r"不受本(?:细则|办法|通知|措施|方案)第[一二三四五六七八九十]{1,3}(?:部分|条)(?P<what>[^，。；第]{2,20}?)的?限制")
_LIFTS_ALL = re.compile(r"不(?:适用|受)(?:前述|上述|以上|本办法|本通知)(?:的)?(?:申报|申请|准入)?条件")
_SENTENCE_START = re.compile(r"[^。；;\n]{0,40}$")
_BUT = re.compile(r"[，,]\s*(但[^。；;\n]+)")
_QUOTED = re.compile(r"[“\"「]([^”\"」]{2,16})[”\"」]")
_THIS_ITEM = re.compile(r"本(?:产品|项目|事项|项|条|款)")
_CASE = re.compile(r"中\s*([^，。；]{2,30}?的(?:企业|单位|主体|经营主体|个体工商户)?)$")  # 第5条中成立未满一年的企业
# what the lifted requirement is about, when the sentence names it: 企业成立年限 → the age fields
_ABOUT = (("成立", ("age_years", "established")), ("纳税信用", ("tax_credit",)), ("缴费信用", ("tax_credit",)), ("营业收入", ("revenue",)),
          ("业务收入", ("revenue",)), ("销售收入", ("revenue",)), ("研发", ("rd_expense", "rd_ratio")),
          ("从业人员", ("employees",)), ("资产总额", ("assets",)), ("行业", ("industry",)))
# 申领数字化服务券的企业，不受本通知第一部分关于规模以上和主营业务收入的限制: requirements named by what they are about
_LIFTS_ABOUT = re.compile(r"不受[^，。；]{0,16}?关于(?P<what>[^，。；]{2,24}?)的?(?:条件|要求)?的?限制")
# 其中，第4项外贸企业稳订单奖励不要求纳税信用等级: the same, said as what the item does not ask
_NOT_REQUIRED = re.compile(r"不(?:要求|限制|考核)(?P<what>[^，。；\n]{2,16}?)(?:条件|要求)?(?=[，。；;\n]|$)")


def lift_requirements(structure: Structure, items: list[ItemPlan], conditions: list[list[Condition]],
                      numbered: Callable[[str], list[int]], region_code: str | None) -> list[list[Condition]]:
    """Each item's conditions with the shared requirements a sentence lifts for it taken out, or joined in an
    any_of with the case it lets off (…成立未满一年的企业，不受第（二）项限制: the rating or the young firm)."""
    out = [list(c) for c in conditions]
    for m in _LIFTS_QUOTED.finditer(structure.text):
        words = m.group(1)
        for n in _bound(structure, items, _lead(structure, m).group(0), m.start(), numbered):
            out[n] = [c for c in out[n] if not (c.text and (c.text in words or words in c.text))]
    for m in [*_LIFTS_ABOUT.finditer(structure.text), *_NOT_REQUIRED.finditer(structure.text)]:
        words = [w for w in re.split(r"[和、及与或]", m.group("what")) if len(w) >= 2]
        fields = {f for word, fs in _ABOUT for f in fs if any(word in w for w in words)}
        for n in _bound(structure, items, _lead(structure, m).group(0), m.start(), numbered):
            out[n] = [c for c in out[n] if c.field not in fields and not (
                c.op == "unknown" and any(w in c.text for w in words))]
    for m in _LIFTS_ALL.finditer(structure.text):  # “民宿贷”…不适用前述申报条件: the item keeps only its own
        for n in _items_at(items, m.start()):
            out[n] = [c for c in out[n] if c.span and items[n].start <= c.span[0] < items[n].end]
    for m in _LIFTS_PART.finditer(structure.text):  # …一次性奖励3万元，不受本细则第一部分研发费用50万元以上的限制
        fields = {f for word, fs in _ABOUT if word in m.group("what") for f in fs}
        for n in _items_at(items, m.start()):
            out[n] = [c for c in out[n] if not (c.span and not items[n].start <= c.span[0] < items[n].end and (
                c.field in fields or c.text and c.text in m.group("what")))]
    for m in _LIFTS_THIS_ENTRY.finditer(structure.text):  # （一）开业经营满一年（第六条规定的补助不受本项限制）
        entry = next((c for c in reversed(structure.clauses) if c.body_start <= m.start() < c.own_end), None)
        if entry is None:
            continue
        for n in _bound(structure, items, m.group("who"), m.start(), numbered):
            out[n] = [c for c in out[n] if not (c.span and entry.body_start <= c.span[0] < entry.own_end
                                                 and not items[n].start <= c.span[0] < items[n].end)]
    for m in _LIFTS_NAMED.finditer(structure.text):
        _lift_named(structure, items, out, m, numbered, region_code)
    for m in [*LIFTS.finditer(structure.text), *_LIFTS_LETTER.finditer(structure.text)]:
        _lift_numbered(structure, items, out, m, numbered, region_code)
    for m in _REFERS_TO.finditer(structure.text):
        _keep_referred(structure, items, out, m, region_code)
    for m in _LET_OFF_ONE.finditer(structure.text):
        _let_off_one(structure, items, out, m, region_code)
    for m in _LET_OFF_NAMED.finditer(structure.text):  # 实际经营一年以上（“火山咖啡贷”除外）: not for that product
        named = [n for n, plan in enumerate(items) if m.group(1) in plan.name]
        if 0 < len(named) < len(items):
            for n in named:
                out[n] = [c for c in out[n] if not (c.span and 0 <= m.start() - c.span[1] <= 2)]
    return out


_LET_OFF_NAMED = re.compile(r"[（(][“\"「]([^”\"」]{2,16})[”\"」](?:除外|不受此限制?)[）)]")


# 属于科技型中小企业或者高新技术企业，其中申报2.2项的企业成立未满2年的不受此限: for item 2.2, the young firm too
_LET_OFF_ONE = re.compile(rf"其中{APPLYING_FOR_NUMBERED}的(?:企业|单位|主体)?(?P<case>[^，。；]{{2,30}}?)的?(?:企业)?(?:不受此限|除外)")


def _let_off_one(structure: Structure, items: list[ItemPlan], out: list[list[Condition]], m: re.Match[str],
                 region_code: str | None) -> None:
    """The requirement before the phrase, or the case it lets off, for the one item the phrase names."""
    clause = structure.clause_at(m.start())
    if clause is None:
        return
    let_off = [c for c in find_conditions(m.group("case"), m.start("case"), "", region_code=region_code).conditions
               if c.op != "any_of"]
    if not let_off:
        return
    for n, plan in enumerate(items):
        if plan.clause.label.rstrip("、.．") != m.group("path"):
            continue
        rules = [c for c in out[n] if c.span and clause.body_start <= c.span[0] < m.start()]
        if len(rules) != 1:
            continue
        rule = rules[0]
        members = rule.any_of if rule.op == "any_of" else (replace(rule, clause=""),)
        out[n] = [c if c is not rule else replace(rule, op="any_of", field=None, value=None,
                                                       any_of=(*members, *let_off), confidence=0.6)
                  for c in out[n]]


def _keep_referred(structure: Structure, items: list[ItemPlan], out: list[list[Condition]], m: re.Match[str],
                   region_code: str | None) -> None:
    """The item whose text refers to some entries of an article's list keeps those entries' requirements and
    none of that article's others (save what its own text says again: 在峨眉山市登记注册的个体工商户)."""
    article = f"第{m.group('art')}条"
    allowed = {f"{article}第（{n}）项" for n in _ENTRY.findall(m.group("entries"))}
    for n in _items_at(items, m.start()):
        plan = items[n]
        kept = [c for c in out[n] if not c.clause.startswith(article) or c.clause in allowed]
        dropped = {c.key() for c in out[n] if c not in kept}
        own = find_conditions(structure.text[plan.start:m.start()], plan.start, plan.clause.address, region_code=region_code)
        kept += [c for c in own.conditions if c.key() in dropped]
        have = {c.key() for c in kept}
        for other in out:  # entries the item did not share yet, as the other items read them
            for c in other:
                if c.clause in allowed and c.key() not in have:
                    kept.append(c)
                    have.add(c.key())
        out[n] = kept


def _lead(structure: Structure, m: re.Match[str]) -> re.Match[str]:
    """The words of the sentence before a lifting phrase: whom it lets off."""
    return _SENTENCE_START.search(structure.text, max(0, m.start() - 40), m.start())


def _lift_named(structure, items, out, m, numbered, region_code) -> None:
    """…设立不满一年的，不受上述纳税信用等级条件限制: the rating or the young firm, for the items of those firms."""
    fields = next((f for word, f in _ABOUT if word in m.group("what")), None)
    lead = _lead(structure, m)
    who = lead.group(0).rstrip(" ，,")
    if fields is None:  # 首版次软件的申报单位不受规模以上工业企业条件限制: the requirement named by its words
        for n in _bound(structure, items, who, m.start(), numbered):
            out[n] = [c for c in out[n] if not (c.op != "any_of" and c.text and _names(m.group("what"), c.text))]
        return
    if not who.endswith(("的", "企业", "单位", "主体", "个体工商户")):
        if _THIS_ITEM.search(who):  # …最高不超过20万元；本项奖励不受纳税信用等级限制: lifted for this item alone
            for n in _items_at(items, m.start()):
                out[n] = [c for c in out[n] if c.field not in fields]
        return
    let_off = [c for c in find_conditions(who, lead.start(), "", region_code=region_code).conditions
               if c.op != "any_of" and c.field not in fields and c.field != "region_code"]
    bound = _bound(structure, items, who, m.start(), numbered) or _by_subject(items, who) or range(len(items))
    for n in range(len(items)):  # the let-off case is no requirement of any item
        out[n] = [c for c in out[n] if not (c.span and lead.start() <= c.span[0] < m.start()
                                            and any(c.key() == x.key() for x in let_off))]
    for n in bound:
        lifted = [c for c in out[n] if c.field in fields]
        if let_off and lifted:
            out[n] = [c for c in out[n] if c not in lifted] + [Condition(
                op="any_of", any_of=(*lifted, *let_off), clause=lifted[0].clause, confidence=0.6,
                text=lifted[0].text + "；" + who)]


def _names(what: str, text: str) -> bool:
    """Whether a let-off's words name a requirement: its text inside them, or (six or more) their characters in
    order inside its text (近两年内重大税收违法行为 names 申报企业近两年内不得有重大税收违法行为)."""
    return text in what or len(what) >= 6 and in_order(what, text)


def _lift_numbered(structure, items, out, m, numbered, region_code) -> None:
    """…不受第（二）项限制: the listed requirement taken out, or joined with the case the sentence names."""
    lead = _lead(structure, m)
    label = _ARTICLE_LABEL.match(lead.group(0))  # 第十条　新设立企业租赁办公用房的，…: the article's number is no one
    lead_start = lead.start() + (label.end() if label else 0)
    who = lead.group(0)[label.end() if label else 0:].rstrip(" ，,")
    bound = _bound(structure, items, who, m.start(), numbered)
    ref = _listed(structure, m)
    case = _CASE.search(who)
    if not bound and _FIRMS.search(who):  # 成立未满一年的初创企业，不受前款第（四）项限制: every item, for those firms,
        bound = _items_at(items, m.start()) or _sharing_words(structure, items, who) or list(range(len(items)))
        case = _WHOLE.search(who)  # or the one it sits in, or those whose opening words it shares (租赁办公用房)
    if not bound or ref is None:
        return
    let_off = [c for c in find_conditions(case.group(1), lead_start + case.start(1), "", region_code=region_code).conditions
               if c.op != "any_of"] if case else []
    if case and not let_off and _FIRMS.search(case.group(1)):  # 入驻市级重点商务楼宇的总部企业: a case no field checks
        at = lead_start + case.start(1)
        let_off = [Condition(op="unknown", text=case.group(1).strip(), clause="", span=(at, at + len(case.group(1))),
                             confidence=0.5)]
    tail = _BUT.match(structure.text, m.end())  # …不受前款第（一）项限制，但纳税信用等级为D级的除外
    still = find_conditions(tail.group(1), tail.start(1), "", region_code=region_code).conditions if tail else []
    what = m.groupdict().get("what")  # (none in 不受a项限制)
    fields = next((f for word, f in _ABOUT if what and word in what), None)
    for n in bound:
        lifted = [c for c in out[n] if c.span and ref.start <= c.span[0] < ref.end and (fields is None or c.field in fields)]
        rest = [c for c in out[n] if c not in lifted and not any(c.key() == x.key() for x in let_off)]
        if let_off and lifted:
            rest += [Condition(op="any_of", any_of=(*lifted, *let_off), clause=lifted[0].clause, confidence=0.6,
                               text=lifted[0].text + "；" + case.group(1))]
        out[n] = rest + [c for c in still if c.key() not in {x.key() for x in rest}]


_ARTICLE_LABEL = re.compile(r"\s*第[一二三四五六七八九十百零0-9]{1,4}条[\s　]+")  # 第十条　 (not 第五条规定的…, a reference)
_GENERIC_WORDS = re.compile(rf"企业|单位|主体|申请|申报|个体|工商户|新设立|设立|{THIS_DOCUMENT}")


def _sharing_words(structure: Structure, items: list[ItemPlan], who: str) -> list[int]:
    """The items whose opening words share four characters of the let-off firms' words beyond generic ones
    (新设立企业租赁办公用房的 → 对在专业园区租赁自用办公用房的企业…), when only some do."""
    grams = {who[i:i + 4] for i in range(len(who) - 3)
             if re.fullmatch(r"[\u4e00-\u9fff]{4}", who[i:i + 4]) and not _GENERIC_WORDS.search(who[i:i + 4])}
    sharing = [n for n, plan in enumerate(items)
               if any(g in plan.name + structure.text[plan.start:min(plan.end, plan.start + 80)] for g in grams)]
    return sharing if len(sharing) < len(items) else []


def _listed(structure: Structure, m: re.Match[str]):
    """The list entry the sentence lifts: the last clause numbered （N） before it."""
    groups = m.groupdict()  # _LIFTS_LETTER names a lettered entry only
    if groups.get("nl"):  # 不受a项限制: the entry a. (or a)) of the list before
        n = m.group("nl")
        marks = (f"{n}.", f"{n}．", f"{n})", f"{n}）")
    elif groups["nb"]:  # 不受申报条件第2项的限制: the entry 2. (or （二）) of the list before
        n = m.group("nb")
        arabic = n if n.isdigit() else str(int(parse_number(n)))
        marks = (f"{arabic}.", f"{arabic}．", f"{arabic}、", f"（{n}）", f"({n})", f"{n}、")
    else:
        marks = (f"（{m.group('n')}）", f"({m.group('n')})") if m.group("n") else (m.group("nc"),)
    entries = [c for c in structure.clauses if c.label in marks
               and (not groups.get("art") or c.address.startswith(f"第{groups['art']}条"))]
    part = _PART.search(m.group(0))
    if part:  # 不受第一部分第2项…: the entry 2. under 一、, not row 2 of a table elsewhere
        entries = [c for c in entries if c.address.startswith(part.group(1) + "、")] or entries
    before = [c for c in entries if c.start < m.start()]
    entries = before or entries  # 不受本通知第二部分申报条件第3项…的限制 in 第一部分: the list after it
    named = _PART_LIST_NAMED.search(m.group(0)) or _LIST_NAMED.search(m.group(0))
    if named:  # 不受申报条件第2项的限制: the entry of the list under that heading, not a row of a table after it
        entries = [c for c in entries if c.parent is not None and named.group(1) in structure.clauses[c.parent].heading]
    return entries[-1] if entries else None


_LIST_NAMED = re.compile(rf"^不(?:受|适用)(?!前款|本款|本条|本项|上述|前述|以上|{THIS_DOCUMENT}第)([^，。；第]{{2,6}}?)第")
_PART = re.compile(r"第([一二三四五六七八九十]{1,3})部分")
_PART_LIST_NAMED = re.compile(r"部分([^，。；第]{2,6}?)中?第")


def _items_at(items: list[ItemPlan], at: int) -> list[int]:
    """The items whose text holds offset ``at``."""
    return [n for n, plan in enumerate(items) if plan.start <= at < plan.end]


def _bound(structure: Structure, items: list[ItemPlan], who: str, at: int, numbered) -> list[int]:
    """The items a lifting sentence names before ``at``: by quoted name, by number, or the item it stands in
    (本产品)."""
    quoted = _QUOTED.search(who)
    if quoted:
        return [n for n, plan in enumerate(items) if quoted.group(1) in plan.name]
    by_number = numbered(who)
    if by_number:
        return by_number
    if _THIS_ITEM.search(who):
        return _items_at(items, at)
    named = [n for n, plan in enumerate(items) if len(plan.name) >= 3 and plan.name in who]
    return named if len(named) < len(items) else []  # 申领数字化服务券的企业: the item it names


_SUBJECT = re.compile(r"^\s*([^在的，,]{2,8}?)(?:运营|经营)?(?:企业|单位|主体|在|的)")


def _by_subject(items: list[ItemPlan], who: str) -> list[int]:
    """The items whose names share the let-off firms' own word (首店运营企业… → 首店落户奖励), when only some do."""
    subject = _SUBJECT.match(who)
    if not subject:
        return []
    named = [n for n, plan in enumerate(items) if subject.group(1)[:2] in plan.name]
    return named if len(named) < len(items) else []
