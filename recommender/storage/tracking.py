"""Tables for what staff and enterprises do with verdicts: outreach marks, push outbox, receipts."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Column, DateTime
from sqlmodel import Field, SQLModel

__all__ = [
    "OUTREACH_STATES", "OutreachMark", "OutboxMessage", "ReceivedItem", "utc_now", "local_times",
]

# Outreach progress of one enterprise on one item, in the order staff move through it.
OUTREACH_STATES = ("未联系", "已联系", "有意向", "已拒绝", "已申报")


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC, to the second (how timestamps are stored)."""
    return datetime.now(UTC).replace(microsecond=0)


def _stamp(*, nullable: bool = False, index: bool = False) -> Column:
    """A timezone-aware timestamp column (PostgreSQL keeps the zone; SQLite stores ISO text)."""
    return Column(DateTime(timezone=True), nullable=nullable, index=index)


def local_times(column: pd.Series) -> pd.Series:
    """Stored UTC timestamps as naive local times, for display and spreadsheet export."""
    local = datetime.now().astimezone().tzinfo
    return pd.to_datetime(column, utc=True).dt.tz_convert(local).dt.tz_localize(None)


class OutreachMark(SQLModel, table=True):
    """Where staff stand with one enterprise on one support item."""

    __tablename__ = "outreach_mark"

    credit_code: str = Field(primary_key=True, max_length=18)
    item_id: str = Field(primary_key=True, max_length=200)
    state: str = Field(default="未联系", max_length=10)
    note: str = Field(default="", max_length=500)
    updated_at: datetime = Field(default_factory=utc_now, sa_column=_stamp())


class OutboxMessage(SQLModel, table=True):
    """A pushed item waiting for (or past) review and export; one per enterprise and item."""

    __tablename__ = "outbox_message"

    credit_code: str = Field(primary_key=True, max_length=18)
    item_id: str = Field(primary_key=True, max_length=200)
    policy_id: str = Field(index=True, max_length=200)
    enterprise_name: str = Field(default="", max_length=200)
    item_name: str = Field(default="", max_length=200)
    status: str = Field(max_length=12)  # eligible | unknown at the time of the push
    reason: str = Field(default="")
    created_at: datetime = Field(default_factory=utc_now, sa_column=_stamp(index=True))
    approved: bool = Field(default=False)
    exported_at: datetime | None = Field(default=None, sa_column=_stamp(nullable=True))
    # when the enterprise opened its self-check
    seen_at: datetime | None = Field(default=None, sa_column=_stamp(nullable=True))


class ReceivedItem(SQLModel, table=True):
    """An item an enterprise says it already received; hidden from its self-check."""

    __tablename__ = "received_item"

    credit_code: str = Field(primary_key=True, max_length=18)
    item_id: str = Field(primary_key=True, max_length=200)
    created_at: datetime = Field(default_factory=utc_now, sa_column=_stamp())
