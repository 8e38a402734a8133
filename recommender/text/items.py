"""Support items of a document: which clauses are items, their names, kinds and text ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from recommender.text.conditions import find_conditions
from recommender.text.events import names_event
from recommender.text.headings import heading_role
from recommender.text.roles import AMOUNT, clause_roles, is_measure
from recommender.text.structure import REST, Clause, Structure

__all__ = ["ItemPlan", "item_core", "plan_items", "shares_run"]

_CREDIT = re.compile(r"贷款|[一-龥A-Za-z]{1,6}贷(?!款)|授信|担保|贴息|信用贷|续贷|转贷|周转资金|过桥|信贷|保证保险|融资")
_NAME_TAIL = re.compile(r"[。：:，,；;].*$", re.S)
# 首先，支持企业开拓国际市场。…: a paragraph ordered by a connective is named by the words after it
_CONNECTIVE = re.compile(r"^(?:首先|其次|再次|再者|此外|另外|最后|一方面|另一方面|与此同时)[，,、]\s*")
_REPORTED = re.compile(r"^(?:据[^，,。“”]{1,16}(?:介绍|透露|表示)|[^，,。“”]{1,12}(?:说|表示|介绍|指出))[，,：:]\s*")  # 据…负责人介绍，
_TOLD_SUPPORT = re.compile(r"(?:推出|设立|开设|申请|享受)(?:“([^”]{2,12})”|([^，,。；“”\s]{2,8}?(?:补助|补贴|奖励|贴息|资助|奖补)))")
_NOT_NAME = re.compile(r"条件|对象|范围|情形|规则|应当|须|要求|程序|材料|管理|方式|哪些|什么|如何|怎样|多少|[？?吗]")
_GROUPING = ("chapter", "section", "heading")
_NAMED = re.compile(  # “英才贷”; 【产品三】首贷易: an entry numbered as a product or measure names what it gives
    r"补贴|补助|奖励|贴息|资助|返还|减免|贷款|担保|扣除|抵减|免征|减征|认定|评价|贷[”\"」]?$|^【?(?:产品|政策|措施)[一二三四五六七八九十0-9]{1,3}")


@dataclass(frozen=True)
class ItemPlan:
    """One support item: its clause, name, kind and text range."""

    clause: Clause
    name: str
    kind: str
    start: int
    end: int
    offer: tuple[int, int] | None = None  # where what it gives is stated, when outside its own text


def _names_benefit(heading: str) -> bool:
    """A short heading naming what is given (小微企业创业担保贷款), not a requirement."""
    return len(heading) <= 14 and bool(_NAMED.search(heading)) and not _NOT_NAME.search(heading)


def _has_measure(structure: Structure, measures: list[bool], i: int) -> bool:
    clause = structure.clauses[i]
    return measures[i] or any(_has_measure(structure, measures, c) for c in clause.children)


def _own_subject(structure: Structure, i: int) -> frozenset:
    """The checkable conditions naming whom a clause is for (大型企业按…), as condition keys."""
    text = structure.own_text(structure.clauses[i])
    found = find_conditions(text, 0, "", region_code=None)
    events = {("event", t) for _, t in found.leftovers if names_event(t)}  # 首次认定 vs 重新认定
    return frozenset({c.key() for c in found.conditions} | events)


_ACTION_HEADING = re.compile(r"^(?:支持|培育|建设|实施|鼓励|推动|加快|强化|开展|提升|促进|加大|引导|扶持|发展|壮大|落实|做优|做强|做大)[^，。；]{2,14}$")


_QUOTED_PRODUCT = re.compile(r"(?:发放|提供|推出)[“\"]([^”\"]{2,12})[”\"]")
_GIVES = re.compile(r"给予|予以|减按|免征|提供[^，。；]{0,12}(?:贷款|担保)|发放[^，。；]{0,16}贷")


def _splits(structure: Structure, roles: list[str], parent: int | None, kids: list[int]) -> bool:
    """Whether measure children are separate items rather than tiers or terms of one."""
    if parent is None or all(structure.clauses[k].kind == "sentence" for k in kids):
        return True  # offers cut from one sentence were already told apart from tiers (text.offers)
    if all(roles[k] == "standard" and (structure.clauses[k].kind in ("part", "label")
                                       or heading_role(structure.clauses[k].heading) == "standard") for k in kids):
        return False  # 贷款额度：… 贷款利率：…贴息 / 2．贷款额度和期限 3．贴息标准: the terms of one product
    if all(_TERM_HEADING.fullmatch(structure.clauses[k].heading or "") for k in kids):
        return False  # 一、产品要素 3. 授信额度：… 6. 贷款利率：…: the terms of one product
    if all(_names_benefit(structure.clauses[k].heading or "") for k in kids):
        return True
    if all(structure.clauses[k].kind == "article" and _GIVES.search(structure.own_text(structure.clauses[k]))
           for k in kids):
        products = [set(_QUOTED_PRODUCT.findall(structure.own_text(structure.clauses[k]))) for k in kids]
        # 第六条 合作银行…发放“准信贷” 第七条 向…企业发放“准信贷”，单户贷款额度…: one product, told twice
        return not set.intersection(*products)  # 第七条 …给予贴息 第八条 …给予贴息: each a provision of its own
    headings = [structure.clauses[k].heading or "" for k in kids]
    if roles[parent] == "standard" and _amount_matrix(structure, kids):
        return False  # | 国际标准 | 每项资助50万元 | 每项资助20万元 |: rows grading one award, tiers of it
    if all(structure.clauses[k].cells for k in kids) and _HIGHEST_ONLY.search(structure.own_text(structure.clauses[parent])):
        return False  # …达到下表标准的，按下表给予奖励（就高不重复）: the rows grade one award
    if all(structure.clauses[k].cells and headings[n] for n, k in enumerate(kids)) and len(set(headings)) == len(headings):
        return True  # | 第二档 | 300万美元至3000万美元 | 按实缴保费的60%补贴 | 40万元 |: each named row is an item
    if all(structure.clauses[k].kind in ("heading", "bullet") and structure.clauses[k].children for k in kids) \
            and len(set(headings)) == len(headings):
        return True  # ### A类 产业领军人才 1. … 支持待遇：… ### B类 … / ★ 首贷通 ✦ 额度：…: headed entries, each with its own parts
    if all(_ACTION_HEADING.match(h) for h in headings) and len(set(headings)) == len(headings):
        return True  # （一）培育龙头企业。…（二）支持精深加工。…: each a measure under a title of its own
    if roles[parent] == "standard":  # 三、支持标准（一）研发补助（二）入库奖励
        subjects = [_own_subject(structure, k) for k in kids]
        return _named_elsewhere(structure, parent, kids) or _distinct_fields(subjects) or _own_duty(structure, kids) \
            or _distinct_titles(structure, kids, subjects) or (
            _named_measures(structure, kids) and not any(_RANKED.search(structure.clauses[k].heading) for k in kids))
    subjects = [_own_subject(structure, k) for k in kids]
    if all(subjects) and len(set(subjects)) == len(subjects):
        return True  # each for a subject of its own; the same subject twice is one item's benefits
    heading = structure.clauses[parent].heading
    return bool(heading) and not _NAMED.search(heading)


_HIGHEST_ONLY = re.compile(r"就高")
_TERM_HEADING = re.compile(r"(?:贷款|授信|融资|担保|借款)?(?:额度|金额|期限|利率|费率|方式|用途)(?:和|与|及)?(?:期限|利率)?")
_NO_AWARD = re.compile(r"[—－\-/／]+|无|不予[^，。；|]{0,4}|不支持|不适用")


def _amount_matrix(structure: Structure, kids: list[int]) -> bool:
    """Whether table rows hold nothing but amounts after their label cell (a grade × role matrix of one award)."""
    for k in kids:
        cells = structure.clauses[k].cells
        values = [structure.text[a:b].strip(" *") for _, a, b in cells[1:]]
        if len(cells) < 2 or not all(len(v) <= 14 and (AMOUNT.search(v) or _NO_AWARD.fullmatch(v)) for v in values):
            return False
    return True


def item_core(name: str) -> str:
    """The words that name an item in other headings (研发投入后补助 in 研发投入后补助项目申报条件)."""
    return re.sub(r"(?:项目|事项)$", "", name.strip())


def _named_elsewhere(structure: Structure, parent: int, kids: list[int]) -> bool:
    """Whether every kid names a section or list entry outside the parent (its own 申报条件, 支持方向 entry).

    A kid without a heading names one by its opening words (高山蔬菜基地建设按每亩…: the entry
    高山蔬菜基地建设 of 一、支持方向); each kid must name a different one.
    """
    outer = structure.clauses[parent]
    others = [name for c in structure.clauses if not _inside(c, outer)
              for name in (c.heading, _label(structure.own_text(c))) if name]
    if not others:
        return False
    used: set[str] = set()
    for k in kids:
        clause = structure.clauses[k]
        core = item_core(clause.heading) if clause.heading else ""
        if len(core) >= 4:
            hit = next((h for h in others if core in h), None)
        else:
            lead = _NAME_TAIL.sub("", structure.own_text(clause).strip())[:30]
            hit = next((h for h in others if shares_run(h, lead, 5)), None)
        if hit is None or hit in used:
            return False
        used.add(hit)
    return True


_LABEL = re.compile(r"^\s*([^，,。；;：:\n]{4,16})(?:[：:]|[；;。]?\s*$)")


def _label(text: str) -> str:
    """A clause's label (1. 高山蔬菜基地建设：…) or its whole text when it is a short list entry."""
    m = _LABEL.match(text)
    return m.group(1) if m else ""


def shares_run(a: str, b: str, n: int) -> bool:
    """Whether two phrases share a run of ``n`` characters."""
    return any(a[i:i + n] in b for i in range(len(a) - n + 1))


def _distinct_titles(structure: Structure, kids: list[int], subjects: list[frozenset]) -> bool:
    """Whether each kid (its subject given) is for a title or a recognition of its own (（一）新评价为创新型中小企业的…
    （二）新入库的专精特新中小企业…): awards for different standings, not tiers of one award graded by a figure."""
    if not all(any(key[0] == "event" or key[1] == "qualifications" for key in s) for s in subjects):
        return False
    # 国家级…的 / 省级…的: the same title ranked, tiers of one award
    leads = [_RANKED.sub("", re.split(r"[，,。；]", structure.own_text(structure.clauses[k]).strip(), maxsplit=1)[0]) for k in kids]
    return len(set(leads)) == len(leads)


def _distinct_fields(subjects: list[frozenset]) -> bool:
    """Whether each kid (its subject given) is for a subject checked on other fields (a first loan, R&D, online retail)."""
    fields = [frozenset(key[1] for key in keys if key[0] != "event") for keys in subjects]
    return all(fields) and len(set(fields)) == len(fields)


def _pick(structure: Structure, roles: list[str], measures: list[bool], parent: int | None,
          kids: list[int]) -> list[int]:
    with_measures = [k for k in kids if _has_measure(structure, measures, k)]
    if parent is None and any(roles[k] == "standard" for k in with_measures):
        others = [k for k in with_measures if roles[k] != "standard"]
        standards = [k for k in with_measures if roles[k] == "standard"]
        if (len(others) >= 2 or others and len(_pick(structure, roles, measures, None, others)) >= 2) \
                and not all(_stands_alone(structure, k, others) for k in standards):
            with_measures = others  # the standard section gives terms of items named elsewhere
    if not with_measures:
        return []
    if len(with_measures) == 1:
        only = with_measures[0]  # 一、（一）1.…2.…: a lone section whose entries are items of their own
        sub = _pick(structure, roles, measures, only, structure.clauses[only].children)
        if len(sub) >= 2:
            return sub
        if parent is not None and _named_measures(structure, kids):
            return [only]  # （1）减免租金。…（3）落实采购预留份额。…: one offer among measures each named on its own
        if parent is not None and roles[parent] == "conditions" and structure.clauses[only].kind == "article":
            return [only]  # 第二章 支持对象和贷款条件 第三条…条件 第四条 …贷款额度…: the article that offers, not the chapter
        return [only if parent is None else parent]
    if not _splits(structure, roles, parent, with_measures):
        return [parent]
    out: list[int] = []
    for k in with_measures:
        sub = _pick(structure, roles, measures, k, structure.clauses[k].children)
        out.extend(sub or [k])
    return out


# 一等奖 / 国家级 / AAAA级 / 第二档: entries ranking one award, tiers of it rather than items of their own
_RANKED = re.compile(r"[一二三四五六七八九十]等|[特一二三四五]级|[A-E]{1,5}级|国家级|省级|市级|县级|区级|[金银铜]奖|星级?|[一二三四五六七八九十0-9]档")


_DUTY = re.compile(r"[，,]\s*(?:还)?(?:须|必须|应当)[^，。；]{2,}[^。；]*?(?:方可|才能|后)(?:申请|申报|享受)")


def _own_duty(structure: Structure, kids: list[int]) -> bool:
    """Whether some cases, not all, must first do something of their own (黄色等级的企业，须完成整改…后方可申请):
    those are items with a requirement of their own, not tiers of one."""
    duties = [bool(_DUTY.search(structure.own_text(structure.clauses[k]))) for k in kids]
    return any(duties) and not all(duties)


def _stands_alone(structure: Structure, standard: int, others: list[int]) -> bool:
    """Whether a standard section gives a support of its own (二、补助标准 补助金额 = …) rather than the terms of
    the measures beside it: it names none of them, and they state their own amounts."""
    text = structure.full_text(structure.clauses[standard])
    names = [item_core(structure.clauses[k].heading) for k in others]
    return all(len(n) >= 4 and not shares_run(n, text, 4) for n in names) and all(
        is_measure(structure.own_text(structure.clauses[k])) for k in others)


def _named_measures(structure: Structure, kids: list[int]) -> bool:
    """Whether sibling entries each open with a name of their own (（2）水电气缓缴不停供。…), as a list of
    measures does, rather than being parts of one measure (（一）支持对象 （二）支持标准)."""
    clauses = [structure.clauses[k] for k in kids]
    return len(clauses) >= 3 and all(c.heading and not heading_role(c.heading) for c in clauses)


_LIMIT_COLUMN = re.compile(r"额度|金额|授信|担保额")
_AMOUNT_CELL = re.compile(r"[0-9０-９一二三四五六七八九十百千]\s*(?:万元|亿元|元|%|％)|原贷款|本金")
# | 贴息比例 | 单户年度贴息上限 |: a column of what each row gives, even with no verb in its cells (实际付息的60%)
_BENEFIT_COLUMN = re.compile(r"(?:补贴|补助|奖励|贴息|资助|奖补)(?:比例|标准|金额|上限|额度)")


# 第四条 合作银行对符合条件的企业，单户…贷款额度原则上不超过1000万元，期限不超过3年: a loan's terms, under a
# 支持对象和贷款条件 chapter, are the product itself
_LOAN_TERMS = re.compile(r"(?:贷款|授信|融资|担保)(?:额度|金额)[^，。；]{0,8}?(?:不超过|最高|可达)\s*[0-9一二三四五六七八九十百千两]+\s*(?:万元|亿元)"
                         r"[^。]{0,40}?(?:期限|利率)")


def _states_amount(structure: Structure, clause) -> bool:
    """A labelled 补贴标准 / 奖励标准 part that gives an amount (补贴标准：每人每月300元): what the entry gives."""
    return clause.kind in ("part", "label") and heading_role(clause.heading) == "standard" \
        and bool(AMOUNT.search(structure.own_text(clause)))


def _offers_credit(structure: Structure, clause) -> bool:
    """A row of a product table whose 额度 or 贴息比例 cell gives an amount (| 五金快贷 | … | 单户最高500万元 |), or a
    labelled part of a product that does (**贷款额度**：企业最高300万元)."""
    if clause.kind in ("part", "label"):
        return bool(_LIMIT_COLUMN.search(clause.heading) and _AMOUNT_CELL.search(structure.own_text(clause)))
    return any((_LIMIT_COLUMN.search(h) or _BENEFIT_COLUMN.search(h)) and _AMOUNT_CELL.search(structure.text[a:b])
               for h, a, b in clause.cells)


def plan_items(structure: Structure, title: str) -> list[ItemPlan]:
    """One item per measure that offers something; tiers and terms of a measure stay with it."""
    return [part for plan in _plan_items(structure, title) for part in _by_paragraph(structure, plan)]


# 第四条 对…给予贴息。\n\n经营主体通过融资租赁方式购置设备的，按…40%给予补贴: a later 款 that opens with a case
# of its own and makes its own offer is an item; one that raises the offer (提高至…) or limits it is not
_CASE_OFFER = re.compile(r"[^。；\n]{4,60}?的[，,]\s*(?:分别|均)?(?:按|给予|予以|可|再?按照|一次性)")
_RAISE_WORDS = re.compile(r"提高|上浮|增加|翻倍|提升至|另行|另给予|再给予|额外|最高可|不再|不予|不得|除外|减半|参照")
_PARAGRAPH = re.compile(r"\n[ \t\u3000]*\n[ \t\u3000]*")


def _by_paragraph(structure: Structure, plan: ItemPlan) -> list[ItemPlan]:
    clause = plan.clause
    if clause.kind != "article" or clause.children or plan.start != clause.start or plan.end != clause.end:
        return [plan]
    text = structure.text
    cuts = [m.end() for m in _PARAGRAPH.finditer(text, clause.body_start, clause.own_end)
            if m.end() < clause.own_end]
    paragraphs = {at: text[at:_paragraph_end(text, at, clause)] for at in cuts}
    starts = [at for at, words in paragraphs.items()
              if _CASE_OFFER.match(words) and is_measure(words) and not _RAISE_WORDS.search(words)]
    if not starts or not is_measure(text[clause.body_start:starts[0]]):
        return [plan]
    bounds = [clause.start, *starts, clause.end]
    plans = [ItemPlan(clause, plan.name, plan.kind, clause.start, starts[0])]
    for a, b in zip(bounds[1:-1], bounds[2:], strict=True):
        number = _CN_NUMBERS[min(2 + cuts.index(a), 10)]
        part = Clause("paragraph", f"第{number}款", "", a, a, b, b, clause.parent, address=f"{clause.address}第{number}款")
        name = re.sub(r"^(?:对于|对)", "", _CASE_OFFER.match(text, a).group(0).split("的")[0].strip())
        plans.append(ItemPlan(part, name, _kind(name + text[a:b]), a, b))
    return plans


_CN_NUMBERS = "零一二三四五六七八九十"


def _paragraph_end(text: str, at: int, clause: Clause) -> int:
    m = _PARAGRAPH.search(text, at, clause.own_end)
    return m.start() if m else clause.own_end


def _plan_items(structure: Structure, title: str) -> list[ItemPlan]:
    clauses = structure.clauses
    roles = clause_roles(structure)
    measures = [c.kind != REST and not _names_entry(c) and (roles[i] in ("body", "standard") and (
        is_measure(structure.own_text(c)) or bool(c.children and _names_benefit(c.heading) and not _DEFINES_TERM.search(
            structure.own_text(c))) or _offers_credit(structure, c) or _states_amount(structure, c))
        or roles[i] == "conditions" and _names_benefit(c.heading) and is_measure(structure.own_text(c))
        or roles[i] == "conditions" and c.kind == "article" and bool(_LOAN_TERMS.search(structure.own_text(c))))
        for i, c in enumerate(clauses)]
    if any(m and not _INTRODUCES.fullmatch(c.heading) for m, c in zip(measures, clauses, strict=True)):
        # 一、产品简介 …推出的融资担保产品 … 六、产品要素: the introduction of the product whose terms follow
        measures = [m and not _INTRODUCES.fullmatch(c.heading) for m, c in zip(measures, clauses, strict=True)]
    roots = [i for i, c in enumerate(clauses) if c.parent is None]
    picked = _pick(structure, roles, measures, None, roots)
    recognitions = [i for i in _recognitions(structure)
                    if not any(_inside(clauses[i], clauses[j]) or _inside(clauses[j], clauses[i]) for j in picked)]
    if len(picked) + len(recognitions) >= 2 and (picked or len(recognitions) >= 2):
        plans = [_plan(structure, clauses[i], _name(structure, clauses[i], title)) for i in picked]
        plans += [_plan(structure, clauses[i], _recognition_name(structure, clauses[i])) for i in recognitions]
        return sorted(plans, key=lambda p: p.start)
    if len(picked) <= 1:
        single = _single_item(structure, title, roles, picked[0] if picked else None)
        return _per_applicant_kind(structure, roles, single) or [single]
    return [_plan(structure, clauses[i], _name(structure, clauses[i], title)) for i in picked]


def _per_applicant_kind(structure: Structure, roles: list[str], single: ItemPlan) -> list[ItemPlan]:
    """One item per kind of applicant when the conditions section names kinds, each with requirements of its
    own (（一）住宿类商户：… （二）餐饮类商户：… under 二、商户基本条件), for the one offer the document makes."""
    for i, clause in enumerate(structure.clauses):
        if clause.parent is not None or roles[i] != "conditions" or _inside(single.clause, clause):
            continue
        kinds = [structure.clauses[k] for k in clause.children
                 if structure.clauses[k].heading and heading_role(structure.clauses[k].heading) is None
                 and (_APPLICANT_KIND.search(structure.clauses[k].heading)
                      or _named_product(structure, structure.clauses[k], single))
                 and len(structure.own_text(structure.clauses[k]).strip()) > len(structure.clauses[k].heading) + 4]
        if len(kinds) >= 2:
            return [ItemPlan(k, k.heading, single.kind, k.start, k.end, (single.start, single.end)) for k in kinds]
    return []


def _named_product(structure: Structure, clause: Clause, single: ItemPlan) -> bool:
    """Whether an entry of the conditions section names a product whose own terms the offer states
    (（一）小微快担：…的小型、微型企业 … 四、担保费率 小微快担：单户担保金额最高500万元)."""
    name = clause.heading
    return 2 <= len(name) <= 10 and bool(re.search(rf"(?m)^[ \t*#>-]*{re.escape(name)}\**\s*[：:]",
                                                   structure.text[single.start:single.end]))


# 住宿类商户 / 生产企业 / 家电以旧换新: a kind of applicant or of the programme it joins, not a requirement
_APPLICANT_KIND = re.compile(r"(?:类|型)(?:商户|企业|主体|单位|项目)?$|(?:商户|企业|经营主体|市场主体)$|以旧换新|购新|更新$")


_RECOGNITION = re.compile(r"(?:认定|评价|评定|入库)(?:条件|标准)?$")
_RECOGNIZED = re.compile(r"(?:认定|评价|评定)为?([^，。；：:\s]{2,16}?)(?:须|应当|应|必须|的企业|，|：)")


# 本办法所称总部企业，是指同时满足下列条件…的企业: the section defines whom the measures are for, it offers nothing
_DEFINES_TERM = re.compile(r"所称[^，。；]{2,16}[，,]?\s*是指")


def _recognitions(structure: Structure) -> list[int]:
    """Top-level sections that state how a status is recognised (二、认定条件; 第三章 专精特新中小企业认定)."""
    return [i for i, c in enumerate(structure.clauses)
            if c.parent is None and c.heading and _RECOGNITION.search(c.heading) and c.children
            and not _DEFINES_TERM.search(structure.own_text(c))]


def _inside(inner: Clause, outer: Clause) -> bool:
    return outer.start <= inner.start < outer.end


def _recognition_name(structure: Structure, clause: Clause) -> str:
    """The status a recognition section grants, named as an item (高新技术企业认定)."""
    if not re.search(r"^(?:认定|评价|评定|入库)", clause.heading):
        return clause.heading
    m = _RECOGNIZED.search(structure.full_text(clause))
    return f"{m.group(1)}{clause.heading[:2]}" if m else clause.heading


def _single_item(structure: Structure, title: str, roles: list[str], index: int | None) -> ItemPlan:
    if index is None:
        index = next((i for i, r in enumerate(roles) if r in ("body", "standard")), None)
    if index is None:
        text = structure.text
        whole = Clause("document", "", "", 0, 0, len(text), len(text))
        return ItemPlan(whole, _title_name(title), _kind(text), 0, len(text))
    clause = structure.clauses[index]
    while clause.parent is not None and structure.clauses[clause.parent].kind not in _GROUPING:
        clause = structure.clauses[clause.parent]
    return _plan(structure, clause, _title_name(title))


def _plan(structure: Structure, clause: Clause, name: str) -> ItemPlan:
    text = structure.full_text(clause)
    return ItemPlan(clause, name, _kind(name + text), clause.start, clause.end)


def _kind(text: str) -> str:
    return "credit" if _CREDIT.search(text) else "incentive"


def _title_name(title: str) -> str:
    name = re.sub(r"^(?:关于|印发)+|的?(?:通知|公告|若干措施|实施细则|实施办法|管理办法|办法|细则|"
                  r"申报指南|实施方案|执行口径|有关事项|政策|问答|解答|答疑|解读|常见问题|热点问题)+$", "", title.strip())
    name = re.sub(r"^.{0,12}?(?:市|县|区|省)(?=[^，。]{4,})", "", name) if len(name) > 14 else name
    return name or title or "支持事项"


_ORDINAL_NAME = re.compile(r"^(?:产品|政策|措施|补贴|事项|项目|卡片)[一二三四五六七八九十0-9]{1,3}$")
_NAME_LABEL = re.compile(r"^(?:事项|产品|项目|政策|补贴|奖励)?名称$")


_INTRODUCES = re.compile(r"(?:产品|业务|项目|政策)?(?:简介|介绍|概述|概况)")


def _names_entry(clause: Clause) -> bool:
    """A 【事项名称】 / | 产品名称 | part: it names its entry (一次性创业补贴), it offers nothing of its own."""
    return clause.kind in ("part", "label") and bool(_NAME_LABEL.match(clause.heading))


def _name(structure: Structure, clause: Clause, title: str) -> str:
    named = next((structure.clauses[k] for k in clause.children if _names_entry(structure.clauses[k])), None)
    if named is not None and (own := _NAME_TAIL.sub("", structure.own_text(named).strip(" |*：:\n"))):
        return own[:24]
    first_line = structure.own_text(clause).strip().split("\n", 1)[0].strip(" *#")
    if clause.heading and _ORDINAL_NAME.match(clause.heading) and 2 <= len(first_line) <= 24 \
            and not _NAME_TAIL.search(first_line):
        return first_line  # 【补贴一】新招工人社保补贴: the words after the number name it
    if clause.heading:
        return clause.heading
    text = structure.own_text(clause).strip()
    told = _TOLD_SUPPORT.search(text) if clause.kind == "sentence" else None
    if told:  # 市里联合多家银行推出“陶瓷贷” / 都可以申请研发后补助: a paragraph of a news release names its support
        return told.group(1) or told.group(2)
    own = _NAME_TAIL.sub("", _CONNECTIVE.sub("", _REPORTED.sub("", text)))
    return own[:24] if own else _title_name(title)
