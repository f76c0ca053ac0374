"""Applications and their status log in SQL, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.applications import ApplicationStatus, NewApplication
from storage.unit_of_work import SqlUnitOfWorkFactory

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
APPLIED = ApplicationStatus.APPLIED


async def test_follow_ups_find_applications_quiet_for_the_window(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        ann = (await tx.users.add("Ann", NOW)).id
        gone = (await tx.users.add("Gone", NOW)).id
        old = await tx.applications.add(
            NewApplication(ann, None, "Acme", "Analyst", None, APPLIED, NOW)
        )
        fresh = await tx.applications.add(
            NewApplication(
                ann, None, "Initech", "Engineer", "https://initech.example/1", APPLIED, NOW
            )
        )
        await tx.applications.add(
            NewApplication(gone, None, "Umbrella", "Chemist", None, APPLIED, NOW)
        )
        await tx.users.set_active(gone, False)
        await tx.applications.set_status(
            fresh.id, ApplicationStatus.INTERVIEWING, "first call", NOW + timedelta(days=6)
        )
        await tx.commit()
    window = (NOW - timedelta(days=1), NOW + timedelta(days=1))
    async with uow.read() as tx:
        quiet = await tx.applications.awaiting_reply([APPLIED], window)
        assert [a.id for a in quiet] == [old.id]  # not the moved one, not an inactive user's
        mine = await tx.applications.list_for_user(ann)
        assert [(a.company, a.url) for a in mine] == [
            ("Acme", None),
            ("Initech", "https://initech.example/1"),
        ]
        events = await tx.applications.events(fresh.id)
        assert [(e.status, e.note) for e in events] == [
            (APPLIED, None),
            (ApplicationStatus.INTERVIEWING, "first call"),
        ]
        assert await tx.applications.list_for_user(10_000) == []
