"""The outbox in SQL. Claiming uses `FOR UPDATE SKIP LOCKED` on PostgreSQL, so several
dispatchers share the rows without ever taking the same one; on SQLite the write lock
taken by `BEGIN IMMEDIATE` serialises claims instead."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.pushes import NewOutboxMessage, OutboxFailure, OutboxMessage, OutboxStatus, PushKind
from storage.batches import in_batches
from storage.rows import from_row
from storage.tables import outbox


def _to_message(row: Any) -> OutboxMessage:
    return from_row(OutboxMessage, row, kind=PushKind(row.kind), status=OutboxStatus(row.status))


def _row(message: NewOutboxMessage, platform: str, chat_id: str, now: datetime) -> dict[str, Any]:
    return {
        "user_id": message.user_id,
        "kind": message.kind.value,
        "key": message.key,
        "payload": message.payload,
        "platform": platform,
        "chat_id": chat_id,
        "status": OutboxStatus.PENDING.value,
        "attempts": 0,
        "not_before": now,
        "created_at": now,
        "updated_at": now,
    }


class SqlOutboxRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def existing_keys(self, keys: list[str]) -> set[str]:
        found: set[str] = set()
        for batch in in_batches(keys):
            rows = await self._conn.execute(select(outbox.c.key).where(outbox.c.key.in_(batch)))
            found.update(row.key for row in rows)
        return found

    async def enqueue(
        self, message: NewOutboxMessage, platform: str, chat_id: str, now: datetime
    ) -> bool:
        values = _row(message, platform, chat_id, now)
        result = await self._conn.execute(self._insert().values(values))
        return bool(result.rowcount)

    async def enqueue_many(
        self, messages: list[tuple[NewOutboxMessage, str, str]], now: datetime
    ) -> set[str]:
        existing = await self.existing_keys([m.key for m, _, _ in messages])
        rows = [_row(m, p, c, now) for m, p, c in messages if m.key not in existing]
        if rows:  # the unit of work writes alone, so no key appears meanwhile
            await self._conn.execute(self._insert(), rows)
        return {str(row["key"]) for row in rows}

    def _insert(self) -> Any:
        make = pg_insert if self._conn.dialect.name == "postgresql" else sqlite_insert
        return make(outbox).on_conflict_do_nothing(index_elements=["key"])

    async def claim(self, platforms: list[str], now: datetime, limit: int) -> list[OutboxMessage]:
        due = (
            select(outbox.c.id)
            .where(
                outbox.c.status == OutboxStatus.PENDING.value,
                outbox.c.platform.in_(platforms),
                outbox.c.not_before <= now,
            )
            .order_by(outbox.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        ids = [row.id for row in await self._conn.execute(due)]
        if not ids:
            return []
        await self._conn.execute(
            update(outbox)
            .where(outbox.c.id.in_(ids))
            .values(status=OutboxStatus.CLAIMED.value, claimed_at=now, updated_at=now)
        )
        rows = await self._conn.execute(
            select(outbox).where(outbox.c.id.in_(ids)).order_by(outbox.c.id)
        )
        return [_to_message(row) for row in rows]

    async def set_status(
        self,
        message_id: int,
        status: OutboxStatus,
        now: datetime,
        error: str | None = None,
        not_before: datetime | None = None,
    ) -> None:
        values: dict[str, Any] = {"status": status.value, "updated_at": now}
        if status is OutboxStatus.SENDING:
            values["attempts"] = outbox.c.attempts + 1
        if error is not None:
            values["error"] = error[:500]
        if not_before is not None:
            values["not_before"] = not_before
        await self._conn.execute(update(outbox).where(outbox.c.id == message_id).values(values))

    async def recover(self, claimed_before: datetime, now: datetime) -> tuple[int, int]:
        stale = outbox.c.claimed_at < claimed_before
        released = await self._conn.execute(
            update(outbox)
            .where(outbox.c.status == OutboxStatus.CLAIMED.value, stale)
            .values(status=OutboxStatus.PENDING.value, updated_at=now)
        )
        unknown = await self._conn.execute(
            update(outbox)
            .where(outbox.c.status == OutboxStatus.SENDING.value, stale)
            .values(
                status=OutboxStatus.UNKNOWN.value,
                error="the process stopped during the send; not repeated",
                updated_at=now,
            )
        )
        return released.rowcount, unknown.rowcount

    async def cancel_for_user(self, user_id: int, reason: str, now: datetime) -> int:
        result = await self._conn.execute(
            update(outbox)
            .where(
                outbox.c.user_id == user_id,
                outbox.c.status.in_([OutboxStatus.PENDING.value, OutboxStatus.CLAIMED.value]),
            )
            .values(status=OutboxStatus.FAILED.value, error=reason[:500], updated_at=now)
        )
        return result.rowcount

    async def counts(self) -> dict[OutboxStatus, int]:
        rows = await self._conn.execute(
            select(outbox.c.status, func.count()).group_by(outbox.c.status)
        )
        return {OutboxStatus(status): count for status, count in rows}

    async def recent_failures(self, limit: int) -> list[OutboxFailure]:
        rows = await self._conn.execute(
            select(outbox)
            .where(outbox.c.status.in_([OutboxStatus.FAILED.value, OutboxStatus.UNKNOWN.value]))
            .order_by(outbox.c.updated_at.desc(), outbox.c.id.desc())
            .limit(limit)
        )
        return [
            OutboxFailure(r.id, r.user_id, r.kind, OutboxStatus(r.status), r.error, r.updated_at)
            for r in rows
        ]

    async def for_user(self, user_id: int) -> list[OutboxMessage]:
        rows = await self._conn.execute(
            select(outbox).where(outbox.c.user_id == user_id).order_by(outbox.c.id)
        )
        return [_to_message(row) for row in rows]
