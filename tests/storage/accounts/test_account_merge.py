"""Merging two users (account linking) on SQLite and PostgreSQL: everything moves, and
what both had is kept once."""

from __future__ import annotations

from datetime import time

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.accounts import IdentityKey, PlatformIdentity
from domain.applications import ApplicationStatus, NewApplication
from domain.jobs import Match, demo_jobs
from storage.tables import resumes, users
from storage.unit_of_work import SqlUnitOfWorkFactory
from tests.storage.resumes.test_resume_repository import NOW, new_resume


async def test_merge_moves_everything_and_keeps_shared_things_once(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        await tx.jobs.upsert(demo_jobs(3), NOW)
        job_ids = sorted(await tx.jobs.get_many([1, 2, 3]))
        keep = (await tx.users.add("Ann", NOW)).id
        other = (await tx.users.add("Ann on Discord", NOW)).id
        await tx.users.add_identity(PlatformIdentity(IdentityKey("discord", "d1"), other, "d1"))
        shared = await tx.resumes.add(new_resume(keep, "a"))
        await tx.resumes.add(new_resume(other, "a"))  # the same file on both accounts
        theirs = await tx.resumes.add(new_resume(other, "b"))
        await tx.resumes.set_active(keep, shared.id)
        await tx.resumes.set_active(other, theirs.id)
        twice = (await tx.jobs.get_many([job_ids[0]]))[job_ids[0]]
        await tx.recommendations.record(keep, [Match(twice, 50, ())], "t", NOW)
        await tx.recommendations.record(other, [Match(twice, 60, ())], "t", NOW)
        await tx.applications.add(
            NewApplication(other, None, "Acme", "Analyst", None, ApplicationStatus.APPLIED, NOW)
        )
        settings = await tx.push_settings.get(other)
        settings.digest_time = time(7, 0)
        await tx.push_settings.save(settings)
        await tx.link_codes.replace("CODE2345", other, NOW)
        (button,) = await tx.buttons.add(other, ["/plan offline a long goal"], NOW, NOW)
        await tx.commit()
    async with uow() as tx:
        dropped = await tx.users.merge(source=other, target=keep)
        await tx.commit()
    assert dropped == [new_resume(other, "a").file_key]
    async with uow() as tx:
        assert await tx.users.get(other) is None
        assert [i.key.platform for i in await tx.users.identities_of(keep)] == ["discord"]
        kept = await tx.resumes.list_for_user(keep)
        assert sorted(r.sha256[0] for r in kept) == ["a", "b"]
        assert [r.active for r in kept if r.id == shared.id] == [True]
        assert len([r for r in kept if r.active]) == 1
        assert (await tx.recommendations.seen_by([keep]))[keep] == {job_ids[0]}
        assert [a.company for a in await tx.applications.list_for_user(keep)] == ["Acme"]
        assert (await tx.push_settings.get(keep)).digest_time == time(7, 0)
        assert await tx.link_codes.take("CODE2345", NOW) is None
        assert await tx.buttons.get(keep, button, NOW) == "/plan offline a long goal"
        assert await tx.buttons.get(other, button, NOW) is None
    async with engine.connect() as conn:
        assert (await conn.execute(select(func.count()).select_from(users))).scalar_one() == 1
        assert (await conn.execute(select(func.count()).select_from(resumes))).scalar_one() == 2
