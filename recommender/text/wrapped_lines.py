"""Lines a PDF, a scan or a mail client broke at a fixed width, joined back into sentences.

A text copied out of a PDF or a scan (pasted into the page, saved as .txt or .md) keeps the page's line breaks:
``对在我区建设连片制`` / ``种基地3000亩以上…``. Read line by line, a requirement is cut in two and the tail looks
like a new clause. When most full-width lines of a text break off in mid-sentence, each such line is joined to
the next one — unless the next one starts a clause (一、/（二）/3./①/第五条), is indented deeper (a new
paragraph) or the line before ends a sentence. Page numbers (``- 2 -``, ``第3页``) and the running header repeated
after each go first, so a sentence goes on over a page break.
"""

from __future__ import annotations

import re

from recommender.text.phrases import display_width

__all__ = ["joined_lines", "unwrapped"]

# A line that starts a new clause or list entry, never the tail of the line before it.
_STRUCTURE_START = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[条章节款项]|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+[、．.]|[①-⑳]|附件|附则|[#|>*•●◆■□▶-])"
)
_SENTENCE_END = tuple("。；：！？…”’」』）)】|")

# — 2 — / 第2页 on a line of its own: a page number a PDF's text carries into a plain file (not a bare digit,
# which may be a list entry)
_PAGE_MARK = re.compile(r"^\s*(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?)\s*$")


def _indent(line: str) -> int:
    return display_width(line) - display_width(line.lstrip(" \t\u3000"))


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether a text was wrapped at a fixed width: many lines end within a character of the longest, or most
    of the lines near the common full width (the 80th percentile, digits being narrower than characters) break
    off in mid-sentence while other lines do end sentences (so it is no list of one-line entries)."""
    kept = [ln.rstrip() for ln in lines if ln.strip() and not ln.lstrip().startswith("|")]
    if len(kept) < 10:
        return False
    lengths = [len(ln) for ln in kept]
    longest = max(lengths)
    if longest <= 100 and sum(n >= longest - 1 for n in lengths) >= max(5, 0.15 * len(lengths)):
        return True
    widths = sorted(display_width(ln) for ln in kept)
    full = widths[int(len(widths) * 0.8)]
    wide = [ln for ln in kept if display_width(ln) >= full - max(4, full * 0.12)]
    broken = [ln for ln in wide if not ln.endswith(_SENTENCE_END)]
    ended = sum(ln.endswith(_SENTENCE_END) for ln in kept)
    return (full <= 200 and len(wide) >= max(5, 0.45 * len(kept)) and len(broken) * 2 > len(wide)
            and ended >= max(2, 0.1 * len(kept)))


def _without_page_marks(lines: list[str]) -> list[str]:
    """Lines without page numbers and without the running header repeated after each (a line of the first
    five that comes back right after a page number)."""
    head = {ln.strip() for ln in [ln for ln in lines if ln.strip()][:5]}
    out: list[str] = []
    after_mark = 0  # 1: a page number was just read; 2: and the running header after it
    for line in lines:
        if _PAGE_MARK.match(line):
            while out and not out[-1].strip():
                out.pop()  # the page's trailing blank lines: the sentence may go on over the page
            after_mark = 1
            continue
        if after_mark and not line.strip():
            continue
        if after_mark == 1 and line.strip() in head:
            after_mark = 2
            continue
        after_mark = 0
        out.append(line)
    return out


def joined_lines(lines: list[str]) -> list[str]:
    """Re-join lines broken in mid-sentence (a full-width line not ending a sentence, the next line no new
    clause and no deeper-indented paragraph start)."""
    widths = sorted(display_width(ln.rstrip()) for ln in lines if ln.strip())
    if not widths:
        return lines
    full = widths[int(len(widths) * 0.9)] * 0.8
    out: list[str] = []
    last = ""  # the previous line as written (its indent, not that of the paragraph it was joined to)
    for raw in lines:
        line, prev = raw, (out[-1].rstrip() if out else "")
        if (
            prev
            and line.strip()
            and display_width(last.rstrip()) >= full
            and not prev.endswith(_SENTENCE_END)
            and not _STRUCTURE_START.match(line.lstrip(" \t\u3000"))
            and _indent(line) <= _indent(last)
        ):
            line = line.lstrip(" \t\u3000")
            sep = " " if prev[-1].isascii() and prev[-1].isalpha() and line[0].isascii() and line[0].isalpha() else ""
            out[-1] = prev + sep + line
        else:
            out.append(line)
        last = raw if raw.strip() else ""
    return out


def unwrapped(text: str) -> str:
    """``text`` without page marks and with its fixed-width line breaks joined, when it was wrapped."""
    lines = text.split("\n")
    paged = any(_PAGE_MARK.match(ln) for ln in lines)
    if paged:
        lines = _without_page_marks(lines)
    if _hard_wrapped(lines):
        return "\n".join(joined_lines(lines))
    return "\n".join(lines) if paged else text
