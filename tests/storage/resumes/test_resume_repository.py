"""Resumes in SQL, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.file_types import FileType
from domain.resumes import Basics, NewResume, ResumeDocument, Work
from storage.unit_of_work import SqlUnitOfWorkFactory

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def new_resume(user_id: int, sha: str, minutes: int = 0) -> NewResume:
    return NewResume(
        user_id=user_id,
        file_key=f"ab/{sha:0<32}.pdf",
        file_name=f"{sha}.pdf",
        file_type=FileType.PDF,
        size=1234,
        sha256=sha * 64 if len(sha) == 1 else sha,
        pages=2,
        text="Ann Example — Data Analyst",
        document=ResumeDocument(
            basics=Basics(name="Ann Example"),
            work=[Work(name="Acme", position="Analyst", startDate="2020-01", current=True)],
            years_of_experience=6.2,
        ),
        created_at=NOW + timedelta(minutes=minutes),
    )


async def test_add_list_activate_delete(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        ann = (await tx.users.add("Ann", NOW)).id
        bob = (await tx.users.add("Bob", NOW)).id
        first = await tx.resumes.add(new_resume(ann, "a", minutes=1))
        second = await tx.resumes.add(new_resume(ann, "b", minutes=2))
        await tx.resumes.add(new_resume(bob, "a"))
        await tx.resumes.set_active(ann, second.id)
        await tx.commit()

    async with uow() as tx:
        mine = await tx.resumes.list_for_user(ann)
        assert [r.id for r in mine] == [first.id, second.id]
        assert [r.active for r in mine] == [False, True]
        assert mine[0].document.work[0].name == "Acme"
        assert mine[0].document.years_of_experience == 6.2
        assert mine[0].created_at == NOW + timedelta(minutes=1)
        found = await tx.resumes.find_by_sha256(ann, "b" * 64)
        assert found is not None
        assert found.id == second.id
        assert await tx.resumes.find_by_sha256(bob, "b" * 64) is None
        # Another user's id changes nothing.
        await tx.resumes.set_active(bob, first.id)
        await tx.resumes.delete(bob, second.id)
        await tx.resumes.delete(ann, first.id)
        await tx.commit()

    async with uow() as tx:
        assert [(r.id, r.active) for r in await tx.resumes.list_for_user(ann)] == [
            (second.id, True)
        ]
        assert len(await tx.resumes.list_for_user(bob)) == 1


async def test_same_file_twice_for_one_user_is_refused(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        ann = (await tx.users.add("Ann", NOW)).id
        await tx.resumes.add(new_resume(ann, "a"))
        with pytest.raises(IntegrityError):
            await tx.resumes.add(new_resume(ann, "a"))


async def test_deleting_a_user_deletes_their_resumes(engine: AsyncEngine) -> None:
    from sqlalchemy import delete

    from storage.tables import users

    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        ann = (await tx.users.add("Ann", NOW)).id
        await tx.resumes.add(new_resume(ann, "a"))
        await tx.commit()
    async with engine.begin() as conn:
        await conn.execute(delete(users).where(users.c.id == ann))
    async with uow() as tx:
        assert await tx.resumes.list_for_user(ann) == []
