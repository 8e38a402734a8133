"""Passages to read conditions from: each clause's own text with its address and context."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from recommender.text.definitions import blank_definitions
from recommender.text.headings import REFUSING
from recommender.text.phrases import (
    APPLYING_FOR_SUPPORT,
    CHECKING_COLUMN,
    EXCLUDING_LEAD,
    INLINE_REQUIREMENTS,
    blank,
)
from recommender.text.roles import (
    MEASURE_TITLE,
    clause_roles,
    conditions_blocks,
    is_measure,
    procedure_tail,
)
from recommender.text.structure import REST, Structure, conditions_cells

__all__ = ["Passage", "condition_passages"]

_BARE_NAME = re.compile(r"\s*[^，,。；;：:\n]{2,24}[。]?\s*")
_BENEFIT_NAME = re.compile(r"^\s*[^，,。；;：:\n]{2,20}(?:奖励|补助|补贴|贴息|资助|奖补|扶持)[。；;]?\s*$")
# …依法登记的下列主体：（一）家庭农场 （二）合作社: kinds of applicant, any one of which may apply
_KINDS_INTRO = r"的(?:下列|以下)(?:主体|经营主体|市场主体|单位|企业)[：:]\s*$"
_INTRO = re.compile(r"(?:下列|以下|如下)[^，。；]{0,4}(?:条件|要求|情形|标准|行业|领域|产业)|(?:应当|须|应)?(?:同时)?(?:满足|符合|具备)[：:]\s*$"
                    r"|(?:下列|以下)(?:企业|单位|主体|市场主体|经营主体|项目)(?=[^。；]{0,8}(?:不适用|不予|不得|不纳入|不享受))"
                    rf"|{_KINDS_INTRO}")
# A label line ending a clause's own text (**准入条件**：) introduces the numbered list below it.
_CONDITIONS_LABEL = re.compile(
    r"(?:^|\n)[\s*#>【\[-]*[^\n：:】]{0,6}(?:条件|对象|要求|范围)[^\n：:】]{0,4}(?:\**\s*[:：]|[】\]])\s*\**\s*$"
)
# A product sheet's term lines (贷款期限：1年以内; 担保方式：信用) state what is offered, not who may apply.
_TERM_LINE = re.compile(
    r"(?m)^[ \t*#>【\[-]*(?:贷款|授信|融资|担保|还款|产品|办理|申请|服务|利率|额度|期限|反担保)"
    r"(?![^：:\n】]{0,4}(?:条件|对象|要求|范围|主体))[^：:\n】]{0,4}(?:\**\s*[：:]|[】\]])(?!\s*\**\s*$).*$"
)
_KIND_LABEL = re.compile(r"类(?:商户|企业|主体|单位|项目)$")
_INLINE_LIST = re.compile(r"(?:^|[：:；;。\s])\s*[0-9]{1,2}[.．、]\s*\S")
_SECTION_HEADING = re.compile(r"(?:条件|要求|对象|范围|情形|客户|客群)(?:[（(][^（）()]{1,20}[）)])?[：:。]?$|[？?]$"
                              r"|(?:不能|不可|可以|能否)(?:享受|申请|申报)$")  # …申报条件 / 哪些企业可以申请？ / 哪些行业不能享受
_NEG_INTRO = re.compile(r"不予|不得|不支持|不属于|除外|不纳入|不享受|不适用")
# 满足下列条件之一 / 任一条件; not 申请本目录所列任一产品的客户 (any product, every requirement)
_ANY_INTRO = re.compile(rf"之一|任一(?![^，。；：:]{{0,2}}(?:产品|项目|事项|政策|业务|险种))|其中一项|任意一项|{_KINDS_INTRO}")
_ELIGIBILITY = re.compile(
    r"适用于|所称|是指|不能是|不能为|(?:每一?项|各项|所有)[^，。；]{0,8}?(?:都|均)适用|不得?向|不得申请|不得申报|不能(?:申请|申报|享受)|不享受(?:本|上述|以上|前述)|暂停兑现|暂停拨付|不再兑现|(?:均|都|一律)要求|在[^，。；]{2,20}?(?:注册|登记)(?:登记)?的|不得享受|(?:申报|申请|享受)(?:主体|对象|企业|单位)[，,]?\s*(?:应|须|需|必须|为|是)|不纳入|不适用|不支持|不参与|不参加|不参评|不予(?:支持|受理|兑现|补贴|奖励|补助|享受|贴息|准入|认定|扶持|奖补|资助)|不属于本|除外|不含|不包括|不在[^，。；]{0,8}范围|"
    r"的[^，。；的]{0,8}(?:企业|单位|经营主体|市场主体|主体|个体工商户)[，,]\s*(?:均|都)?(?:可以?|能够?)(?:按|申报|申请|享受)|"
    r"(?:适用|支持|申报|服务)范围\s*[：:]|符合(?:下列|以下)|对象|凡[^。；]{2,120}的[^，。；的]{0,4}?(?:企业|单位|经营主体|市场主体|主体|个体工商户)|(?:面向[^，。；]{2,40}的[^，。；的]{0,4}?|服务于[^，。；]{2,30}?)(?:企业|客户|单位|经营主体|市场主体|主体|个体工商户|纳税人|缴费人)|[^。；：:]{2,80}?的(?:企业|单位|经营主体|市场主体|主体)[，,]\s*$|(?<!符合)条件|须(?!知)|应当|必须|应为|不得为|不得是|不得被|不得有|不得存在|未被列入|(?:申请|申报|享受)[^，。；]{0,16}的(?:企业|单位|经营主体|主体|个体工商户)"
)


# 申请本条补助的合作社应当…: a sentence after a line's offers that requires something of their applicants
_STATES_DUTY = re.compile(r"须|应当|必须|应为|不得|不予|不享受|不适用|不能享受|仅限|限于|符合|满足|具备")
_INLINE_EXCLUSIONS = re.compile(EXCLUDING_LEAD + r"[^：:。\n]{0,10}[：:](?=[^\n]*\S)")
_NEG_HEADING = re.compile(rf"不予(?:准入|支持|受理|申报|补贴|补助|奖励|奖补|资助|贴息|兑现|扶持|享受)|负面清单|禁入|^不准入$|禁止(?:准入|申报)|不得申[请报]|{REFUSING}|排除情形|限制情形|^不支持$|(?:哪些|什么)(?:情况|情形|企业|主体)(?:不行|不能|不可以|不予)")  # ❓ 哪些情况不行？
# 以上三款产品均要求… / 享受奖补的市场主体，须…: the lead of a sentence that binds every item
_EVERY_ITEM_LEAD = re.compile(r"^\s*(?:以上|上述|前述|本[^，。；]{0,6}所列|[两二三四五六七八九十各](?:款|项|类)(?=产品|政策|措施))"
                          r"[^，。；]{0,12}?(?:(?:均|都|一律)(?:要求|须|需|应当|应|(?=不))|仅限于?|只限于?|限于)"
                          r"(?:申请|申报|借款)?(?:企业|单位|主体|人)?"
                          # 享受奖补的市场主体，须在拉萨市注册登记… (under 保障措施): still whom the items are for
                          rf"|^\s*{APPLYING_FOR_SUPPORT}(?:企业|单位|市场主体|经营主体|主体)[，,]?\s*(?:均|还)?(?:须|应当|应|必须)"
                          # （二）申报企业上年度纳税信用等级须在M级以上 (under 附则): a requirement of every applicant
                          r"|^\s*(?:申报|申请)(?:企业|单位|主体)(?=[^，。；]{0,16}?(?:须|应当|必须))")


@dataclass(frozen=True)
class Passage:
    """A stretch of text to read conditions from, with its clause address and context."""

    text: str
    base: int
    clause: str
    strong: bool  # inside 申报条件-like context: leftover requirements become unknown conditions
    negated: bool  # in an exclusion list (有下列情形之一的，不予支持)
    leaf: bool  # an enumerated condition (（一）… under 符合下列条件)
    group: int | None = None  # children of one 符合下列条件之一 list share a group


_TABLE_OR_MARK = re.compile(r"^[ \t]*(?:\|.*\||#+|\*+)[ \t]*$", re.M)


def _below_table(structure: Structure, i: int) -> str:
    """Text after a table's last row and before the next clause, which no clause owns (blank if none)."""
    clause = structure.clauses[i]
    end = structure.clauses[i + 1].start if i + 1 < len(structure.clauses) else len(structure.text)
    text = _TABLE_OR_MARK.sub(lambda m: " " * len(m.group(0)), structure.text[clause.own_end:end])
    return text if text.strip() else ""


def condition_passages(structure: Structure, start: int, end: int, doc_level: bool) -> list[Passage]:
    """Passages of the clauses in [start, end) to read conditions from, with their context."""
    out: list[Passage] = []
    clauses = structure.clauses
    roles = clause_roles(structure)
    for i, clause in enumerate(clauses):
        if not (start <= clause.start < end or not doc_level and clause.body_start < start < clause.own_end):
            continue  # (an item cut from a clause's own text, 第四条第二款, reads that clause's part of it)
        role = roles[i]
        if role == "procedure" and doc_level:  # 【温馨提示】以上三款产品均要求…: a requirement of every item
            shared = _for_named_items(structure.own_text(clause), every=True)
            if shared.strip():
                out.append(Passage(shared, clause.body_start, clause.address, True, False, False))
            own = structure.own_text(clause)  # 温馨提示：以下情形暂不受理：A的；B的: whom every item leaves out
            out.extend(Passage(" " * a + own[a:b], clause.body_start, clause.address, True, True, True)
                       for _, a, b in _inline_exclusions(own))
        if role in ("procedure", "purpose", "validity"):
            continue
        if clause.kind == REST and not _STATES_DUTY.search(structure.own_text(clause)):
            continue  # 同一企业…晋级的，按照就高原则兑现 after the offers cut from a line: how they are paid
        if clause.kind in ("part", "label") and _TERM_LINE.match(f"{clause.heading}：…"):
            continue  # **贷款额度**：企业最高300万元，个体工商户最高100万元: terms of what is offered
        if _BENEFIT_NAME.match(structure.own_text(clause).rstrip(" \t\n#*>")) and not clause.children:
            continue  # （四）工业企业“小升规”奖励。: an entry naming a support direction, not whom it binds
        same = _SAME_PART.fullmatch(structure.own_text(clause)) if clause.kind in ("part", "label") else None
        referred = _referred_part(structure, clause, same.group(1)) if same else None
        if referred is not None:  # 不支持｜同【一】: the part of that name under entry 【一】, read again for this one
            out.append(Passage(structure.own_text(referred), referred.body_start, clause.address, True,
                               bool(_NEG_HEADING.search(clause.heading)), True))
            continue
        cells = conditions_cells(clause, structure.text)
        if cells:  # | 1 | 名称 | 申报条件 | 支持标准 |: the conditions column lists requirements
            # (| 不得申请的情形 |: whom the row's item leaves out)
            out.extend(Passage(structure.text[a:b], a, clause.address, True, bool(_NEG_HEADING.search(h)), True)
                       for h, a, b in cells)
            below = _below_table(structure, i)
            if below and clause.parent is not None:  # | 5 | 行业限制 | … |\n\n申报贴息项目的，还须…: the table's
                out.append(Passage(below, clause.own_end, clauses[clause.parent].address,  # parent says it
                                   roles[clause.parent] == "conditions", False, False))
            continue
        parent = clauses[clause.parent] if clause.parent is not None else None
        parent_own = structure.own_text(parent) if parent else _preamble_lead(structure, i)
        listed = bool(parent_own) and bool(_INTRO.search(parent_own) or _CONDITIONS_LABEL.search(parent_own))
        # 【不予准入情形】A的；B的。 / 三、不予支持的情形（一）A的；（二）B的: each is ruled out
        excluding = bool(_NEG_HEADING.search(clause.heading)) or bool(
            parent and _NEG_HEADING.search(parent.heading) and not clause.children)
        # ① 茶园改造补助\na. 茶园面积100亩以上；b. …\n补助标准：…: entries under a support's bare name that offer
        # nothing are what it requires
        named_list = parent is not None and clause.kind in ("latin", "circled") and bool(_BARE_NAME.fullmatch(parent_own)) \
            and not is_measure(structure.own_text(clause).split("\n", 1)[0])
        strong = role == "conditions" or listed or excluding or named_list
        negated = listed and bool(_NEG_INTRO.search(parent_own)) or excluding
        # 有下列情形之一的，不予支持: being any of them excludes, so each is a requirement of its own
        group = clause.parent if listed and _ANY_INTRO.search(_last_line(parent_own)) and not negated else None
        if group is None and parent is not None and _ENTRY_LABEL.fullmatch(clause.label) \
                and clause.label in _picked_one(structure.full_text(parent)):
            group = clause.parent  # （1）…（4）…。须同时满足（1）（2）项，并满足（3）（4）项之一: (3) or (4)
        if doc_level and role == "body" and not strong and _answers_a_question(structure, clause):
            # 问二：…能否享受？答：不能…: one answer's terms do not bind the other answers, unless it names them
            named = _for_named_items(structure.own_text(clause), every=True)
            if named.strip():
                out.append(Passage(named, clause.body_start, clause.address, True, False, False))
            continue
        if doc_level and _answers_scope(structure, clause):
            strong = True  # 问：这些政策适用于哪些经营主体？ binds every item
        own = _TERM_LINE.sub(lambda m: " " * len(m.group(0)), structure.own_text(clause))
        own = _title_blanked(own, structure.title)  # 附件\n某市…专项资金支持事项: the title said again requires nothing
        if named_list and "\n" in own:  # …；\n补助标准：每店不超过5万元: the lines after the entry give, not require
            own = blank(own, own.index("\n"), len(own))
        for header, a, b in clause.cells:  # | 牵头单位 | 完成时限 |: who does it and by when, no requirement
            if CHECKING_COLUMN.search(header) and a >= clause.body_start:
                own = blank(own, a - clause.body_start, min(b, clause.own_end) - clause.body_start)
        tail = procedure_tail(own)  # …资产总额不超过5000万元。【政策依据】…: the basis binds no one
        own = own[:tail] + re.sub(r"\S", " ", own[tail:])
        if clause.heading and (_SECTION_HEADING.search(clause.heading) or _KIND_LABEL.search(clause.heading)
                               or MEASURE_TITLE.match(clause.heading)
                               or own.lstrip("*# \u3000").startswith(clause.heading + "**")) \
                and own.lstrip("*# \u3000").startswith(clause.heading) \
                and not (not clause.children and INLINE_REQUIREMENTS.search(clause.heading + "：")):  # （一）住宿类商户：…: the kind's name is no requirement
            at = own.index(clause.heading)  # （三）入库项目申报条件: the heading's words name no condition
            own = own[:at] + " " * len(clause.heading) + own[at + len(clause.heading):]
        titled = re.match(rf"\s*【{re.escape(clause.heading)}】", own) if clause.heading else None
        if titled:  # 第五条【专利转让许可奖励】企业受让…的，按… / 第十条【申报主体】…: the article's title, no requirement
            own = blank(own, 0, titled.end())
        # 【享受主体】…的居民企业 inside a measure: that block states who may apply; a 禁入情形：… line after
        # a list entry states whom it leaves out
        for a, b, label in conditions_blocks(own):
            refused = bool(_NEG_HEADING.search(label))
            if strong and not refused or _INLINE_LIST.search(own, a, b) and not own[a:b].lstrip(" |").startswith(("1", "１")):
                continue  # 【享受条件】1. …；2. …: read with the clause, item by item
            out.append(Passage(" " * a + own[a:b], clause.body_start, clause.address, True, refused, True))
            line = own.rfind("\n", 0, a) + 1  # the label too: 禁入情形 names no requirement
            own = blank(own, line, b)
        for lead, a, b in _inline_exclusions(own):  # 有下列情形之一的企业，不予兑现：A的；B的。 on one line
            out.append(Passage(" " * a + own[a:b], clause.body_start, clause.address, True, True, True))
            own = blank(own, lead, b)
        if doc_level and role in ("body", "standard") and not strong:
            own = _eligibility_only(own)
        if doc_level:  # a definition binds the items using its term (item_conditions), not every item
            own = blank_definitions(own)
        scope = _HEADING_SCOPE.search(own, 0, len(clause.heading) + 8) if clause.heading else None
        if scope:  # 一、研发费用奖励（适用于高新技术企业）: the heading's bracket states whom the item is for
            out.append(Passage(" " * scope.start(1) + scope.group(1), clause.body_start, clause.address, True, False, True))
            own = blank(own, scope.start(), scope.end())
        out.append(Passage(own, clause.body_start, clause.address, strong, negated,
                           leaf=strong and not clause.children and not _INTRO.search(own),
                           group=group))
    if doc_level:
        preamble = _TITLE_LINE.sub(lambda m: " " * len(m.group(0)), structure.text[:structure.preamble_end])
        preamble = _title_blanked(preamble, structure.title)
        for lead, a, b in _inline_exclusions(preamble):  # 下列企业不得申领：A的；B的。 before any numbered clause
            out.insert(0, Passage(" " * a + preamble[a:b], 0, "总则" if clauses else "", True, True, True))
            preamble = blank(preamble, lead, b)
        out.insert(0, Passage(_eligibility_only(preamble), 0, "总则" if clauses else "", False, False, False))
        return out
    overhanging = [c for c in clauses if c.body_start < end < c.own_end or c.body_start < start < c.own_end]
    return [replace(p, text=_clipped(p.text, p.base, start, end))
            if any(c.address == p.clause and c.body_start <= p.base < c.own_end for c in overhanging) else p for p in out]


def _clipped(text: str, base: int, start: int, end: int) -> str:
    """``text`` (at offset ``base``) with what lies outside [start, end) blanked."""
    a, b = max(0, start - base), max(0, min(len(text), end - base))
    if a == 0 and b == len(text):
        return text
    return re.sub(r"\S", " ", text[:a]) + text[a:b] + re.sub(r"\S", " ", text[b:])


def _inline_exclusions(text: str) -> list[tuple[int, int, int]]:
    """Where an exclusion lead starts and the span of the cases after it on the same line
    (有下列情形之一的，不予兑现：A的；B的)."""
    out = []
    for m in _INLINE_EXCLUSIONS.finditer(text):
        stop = text.find("\n", m.end())
        stop = len(text) if stop < 0 else stop
        end = _CASES_END.search(text, m.end(), stop)  # …：A；B。在本市注册的企业可以申请: the next sentence is no case
        out.append((m.start(), m.end(), end.start() + 1 if end else stop))
    return out


_CASES_END = re.compile(r"。(?!\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|[①-⑳]))")


def _for_named_items(text: str, every: bool = False) -> str:
    """``text`` with only its sentences that require something of items they name by number kept (申请第二部分
    第（一）项支持的企业，…应当…; bound in item_conditions), and with ``every`` those that bind every item too
    (以上…均要求…, 享受奖补的市场主体，须…; their lead blanked)."""
    def keep(m: re.Match[str]) -> str:
        if _FOR_NAMED_ITEMS.match(m.group(0)) and not _CLAWBACK.search(m.group(0)):
            return m.group(0)
        if every and _EVERY_ITEM_REFUSAL.search(m.group(0)):
            return m.group(0)  # 从事限制类…经营的，两款产品均不予受理: left out of every item
        applies = _APPLIES_TO_EVERY.search(m.group(0)) if every else None
        if applies:  # …不能是D级，…也不能是失信被执行人，这两条对卡上每一项政策都适用: said of every item
            return m.group(0)[:applies.start()] + " " * (len(m.group(0)) - applies.start())
        lead = _EVERY_ITEM_LEAD.match(m.group(0)) if every else None
        return " " * lead.end() + m.group(0)[lead.end():] if lead else " " * len(m.group(0))
    return re.sub(r"[^。；;\n]+", keep, text)


_FOR_NAMED_ITEMS = re.compile(r"\s*(?:申请|申报|享受|领取|获得)本?[^，。；第]{0,6}第[^，。；]{1,24}?[项条款目问][^，。；]{0,10}?的(?:企业|单位|主体|项目)?"
                              r"[，,](?=[^。；]*(?:应当|须|需|必须|不得|应))"
                              r"|\s*本(?:办法|细则|措施|通知|方案)?第[^，。；]{1,16}?[项条款][^，。；]{0,8}?不(?:适用于?|予支持)")  # 本办法第1、3项奖励不适用于国有企业
_EVERY_ITEM_REFUSAL = re.compile(r"的[，,]\s*(?:以上|上述|[两二三四五六七八九十各][款项类])[^，。；]{0,6}?(?:均|都|一律)(?:不予|不得|不能|不)"
                                  r"|的(?:项目|企业)?[，,]\s*(?:不再|不得|不能|不予)享受本(?:表|办法|通知|措施|政策|细则)"  # …所列奖励
                                  # 四、其他 …存在严重违法失信行为的企业，不予奖励: a refusal under a closing section
                                  r"|的(?:企业|单位|经营主体|主体)[，,]\s*(?:一律|均)?不予(?:奖励|支持|补贴|补助|奖补|兑现|资助)[。；;]?$")
_APPLIES_TO_EVERY = re.compile(r"[，,]\s*(?:这|以上|上述)?[^，。；]{0,4}?(?:对|于)[^，。；]{0,8}?(?:每一?项|各项|所有|全部|每[个款])"
                               r"[^，。；]{0,6}?(?:都|均)?(?:适用|有效)\s*$")
_CLAWBACK = re.compile(r"追回|收回|退还|退回|(?<!不)迁(?:离|出)|取消")


_SAME_PART = re.compile(r"\s*同\s*(【[一二三四五六七八九十0-9]{1,3}】)\s*[。.]?\s*")


def _referred_part(structure: Structure, clause, entry: str):
    """The part with ``clause``'s heading under the entry labelled ``entry`` (【一】), if there is one."""
    for c in structure.clauses:
        if c.label == entry:
            return next((structure.clauses[k] for k in c.children
                         if structure.clauses[k].heading == clause.heading), None)
    return None


def _preamble_lead(structure: Structure, i: int) -> str:
    """For a list opening the document's clauses (（一）…（二）… right after the preamble), the preamble's
    last line, which introduces it (有下列情形之一的，不予受理：)."""
    clauses = structure.clauses
    j = i
    while j > 0 and clauses[j - 1].parent is None and clauses[j - 1].kind == clauses[i].kind:
        j -= 1
    if j or clauses[i].kind == "heading":
        return ""
    return _last_line(structure.text[:clauses[0].start])


def _last_line(text: str) -> str:
    """The line that introduces a list (**准入条件**：), not the 适用对象：…之一 line above it."""
    lines = [line for line in text.splitlines() if line.strip(" *#>")]
    return lines[-1] if lines else ""


# The document's title (# 支持小微企业…政策指引) names its theme, not whom it binds.
_TITLE_LINE = re.compile(r"^[ \t]*#{1,6}[ \t].*$", re.M)
_LINE = re.compile(r"^[ \t#*]*(.+?)[ \t*]*$", re.M)
_TITLE_WORDS = re.compile(r"^[^，。；,;]{6,60}(?:通知|办法|细则|措施|指南|事项|方案|政策|清单|公告|意见|规定|一览表|汇编|问答|解读)$")
_HEADING_SCOPE = re.compile(r"[（(](?:仅)?(?:适用于|限于?|面向)([^（）()\n]{2,30})[）)]")


def _title_blanked(text: str, title: str | None) -> str:
    """``text`` with every line that is the document's title blanked (offsets kept)."""
    if not title or not _TITLE_WORDS.search(title):
        return text  # (a title read from a first line that is a sentence is no title to look for)
    return _LINE.sub(lambda m: " " * len(m.group(0)) if m.group(1) == title else m.group(0), text)


def _questions(structure: Structure, clause) -> list[str]:
    """The questions of a Q&A notice (问二：…？) a clause answers or sits under."""
    return [c.heading for c in [clause, *structure.ancestors(clause)] if c.heading.rstrip("*").endswith(("？", "?"))]


def _answers_a_question(structure: Structure, clause) -> bool:
    """Whether a clause answers a question other than who may apply at all."""
    return any(not _SCOPE_QUESTION.search(q) for q in _questions(structure, clause))


# 这些政策措施适用于哪些经营主体？ / 申报的基本条件是什么？ / 您的企业能申请哪些扶持？: the answer states who may
# apply at all.
_SCOPE_QUESTION = re.compile(
    r"适用于哪些|适用(?:哪些|什么)(?:企业|主体|经营主体|对象)|(?:能|可以)(?:申请|享受)哪些(?:扶持|支持|政策|项目|补贴)|(?:支持|申报|适用)(?:对象|范围)(?:是|有|包括)|"
    r"(?:基本|共同|通用)条件|哪些(?:企业|经营主体|市场主体|主体)(?:都)?(?:可以|能)(?:享受|申请|申报)(?:这些|这批|该批|本批|本轮|本次|此次|各项|以上|本|上述)"
)


def _answers_scope(structure: Structure, clause) -> bool:
    return any(_SCOPE_QUESTION.search(q) for q in _questions(structure, clause))


_CONFIRM_FIRST = re.compile(r"请(?:先|首先)?(?:确认|核对)[：:]")  # 开始之前，请先确认：您的企业已在本区…: a self-check's premise


_PICKED_ONE = re.compile(r"(?:满足|符合|具备)\s*((?:第?\s*[（(][0-9一二三四五六七八九十]{1,2}[）)]\s*[、和及与或]?\s*){2,})项?(?:条件)?(?:中的)?"
                         r"(?:之一|任一项?|其一|任意一项)")
_ENTRY_LABEL = re.compile(r"[（(]([0-9一二三四五六七八九十]{1,2})[）)]")


def _picked_one(text: str) -> set[str]:
    """The entries a sentence lets the firm choose among (满足（3）（4）项之一), as labels （3）."""
    return {f"（{n}）" for m in _PICKED_ONE.finditer(text) for n in _ENTRY_LABEL.findall(m.group(1))}


def _eligibility_only(text: str) -> str:
    """``text`` with every sentence that states no eligibility blanked out (offsets kept); the ；-pieces after
    申请资助的企业应当符合下列要求： up to the full stop are its list, kept with it."""
    out, listing = [], False
    for m in re.finditer(r"(?:[^。；;：:]|(?<!如下)[：:])+[：:]?|[。；;]", text):  # 现就…公告如下：…的企业: two sentences
        piece = m.group(0)
        keep = listing or _CONFIRM_FIRST.search(piece) or _ELIGIBILITY.search(piece) and not _PURPOSE.match(piece) \
            and not _OTHERS_DUTY.match(piece)
        if piece == "。":
            listing = False
        elif keep and INLINE_REQUIREMENTS.search(piece):
            listing = True
        out.append(piece if keep or piece in "。；;" else " " * len(piece))
    return "".join(out)


# 机关、事业单位和国有企业拖欠中小企业的账款，应当…支付: a duty of payers or agencies, not whom an item is for
_OTHERS_DUTY = re.compile(r"\s*(?:[^，。；]{2,12}[。.]\s*)?(?:各级|各类)?(?:机关|事业单位|政府|部门|大型企业)[^，。；]{0,24}?[，,]?\s*(?:应当|须|要|不得)")


# 为落实…，加大对…小微企业的支持力度: the aim of a document, not whom it binds.
_PURPOSE = re.compile(
    r"\s*(?:为了?|为进一步|根据|按照|依据)[^，。；]{2,40}[，,](?![^。；]*(?:给予|予以|减按|免征|补贴|奖励))"
    r"[^。；]*?(?:力度|支持|发展|要求|精神|实际|如下)"
)
