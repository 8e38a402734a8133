"""Foreign-language translations printed beside a Chinese policy (中英对照) are left unread.

A bilingual notice follows each Chinese paragraph with its English rendering. The English states the same
conditions again, in words no Chinese pattern reads, so each line written in Latin script is blanked to
spaces of the same length: every offset into the text still holds, and the Chinese lines are read alone.
"""

from __future__ import annotations

import re

__all__ = ["translations_blanked"]

_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_MIN_LETTERS = 20  # a line with fewer Latin letters is a code, a unit or a name (A级, GEP, USD), not prose


def _translated(line: str) -> bool:
    """Whether ``line`` is prose in Latin script: many Latin letters and next to no Chinese characters."""
    latin = len(_LATIN.findall(line))
    return latin >= _MIN_LETTERS and len(_CJK.findall(line)) * 20 < latin


def translations_blanked(text: str) -> str:
    """``text`` with each line of Latin-script prose replaced by spaces (line breaks kept)."""
    if len(_LATIN.findall(text)) < _MIN_LETTERS:
        return text
    return "".join(re.sub(r"[^\r\n]", " ", line) if _translated(line) else line
                   for line in text.splitlines(keepends=True))
