"""Policy records exported as JSON by a portal's interface, printed as the labelled text a document would be.

A policy platform's open interface returns its entries as JSON: a list of records, one per support, each with
a name, its applicants, conditions and standard in fields keyed in English or by pinyin initials
(``"zcmc"``, ``"sbtj"``), a ``\\n`` between numbered conditions, and sometimes a note shared by every record
beside the list. Pasted into a document, that is no text the reader knows, so each record becomes a
``#### name`` heading over ``label：value`` lines (keys looked up in the lexicon's ``record_keys``; codes, phones,
links and timestamps dropped), the shared notes before them. Text around the JSON is kept.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from recommender.text.lexicon import patterns

__all__ = ["json_records"]

_HAN = re.compile(r"[\u4e00-\u9fff]")
_START = re.compile(r"(?m)^[ \t]*[\[{]")


@cache
def _labels() -> dict[str, str]:
    return {key.lower(): label for label, keys in patterns()["record_keys"].items() for key in keys}


def _records(value: Any) -> list[dict] | None:
    """The longest list of records (objects with a Chinese string value) anywhere in ``value``."""
    best: list[dict] | None = None
    if isinstance(value, list) and len(value) >= 1 and all(isinstance(v, dict) for v in value) and any(
            isinstance(x, str) and _HAN.search(x) for v in value for x in v.values()):
        best = value
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for child in children:
        found = _records(child)
        if found and (best is None or len(found) > len(best)):
            best = found
    return best


def _lines(record: dict) -> list[str]:
    """A record's Chinese string fields as label lines, its name first as a heading."""
    labels = _labels()
    named = [v for k, v in record.items() if labels.get(k.lower()) == "name" and isinstance(v, str) and v.strip()]
    out = [f"#### {named[0].strip()}"] if named else []
    for key, value in record.items():
        label = labels.get(key.lower(), key)
        if label in ("", "name") or not isinstance(value, str) or not _HAN.search(value):
            continue
        value = value.strip()
        out.append(f"{label}：\n{value}" if "\n" in value else f"{label}：{value}")
    return out


def _shared(document: Any, records: list[dict]) -> list[str]:
    """Label lines for the Chinese string fields of the objects that hold the record list (notes for all)."""
    out: list[str] = []
    if isinstance(document, dict):
        if any(v is records for v in document.values()) or any(_records(v) is records for v in document.values()):
            labels = _labels()
            for key, value in document.items():
                label = labels.get(key.lower(), key)
                if isinstance(value, str) and _HAN.search(value) and label not in ("", "name"):
                    out.append(f"{label}：{value.strip()}")
            for value in document.values():
                if isinstance(value, dict):
                    out.extend(_shared(value, records))
    return out


def json_records(text: str) -> str:
    """``text`` with a JSON export of policy records written as headed, labelled lines."""
    if '"' not in text:
        return text
    for m in _START.finditer(text):
        try:
            document, end = json.JSONDecoder().raw_decode(text, m.end() - 1)
        except ValueError:
            continue
        records = _records(document)
        if not records:
            continue
        lines = _shared(document, records)
        for record in records:
            lines.extend(["", *_lines(record)])
        return text[:m.start()] + "\n".join(lines) + "\n" + json_records(text[end:])
    return text
