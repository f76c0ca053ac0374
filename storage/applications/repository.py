"""Applications and their status history in SQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.applications import Application, ApplicationStatus, NewApplication, StatusEvent
from storage.rows import from_row
from storage.tables import application_events, applications, users


def _to_application(row: Any) -> Application:
    return from_row(Application, row, status=ApplicationStatus(row["status"]))


class SqlApplicationRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def awaiting_reply(
        self, statuses: list[ApplicationStatus], changed_between: tuple[datetime, datetime]
    ) -> list[Application]:
        rows = await self._conn.execute(
            select(applications)
            .join(users, users.c.id == applications.c.user_id)
            .where(
                applications.c.status.in_([s.value for s in statuses]),
                applications.c.updated_at >= changed_between[0],
                applications.c.updated_at <= changed_between[1],
                users.c.active.is_(True),
            )
            .order_by(applications.c.id)
        )
        return [_to_application(r._mapping) for r in rows]

    async def add(self, application: NewApplication) -> Application:
        values = {
            "user_id": application.user_id,
            "job_id": application.job_id,
            "company": application.company,
            "title": application.title,
            "url": application.url,
            "status": application.status.value,
            "notes": "",
            "created_at": application.created_at,
            "updated_at": application.created_at,
        }
        result = await self._conn.execute(
            insert(applications).values(**values).returning(applications.c.id)
        )
        new_id = result.scalar_one()
        await self._conn.execute(
            insert(application_events).values(
                application_id=new_id,
                status=application.status.value,
                note=None,
                created_at=application.created_at,
            )
        )
        return _to_application({**values, "id": new_id})

    async def list_for_user(self, user_id: int) -> list[Application]:
        rows = await self._conn.execute(
            select(applications)
            .where(applications.c.user_id == user_id)
            .order_by(applications.c.created_at, applications.c.id)
        )
        return [_to_application(r._mapping) for r in rows]

    async def set_status(
        self, application_id: int, status: ApplicationStatus, note: str | None, now: datetime
    ) -> None:
        await self._conn.execute(
            update(applications)
            .where(applications.c.id == application_id)
            .values(status=status.value, updated_at=now)
        )
        await self._conn.execute(
            insert(application_events).values(
                application_id=application_id, status=status.value, note=note, created_at=now
            )
        )

    async def add_note(self, application_id: int, note: str, now: datetime) -> None:
        row = (
            await self._conn.execute(
                select(applications.c.notes, applications.c.status).where(
                    applications.c.id == application_id
                )
            )
        ).one()
        notes = f"{row.notes}\n{note}".strip()
        await self._conn.execute(
            update(applications)
            .where(applications.c.id == application_id)
            .values(notes=notes, updated_at=now)
        )
        await self._conn.execute(
            insert(application_events).values(
                application_id=application_id, status=row.status, note=note, created_at=now
            )
        )

    async def events(self, application_id: int) -> list[StatusEvent]:
        rows = await self._conn.execute(
            select(application_events)
            .where(application_events.c.application_id == application_id)
            .order_by(application_events.c.id)
        )
        return [StatusEvent(ApplicationStatus(r.status), r.note, r.created_at) for r in rows]
