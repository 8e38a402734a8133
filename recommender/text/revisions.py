"""Revision tables (修订对照表): only the revised wording is in force.

A notice amending a policy often sets the old and the new wording side by side,
| 条款 | 原规定 | 修订后 |. Reading both would give every item its old terms too, so each such table keeps
its old column empty, and a row whose revised cell deletes the clause (删除, 废止) goes altogether.
"""

from __future__ import annotations

import re

from recommender.text.phrases import TABLE_RULE, cell_texts

__all__ = ["revised_only", "quotes_opened"]

_OLD = re.compile(r"原(?:规定|条款|条文|内容|表述|政策)|修(?:订|改)前")
_NEW = re.compile(r"修(?:订|改)后|新(?:规定|条款|条文|表述)|现(?:规定|条款)")
_DELETED = re.compile(r"\s*(?:删除|废止|取消|删去)(?:本条|该条|此条)?[。.]?\s*")



def revised_only(text: str) -> str:
    """``text`` with every revision table's old wording blanked and its deleted clauses dropped."""
    if not _OLD.search(text) or not _NEW.search(text):
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = cell_texts(lines[i])
        old = next((n for n, h in enumerate(header or []) if _OLD.search(h)), None)
        new = next((n for n, h in enumerate(header or []) if _NEW.search(h)), None)
        if header is None or old is None or new is None or i + 1 >= len(lines) or not TABLE_RULE.match(lines[i + 1]):
            out.append(lines[i])
            i += 1
            continue
        out.extend(lines[i:i + 2])
        i += 2
        while i < len(lines) and (row := cell_texts(lines[i])) is not None:
            if len(row) == len(header) and not _DELETED.fullmatch(row[new]):
                out.append("| " + " | ".join("" if n == old else cell for n, cell in enumerate(row)) + " |")
            i += 1
    return "\n".join(out)


_AMENDS = re.compile(r"修改为|修订为|调整为|增加一(?:条|款|项)|作如下修改")


def quotes_opened(text: str) -> str:
    """A 修改决定's quoted articles as plain paragraphs: each paragraph of a quotation opens with “ and only the
    last closes with ”, so without this the new wording's numbered cases (“（二）…) would not read as a list."""
    if not _AMENDS.search(text):
        return text
    out = []
    for line in text.split("\n"):
        bare = line.lstrip()
        if bare.startswith("“") and bare.count("“") > bare.count("”"):
            line = line[:len(line) - len(bare)] + bare[1:]
        end = re.search(r"”[。.]?\s*$", line)
        if end and line.count("”") > line.count("“"):
            line = line[:end.start()] + line[end.start() + 1:]
        out.append(line)
    return "\n".join(out)

