"""Term definitions (本措施所称规模以上工业企业，是指…): they bind the items that use the term, not all items."""

from __future__ import annotations

import re

__all__ = ["DEFINITION", "blank_definitions", "term_is_used"]

DEFINITION = re.compile(
    r"所称(?P<term>[^，。；\s]{2,24}?)[，,]?\s*(?:是|系|均|皆|都)?(?P<kind>指|包括|含|涵盖|按照?|依照)(?P<body>[^。；]*)"
)
_SENTENCE = re.compile(r"[^。；;]+")


def blank_definitions(text: str) -> str:
    """``text`` with every sentence that defines a term blanked out (offsets kept)."""
    return _SENTENCE.sub(lambda m: " " * len(m.group(0)) if DEFINITION.search(m.group(0)) else m.group(0), text)


def term_is_used(term: str, text: str) -> bool:
    """Whether an item's text uses a defined term (规模以上工业企业, 小型微利企业), or one of the terms a
    definition names together (所称企业、个体工商户，均指…)."""
    text = re.sub(r"[“”\"]", "", text)
    return any(t and t in text for t in re.split(r"[、和及与]", re.sub(r"[“”\"]", "", term)))
