"""Term definitions (本措施所称规模以上工业企业，是指…): they bind the items that use the term, not all items."""

from __future__ import annotations

import re

__all__ = ["DEFINITION", "blank_definitions", "defined_term", "definition_kind", "term_is_used"]

DEFINITION = re.compile(
    r"(?:所称(?P<term>[^，。；\s]{2,24}?)[，,]?\s*(?:是|系|均|皆|都)?(?P<kind>指|包括|含|涵盖|按照?|依照)"
    # 本细则下列用语的含义：（一）夜间经营主体，是指… / （一）生存型，指…: a numbered entry of a list of definitions
    r"|(?:^|(?<=\n))\s*[（(][一二三四五六七八九十0-9]{1,3}[）)]\s*(?![^，。；\n]*所称)(?P<listed>[^，。；\s]{2,16}?)[，,]\s*(?:是|系)?(?P<means>指))"
    r"(?P<body>[^。；\n]*)"
)


def defined_term(m: re.Match[str]) -> str:
    """The term a DEFINITION match defines."""
    return m.group("term") or m.group("listed")


def definition_kind(m: re.Match[str]) -> str:
    """指 for a definition proper; 包括 / 按照 … for a list of members or a method."""
    return m.group("kind") or m.group("means")
_SENTENCE = re.compile(r"[^。；;]+")


_OPENS_DEFINITION = re.compile(r"^\s*(?!本)[^，。；\s的]{2,12}?[，,]\s*(?:是|系)?指")  # a listed entry's own text: 首店，是指…


def blank_definitions(text: str) -> str:
    """``text`` with every sentence that defines a term blanked out (offsets kept)."""
    return _SENTENCE.sub(lambda m: " " * len(m.group(0)) if DEFINITION.search(m.group(0))
                         or _OPENS_DEFINITION.match(m.group(0)) else m.group(0), text)


def term_is_used(term: str, text: str) -> bool:
    """Whether an item's text uses a defined term (规模以上工业企业, 小型微利企业), or one of the terms a
    definition names together (所称企业、个体工商户，均指…)."""
    text = re.sub(r"[“”\"]", "", text)
    return any(t and t in text for t in re.split(r"[、和及与]", re.sub(r"[“”\"]", "", term)))
