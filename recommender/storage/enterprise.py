"""The enterprise table: one row per credit code with every field of CONTRACT.md section 1."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

__all__ = ["Enterprise"]


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Enterprise(SQLModel, table=True):
    """An enterprise profile; None means "not known". Money in 万元."""

    __tablename__ = "enterprise"

    credit_code: str = Field(primary_key=True, max_length=18)
    name: str | None = Field(default=None, max_length=200)
    industry_code: str | None = Field(default=None, max_length=5, index=True)
    region_code: str | None = Field(default=None, max_length=6, index=True)
    established: date | None = None
    employees: int | None = None
    revenue: float | None = None
    assets: float | None = None
    taxable_income: float | None = None
    rd_expense: float | None = None
    tax_credit: str | None = Field(default=None, max_length=1)
    dishonest: bool | None = None
    has_bank_loan: bool | None = None
    taxpayer_type: str | None = Field(default=None, max_length=10)
    ownership: str | None = Field(default=None, max_length=50)
    qualifications: str | None = None  # canonical names joined by ';' ("" = none listed)
    invention_patents: int | None = None
    scope: str | None = None
    # Extra columns of the source table; JSONB on PostgreSQL so it can be compared and merged there.
    extra: dict[str, Any] = Field(
        default_factory=dict,
        sa_column=Column(JSON().with_variant(JSONB(), "postgresql"), nullable=False),
    )
    updated_at: datetime = Field(
        default_factory=_now, sa_column=Column(DateTime(timezone=True), nullable=False)
    )
