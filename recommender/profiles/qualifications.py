"""Qualification names (高新技术企业, 专精特新...): aliases to canonical names."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import pandas as pd

__all__ = ["qualification_table", "canonical_qualification", "normalise_qualifications"]

_SEPARATORS = re.compile(r"[;；、,，]")
_IGNORED = re.compile(r"[\s\"'“”‘’「」『』]")


def _key(name: str) -> str:
    return _IGNORED.sub("", name)


@cache
def qualification_table() -> pd.DataFrame:
    """Every known alias (``alias``) with its canonical name (``canonical``)."""
    with (
        resources.files("recommender.profiles")
        .joinpath("data/qualifications.csv")
        .open(encoding="utf-8") as fh
    ):
        return pd.read_csv(fh, dtype=str, comment="#")


@cache
def _aliases() -> dict[str, str]:
    table = qualification_table()
    return {_key(a): c for a, c in zip(table["alias"], table["canonical"], strict=True)}


def canonical_qualification(name: str) -> str:
    """The canonical name of a qualification; unknown names come back trimmed, as written."""
    name = name.strip()
    return _aliases().get(_key(name), name)


def normalise_qualifications(raw: str) -> str:
    """Split a qualification list, map aliases to canonical names, dedupe, join with ``;``."""
    seen: dict[str, None] = {}
    for part in _SEPARATORS.split(raw):
        if part.strip():
            seen.setdefault(canonical_qualification(part), None)
    return ";".join(seen)
