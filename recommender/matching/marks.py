"""Outreach marks (contacted, interested...) and items an enterprise already received."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine as SqlEngine
from sqlmodel import Session, select

from recommender.errors import PolicyMatchError
from recommender.storage.tracking import (
    OUTREACH_STATES,
    OutreachMark,
    ReceivedItem,
    local_times,
    utc_now,
)

__all__ = ["set_mark", "marks_for_item", "mark_received", "unmark_received", "received_by"]


def set_mark(db: SqlEngine, credit_code: str, item_id: str, state: str, note: str = "") -> None:
    """Record where outreach stands with one enterprise on one item."""
    if state not in OUTREACH_STATES:
        raise PolicyMatchError("M101", f"外联状态“{state}”无效，应为：{'、'.join(OUTREACH_STATES)}")
    with Session(db) as session:
        mark = session.get(OutreachMark, (credit_code, item_id)) or OutreachMark(
            credit_code=credit_code, item_id=item_id
        )
        mark.state, mark.note = state, note
        mark.updated_at = utc_now()
        session.add(mark)
        session.commit()


def marks_for_item(db: SqlEngine, item_id: str) -> pd.DataFrame:
    """credit_code, state, note, updated_at of every enterprise marked on an item."""
    with Session(db) as session:
        rows = session.exec(select(OutreachMark).where(OutreachMark.item_id == item_id)).all()
        data = [(m.credit_code, m.state, m.note, m.updated_at) for m in rows]
    out = pd.DataFrame(data, columns=["credit_code", "state", "note", "updated_at"])
    out["updated_at"] = local_times(out["updated_at"])
    return out


def mark_received(db: SqlEngine, credit_code: str, item_id: str) -> None:
    """Remember that an enterprise already received an item (hidden from its self-check)."""
    with Session(db) as session:
        if session.get(ReceivedItem, (credit_code, item_id)) is None:
            session.add(ReceivedItem(credit_code=credit_code, item_id=item_id))
            session.commit()


def unmark_received(db: SqlEngine, credit_code: str, item_id: str) -> None:
    """Show a hidden item again."""
    with Session(db) as session:
        row = session.get(ReceivedItem, (credit_code, item_id))
        if row is not None:
            session.delete(row)
            session.commit()


def received_by(db: SqlEngine, credit_code: str) -> set[str]:
    """Item ids an enterprise marked as received."""
    with Session(db) as session:
        query = select(ReceivedItem.item_id).where(ReceivedItem.credit_code == credit_code)
        return set(session.exec(query))
