"""Support items of a document: which clauses offer something, item names and kinds, passages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from recommender.text.lexicon import patterns
from recommender.text.structure import Clause, Structure

__all__ = ["Passage", "ItemPlan", "clause_role", "plan_items", "condition_passages"]

_GRANT = re.compile(
    r"给予|予以|减按|免征|减半征收|免收|减免|加计扣除|退还|返还|一次性|即征即退|两免三减半|"
    r"(?:奖励|补助|补贴|资助|贴息)\s*[0-9一二三四五六七八九十百千]|提供[^，。；]{0,12}(?:贷款|担保|授信)"
)
_REFERENCE = re.compile(r"享受|不得|不予|不适用|不纳入|不再|停止|规定的|申请|申报|骗取|须|需")
_AGENCY = re.compile(
    r"^\s*(?:各|市|区|县|省|全市|全县)?[^，。；]{0,14}?(?:部门|机关|银行业金融机构|银行|运营机构|机构|委员会|"
    r"政府|局|委)(?:应当|要|负责|会同|按|不得|将|可|定期|加强)"
)
_PURPOSE = re.compile(r"^\s*(?:为了?|根据|依据|按照[^，。]{0,30}精神)[^。]*?(?:制定|通知如下|公告如下|如下|特制定)")
_INTRO = re.compile(r"(?:下列|以下|如下)[^，。；]{0,4}(?:条件|要求|情形|标准)")
_NEG_INTRO = re.compile(r"不予|不得|不支持|不属于|除外|不纳入|不享受|不适用")
_ANY_INTRO = re.compile(r"之一|任一|其中一项|任意一项")
_ELIGIBILITY = re.compile(
    r"适用于|所称|是指|不得申请|不得享受|不纳入|不适用|不予支持|不予受理|不属于本|除外|不含|不包括|"
    r"符合(?:下列|以下)|对象|条件|须|应当|必须|申请[^，。；]{0,16}的(?:企业|单位)"
)
_CREDIT = re.compile(r"贷款|授信|担保|贴息|信用贷|续贷|转贷|周转资金|过桥|信贷|保证保险|融资")
_NAME_TAIL = re.compile(r"[。：:，,；;].*$", re.S)


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


@dataclass(frozen=True)
class ItemPlan:
    """One support item: its clause, name, kind and text range."""

    clause: Clause
    name: str
    kind: str
    start: int
    end: int


@cache
def _role_words() -> dict[str, tuple[str, ...]]:
    return {role: tuple(words) for role, words in patterns()["section_roles"].items()}


def clause_role(structure: Structure, clause: Clause) -> str:
    """conditions, procedure, validity, purpose or body, from the headings above and the text."""
    for c in [*structure.ancestors(clause), clause][::-1]:
        heading = c.heading
        for role, words in _role_words().items():
            if heading and any(w in heading for w in words):
                return role
    own = structure.own_text(clause)
    if _PURPOSE.match(own):
        return "purpose"
    if re.search(r"有效期|起施行|起执行|执行至|负责解释|执行期限", own) and not _GRANT.search(own):
        return "validity"
    if _AGENCY.match(own):
        return "procedure"
    return "body"


def _is_measure(structure: Structure, clause: Clause) -> bool:
    own = structure.own_text(clause)
    for m in _GRANT.finditer(own):
        if not _REFERENCE.search(own[max(0, m.start() - 6):m.start()]):
            return True
    return False


def plan_items(structure: Structure, title: str) -> list[ItemPlan]:
    """One item per numbered measure that offers something; a single-measure document is one item."""
    clauses = structure.clauses
    roles = [clause_role(structure, c) for c in clauses]
    measures = [i for i, c in enumerate(clauses) if roles[i] == "body" and _is_measure(structure, c)]
    item_ids: list[int] = []
    for i in measures:
        node = i
        while True:
            parent = clauses[node].parent
            if parent is None or clauses[parent].kind in ("chapter", "section", "heading"):
                break
            inside = [j for j in measures if clauses[parent].start <= clauses[j].start < clauses[parent].end]
            if any(not (clauses[node].start <= clauses[j].start < clauses[node].end) for j in inside):
                break
            node = parent
        if node not in item_ids:
            item_ids.append(node)
    if len(item_ids) == 1 or not item_ids:
        return [_single_item(structure, title, roles, item_ids[0] if item_ids else None)]
    return [_plan(structure, clauses[i], _name(structure, clauses[i], title)) for i in item_ids]


def _single_item(structure: Structure, title: str, roles: list[str], index: int | None) -> ItemPlan:
    if index is None:
        index = next((i for i, r in enumerate(roles) if r == "body"), None)
    if index is None:
        text = structure.text
        return ItemPlan(_whole(structure), _title_name(title), _kind(text), 0, len(text))
    clause = structure.clauses[index]
    while clause.parent is not None and structure.clauses[clause.parent].kind not in (
        "chapter", "section", "heading"
    ):
        clause = structure.clauses[clause.parent]
    return _plan(structure, clause, _title_name(title))


def _whole(structure: Structure) -> Clause:
    return Clause("document", "", "", 0, 0, len(structure.text), len(structure.text))


def _plan(structure: Structure, clause: Clause, name: str) -> ItemPlan:
    text = structure.full_text(clause)
    return ItemPlan(clause, name, _kind(name + text), clause.start, clause.end)


def _kind(text: str) -> str:
    return "credit" if _CREDIT.search(text) else "incentive"


def _title_name(title: str) -> str:
    name = re.sub(r"^(?:关于|印发)+|的?(?:通知|公告|若干措施|实施细则|实施办法|管理办法|办法|细则|"
                  r"申报指南|实施方案|执行口径|有关事项|政策)+$", "", title.strip())
    name = re.sub(r"^.{0,12}?(?:市|县|区|省)(?=[^，。]{4,})", "", name) if len(name) > 14 else name
    return name or title or "支持事项"


def _name(structure: Structure, clause: Clause, title: str) -> str:
    if clause.heading:
        return clause.heading
    own = _NAME_TAIL.sub("", structure.own_text(clause).strip())
    return own[:24] if own else _title_name(title)


def condition_passages(structure: Structure, start: int, end: int, doc_level: bool) -> list[Passage]:
    """Passages of the clauses in [start, end) to read conditions from, with their context."""
    out: list[Passage] = []
    clauses = structure.clauses
    for clause in clauses:
        if not (start <= clause.start < end):
            continue
        role = clause_role(structure, clause)
        if role in ("procedure", "purpose", "validity"):
            continue
        parent = clauses[clause.parent] if clause.parent is not None else None
        parent_own = structure.own_text(parent) if parent else ""
        listed = parent is not None and bool(_INTRO.search(parent_own))
        strong = role == "conditions" or listed
        negated = listed and bool(_NEG_INTRO.search(parent_own))
        group = None
        if listed and _ANY_INTRO.search(parent_own):
            group = clause.parent
        own = structure.own_text(clause)
        if doc_level and role == "body" and not strong:
            own = _eligibility_only(own)
        out.append(Passage(own, clause.body_start, clause.address, strong, negated,
                           leaf=strong and not clause.children and not _INTRO.search(own),
                           group=group))
    if not clauses and doc_level:
        out.append(Passage(structure.text, 0, "", False, False, False))
    return out


def _eligibility_only(text: str) -> str:
    """``text`` with every sentence that states no eligibility blanked out (offsets kept)."""
    return re.sub(
        r"[^。；;]+", lambda m: m.group(0) if _ELIGIBILITY.search(m.group(0)) else " " * len(m.group(0)), text
    )
