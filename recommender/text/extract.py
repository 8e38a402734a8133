"""Extraction entry point: policy text → an unreviewed :class:`Policy` with items and conditions."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from spacy.language import Language

from recommender.rules.schema import Policy, SupportItem
from recommender.text.comparison_tables import rows_per_product
from recommender.text.condition_codes import condition_codes
from recommender.text.csv_tables import csv_tables
from recommender.text.email_quotes import email_quotes
from recommender.text.fixed_width_tables import fixed_width_tables
from recommender.text.grid_tables import grid_tables
from recommender.text.html_tables import pipe_tables
from recommender.text.json_records import json_records
from recommender.text.labels import arrow_labels, banner_headings, inline_labels, reference_marks
from recommender.text.linear_tables import linear_tables
from recommender.text.matrix_tables import requirement_matrices
from recommender.text.notice_furniture import notice_furniture
from recommender.text.ocr_repairs import ocr_repaired
from recommender.text.pipeline import get_nlp
from recommender.text.revisions import quotes_opened, revised_only
from recommender.text.tab_tables import tab_tables
from recommender.text.tracked_changes import accepted
from recommender.text.translations import translations_blanked
from recommender.text.validity import find_validity
from recommender.text.wrapped_lines import unwrapped

__all__ = ["extract_policy", "half_width", "prepared"]


def _iso(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


_FULL_WIDTH = str.maketrans({chr(c): chr(c - 0xFEE0) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                               *range(0xFF41, 0xFF5B), 0xFF05)})
_WIDE_POINT = re.compile(r"(?<=[0-9０-９])．(?=[0-9０-９])")


def half_width(text: str) -> str:
    """Full-width digits, Latin letters and ％ as ASCII (２０２５年, Ｄ级, ５０万元): one character each, so every
    offset holds; a full-width point between digits (１．５倍) as a decimal point."""
    return _WIDE_POINT.sub(".", text).translate(_FULL_WIDTH)


# Each rewrites one layout into what the reader expects, in this order: a portal's JSON records as labelled
# text, an e-mail thread's quotes unquoted, tracked changes accepted, lines broken at a page width joined,
# full-width characters, banners, arrow and inline labels, a notice's furniture, tables in every form the corpus
# meets (one cell per line, aligned with spaces, grids, CSV, TABs, HTML) into pipe tables, condition codes
# written out, a scan's stray spaces and misreads, then requirement matrices, translations, revision tables, an
# amendment's quoted articles and product-per-column tables.
_PREPARERS = (json_records, email_quotes, accepted, unwrapped, half_width, banner_headings, arrow_labels, inline_labels, reference_marks, notice_furniture, linear_tables, fixed_width_tables, grid_tables, csv_tables, tab_tables, pipe_tables,
              condition_codes, ocr_repaired, requirement_matrices, translations_blanked, revised_only, quotes_opened, rows_per_product)


def prepared(text: str) -> str:
    """A policy text in the layout the pipeline reads (what every span and clause address refers to)."""
    for prepare in _PREPARERS:
        text = prepare(text)
    return text


def extract_policy(
    text: str, policy_id: str, meta: dict | None = None, *, nlp: Language | None = None
) -> Policy:
    """Read support items, conditions, benefits and validity from a policy text (unreviewed)."""
    meta = dict(meta or {})
    nlp = nlp or get_nlp()
    text = prepared(text)
    doc = nlp.make_doc(text)
    doc._.meta = meta
    doc._.source = text
    for _, component in nlp.pipeline:
        doc = component(doc)
    structure = doc._.structure
    published = _iso(meta.get("published"))
    text_from, text_until = find_validity(text, published)
    items = []
    for n, (plan, (conditions, assumed), benefits) in enumerate(
        zip(doc._.items, doc._.item_conditions, doc._.item_benefits, strict=True), 1
    ):
        items.append(SupportItem(
            item_id=f"{policy_id}#{n}", kind=plan.kind, name=plan.name,
            conditions=tuple(conditions), benefits=tuple(benefits), assumed=tuple(assumed),
            clause=plan.clause.address, text=text[plan.start:plan.end].strip(),
        ))
    region = meta.get("region_code")
    return Policy(
        policy_id=policy_id,
        title=str(meta.get("title") or structure.title or policy_id),
        items=tuple(items),
        issuer=meta.get("issuer"),
        doc_number=meta.get("doc_number"),
        region_code=None if region in (None, "") else str(region),
        published=published,
        valid_from=_iso(meta.get("valid_from")) or text_from,
        valid_until=_iso(meta.get("valid_until")) or text_until,
        reviewed=False,
        sources=tuple(str(s) for s in meta.get("sources") or ()),
        text=text,
    )
