"""Push settings and saved searches (job alerts) in SQL."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.pushes import PushSettings, SavedSearch
from storage.batches import in_batches
from storage.rows import from_row
from storage.tables import push_settings, saved_searches, users


def _to_settings(row: Any) -> PushSettings:
    digest_time = time.fromisoformat(row.digest_time) if row.digest_time else None
    return from_row(PushSettings, row, digest_time=digest_time)


def _values(settings: PushSettings) -> dict[str, Any]:
    return {
        "timezone": settings.timezone,
        "digest_time": settings.digest_time.strftime("%H:%M") if settings.digest_time else None,
        "digest_when_empty": settings.digest_when_empty,
        "reminders": settings.reminders,
        "digest_cursor": settings.digest_cursor,
        "last_digest_on": settings.last_digest_on,
    }


class SqlPushSettingsRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def get(self, user_id: int) -> PushSettings:
        return (await self.get_many([user_id]))[user_id]

    async def get_many(self, user_ids: list[int]) -> dict[int, PushSettings]:
        found = {user_id: PushSettings(user_id) for user_id in user_ids}
        for batch in in_batches(user_ids):
            rows = await self._conn.execute(
                select(push_settings).where(push_settings.c.user_id.in_(batch))
            )
            found.update((row.user_id, _to_settings(row)) for row in rows)
        return found

    async def save_many(self, settings: list[PushSettings]) -> None:
        ids = [s.user_id for s in settings]
        stored: set[int] = set()
        for batch in in_batches(ids):
            rows = await self._conn.execute(
                select(push_settings.c.user_id).where(push_settings.c.user_id.in_(batch))
            )
            stored.update(r.user_id for r in rows)
        changed = [{"uid": s.user_id, **_values(s)} for s in settings if s.user_id in stored]
        if changed:
            await self._conn.execute(
                update(push_settings)
                .where(push_settings.c.user_id == bindparam("uid"))
                .values({name: bindparam(name) for name in changed[0] if name != "uid"}),
                changed,
            )
        fresh = [{"user_id": s.user_id, **_values(s)} for s in settings if s.user_id not in stored]
        if fresh:
            await self._conn.execute(insert(push_settings), fresh)

    async def save(self, settings: PushSettings) -> None:
        values = _values(settings)
        result = await self._conn.execute(
            update(push_settings).where(push_settings.c.user_id == settings.user_id).values(values)
        )
        if result.rowcount == 0:
            await self._conn.execute(
                insert(push_settings).values(user_id=settings.user_id, **values)
            )

    async def digest_subscribers(self) -> list[PushSettings]:
        rows = await self._conn.execute(
            select(push_settings)
            .join(users, users.c.id == push_settings.c.user_id)
            .where(push_settings.c.digest_time.is_not(None), users.c.active.is_(True))
            .order_by(push_settings.c.user_id)
        )
        return [_to_settings(row) for row in rows]


def _to_search(row: Any) -> SavedSearch:
    return SavedSearch(row.id, row.user_id, row.query, row.job_cursor, row.created_at)


class SqlAlertRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def add(self, user_id: int, query: str, job_cursor: int, now: datetime) -> SavedSearch:
        result = await self._conn.execute(
            insert(saved_searches)
            .values(user_id=user_id, query=query, job_cursor=job_cursor, created_at=now)
            .returning(saved_searches.c.id)
        )
        return SavedSearch(result.scalar_one(), user_id, query, job_cursor, now)

    async def list_for_user(self, user_id: int) -> list[SavedSearch]:
        rows = await self._conn.execute(
            select(saved_searches)
            .where(saved_searches.c.user_id == user_id)
            .order_by(saved_searches.c.id)
        )
        return [_to_search(row) for row in rows]

    async def delete(self, search_id: int) -> None:
        await self._conn.execute(delete(saved_searches).where(saved_searches.c.id == search_id))

    async def behind(self, newest_job_id: int) -> list[SavedSearch]:
        rows = await self._conn.execute(
            select(saved_searches)
            .join(users, users.c.id == saved_searches.c.user_id)
            .where(saved_searches.c.job_cursor < newest_job_id, users.c.active.is_(True))
            .order_by(saved_searches.c.id)
        )
        return [_to_search(row) for row in rows]

    async def advance(self, search_id: int, job_cursor: int) -> None:
        await self._conn.execute(
            update(saved_searches)
            .where(saved_searches.c.id == search_id)
            .values(job_cursor=job_cursor)
        )
