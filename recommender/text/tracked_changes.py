"""A draft's tracked changes read as accepted: inserted words in, deleted words and reviewers' comments out.

A draft circulated for comment carries its revisions: Word's 修订 converted by pandoc
(``[B级以上]{.insertion author=… date=…}``, ``[A级]{.deletion …}``, ``[意见]{.comment-start …}…[]{.comment-end …}``)
or HTML's ``<ins>``/``<del>``. The wording in force once every change is accepted is what a drafter tests, so
an insertion keeps its words, a deletion and a comment go (a deleted item goes with its number).
"""

from __future__ import annotations

import re

__all__ = ["accepted"]

_PANDOC_SPAN = re.compile(
    r"\[(?P<body>[^\[\]]*)\]\{\.(?P<kind>insertion|deletion|comment-start|comment-end|paragraph-insertion"
    r"|paragraph-deletion)(?:\s[^{}]*)?\}"
)
_HTML_CHANGE = re.compile(r"<(?P<kind>ins|del)(?:\s[^<>]*)?>(?P<body>.*?)</(?P=kind)>", re.S)


def _kept(m: re.Match[str]) -> str:
    return m.group("body") if m.group("kind") in ("insertion", "ins") else ""


def accepted(text: str) -> str:
    """``text`` with every tracked change accepted and every comment dropped."""
    if "]{." in text:
        while True:  # an insertion may hold a deletion: innermost first
            text, n = _PANDOC_SPAN.subn(_kept, text)
            if not n:
                break
    if "</ins>" in text or "</del>" in text:
        text = _HTML_CHANGE.sub(_kept, text)
    return text
