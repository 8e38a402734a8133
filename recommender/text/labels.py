"""Labels written inline or with an arrow, rewritten as the label lines the structure reader knows.

Calendars, flyers and slides often end a line's label with an arrow instead of a colon (对象▶…), so the arrow
after a short label at the start of a line becomes a colon. A notice may also run an item's labels along one
line (1）研发奖励——对象：…；条件：…；标准：…); when a line holds two or more such labels, each starts a line of
its own. Each rewrite puts one character for one, so every offset holds.
"""

from __future__ import annotations

import re

from recommender.text.headings import heading_role

__all__ = ["arrow_labels", "inline_labels"]

_ARROW_LABEL = re.compile(r"(?m)^([ \t\u3000]*[\u4e00-\u9fff]{2,8}[ \t]*)[▶►➤➜→⇒]")


def arrow_labels(text: str) -> str:
    """``text`` with each line-opening label's arrow written as a colon."""
    return _ARROW_LABEL.sub(lambda m: m.group(1) + "：", text)


_TERM_WORD = re.compile(r"(?:对象|条件|要求|标准|额度|期限|利率)$")
_INLINE_LABEL = re.compile(r"(——|[；;。])\s*([\u4e00-\u9fff]{2,6})[：:]")


def inline_labels(text: str) -> str:
    """``text`` with each run of two or more inline labels (——对象：…；条件：…) broken onto lines of their own."""
    if "：" not in text and ":" not in text:
        return text
    lines = text.split("\n")
    for n, line in enumerate(lines):
        found = [m for m in _INLINE_LABEL.finditer(line) if heading_role(m.group(2)) or _TERM_WORD.search(m.group(2))]
        if len(found) >= 2:
            for m in reversed(found):
                a, b = m.span(1)
                line = line[:a] + "\n" + " " * (b - a - 1) + line[b:]
            lines[n] = line
    return "\n".join(lines)
