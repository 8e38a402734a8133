"""Cached resources shared by the pages, and the sidebar."""

from __future__ import annotations

import re
from datetime import date

import streamlit as st

from recommender.matching.drafting_text import draft_policy
from recommender.matching.matcher import Matcher
from recommender.matching.workspace import all_policies, open_database, registry_from_db
from recommender.rules.schema import Policy

__all__ = [
    "database",
    "policies",
    "matcher",
    "draft",
    "as_of",
    "bump_data",
    "sidebar",
    "item_label",
    "plain",
]

# Characters with a meaning in Streamlit markdown (CommonMark, :color[] directives, $latex$).
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$])")


def plain(text: object) -> str:
    """Text escaped for st.markdown and friends, so user-supplied words are shown, not rendered."""
    return _MARKDOWN.sub(r"\\\1", str(text))


@st.cache_resource(show_spinner="正在打开数据库…")
def database():
    """The SQLAlchemy engine (SQLite file by default), seeded with the demo registry."""
    return open_database()


@st.cache_resource(show_spinner="正在读取政策库…")
def _policies(version: int) -> list[Policy]:
    return all_policies()


@st.cache_resource(show_spinner="正在计算匹配结果…", max_entries=4)
def _matcher(as_of_day: date, version: int) -> Matcher:
    frame = registry_from_db(database(), as_of_day)
    return Matcher(_policies(version), frame, as_of_day)


@st.cache_data(show_spinner="正在读取草案…", max_entries=16)
def draft(text: str, region_code: str | None) -> Policy:
    """A pasted or uploaded draft read by the extractor (cached per text and region)."""
    return draft_policy(text, region_code)


def _version() -> int:
    return st.session_state.setdefault("data_version", 0)


def bump_data() -> None:
    """Call after enterprises or policies change so cached results are rebuilt."""
    st.session_state["data_version"] = _version() + 1


def policies() -> list[Policy]:
    """Every policy: the bundled corpus and uploaded documents."""
    return _policies(_version())


def as_of() -> date:
    """The date verdicts are given for (set in the sidebar)."""
    return st.session_state.get("as_of", date.today())


def matcher() -> Matcher:
    """The engine over the stored registry and the catalogue, as of the sidebar date."""
    return _matcher(as_of(), _version())


def item_label(m: Matcher, item_id: str) -> str:
    """'name — policy title' for select boxes."""
    item = m.catalog.item(item_id)
    return f"{item.name} — {m.catalog.policy_of(item_id).title}"


def sidebar() -> None:
    """Date picker and what is loaded."""
    with st.sidebar:
        st.date_input("基准日期", key="as_of", help="年龄、有效期等按此日期计算")
        m = matcher()
        st.caption(
            f"企业名录 {len(m.frame):,} 家 · 有效支持事项 {len(m.catalog.items)} 项"
            f"（另有 {len(m.catalog.expired)} 项已过期）"
        )
