"""Career plans and their task checklists in SQL, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.plans import PlanInputs, offline_plan
from domain.profiles import Profile
from domain.taxonomy import bundled_taxonomy
from storage.unit_of_work import SqlUnitOfWorkFactory

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PLAN = offline_plan(
    PlanInputs("become a data engineer", Profile(title="Analyst", skills=["SQL"]), 6),
    bundled_taxonomy(),
)


async def test_plans_keep_their_tasks_and_the_newest_per_user(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        ann = (await tx.users.add("Ann", NOW)).id
        gone = (await tx.users.add("Gone", NOW)).id
        first = await tx.plans.add(ann, "first goal", PLAN, "offline", 0, 0, 5, NOW)
        second = await tx.plans.add(
            ann, "second goal", PLAN, "gpt-4o-mini", 1200, 900, 3000, NOW + timedelta(days=1)
        )
        await tx.plans.add(gone, "their goal", PLAN, "offline", 0, 0, 5, NOW + timedelta(days=1))
        await tx.users.set_active(gone, False)
        await tx.commit()
    async with uow.read() as tx:
        plans = await tx.plans.list_for_user(ann)
        assert [p.goal for p in plans] == ["first goal", "second goal"]  # oldest first
        assert plans[1].plan == PLAN
        assert (plans[1].model, plans[1].prompt_tokens, plans[1].completion_tokens) == (
            "gpt-4o-mini",
            1200,
            900,
        )
        tasks = await tx.plans.tasks(first.id)
        assert len(tasks) == sum(len(w.tasks) for w in PLAN.weekly_plans)
        assert not any(t.done_at for t in tasks)
        newest = await tx.plans.latest_since(NOW)
        assert [p.id for p in newest] == [second.id]  # inactive users get no check-ins
    async with uow() as tx:
        await tx.plans.mark_done(tasks[0].id, NOW)
        await tx.plans.mark_done(tasks[1].id, NOW)
        await tx.plans.mark_done(tasks[1].id, None)  # ticked off by mistake
        await tx.commit()
    async with uow.read() as tx:
        done = [t.done_at for t in await tx.plans.tasks(first.id)][:3]
        assert done == [NOW, None, None]
        assert await tx.plans.latest_since(NOW + timedelta(days=2)) == []
