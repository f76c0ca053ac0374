"""Profiles in SQL, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.profiles import Profile, set_field
from storage.unit_of_work import SqlUnitOfWorkFactory

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


async def test_profile_saved_as_document_and_replaced(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        user = await tx.users.add("Ann", NOW)
        assert await tx.profiles.get(user.id) == Profile()
        profile = set_field(Profile(), "skills", "Python, SQL")
        await tx.profiles.save(user.id, profile, NOW)
        await tx.profiles.save(user.id, set_field(profile, "salary", "90k"), NOW)
        await tx.commit()

    async with uow() as tx:
        stored = await tx.profiles.get(user.id)
    assert stored.skills == ["Python", "SQL"]
    assert stored.salary_floor == 90_000
    assert stored.manual_fields == ["skills", "salary_floor"]
