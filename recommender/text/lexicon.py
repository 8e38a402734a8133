"""The domain lexicon under ``policies/lexicon/``: jieba user dictionary and phrase tables."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from recommender.errors import PolicyMatchError
from recommender.settings import PROJECT_ROOT

__all__ = ["lexicon_dir", "patterns", "userdict_path"]


def lexicon_dir() -> Path:
    """Folder of the lexicon files: ``POLICY_MATCH_LEXICON`` or ``policies/lexicon`` of the checkout."""
    folder = Path(os.environ.get("POLICY_MATCH_LEXICON", PROJECT_ROOT / "policies" / "lexicon"))
    if not (folder / "userdict.txt").is_file() or not (folder / "patterns.yaml").is_file():
        raise PolicyMatchError(
            "T102", f"找不到领域词典目录 {folder}（需要 userdict.txt 和 patterns.yaml）"
        )
    return folder


def userdict_path() -> Path:
    """The jieba user dictionary file."""
    return lexicon_dir() / "userdict.txt"


@cache
def patterns() -> dict[str, Any]:
    """The phrase tables of ``patterns.yaml`` (section roles, boilerplate, size words, cues...)."""
    with open(lexicon_dir() / "patterns.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)
