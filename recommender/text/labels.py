"""Labels set off by an arrow (对象▶… / 条件►… / 标准➤…) read as labels set off by a colon.

Calendars, flyers and slides often end a line's label with an arrow instead of a colon. The structure reader
knows ``对象：…`` lines, so the arrow after a short label at the start of a line becomes a colon (one
character for one, so every offset holds).
"""

from __future__ import annotations

import re

__all__ = ["arrow_labels"]

_ARROW_LABEL = re.compile(r"(?m)^([ \t\u3000]*[\u4e00-\u9fff]{2,8}[ \t]*)[▶►➤➜→⇒]")


def arrow_labels(text: str) -> str:
    """``text`` with each line-opening label's arrow written as a colon."""
    return _ARROW_LABEL.sub(lambda m: m.group(1) + "：", text)
