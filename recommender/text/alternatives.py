"""Alternatives joined across phrases (…新设立的企业，或者出口额不超过…的企业) as one any_of."""

from __future__ import annotations

import re
from dataclasses import replace

from recommender.rules.schema import Condition
from recommender.text.condition_patterns import INDUSTRY_FRAME, NO_LEAD, Hit
from recommender.text.phrases import (
    NEGATED_LEAD,
    NOT_REQUIREMENT,
    TRIM,
    or_branches,
    requirement_text,
)

__all__ = ["or_across_phrases", "or_within_phrase", "to_condition"]


def to_condition(hit: Hit, text: str, base: int, clause: str) -> Condition:
    start = min(hit.lead, hit.start)
    return Condition(
        op=hit.op, field=hit.field, value=hit.value, text=text[start:hit.end],
        clause=clause, span=(base + start, base + hit.end), confidence=hit.confidence,
    )


_DOMAIN = re.compile(r"\s*(?:当)?中(?![小型国央心级])")  # 小型、微型企业中…: the pool the alternatives come from


def _checks_branch(hit: Hit, branch: str, branch_start: int) -> bool:
    """Whether a hit checks an alternative: numbers need their field words, industries a frame."""
    if hit.lead != NO_LEAD and not branch_start <= hit.lead < hit.start:
        return False  # a bare bound (五项以上) whose field words belong to another alternative
    return hit.field != "industry" or bool(INDUSTRY_FRAME.search(branch))


_ONE_OF = re.compile(r"\s*(?:等)?(?:企业|单位)?(?:之一|中的一种|其中一种|其中之一)")
_LISTED = re.compile(r"\s*(?:、|或者|或|和)\s*")


def or_across_phrases(head: str, hits: list[Hit], words: str, offset: int, clause: str,
                      negated: bool = False) -> list[Condition]:
    """An any_of over alternatives joined by ，或者 (checkable ones per hit, the rest unknown), else [].

    ``negated`` (a case of an exclusion list): either alternative rules the firm out, so each is a
    requirement of its own."""
    branches = or_branches(head)
    if len(branches) < 2 or NEGATED_LEAD.search(head, 0, branches[0][1]):
        return []
    shared = [h for h in hits if h.subject and h.end <= branches[0][1] and _DOMAIN.match(head, h.end)]
    if shared:
        branches[0] = (_DOMAIN.match(head, shared[-1].end).end(), branches[0][1])
    shared += [h for h in hits if h.field == "region_code" and h not in shared]  # 2024年以后在海口市新设立，
    # 或者从外地整体迁入: where the firm is, whichever case it is
    children: list[Condition] = []
    for s, e in branches:
        inside = [h for h in hits if s <= h.start and h.end <= e and h not in shared]
        if len(inside) > 1 and _ONE_OF.match(head, inside[-1].end) and all(
                _LISTED.fullmatch(head[a.end:b.start]) for a, b in zip(inside, inside[1:], strict=False)):
            children.extend(to_condition(h, words, offset, "") for h in inside)  # …，或者属于A、B之一
            continue
        if len(inside) > 1:
            return []
        if inside and _checks_branch(inside[0], head[s:e], s):
            children.append(to_condition(inside[0], words, offset, ""))
            continue
        text = requirement_text(words[s:e])
        if len(text) < 4 or NOT_REQUIREMENT.search(text):
            return []
        children.append(Condition(op="unknown", text=text, span=(offset + s, offset + e), confidence=0.5))
    if all(c.op == "unknown" for c in children):
        return []  # no field checks any of them: read as a leftover requirement
    start, end = branches[0][0], branches[-1][1]
    if negated:  # 有下列情形之一的不予受理：企业被列为失信被执行人，或者其法定代表人…的
        return [*(to_condition(h, words, offset, clause) for h in shared), *(replace(c, clause=clause) for c in children)]
    return [*(to_condition(h, words, offset, clause) for h in shared), Condition(
        op="any_of", any_of=tuple(children), clause=clause, span=(offset + start, offset + end),
        text=TRIM.sub("", words[start:end]), confidence=0.7)]


# …新注册或者由区外整体迁入的软件企业: one 或者 inside a phrase, before the subject both sides share.
_INNER_OR = re.compile(r"(?<![，,、])(?:或者|或是|或)(?!其他|其它|以上|以下|之一|其|者)")
_SUBJECT_TAIL = re.compile(r"的[^的，,。；;]{0,16}$")
_REQUIREMENT_VERB = re.compile(r"迁入|引进|设立|取得|获得|通过|拥有|认定|入选|落户|开展|实施|建成|签订|纳入|完成")


def or_within_phrase(head: str, hits: list[Hit], words: str, offset: int, clause: str,
                     negated: bool = False) -> tuple[list[Condition], list[Hit], tuple[int, int]] | None:
    """An any_of when one side of a phrase's 或者 is checked by one hit and the other by none (2025年以后新注册
    或者由区外整体迁入的企业): (the any_of, the hits it uses, the span of the side no field checks), else None.
    In a case that is ruled out (``negated``) the two sides are two requirements instead."""
    ors = list(_INNER_OR.finditer(head))
    if len(ors) != 1:
        return None
    at = ors[0]
    tail = _SUBJECT_TAIL.search(head, at.end())
    right_end = tail.start() if tail else len(head)
    left_start = max(head.rfind(c, 0, at.start()) for c in "，,；;") + 1
    inner = [h for h in hits if h.field != "region_code" and left_start <= h.start and h.end <= right_end]
    left = [h for h in inner if h.end <= at.start()]
    right = [h for h in inner if h.start >= at.end()]
    if len(left) + len(right) != 1:
        return None
    hit = (left or right)[0]
    side = (at.end(), right_end) if left else (left_start, at.start())
    text = requirement_text(words[side[0]:side[1]])
    if len(text) < 4 or not (negated or _REQUIREMENT_VERB.search(text)) or NOT_REQUIREMENT.search(text) \
            or text.endswith("级"):
        return None  # 新认定为市级或者国家级农业产业化龙头企业: two levels of one title, not two requirements
    checked = to_condition(hit, words, offset, "")
    other = Condition(op="unknown", text=text, span=(offset + side[0], offset + side[1]), confidence=0.5)
    if negated:  # 被列入失信被执行人名单或者严重失信主体名单的 (不予支持): either rules the firm out, so each is required
        return [replace(checked, clause=clause), replace(other, clause=clause)], [hit], side
    members = (checked, other) if left else (other, checked)
    span = (min(hit.start, side[0]), max(hit.end, side[1]))
    group = Condition(op="any_of", any_of=members, clause=clause, span=(offset + span[0], offset + span[1]),
                      text=TRIM.sub("", words[span[0]:span[1]]), confidence=0.6)
    return [group], [hit], side
