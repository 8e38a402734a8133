"""Translations printed beside a Chinese policy (中英对照, 汉维/汉藏/汉蒙双语) are left unread.

A bilingual notice follows each Chinese paragraph with its rendering in English or in a minority language
(Uyghur and Kazakh in Arabic script, Tibetan, Mongolian, Yi, Korean). The translation states the same conditions
again, in words no Chinese pattern reads, so each line written in another script is blanked to spaces of the
same length: every offset into the text still holds, and the Chinese lines are read alone.
"""

from __future__ import annotations

import re

__all__ = ["translations_blanked"]

# letters of another script: Latin, Cyrillic, Arabic (Uyghur, Kazakh), Tibetan, Mongolian, Yi, Hangul
_LATIN = re.compile(r"[A-Za-z\u0400-\u04ff\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u0f00-\u0fff"
                    r"\u1800-\u18af\ua000-\ua4cf\uac00-\ud7af]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_MIN_LETTERS = 20  # a line with fewer such letters is a code, a unit or a name (A级, GEP, USD), not prose


def _translated(line: str) -> bool:
    """Whether ``line`` is prose in another script: many of its letters and next to no Chinese characters."""
    latin = len(_LATIN.findall(line))
    return latin >= _MIN_LETTERS and len(_CJK.findall(line)) * 20 < latin


def translations_blanked(text: str) -> str:
    """``text`` with each line of prose in another script replaced by spaces (line breaks kept)."""
    if len(_LATIN.findall(text)) < _MIN_LETTERS:
        return text
    return "".join(re.sub(r"[^\r\n]", " ", line) if _translated(line) else line
                   for line in text.splitlines(keepends=True))
