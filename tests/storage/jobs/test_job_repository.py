"""The catalog, recommendations and applications on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TypedDict, Unpack

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.applications import ApplicationStatus, NewApplication
from domain.jobs import Job, Match, RemoteMode
from storage.unit_of_work import SqlUnitOfWorkFactory

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class JobFields(TypedDict, total=False):
    """The optional `Job` fields these tests change."""

    salary_max: int | None


def job(
    external: str, title: str = "Data Engineer", url: str | None = None, **f: Unpack[JobFields]
) -> Job:
    return Job(
        source="feed",
        external_id=external,
        title=title,
        company="Acme",
        description="Python and SQL",
        city="Berlin",
        remote=RemoteMode.HYBRID,
        url=url,
        skills=["Python", "SQL"],
        **f,
    )


async def test_upsert_deduplicates_and_updates(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        first = await tx.jobs.upsert(
            [job("1", url="https://acme.example/jobs/1"), job("2", "Analyst"), job("2", "Analyst")],
            NOW,
        )
        await tx.commit()
    assert (len(first.inserted), first.updated, first.unchanged) == (2, [], 1)
    async with uow() as tx:
        again = await tx.jobs.upsert(
            [
                job("1", url="https://acme.example/jobs/1"),  # same: unchanged
                job("2", "Analyst", salary_max=50000),  # changed: updated
                job("other-feed-id", url="http://www.acme.example/jobs/1/?utm=x"),  # same URL
            ],
            NOW,
        )
        await tx.commit()
    assert (again.inserted, len(again.updated), again.unchanged) == ([], 1, 2)
    async with uow() as tx:
        assert await tx.jobs.count() == 2
        stored = await tx.jobs.get_many(first.inserted)
        assert stored[first.inserted[1]].salary_max == 50000
        assert stored[first.inserted[0]].skills == ["Python", "SQL"]
        assert stored[first.inserted[0]].remote is RemoteMode.HYBRID
        assert [j.id for j in await tx.jobs.after(0, 10)] == sorted(first.inserted)
        assert [j.title for j in await tx.jobs.search(["analyst"], 10)] == ["Analyst"]
        assert await tx.jobs.search(["analyst", "kotlin"], 10) == []


async def test_recommendations_and_applications(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        user = (await tx.users.add("Ann", NOW)).id
        ids = (
            await tx.jobs.upsert([job("1"), job("2", "Analyst"), job("3", "Chef")], NOW)
        ).inserted
        jobs = await tx.jobs.get_many(ids)
        await tx.recommendations.record(
            user, [Match(jobs[i], 80, ("you have Python",)) for i in ids], "hybrid-v1", NOW
        )
        await tx.recommendations.set_status(user, ids[0], "dismissed", NOW)
        saved = await tx.applications.add(
            NewApplication(user, ids[1], "Acme", "Analyst", None, ApplicationStatus.SAVED, NOW)
        )
        await tx.commit()
    async with uow() as tx:
        assert await tx.recommendations.excluded_job_ids(user) == {ids[0]}  # saved: not yet
        await tx.applications.set_status(saved.id, ApplicationStatus.APPLIED, None, NOW)
        await tx.applications.add_note(saved.id, "Call on Friday", NOW)
        await tx.commit()
    async with uow() as tx:
        assert await tx.recommendations.excluded_job_ids(user) == {ids[0], ids[1]}
        (stored,) = await tx.applications.list_for_user(user)
        assert (stored.status, stored.notes) == (ApplicationStatus.APPLIED, "Call on Friday")
        events = await tx.applications.events(saved.id)
        assert [(e.status.value, e.note) for e in events] == [
            ("saved", None),
            ("applied", None),
            ("applied", "Call on Friday"),
        ]
