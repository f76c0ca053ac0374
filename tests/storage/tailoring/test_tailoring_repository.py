"""Tailoring requests in SQL, on SQLite and PostgreSQL: recorded first, finished later."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.tailoring import TailoringStatus
from storage.unit_of_work import SqlUnitOfWorkFactory
from tests.storage.resumes.test_resume_repository import NOW, new_resume


async def test_requests_are_kept_until_finished(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        ann = (await tx.users.add("Ann", NOW)).id
        resume = await tx.resumes.add(new_resume(ann, "a"))
        first = await tx.tailoring.add(ann, resume.id, "Data Engineer", "Acme", "Python, SQL", NOW)
        second = await tx.tailoring.add(ann, resume.id, None, None, "Nursing", NOW)
        await tx.commit()
    assert first.status is TailoringStatus.PENDING
    async with uow() as tx:
        assert {j.id for j in await tx.tailoring.unfinished()} == {first.id, second.id}
        first.status = TailoringStatus.COMPLETED
        first.tailored_text = "Ann Example — Data Engineer"
        first.score_before, first.score_after = 40, 70
        first.covered, first.missing = ["Python"], ["Airflow"]
        first.model = "offline"
        first.updated_at = NOW + timedelta(minutes=1)
        await tx.tailoring.save(first)
        await tx.commit()
    async with uow.read() as tx:
        done = await tx.tailoring.get(first.id)
        assert done is not None
        assert (done.status, done.score_before, done.score_after) == (
            TailoringStatus.COMPLETED,
            40,
            70,
        )
        assert (done.covered, done.missing, done.title) == (
            ["Python"],
            ["Airflow"],
            "Data Engineer",
        )
        assert [j.id for j in await tx.tailoring.unfinished()] == [second.id]
        assert [j.id for j in await tx.tailoring.list_for_user(ann)] == [first.id, second.id]
        assert await tx.tailoring.get(10_000) is None
