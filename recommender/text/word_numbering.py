"""The numbers Word draws before list paragraphs (auto-numbering), which paragraph text leaves out."""

from __future__ import annotations

from docx.oxml.ns import qn

__all__ = ["ListNumbers"]

_CN_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十; past 99 (no list runs so long) the digits."""
    if not 0 <= n < 100:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def _formatted(n: int, fmt: str) -> str:
    if fmt.startswith(("chinese", "ideograph", "japanese", "taiwanese")):
        return _chinese(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("bullet", "none"):
        return ""
    return str(n)  # decimal, decimalZero, decimalFullWidth and anything unknown


def _val(element, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


class ListNumbers:
    """Counts Word list paragraphs in document order and gives each its drawn number (1. / （一） / ①)."""

    def __init__(self, document) -> None:
        self._levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → (start, numFmt, lvlText)
        self._counts: dict[str, dict[int, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: no paragraph is auto-numbered
        abstract = {a.get(qn("w:abstractNumId")): a for a in numbering.findall(qn("w:abstractNum"))}
        for num in numbering.findall(qn("w:num")):
            levels = abstract.get(_val(num, "w:abstractNumId"))
            if levels is None:
                continue
            table = {}
            for lvl in levels.findall(qn("w:lvl")):
                start = _val(lvl, "w:start")
                table[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    int(start) if start and start.isdigit() else 1, _val(lvl, "w:numFmt") or "decimal",
                    _val(lvl, "w:lvlText") or "")
            self._levels[num.get(qn("w:numId"))] = table

    def prefix(self, paragraph) -> str:
        """The number Word draws before ``paragraph`` ("" when it is no numbered list paragraph)."""
        num_id, level = self._num_pr(paragraph)
        levels = self._levels.get(num_id) if num_id else None
        if not levels or level not in levels:
            return ""
        counts = self._counts.setdefault(num_id, {})
        counts[level] = counts.get(level, levels[level][0] - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]  # a new item restarts the levels below it
        _, fmt, text = levels[level]
        if fmt in ("bullet", "none"):
            return ""
        for k in range(level, -1, -1):
            if k in levels:
                value = counts.get(k, levels[k][0])
                text = text.replace(f"%{k + 1}", _formatted(value, levels[k][1]))
        return text

    @staticmethod
    def _num_pr(paragraph) -> tuple[str | None, int]:
        """numId and level of a paragraph, from its own properties or else from its style's."""
        for holder in (paragraph._p.pPr, paragraph.style.element.pPr if paragraph.style is not None else None):
            num_pr = holder.find(qn("w:numPr")) if holder is not None else None
            if num_pr is not None:
                num_id = _val(num_pr, "w:numId")
                level = _val(num_pr, "w:ilvl")
                if num_id and num_id != "0":
                    return num_id, int(level) if level and level.isdigit() else 0
                return None, 0
        return None, 0
