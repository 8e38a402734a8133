"""A scanned or typed-over text's stray spaces, Western punctuation and common misread characters put right.

Text recognised from a scan (or typed with a Western keyboard) puts spaces around digits and Latin letters
(``纳税信用等级须为 B 级以上``, ``3000 亩``), uses ``,`` ``(`` ``;`` between Chinese words, spaces out a
letterhead (``某 某 县 人 民 政 府``) and misreads a few characters that look alike: 列人 for 列入, 末 for 未
before a verb (``近三年内末发生``), 己 for 已 (``己享受``). Each is put right where the context leaves no doubt;
a run of seal residue (``■■■■``) becomes spaces. A column gap (two or more spaces) is never touched, so a table
aligned with spaces keeps its columns.
"""

from __future__ import annotations

import re

__all__ = ["ocr_repaired"]

_HAN = r"\u4e00-\u9fff"
# a number or Latin word set off by single spaces between Chinese characters (``为 B 级``, ``的 50%给予``); one at
# the start of a line (``1.1 总则``) keeps its space
_SPACED_ASCII = re.compile(rf"(?<=[{_HAN}（）])[ \t]?([0-9A-Za-z][0-9A-Za-z.%]*)[ \t]?(?=[{_HAN}（）])")
_SPACE_BEFORE_PUNCT = re.compile(rf"(?<=[{_HAN}])[ \t](?=[，。、；：,;:)）])")
# Western punctuation beside a Chinese character (a digit on both sides keeps its 5,000 and 1:2)
_WESTERN = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}
_WESTERN_PUNCT = re.compile(rf"(?<=[{_HAN}])[,;:()]|[,;()](?=[{_HAN}])|(?<=[0-9A-Za-z%])\)(?=[，。、；,;])")
_SPACED_LINE = re.compile(rf"(?m)^([ \t\u3000]*)((?:[{_HAN}][ \t\u3000]+){{3,}}[{_HAN}])[ \t\u3000]*$")
_MISREAD = (
    (re.compile(r"列人(?![员数才])"), "列入"),
    (re.compile(r"(?<![年月期周季旬始岁本])末(?=发生|被|列入|纳入|享受|取得|获得|满|超过|达到|完成|违反|出现|拖欠|欠缴"
                r"|曾|按时|足额|办理|登记|注册|认定|申报|申请)"), "未"),
    (re.compile(r"(?<![自知克利异舍])己(?=经|享受|获得|取得|纳入|列入|被|签订|完成|建成|通过|认定|办理|缴纳|注册|登记"
                r"|成立|投产|开工|实施|申报|申请|领取|兑现|具备|达到)"), "已"),
)
_SEAL = re.compile(r"[■□◆◇▇█]{3,}")


def ocr_repaired(text: str) -> str:
    """``text`` with stray spaces, Western punctuation between Chinese words and look-alike misreads put right."""
    text = _SPACED_LINE.sub(lambda m: m.group(1) + re.sub(r"[ \t\u3000]+", "", m.group(2)), text)
    text = _SPACED_ASCII.sub(r"\1", text)
    text = _SPACE_BEFORE_PUNCT.sub("", text)
    text = _WESTERN_PUNCT.sub(lambda m: _WESTERN[m.group(0)], text)
    for pattern, right in _MISREAD:
        text = pattern.sub(right, text)
    return _SEAL.sub(lambda m: " " * len(m.group(0)), text)
