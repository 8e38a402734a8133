"""The furniture at the foot of a notice — its list of annexes and its signature — kept out of the measures.

A notice names its annexes after its body, the first beside 附件： and the rest on indented lines of their own
(``　　　2. 申报条件``); read alone, those lines look like a numbered list of measures, so they are joined to the
附件 line (each line break becomes a space). The issuers' names signed above the date (``某市科学技术局 某市财政局``
/ ``2025年4月21日``) are no requirement of the section they end, so that line is blanked. Every offset holds.
"""

from __future__ import annotations

import re

__all__ = ["notice_furniture"]

_ANNEX_LIST = re.compile(r"(?m)^[ \t\u3000]*附件[：:]\s*1\s*[.．、]\s*[^\n]{2,40}(?:\n[ \t\u3000]+[0-9]{1,2}\s*[.．、]\s*[^\n]{2,40})+")
_ISSUER = (r"[\u4e00-\u9fff（）()]{2,30}?(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|局|委|厅|办|中心|"
           r"银行|分行|支行|公司|联合会|协会|商会)")
_SIGNED = re.compile(rf"(?m)^[ \t\u3000]*{_ISSUER}(?:[ \t\u3000]+{_ISSUER})*[ \t\u3000]*(?=\n[ \t\u3000]*"
                     r"(?:20[0-9]{2}|[二〇○零一]{4})\s*年\s*[0-9一二三四五六七八九十〇○]{1,2}\s*月\s*[0-9一二三四五六七八九十〇○]{1,3}\s*日\s*$)")


def notice_furniture(text: str) -> str:
    """``text`` with each 附件：1. … list on one line and the issuers' line above the date blanked."""
    if "附件" in text:
        text = _ANNEX_LIST.sub(lambda m: m.group(0).replace("\n", " "), text)
    return _SIGNED.sub(lambda m: " " * len(m.group(0)), text) if "年" in text else text
