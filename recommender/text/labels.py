"""Labels written inline, with an arrow or as reference marks, rewritten as the forms the structure reader knows.

Calendars, flyers and slides often end a line's label with an arrow instead of a colon (对象▶…), so the arrow
after a short label at the start of a line becomes a colon. A notice may run an item's labels along one line
(1）研发奖励——对象：…；条件：…；标准：…); when a line holds two or more such labels, each starts a line of its
own. A list may give each item as one line of bracket labels (【政策名称】…【适用对象】…【申报条件】…); each label
then starts a line, the name as the item's heading. A title set between rules (==== 工作表2 ====, —— 选择项目A后
显示 ——) is a section's heading. Reference marks (※1 after a phrase, ※1 指… in the notes)
become the circled numbers the footnote reader knows (①).
"""

from __future__ import annotations

import re

from recommender.text.headings import heading_role

__all__ = ["arrow_labels", "banner_headings", "inline_labels", "reference_marks"]

# ==== 工作表2：兑现事项 ==== / —— 选择“项目A”后显示 ——: a short title between rules, a section's heading
_WORDY = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")  # (a line of rules alone, ————————, is no banner)
_BANNER = re.compile(r"(?m)^[ \t]*[—=~·-]{2,}[ \t]*(\S[^\n]{0,30}?\S)[ \t]*[—=~·-]{2,}[ \t]*$")


def banner_headings(text: str) -> str:
    """``text`` with each title set between rules (``==== 标题 ====``, ``—— 标题 ——``) written as a heading."""
    if "==" not in text and "——" not in text and "--" not in text:
        return text
    return _BANNER.sub(lambda m: "#### " + m.group(1) if _WORDY.search(m.group(1)) else m.group(0), text)

_ARROW_LABEL = re.compile(r"(?m)^([ \t\u3000]*[\u4e00-\u9fff]{2,8}[ \t]*)[▶►➤➜→⇒]")


def arrow_labels(text: str) -> str:
    """``text`` with each line-opening label's arrow written as a colon."""
    return _ARROW_LABEL.sub(lambda m: m.group(1) + "：", text)


_TERM_WORD = re.compile(r"(?:对象|条件|要求|标准|额度|期限|利率)$")
_INLINE_LABEL = re.compile(r"(——|[；;。])\s*([\u4e00-\u9fff]{2,6})[：:]")


_BRACKET_LABEL = re.compile(r"(?<=\S)(?=【[\u4e00-\u9fff]{2,8}】)")
_NAME_LABEL = re.compile(r"^\s*【(?:政策|项目|产品|事项|措施)?名称】\s*")


def _bracket_run(line: str) -> str:
    """A line of two or more 【label】 parts as one line per part, a leading 【政策名称】 part as the entry's heading."""
    if len(_BRACKET_LABEL.findall(line)) < 2:
        return line
    line = _BRACKET_LABEL.sub("\n", line)
    name = _NAME_LABEL.match(line)
    return "#### " + line[name.end():] if name else line


def inline_labels(text: str) -> str:
    """``text`` with each run of two or more inline labels (——对象：…；条件：…, or 【名称】…【条件】…) broken onto
    lines of their own."""
    if "】" in text:  # (a line break before each 【label】 after the first, the name as a heading: this rewrite
        text = "\n".join(_bracket_run(line) for line in text.split("\n"))  # alone changes the length)
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


_REFERENCE = re.compile(r"※\s?([1-9])")
_NOTE_LINE = re.compile(r"(?m)^[ \t\u3000]*※\s?[1-9]")


def reference_marks(text: str) -> str:
    """``text`` with ※1…※9 written as ①…⑨ (and a space), when some line opens with one (the notes)."""
    if "※" not in text or not _NOTE_LINE.search(text):
        return text
    return _REFERENCE.sub(lambda m: chr(0x2460 + int(m.group(1)) - 1) + " " * (len(m.group(0)) - 1), text)
