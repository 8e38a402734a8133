"""An e-mail thread pasted whole: the quoted messages read as text, the mail headers as no text at all.

A notice often reaches staff forwarded and replied to, each earlier message quoted below the newer one with
``>`` / ``>>`` before every line and a block of headers (发件人/发送时间/收件人/抄送/主题, From/Sent/To/Cc/Subject)
above it. The quote marks would hide the notice's numbering from the structure reader and the headers look like
labelled requirements, so in a text with such a header block the quote marks go and the header lines are
blanked.
"""

from __future__ import annotations

import re

__all__ = ["email_quotes"]

_HEADER = re.compile(r"(?im)^(?:>[ \t]?)*[ \t]*(?:发件人|发送时间|收件人|抄送|主题|From|Sent|Date|To|Cc|Subject)[ \t]*[：:][^\n]*$")
_QUOTE = re.compile(r"(?m)^(?:>[ \t]?)+")


def email_quotes(text: str) -> str:
    """``text`` without quote marks and mail headers, when it holds a mail's header block."""
    headers = list(_HEADER.finditer(text))
    adjacent = any(not text[a.end():b.start()].strip() for a, b in zip(headers, headers[1:], strict=False))
    if len(headers) < 3 or not adjacent:  # a block: header lines one under another
        return text
    text = _HEADER.sub("", text)
    return _QUOTE.sub("", text)
