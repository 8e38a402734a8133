"""The process-wide spaCy pipeline: blank zh with the jieba segmenter and the policy components."""

from __future__ import annotations

import logging
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from recommender.errors import PolicyMatchError
from recommender.text.lexicon import userdict_path

__all__ = ["SEGMENTERS", "COMPONENTS", "build_nlp", "get_nlp", "load_userdict"]

SEGMENTERS = frozenset({"jieba"})
COMPONENTS = ("policy_structure", "policy_items", "policy_conditions", "policy_benefits")

for _name, _default in (("meta", None), ("source", None), ("structure", None), ("items", None),
                        ("item_conditions", None), ("item_benefits", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@cache
def load_userdict() -> int:
    """Load the domain user dictionary into jieba once; returns the number of words added."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not for our users
    count = 0
    with open(userdict_path(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            jieba.add_word(parts[0], freq=freq, tag=parts[2] if len(parts) > 2 else None)
            count += 1
    return count


@Language.factory("policy_structure")
def _structure_factory(nlp: Language, name: str):
    from recommender.text.offers import offer_paragraph, offer_segments
    from recommender.text.structure import parse_structure

    def component(doc: Doc) -> Doc:
        meta = doc._.meta or {}
        text = doc._.source if doc._.source is not None else doc.text  # Doc.text is rebuilt per call
        doc._.structure = parse_structure(text, meta.get("title"), offer_segments, offer_paragraph)
        return doc

    return component


@Language.factory("policy_items")
def _items_factory(nlp: Language, name: str):
    from recommender.text.items import plan_items

    def component(doc: Doc) -> Doc:
        structure = doc._.structure
        title = (doc._.meta or {}).get("title") or structure.title
        doc._.items = plan_items(structure, title)
        return doc

    return component


@Language.factory("policy_conditions")
def _conditions_factory(nlp: Language, name: str):
    from recommender.text.condition_patterns import load_tables
    from recommender.text.item_conditions import conditions_per_item

    load_tables()

    def component(doc: Doc) -> Doc:
        region = (doc._.meta or {}).get("region_code")
        doc._.item_conditions = conditions_per_item(
            doc._.structure, doc._.items, None if region in (None, "") else str(region)
        )
        return doc

    return component


@Language.factory("policy_benefits")
def _benefits_factory(nlp: Language, name: str):
    from recommender.text.benefits import find_benefits

    def component(doc: Doc) -> Doc:
        text = doc._.structure.text
        # a table row's cells read as sentences of their own (| 条件 | 标准 |)
        doc._.item_benefits = [find_benefits((text[p.start:p.end] + ("\n" + text[p.offer[0]:p.offer[1]] if p.offer else ""))
                                             .replace("|", "；")) for p in doc._.items]
        return doc

    return component


def build_nlp(segmenter: str = "jieba") -> Language:
    """A blank Chinese pipeline with ``segmenter`` and the policy components, built from config."""
    if segmenter not in SEGMENTERS:
        raise PolicyMatchError(
            "T101", f"不支持的分词器“{segmenter}”，可用：{'、'.join(sorted(SEGMENTERS))}"
        )
    load_userdict()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp


@cache
def get_nlp() -> Language:
    """The process-wide pipeline, built once."""
    return build_nlp("jieba")
