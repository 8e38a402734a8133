"""Push: put a new policy's items into the outbox of every enterprise they fit, once each."""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import Engine as SqlEngine
from sqlmodel import Session, select

from recommender.matching.matcher import STATUS_LABELS, STATUS_NAMES, Matcher
from recommender.storage.tracking import OutboxMessage, local_times, utc_now

__all__ = [
    "PushResult",
    "push_policy",
    "OUTBOX_HEADERS",
    "outbox",
    "outbox_view",
    "outbox_xlsx",
    "approve",
    "mark_exported",
    "new_for",
    "mark_seen",
]

OUTBOX_HEADERS = {
    "enterprise_name": "企业名称",
    "credit_code": "统一社会信用代码",
    "item_name": "支持事项",
    "status": "匹配结果",
    "approved": "已审核",
    "created_at": "生成时间",
    "exported_at": "导出时间",
    "reason": "依据",
}


@dataclass(frozen=True)
class PushResult:
    """How many messages a push created, and how many it skipped as already sent."""

    created: int
    already_sent: int


def push_policy(
    matcher: Matcher, policy_id: str, db: SqlEngine, *, include_unknown: bool = False
) -> PushResult:
    """Queue one message per (fitting enterprise, item) of a policy; never the same item twice."""
    items = [i for i in matcher.catalog.items if i.policy_id == policy_id]
    wanted = (1, 0) if include_unknown else (1,)
    created = skipped = 0
    codes = matcher.frame["credit_code"].to_numpy()
    names = matcher.frame["name"].fillna("").to_numpy() if "name" in matcher.frame else None
    with Session(db) as session:
        for item in items:
            status = matcher.status(item)
            rows = np.flatnonzero(np.isin(status, wanted))
            sent = set(
                session.exec(
                    select(OutboxMessage.credit_code).where(OutboxMessage.item_id == item.item_id)
                )
            )
            fresh = [r for r in rows if codes[r] not in sent]
            skipped += len(rows) - len(fresh)
            if not fresh:
                continue
            reasons = matcher.reasons(item, np.asarray(fresh, dtype=int))
            session.add_all(
                OutboxMessage(
                    credit_code=codes[r],
                    item_id=item.item_id,
                    policy_id=policy_id,
                    enterprise_name=str(names[r]) if names is not None else "",
                    item_name=item.name,
                    status=STATUS_NAMES[int(status[r])],
                    reason=str(reason),
                )
                for r, reason in zip(fresh, reasons, strict=True)
            )
            created += len(fresh)
        session.commit()
    return PushResult(created, skipped)


def outbox(db: SqlEngine, *, policy_id: str | None = None) -> pd.DataFrame:
    """Queued messages, newest first."""
    with Session(db) as session:
        query = select(OutboxMessage).order_by(OutboxMessage.created_at.desc())
        if policy_id:
            query = query.where(OutboxMessage.policy_id == policy_id)
        rows = [m.model_dump() for m in session.exec(query)]
    out = pd.DataFrame(rows, columns=list(OutboxMessage.model_fields))
    for column in ("created_at", "exported_at", "seen_at"):
        out[column] = local_times(out[column])
    return out


def outbox_view(box: pd.DataFrame) -> pd.DataFrame:
    """Outbox messages with Chinese headers and verdict labels, for the screen and exports."""
    labels = {STATUS_NAMES[k]: v for k, v in STATUS_LABELS.items()}
    shown = box[list(OUTBOX_HEADERS)].assign(
        status=box["status"].map(labels).fillna(box["status"]),
        approved=box["approved"].map({True: "是", False: "否"}),
        **{c: box[c].dt.strftime("%Y-%m-%d %H:%M").fillna("") for c in ("created_at", "exported_at")},
    )
    return shown.rename(columns=OUTBOX_HEADERS)


def outbox_xlsx(box: pd.DataFrame) -> bytes:
    """An export batch of outbox messages as the bytes of an .xlsx workbook."""
    buffer = io.BytesIO()
    outbox_view(box).to_excel(buffer, index=False, sheet_name="推送消息")
    return buffer.getvalue()


def _update(db: SqlEngine, keys: list[tuple[str, str]], **values) -> int:
    with Session(db) as session:
        count = 0
        for code, item_id in keys:
            msg = session.get(OutboxMessage, (code, item_id))
            if msg is not None:
                for key, value in values.items():
                    setattr(msg, key, value)
                session.add(msg)
                count += 1
        session.commit()
    return count


def approve(db: SqlEngine, keys: list[tuple[str, str]]) -> int:
    """Mark messages reviewed and ready to send."""
    return _update(db, keys, approved=True)


def mark_exported(db: SqlEngine, keys: list[tuple[str, str]]) -> int:
    """Record that messages left in an export batch."""
    return _update(db, keys, exported_at=utc_now())


def new_for(db: SqlEngine, credit_code: str) -> set[str]:
    """Item ids pushed to an enterprise that it has not seen yet ("new for you")."""
    with Session(db) as session:
        query = select(OutboxMessage.item_id).where(
            OutboxMessage.credit_code == credit_code, OutboxMessage.seen_at.is_(None)
        )
        return set(session.exec(query))


def mark_seen(db: SqlEngine, credit_code: str, item_ids: set[str]) -> int:
    """Record that the enterprise saw these pushed items."""
    keys = [(credit_code, i) for i in item_ids]
    return _update(db, keys, seen_at=utc_now())
