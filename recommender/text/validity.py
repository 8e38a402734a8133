"""Validity window of a policy text: 有效期至…, 自…起施行, 有效期N年, 执行至…, 自印发之日起."""

from __future__ import annotations

import re
from datetime import date, timedelta

from recommender.text.numbers import NUMERAL, parse_number

__all__ = ["find_validity"]

_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_UNTIL = re.compile(rf"(?:有效期|执行|实施|施行|延续执行|期限)[^。；]{{0,12}}?至\s*{_DATE}|至\s*{_DATE}\s*止")
_FROM = re.compile(
    rf"自\s*{_DATE}\s*起|{_DATE}\s*起(?:施行|执行|实施)|自\s*{_DATE}\s*至|(?:期限|期)为\s*{_DATE}\s*(?:至|到)"
)
_FROM_PUBLISHED = re.compile(r"自(?:印发|发布|公布)之日起")
_YEARS = re.compile(rf"有效期\s*(?:为)?\s*({NUMERAL})\s*年")


def _iso(groups: tuple[str | None, ...]) -> str | None:
    parts = [g for g in groups if g]
    if len(parts) < 3:
        return None
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except ValueError:
        return None


def find_validity(text: str, published: str | None = None) -> tuple[str | None, str | None]:
    """``(valid_from, valid_until)`` as ISO dates read from ``text`` (None where not stated)."""
    valid_from = None
    m = _FROM.search(text)
    if m:
        valid_from = _iso(m.groups())
    elif _FROM_PUBLISHED.search(text) and published:
        valid_from = str(published)
    valid_until = None
    for m in _UNTIL.finditer(text):
        valid_until = _iso(m.groups()) or valid_until
    if valid_until is None and valid_from:
        years = _YEARS.search(text)
        n = parse_number(years.group(1)) if years else None
        if n:
            start = date.fromisoformat(valid_from)
            try:
                end = start.replace(year=start.year + int(n))
            except ValueError:
                end = start.replace(year=start.year + int(n), day=28)
            valid_until = (end - timedelta(days=1)).isoformat()
    return valid_from, valid_until
