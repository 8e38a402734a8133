"""The policy corpus: each document's reviewed rule file wins, else extraction drafts its rules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from recommender.errors import PolicyMatchError
from recommender.rules.reviewed import policy_from_files
from recommender.rules.schema import Policy
from recommender.text.loaders import Document, document_paths, load_document

__all__ = ["load_corpus", "load_policy", "extract_document"]


def extract_document(doc: Document) -> Policy:
    """Unreviewed rules read from a document's text by the extractor."""
    from recommender.text.extract import extract_policy

    return extract_policy(doc.text, doc.policy_id, doc.meta)


def load_policy(path: str | Path) -> Policy:
    """One policy: from ``<stem>.yaml`` beside the document when present, else extracted."""
    path = Path(path)
    doc = load_document(path)
    rules = path.with_suffix(".yaml")
    if rules.exists():
        return policy_from_files(doc, rules)
    return extract_document(doc)


def load_corpus(
    folder: str | Path,
    *,
    extract_missing: bool = True,
    on_error: Callable[[Path, PolicyMatchError], None] | None = None,
) -> list[Policy]:
    """Every policy document of ``folder``, sorted by id; without ``extract_missing`` only reviewed ones.

    With ``on_error`` a document that cannot be read is reported to it and skipped; without, the
    coded error propagates.
    """
    policies: list[Policy] = []
    for path in document_paths(folder):
        if not (path.with_suffix(".yaml").exists() or extract_missing):
            continue
        try:
            policies.append(load_policy(path))
        except PolicyMatchError as exc:
            if on_error is None:
                raise
            on_error(path, exc)
    return policies
