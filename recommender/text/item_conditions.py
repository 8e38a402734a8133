"""Conditions per support item: the document's general conditions plus the item's own."""

from __future__ import annotations

import re
from dataclasses import replace

from recommender.rules.schema import Condition
from recommender.text.condition_patterns import categorical_hits
from recommender.text.conditions import STATISTICS_STATUS_WORDS
from recommender.text.definitions import DEFINITION, defined_term, definition_kind, term_is_used
from recommender.text.items import ItemPlan, item_core, shares_run
from recommender.text.lifted import LIFTS, lift_requirements
from recommender.text.numbers import parse_number
from recommender.text.passages import Passage, condition_passages
from recommender.text.phrases import APPLICANT_KINDS, LET_OFF, ONLY_FOR_NOTE, THIS_DOCUMENT, blank
from recommender.text.requirements import read_passages
from recommender.text.structure import REST, Clause, Structure
from recommender.text.trade_thresholds import trade_thresholds

__all__ = ["conditions_per_item"]

_SLP_PARTS = frozenset({"taxable_income", "employees", "assets"})


def conditions_per_item(
    structure: Structure, items: list[ItemPlan], region_code: str | None
) -> list[tuple[list[Condition], list[str]]]:
    """For each item: (conditions, assumed boilerplate), general conditions first."""
    inside = [(p.start, p.end) for p in items]
    general: list = []
    named: dict[int, list] = {}  # passages of a section naming its items (二、（二）研发补助项目申报条件)
    owners: dict[int, frozenset[int]] = {}  # passage offset → the items its section names

    def owner(base: int) -> frozenset[int]:
        if base not in owners:
            owners[base] = _named_items(structure, items, base) or _items_below(structure, items, base)
        return owners[base]

    for passage in condition_passages(structure, 0, len(structure.text), doc_level=False):
        if not any(s <= passage.base < e for s, e in inside) and owner(passage.base):
            label = _LABELLED.match(passage.text)  # the item's name before the colon is no requirement
            if label:
                passage = replace(passage, text=" " * label.end() + passage.text[label.end():])
            for part, kind in _kind_parts(structure, passage):
                kinds = {n for n in owner(passage.base) if kind and _names_kind(structure.text[items[n].start:items[n].end], kind)}
                for n in kinds or owner(passage.base):
                    named.setdefault(n, []).append(part)
    for passage in condition_passages(structure, 0, len(structure.text), doc_level=True):
        noted = _footnoted(structure, items, passage)
        if noted:  # ②指在义乌市注册登记…的企业: binds the items whose text carries ②
            for n in noted[1]:
                named.setdefault(n, []).append(noted[0])
            continue
        applies = _applies_to(structure, items, passage)
        if applies is not None:  # | 6 | 年主营业务收入两千万元以上 | 第2、3项 |: binds the items its row names
            for n in applies:
                named.setdefault(n, []).append(passage)
            continue
        if _parallel_row(structure, items, passage):
            continue  # | 5 | 政策辅导服务 | …: a row beside the items' rows that offers nothing binds none of them
        if not any(s <= passage.base < e for s, e in inside) and not owner(passage.base):
            for sentence, words, bound in _sentences_for_items(structure, items, passage):
                passage = replace(passage, text=blank(passage.text, sentence.start(), sentence.end()))
                part = replace(passage, text=" " * sentence.start() + words)
                for n in bound:
                    named.setdefault(n, []).append(part)
            general.append(passage)
    if not structure.clauses:
        general = []
    common = read_passages(general, region_code)
    defined = _definitions(structure, inside, region_code)
    scope = "".join(p.text for p in general if p.strong or _ELIGIBLE.search(p.text))
    defined = [(term, passages, bool(term_is_used(term, scope) or _titled(term, [t for t, _ in defined], structure.title)
                                     or _WHOM_TERM.fullmatch(term) or _head_in_scope(term, scope, structure.title)))
               for term, passages in defined]
    inner = [_notes_for_others(structure, items, n, condition_passages(structure, plan.start, plan.end, doc_level=False), named)
             if structure.clauses else condition_passages(structure, 0, len(structure.text), doc_level=True)
             for n, plan in enumerate(items)]
    out = []
    for n, plan in enumerate(items):
        item_text = structure.text[plan.start:plan.end]
        own = read_passages([*named.get(n, []),
                             *(p for term, passages, everywhere in defined
                               if everywhere or term_is_used(term, item_text) for p in passages),
                             *inner[n]],
                            region_code)
        earlier = out[-1][0] if out and _PREVIOUS_ITEM.search(item_text) else _same_as_item(items, out, item_text)
        conditions = _dedupe([*common.conditions, *earlier, *own.conditions])
        if _SLP_PARTS <= {c.field for c in conditions}:  # the three bounds spell out 小型微利企业
            conditions = [c for c in conditions if c.field != "small_low_profit"]
        conditions = _all_sizes_dropped(conditions)
        if any(c.field == "revenue" for c in conditions):  # 所称规模以上工业企业，是指年营业收入2000万元及以上…
            conditions = [c for c in conditions if not (c.op == "unknown" and c.text in STATISTICS_STATUS_WORDS)]
        assumed = list(dict.fromkeys([*common.assumed, *own.assumed]))
        out.append((conditions, assumed))
    lifted = lift_requirements(structure, items, [c for c, _ in out], lambda text: _numbered_in(structure, items, text), region_code)
    lifted = trade_thresholds(structure, items, lifted, region_code)
    return [(conditions, assumed) for conditions, (_, assumed) in zip(lifted, out, strict=True)]


# a column stating what a row gives (| 兑现标准 |, | 支持内容 |, | 额度 |)
_GIVES_COLUMN = re.compile(r"标准|额度|金额|奖励|补助|补贴|(?:服务|支持|扶持|政策|优惠|兑现)内容")


def _parallel_row(structure: Structure, items: list[ItemPlan], passage: Passage) -> bool:
    """Whether a passage lies in a table row beside the items' rows that states something given yet is no item
    (a free service): its requirements are its own, not every row's."""
    clause = structure.clause_at(passage.base)
    if clause is None or not clause.cells or any(p.start <= passage.base < p.end for p in items):
        return False
    gives = any(_GIVES_COLUMN.search(head) and structure.text[a:b].strip(" *-—无") for head, a, b in clause.cells)
    return gives and any(p.clause.cells and p.clause.parent == clause.parent and p.clause.kind == clause.kind
                         for p in items)


# | 序号 | 条件 | 适用项目 |: a column naming the items each row's requirement binds
_APPLIES_COLUMN = re.compile(r"^适用(?:于|的)?(?:项目|事项|政策|范围|条款|类别)?$")
_EVERY = re.compile(r"\s*(?:全部|所有|各项|全部项目|所有项目|通用)\s*")


def _applies_to(structure: Structure, items: list[ItemPlan], passage: Passage) -> list[int] | None:
    """The items a table row's 适用项目 cell names (全部: every item), or None for a passage in no such row."""
    clause = structure.clause_at(passage.base)
    if clause is None or not clause.cells:
        return None
    cell = next((structure.text[a:b].strip(" *") for head, a, b in clause.cells
                 if _APPLIES_COLUMN.fullmatch(head.strip(" *"))), None)
    if cell is None:
        return None
    if _EVERY.fullmatch(cell):
        return list(range(len(items)))
    bound = _numbered_items(items, _item_numbers(cell))
    return bound or None


def _footnoted(structure: Structure, items: list[ItemPlan], passage: Passage) -> tuple[Passage, list[int]] | None:
    """A footnote under 注释： (①指…) as a requirement of the items whose text carries its marker, if any do."""
    clause = structure.clause_at(passage.base)
    if clause is None or clause.kind != "circled" or clause.parent is None \
            or structure.clauses[clause.parent].heading != "注释":
        return None
    own = structure.own_text(clause)
    bound = [n for n, plan in enumerate(items) if clause.label in structure.text[plan.start:plan.end]]
    lead = re.match(r"\s*(?:是)?指", own)
    text = " " * lead.end() + own[lead.end():] if lead else own
    return (Passage(text, clause.body_start, clause.address, True, False, True), bound) if bound else None


# 在巫山县注册登记的文化旅游企业可以申请: a term defined elsewhere names who may apply for every item.
_ELIGIBLE = re.compile(r"可以?(?:申请|申报|享受)|适用于|申报(?:对象|主体)|支持对象"
                       r"|(?:申请|申报|享受)[^。；]{0,20}?(?:应当|须|应)(?:同时)?(?:符合|满足|具备)")  # X企业申请本办法奖励，应当符合以下条件
# 获得前项“渝惠信用贷”的…: who may have this item must have had the one before.
_PREVIOUS_ITEM = re.compile(r"(?:获得|取得|享受|符合|使用)(?:了)?(?:前项|上一项|上述第?[（(]?[一二三四五六七八九十0-9]+[）)]?项)")
# 本办法所称资助对象，是指…的企业: the term names whom every item is for, though no item repeats it
_WHOM_TERM = re.compile(r"(?:资助|支持|扶持|奖励|补贴|补助|奖补|适用|申报|申请|服务)(?:对象|主体)")
_APPLYING_TO_BE_RECOGNISED = re.compile(r"\s*(?:申请|申报)(?:认定|评定|评价)")
_NEWLY_RECOGNISED = re.compile(r"认定奖励|(?:新|首次)(?:被)?(?:认定|评定|评为)")
_Q_REF = re.compile(r"Q\s*([0-9]{1,2})")  # (full-width Ｑ３ was made ASCII by extract.half_width)
# 申请对象同Q3: whom the answer's support is for is whom Q3's is for
_SAME_AS_Q = re.compile(r"(?:申请|申报|支持|补贴|适用)?(?:对象|条件)(?:和条件)?(?:同|与)\s*Q\s*([0-9]{1,2})(?:相同|一致)?")


def _q_label(label: str) -> str:
    """Q3 for a question labelled Q3 or Q03, else ""."""
    m = _Q_REF.fullmatch(label)
    return f"Q{int(m.group(1))}" if m else ""


def _same_as_item(items: list[ItemPlan], out: list, text: str) -> list[Condition]:
    """The conditions of the earlier item an answer refers to for whom it is for (申请对象同Q3)."""
    m = _SAME_AS_Q.search(text)
    if m is None and out and _SAME_AS_ABOVE.search(text):  # 个体工商户招用高校毕业生的，申请条件同上: the answer before's
        return [c for c in out[-1][0] if c.field not in _APPLICANT_FIELDS]
    if m is None:
        return []
    return next((out[n][0] for n, plan in enumerate(items[:len(out)]) if _q_label(plan.clause.label) == f"Q{int(m.group(1))}"), [])


_SAME_AS_ABOVE = re.compile(r"(?:申请|申报|享受|补贴|支持)?条件(?:同上|与上(?:一|述)?(?:问|项|条|款)?(?:相同|一致))")
_APPLICANT_FIELDS = frozenset({"size", "ownership"})  # who the earlier answer was for; this one names its own
_REQUIREMENTS_HEADING = re.compile(r"条件|要求|对象|范围|须|应当|满足")


def _lead(text: str) -> str:
    """A clause's opening words up to its first colon or full stop (申报研发投入后补助的，还须满足：)."""
    return re.split(r"[：:。\n]", text.strip(), maxsplit=1)[0][:40]


_NOT_APPLICANT = re.compile(r"人才|人员|贷|资金|费用|项目|产品|收入|所得|楼宇|厂房|写字楼|用房|设备|场地|园区")  # (a building the firm is in)


def _definitions(structure: Structure, inside, region_code: str | None) -> list[tuple[str, list[Passage]]]:
    """Each term defined outside the items (所称X，是指…) with the passage of its definition."""
    out = []
    for m in DEFINITION.finditer(structure.text):
        if any(s <= m.start() < e for s, e in inside) or not m.group("body").strip() or definition_kind(m) != "指":
            continue  # 所称专精特新企业，包括…: a list of members expands the term where it is used, no more
        clause = structure.clause_at(m.start())
        term = defined_term(m)
        strong = not _NOT_APPLICANT.search(term) and not any(
            h.field == "qualifications" for h in categorical_hits(term))  # 所称企业，是指…且未发生…的企业
        out.append((term, [Passage(m.group("body"), m.start("body"),  # each requirement of the body defines
                                   clause.address if clause else "总则", strong, False,
                                   strong and bool(_APPLICANT_TERM.search(term)))]))
    return out


_APPLICANT_TERM = re.compile(r"(?:企业|单位|主体|个体工商户|纳税人|经营者|首贷户)[”\"]?$")


_HEAD = re.compile(r"(?:经营主体|市场主体|主体)$")  # (not 企业, which every scope says)


def _head_in_scope(term: str, scope: str, title: str | None) -> bool:
    """Whether the eligibility text names the defined term by its head (申请本办法扶持的经营主体) and the title
    carries its qualifier (《…农牧业产业化经营扶持办法》所称“农牧业产业化经营主体”): whom the whole document is for."""
    term = re.sub(r"[“”\"]", "", term)
    head = _HEAD.search(term)
    return bool(head) and head.start() >= 2 and head.group(0) in scope and term[:head.start()] in (title or "")


def _titled(term: str, terms: list[str], title: str | None) -> bool:
    """Whether the title names a defined term (《支持民营企业…举措》所称民营企业，是指…: whom the whole document is
    for), not only inside a longer one it also defines (中小微企业 holds 小微企业)."""
    title = title or ""
    if not _APPLICANT_TERM.search(term):
        return False  # 《“吉企融”业务操作指引》所称“吉企融”业务: the scheme, not whom it is for
    return term_is_used(term, title) and not any(term in other and other != term and other in title for other in terms)


def _items_below(structure: Structure, items: list[ItemPlan], offset: int) -> frozenset[int]:
    """一、稳岗返还 …的，可以申请。（一）中小微企业…（二）大型企业…: a section's own words bind the items
    inside it, not the document's other items."""
    clause = structure.clause_at(offset)
    if clause is None or len(items) < 2:
        return frozenset()
    if clause.kind == REST and clause.parent is not None:
        parent = structure.clauses[clause.parent]  # the sentence after an article's offers binds those offers
        return frozenset(n for n, plan in enumerate(items) if parent.start <= plan.start < parent.end)
    below = frozenset(n for n, plan in enumerate(items) if clause.start <= plan.start < clause.end and plan.start > offset)
    # (an article cut into offers, 第三条 对…的企业，按行业给予奖励：A…，B…, binds all of them even when they are all)
    return below if below and (len(below) < len(items) or clause.kind == "article") else frozenset()


def _named_items(structure: Structure, items: list[ItemPlan], offset: int) -> frozenset[int]:
    """The one item a clause at ``offset`` names by the item name a heading above it carries (items named
    by number, 申报第2项的…, are bound sentence by sentence: ``_numbered_sentences``)."""
    clause = structure.clause_at(offset)
    if clause is None or len(items) < 2:
        return frozenset()
    chain = [clause, *structure.ancestors(clause)]  # the clause and the sections it sits in
    headings = [c.heading or _lead(structure.own_text(c)) for c in chain]
    cores = [item_core(p.name) for p in items]
    owners = {n for n, core in enumerate(cores) if len(core) >= 4
              for h in headings if core in h and _REQUIREMENTS_HEADING.search(h)}
    if not owners and any(_REQUIREMENTS_HEADING.search(h) for h in headings):
        # 二、分项条件（一）新入库企业奖励 1. …: the item's name as a heading under a requirements heading
        titles = [c.heading for c in chain if c.heading]
        owners = {n for n, core in enumerate(cores) if len(core) >= 4 for h in titles if core in h}
    label = _LABELLED.match(structure.own_text(clause))
    if not owners and label and any(_REQUIREMENTS_HEADING.search(h) for h in headings[1:]):
        # （二）分项条件 1. 高山蔬菜基地建设：从事蔬菜种植…: the label names the item it binds
        owners = {n for n, core in enumerate(cores) if shares_run(label.group(1), core, 5)}
    if not owners and any(_APPLYING_TO_BE_RECOGNISED.match(_lead(structure.own_text(c))) for c in chain):
        # 第二条 申请认定“资中老字号”的经营主体，应当…: the criteria bind the reward for being recognised, not the
        # support given to those already recognised
        rewarded = frozenset(n for n, plan in enumerate(items)
                             if _NEWLY_RECOGNISED.search(plan.name + structure.text[plan.start:plan.end][:60]))
        if rewarded and len(rewarded) < len(items):
            return rewarded
    questions = [c.heading for c in chain if c.heading.endswith(("？", "?"))]
    if not owners and questions:  # 问：哪些单位可以申领一次性吸纳就业补贴？ binds the answer that gives that subsidy
        benefit = _NAMED_BENEFIT.findall(questions[0])
        owners = {n for n, plan in enumerate(items) for b in benefit if b in plan.name}
        if len(owners) > 1:
            owners = set()
    if not owners:  # Q6：哪些个体工商户不能享受Q3、Q5的补助？ the questions it names
        refs = {f"Q{int(n)}" for c in chain for n in _Q_REF.findall(c.heading or "")}
        if refs:
            return frozenset(n for n, plan in enumerate(items) if _q_label(plan.clause.label) in refs)
    if not owners:  # 第五条 申请本细则第七条至第九条支持的企业，还应当同时符合下列条件：（一）…
        for c in chain:
            lead = _lead(structure.own_text(c))
            path = _PATH.search(lead)  # 申请第一条第（二）项的，应为…: the entry （二） under 一、
            numbered = _NUMBERED_ITEMS.search(lead)
            if path and c is clause and not clause.children:
                return frozenset()  # a sentence naming its items by path is bound sentence by sentence
            if (path or numbered) and _APPLYING_FOR.search(lead) and not _ONLY_ITEMS.search(lead):
                return frozenset(_items_at(structure, items, path) if path else
                                 _numbered_items(items, _item_numbers(numbered.group(0))))
    return frozenset(owners) if len(owners) == 1 else frozenset()


# 一次性吸纳就业补贴 in 哪些单位可以申领一次性吸纳就业补贴？: the support a question names (after the verb asking for it)
_NAMED_BENEFIT = re.compile(r"(?:申领|申请|享受|领取|获得)([\u4e00-\u9fff“”\"]{4,14}?(?:补贴|补助|奖励|贴息|资助|奖补|贷))")
_ONLY = re.compile(r"仅可|仅能|只可|只能")
_ONLY_ITEMS = re.compile(r"(?:^|(?<=[，,；;]))\s*(?P<who>[^，,。；;、]{2,12}?)(?:仅可|仅能|只可|只能)以?(?:申报|申请|享受)"
                         rf"(?:{THIS_DOCUMENT})?(?P<ref>第\s*[0-9一二三四五六七八九十]{{1,3}}(?:\s*[、和及至到]\s*第?\s*[0-9一二三四五六七八九十]{{1,3}})*\s*[项条])")
_NUMBERED_ITEMS = re.compile(
    r"(?:申报|申请|享受|领取|参与|参加|参评|(?<=除)|本(?:措施|办法|细则|通知|政策|方案)?|[，,]\s*(?:且|并且|但|其中)?|^\s*(?:以上|上述|前述)|^\s*(?:\**(?:备注|注|说明)\**\s*[：:]|(?:需要|特别)?(?:说明|注意|提醒|指出)的是[，,])?\s*)第\s*[（(]?[0-9一二三四五六七八九十]{1,3}[）)]?(?:\s*[、和及与至到]\s*[0-9一二三四五六七八九十]{1,3})*\s*[项条问]"
    r"(?:\s*[、和及与至到]\s*第?\s*[（(]?[0-9一二三四五六七八九十]{1,3}[）)]?\s*[项条问])*"
    r"|(?:申报|申请|享受|领取|^\s*)序号\s*[0-9一二三四五六七八九十]{1,3}(?:\s*[、和及与至到]\s*(?:序号)?\s*[0-9一二三四五六七八九十]{1,3})*"
)  # 申报序号4、序号5事项的企业: a row of a 清单 by its number


def _numbered_in(structure: Structure, items: list[ItemPlan], text: str) -> list[int]:
    """The items a phrase names by number (第5条中…), or that hold the article it names (本细则第九条 inside
    第四章 金融支持), if any."""
    ref = _NUMBERED_ITEMS.search(text)
    if not ref:
        return []
    numbers = _item_numbers(ref.group(0))
    return _numbered_items(items, numbers) or [
        n for n, plan in enumerate(items) if any(c.kind == "article" and _label_number(c.label) in numbers
                                                 and plan.start <= c.start < plan.end for c in structure.clauses)]


def _item_numbers(text: str) -> set[int | None]:
    """The item numbers a phrase names: 第二项、第三项 → {2, 3}; 第三项至第五项 / 第3至5项 → {3, 4, 5}; 序号1至3 → {1, 2, 3}."""
    row = "序号" in text
    numbers = [_label_number(n) for n in re.findall(
        r"[0-9一二三四五六七八九十]{1,3}" + ("" if row else r"(?=(?:\s*[、和及与至到]\s*[0-9一二三四五六七八九十]{1,3})*[）)]?\s*[项条问])"), text)]
    if len(numbers) == 2 and re.search(r"[0-9一二三四五六七八九十]\s*[至到]" if row else r"[项条问]\s*[至到]|[0-9一二三四五六七八九十]\s*[至到]\s*[0-9一二三四五六七八九十]{1,3}\s*[项条问]", text) and all(numbers):
        return set(range(numbers[0], numbers[1] + 1))
    return set(numbers)


def _numbered_sentences(structure: Structure, items: list[ItemPlan],
                        text: str) -> list[tuple[re.Match[str], str, list[int]]]:
    """Sentences of a general passage that name the items they bind by number: (sentence, the words to read,
    those items). A sentence carving items out (…不低于3%（申报第二部分第（四）项的除外）) binds the others."""
    out = []
    carried: tuple[int, list[int]] | None = None  # (end of its line, items) of a sentence naming an item by path
    for sentence in re.finditer(r"[^。；;\n]+[。；;]?", text):
        words = sentence.group(0)
        if carried and sentence.start() < carried[0] and not (
                _PATH.search(words) or _NUMBERED_ITEMS.search(words) or _DECIMAL_REF.search(words)):
            out.append((sentence, words, carried[1]))  # 申报2.1方向的，…；设备须于…购置: still that item's
            continue
        if LIFTS.search(words):  # …不受第（二）项限制: read by text.lifted, no requirement of any item here
            out.append((sentence, "", []))
            continue
        only = _ONLY_ITEMS.search(words)
        bound = _numbered_items(items, _item_numbers(only.group("ref"))) if only else []
        if only and bound and len(bound) < len(items):  # …的企业，个体工商户仅可申报第4项: those firms, not the others
            refused = only.group("who") + "不得申报"  # (read as an exclusion, in the phrase's own place)
            out.append((sentence, blank(words, only.start("who"), only.end()), list(range(len(items)))))
            out.append((sentence, " " * only.start("who") + refused.ljust(only.end() - only.start("who")),
                        [n for n in range(len(items)) if n not in bound]))
            continue
        if _ONLY.search(words):  # 个体工商户仅可申请第九条: binds the others
            continue
        ref = _PATH.search(words) or _NUMBERED_ITEMS.search(words)
        if ref and ref.re is _NUMBERED_ITEMS and words[ref.start()] in "，,":
            # 申报企业须在本区注册，且第1至3项仅限…的企业申报: the phrase before the comma binds every item
            sentence = _WHOLE.match(text, sentence.start() + ref.start() + ref.group(0).index("第"), sentence.end())
            ref = _NUMBERED_ITEMS.search(sentence.group(0))
            words = blank(sentence.group(0), ref.start(), ref.end())  # (its number is no requirement)
        named = _NAMED_CARVE.search(words) if not ref else None
        if named:  # 个体工商户不属于扶持对象，但申报本地产品网销奖励的除外: binds the items not named
            let_off = [n for n, plan in enumerate(items) if named.group("name") in plan.name]
            if 0 < len(let_off) < len(items):
                out.append((sentence, blank(words, named.start(), named.end()),
                            [n for n in range(len(items)) if n not in let_off]))
            continue
        decimal = _DECIMAL_REF.search(words) if not ref else None
        if decimal:  # 申报2.1方向的，…: the item numbered 2.1, and the rest of the line
            bound = [n for n, plan in enumerate(items) if plan.clause.label.rstrip(".") == decimal.group(1)]
            if bound:
                lead = _DECIMAL_LEAD.match(words, decimal.end())
                out.append((sentence, blank(words, decimal.start(), lead.end() if lead else decimal.end()), bound))
                line_end = text.find("\n", sentence.end())
                carried = (len(text) if line_end < 0 else line_end, bound)
            continue
        if not ref:
            continue
        if _BESIDES.search(words):
            continue  # 除符合本办法第四条、第五条规定外，还应当…: more requirements of this item, besides those articles
        bound = _items_at(structure, items, ref) if ref.re is _PATH else _numbered_items(
            items, _item_numbers(ref.group(0)))
        if ref.group(0).rstrip().endswith("条") and all(items[n].clause.kind == "chapter" for n in bound):
            bound = []  # 第四条 names an article, not the item of 第四章
        carve = _CARVE_OUT.match(words, ref.start())
        except_for = _EXCEPT_FOR.match(words, ref.end()) if words[:ref.start()].rstrip().endswith("除") else None
        if bound and except_for:  # 除第（1）项外，…: the others
            words = blank(words, words.rindex("除", 0, ref.start()), except_for.end())
            bound = [n for n in range(len(items)) if n not in bound]
        elif bound and carve:
            start = _opening(words, ref.start())
            words = blank(words, start, carve.end())
            bound = [n for n in range(len(items)) if n not in bound]
        out.append((sentence, words, bound))
    return out


_BESIDES = re.compile(r"除(?:应当|须)?(?:符合|满足|具备)[^，。；]{0,24}?(?:规定|条件|要求)?(?:外|以外|之外)[，,]\s*(?:还|并|且|同时|另)")
_DECIMAL_LEAD = re.compile(r"[^，,。；;]{0,6}?的")  # …方向的 / …项目的: the rest of the words naming the item
_DECIMAL_REF = re.compile(r"(?:申报|申请|享受)(?:本(?:指南|办法|细则|通知))?第?\s*([0-9]{1,2}\.[0-9]{1,2})(?![0-9.])")
_WHOLE = re.compile(r".+", re.S)
_EXCEPT_FOR = re.compile(r"\s*(?:以|之)?外[，,]?")
_NAMED_CARVE = re.compile(rf"[，,]\s*但?\s*(?:申报|申请|享受)(?P<name>[^，。；]{{2,20}}?)的?(?:企业|单位|项目|主体)?{LET_OFF}")
# （申报第（四）项的企业不受此项限制） / 申报第二部分第（四）项的除外: the items named are let off.
_CARVE_OUT = re.compile(rf"[^，,。；;]{{0,40}}?(?:的)?(?:企业|单位|项目)?{LET_OFF}[）)]?")


def _opening(text: str, at: int) -> int:
    """Where the phrase around ``at`` opens: after the last bracket or comma before it."""
    return max(text.rfind(ch, 0, at) for ch in "（(，,") + 1 if any(ch in text[:at] for ch in "（(，,") else 0


# 申请本措施第二部分第（一）项支持的企业: the clause 二、（一） by its path from the top.
_PATH = re.compile(r"第\s*(?P<top>[0-9一二三四五六七八九十]{1,3})\s*(?:部分|章|条)\s*"
                   r"第\s*[（(](?P<sub>[0-9一二三四五六七八九十]{1,3})[）)]\s*(?:(?:[项款目]\s*)?至\s*第?\s*[（(]"
                   r"(?P<last>[0-9一二三四五六七八九十]{1,3})[）)]\s*)?[项款目]"
                   r"(?:\s*[、和及]\s*第?\s*[（(][0-9一二三四五六七八九十]{1,3}[）)]\s*[项款目]?)*")  # 第（一）项、第（三）项


def _items_at(structure: Structure, items: list[ItemPlan], path: re.Match[str]) -> list[int]:
    """The items inside the clauses a path names (第二部分第（一）项 → the items under 二、（一）)."""
    top, sub = _label_number(path.group("top")), _label_number(path.group("sub"))
    last = _label_number(path.group("last")) if path.group("last") else sub
    subs = set(range(sub, last + 1)) | {_label_number(n) for n in re.findall(
        r"[（(]([0-9一二三四五六七八九十]{1,3})[）)]", path.group(0)[path.end("sub") - path.start():])}
    named = [c for c in structure.clauses if c.parent is not None and (_label_number(c.label) or 0) in subs
             and structure.clauses[c.parent].parent is None
             and _label_number(structure.clauses[c.parent].label) == top]
    return [n for n, plan in enumerate(items) if any(c.start <= plan.start < c.end for c in named)]


# 申请本章奖励的企业，…: a requirement for the items of the chapter (section, part) it stands in.
_SCOPED = re.compile(r"(?:申报|申请|享受)本(?:章|节|部分)[^，。；]{0,12}?的(?:企业|单位|项目|主体)")


def _scoped_sentences(structure: Structure, passage: Passage) -> list[tuple[re.Match[str], Clause]]:
    """Sentences of a general passage that bind the items of their own chapter, with that chapter."""
    clause = structure.clause_at(passage.base)
    chapters = [c for c in structure.ancestors(clause) if c.kind in ("chapter", "section")] if clause else []
    if not chapters:
        return []
    return [(sentence, chapters[-1]) for sentence in re.finditer(r"[^。；;\n]+[。；;]?", passage.text)
            if _SCOPED.search(sentence.group(0))]


def _sentences_for_items(structure: Structure, items: list[ItemPlan],
                         passage: Passage) -> list[tuple[re.Match[str], str, list[int]]]:
    """Sentences of a general passage that bind some items only, with the words to read and those items:
    注：2. 申报第2项的… / 申请第三项至第五项支持的企业，须… (by number); 申请本章奖励的企业，… (by chapter)."""
    out = _paragraph_carve_outs(items, passage.text)
    taken = [(s.start(), s.end()) for s, _, _ in out]
    out += [(sentence, words, bound) for sentence, words, bound in _numbered_sentences(structure, items, passage.text)
            if (bound or not words) and not any(a < sentence.end() and sentence.start() < b for a, b in taken)]
    taken = [(s.start(), s.end()) for s, _, _ in out]
    for sentence, scope in _scoped_sentences(structure, passage):
        if any(a < sentence.end() and sentence.start() < b for a, b in taken):
            continue
        words = _SCOPED.sub(lambda m: " " * len(m.group(0)), sentence.group(0))  # the scope names no requirement
        out.append((sentence, words, [n for n, plan in enumerate(items) if scope.start <= plan.start < scope.end]))
    taken = [(s.start(), s.end()) for s, _, _ in out]
    for sentence, lead, bound in [*_named_sentences(items, passage.text), *_but_named(items, passage.text)]:
        if not any(a < sentence.end() and sentence.start() < b for a, b in taken):
            words = sentence.group(0)
            out.append((sentence, " " * lead + words[lead:], bound))
    return out


# …须承诺10年内不迁离本市。第六条规定的租金补贴不适用本款规定。: the paragraph binds the other items.
_NOT_THIS_PARAGRAPH = re.compile(
    r"[^。；;\n]*?(第\s*[0-9一二三四五六七八九十]{1,3}\s*条(?:\s*[、和及至到]\s*第?\s*[0-9一二三四五六七八九十]{1,3}\s*条)*)"
    r"[^。；;\n]{0,16}?不适用本款(?:规定)?[。；;]?")


def _paragraph_carve_outs(items: list[ItemPlan], text: str) -> list[tuple[re.Match[str], str, list[int]]]:
    """Paragraphs of a general passage that let numbered items off (第六条规定的补贴不适用本款规定): (paragraph,
    its words without the carve-out, the other items)."""
    out = []
    for paragraph in re.finditer(r"[^\n]+", text):
        carve = _NOT_THIS_PARAGRAPH.search(paragraph.group(0))
        if not carve:
            continue
        named = _numbered_items(items, _item_numbers(carve.group(1)))
        if named:
            words = blank(paragraph.group(0), carve.start(), carve.end())
            out.append((paragraph, words, [n for n in range(len(items)) if n not in named]))
    return out


# 申报智能化改造设备补助或者技改项目贷款贴息的，…: a requirement for the items it names.
_APPLYING_FOR = re.compile(r"(?:申报|申请|享受)(?P<names>[^，,。；;]{4,60}?)的(?:企业|单位|项目|主体)?[，,]")


def _named_sentences(items: list[ItemPlan], text: str) -> list[tuple[re.Match[str], int, list[int]]]:
    """Sentences of a general passage whose lead names some of the items (not all): (sentence, where its
    requirement starts, those items)."""
    cores = [item_core(plan.name or "") for plan in items]
    out = []
    for sentence in re.finditer(r"[^。；;\n]+[。；;]?", text):
        lead = _APPLYING_FOR.match(sentence.group(0).lstrip())
        note = ONLY_FOR_NOTE.search(sentence.group(0)) if not lead else None
        if note:  # …的（此项仅适用于场地租金补贴）: a case of that item alone
            bound = [n for n, core in enumerate(cores) if len(core) >= 4 and core in note.group("names")]
            if bound and len(bound) < len(items):
                out.append((sentence, 0, bound))
            continue
        if not lead:
            continue
        bound = [n for n, core in enumerate(cores) if len(core) >= 4 and core in lead.group("names")]
        if not bound:  # 申报市长质量奖的，… beside the item 获评市长质量奖的组织: the one item whose name holds it
            names = lead.group("names").strip("“”\"")
            bound = [n for n, core in enumerate(cores) if len(names) >= 4 and names in core]
            bound = bound if len(bound) == 1 else []
        if bound and len(bound) < len(items):
            indent = len(sentence.group(0)) - len(sentence.group(0).lstrip())
            if _LIST_AFTER.match(sentence.group(0), indent + lead.end()):  # 申报“A”的，须满足：…；…；…。
                sentence = _TO_FULL_STOP.match(text, sentence.start())
            out.append((sentence, indent + lead.end(), bound))
    return out


_LIST_AFTER = re.compile(r"[^，,。；;：:]{0,12}[：:]")
_TO_FULL_STOP = re.compile(r"[^。\n]+。?")


# 除“高企贷”外，申请企业成立须满2年: the sentence binds every item but the one it names
_BUT_NAMED = re.compile(r"\s*除[“\"「]?([^，。；”\"」]{2,16})[”\"」]?(?:产品|项目|事项)?(?:以|之)?外[，,]\s*")


def _but_named(items: list[ItemPlan], text: str) -> list[tuple[re.Match[str], int, list[int]]]:
    out = []
    for sentence in re.finditer(r"[^。；;\n]+[。；;]?", text):
        m = _BUT_NAMED.match(sentence.group(0))
        named = [n for n, plan in enumerate(items) if m and m.group(1) in (plan.name or "")] if m else []
        if named and len(named) < len(items):
            out.append((sentence, m.end(), [n for n in range(len(items)) if n not in named]))
    return out


_OWN_ITEM = re.compile(r"本项|本条|本款|已(?:享受|获得|取得)")


def _notes_for_others(structure: Structure, items: list[ItemPlan], n: int, passages: list[Passage],
                      named: dict) -> list[Passage]:
    """An item's passages without the sentences that bind other items by number (说明：…D级的企业不得享受第2项至
    第4项, trailing the last entry of a list); those go to the items they name."""
    out = []
    for passage in passages:
        for sentence, words, bound in _numbered_sentences(structure, items, passage.text):
            if not bound or n in bound or _OWN_ITEM.search(sentence.group(0)):
                continue
            part = replace(passage, text=" " * sentence.start() + words)
            passage = replace(passage, text=blank(passage.text, sentence.start(), sentence.end()))
            for m in bound:
                named.setdefault(m, []).append(part)
        for sentence in re.finditer(r"[^。；;\n]+", passage.text):  # 温馨提示：以上政策仅限…; 两款产品均不承保…
            if _EVERY_ITEM_SENTENCE.search(sentence.group(0)):  # after the last entry: it binds every item
                part = replace(passage, text=" " * sentence.start() + sentence.group(0), strong=True)
                for m in range(len(items)):
                    if m != n:
                        named.setdefault(m, []).append(part)
        out.append(passage)
    return out


_EVERY_ITEM_SENTENCE = re.compile(
    r"^\s*(?:[^，。；：:]{2,8}[：:])?\s*(?:(?:以上|上述|前述)(?:政策|产品|措施|事项)|[两二三四五六七八九十各](?:款|项|类)(?:产品|政策|措施))"
    r"[^，。；]{0,4}?(?:(?:均|都|一律)(?:须|应当|应|不)|仅限|只限|限于)"
    r"|^[^，。；]{2,40}的[，,]\s*(?:均|一律)?不得(?:享受|申请|申报)(?:上述|以上|前述)(?:政策|产品|措施)"
)


def _numbered_items(items: list[ItemPlan], numbers: set[int | None]) -> list[int]:
    """The items whose label carries one of the numbers (第七条, （二）, 第3项)."""
    return [n for n, plan in enumerate(items) if _label_number(plan.clause.label) in numbers]


def _label_number(label: str) -> int | None:
    """The number of a clause label (2., （二）, 二、), or None."""
    digits = re.sub(r"[^0-9一二三四五六七八九十]", "", label)
    try:
        return int(parse_number(digits)) if digits else None
    except (ValueError, TypeError):
        return None


_LABELLED = re.compile(r"^\s*([^，,。；;：:\n]{4,20})[：:]")


# …，家庭农场应当纳入…名录；企业上年度营业收入应当…: a part of a sentence stating one kind of applicant's duty
_KIND_LEAD = re.compile(rf"(?:申请|申报|享受)?[^，,；;。]{{0,6}}?的?(?P<kind>{APPLICANT_KINDS}|企业)"
                        r"(?![的及和与、])(?=[^，,；;。]{0,16}?(?:须|应当|应|需|必须))")


def _kind_parts(structure: Structure, passage: Passage) -> list[tuple[Passage, str | None]]:
    """A sentence after an article's offers to kinds of applicant (对合作社…；对家庭农场…) cut into each kind's
    duty, with that kind; any other passage whole."""
    clause = structure.clause_at(passage.base)
    if clause is None or clause.kind != REST:
        return [(passage, None)]
    starts = []
    for m in re.finditer(r"(?:^|(?<=[，,；;]))\s*", passage.text):
        lead = _KIND_LEAD.match(passage.text, m.end())
        if lead:
            starts.append((m.end(), lead.group("kind")))
    if len(starts) < 2:
        return [(passage, None)]
    bounds = [*(a for a, _ in starts), len(passage.text)]
    parts = [(replace(passage, text=blank(blank(passage.text, b, len(passage.text)), 0, a)), kind)
             for (a, kind), b in zip(starts, bounds[1:], strict=False)]
    return [(replace(passage, text=blank(passage.text, starts[0][0], len(passage.text))), None), *parts]


def _names_kind(item_text: str, kind: str) -> bool:
    """Whether an offer is to that kind of applicant (对农民专业合作社，按… for 合作社)."""
    lead = re.match(r"\s*对([^，,。；]{2,12}?)[，,]", item_text)
    return bool(lead) and (kind in lead.group(1) or lead.group(1) in kind)


_ALL_SIZES = frozenset({"大型", "中型", "小型", "微型"})


def _all_sizes_dropped(conditions: list[Condition]) -> list[Condition]:
    """大型企业按…返还，中型、小型和微型企业按…返还: sizes named as tiers of one item that together cover
    every size limit no one."""
    sizes = [c for c in conditions if c.field == "size" and c.op in ("eq", "in")]
    named = {v for c in sizes for v in ([c.value] if isinstance(c.value, str) else c.value)}
    if len(sizes) >= 2 and named >= _ALL_SIZES:
        return [c for c in conditions if c not in sizes]
    return conditions


def _dedupe(conditions: list[Condition]) -> list[Condition]:
    seen, out = set(), []
    for cond in conditions:
        if cond.key() not in seen:
            seen.add(cond.key())
            out.append(cond)
    return out
