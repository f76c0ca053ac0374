"""Career plans and their tasks in SQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.plans import CareerPlan, StoredPlan, TaskState
from storage.rows import from_row
from storage.tables import plan_tasks, plans, users


def _to_plan(row: Any) -> StoredPlan:
    return from_row(StoredPlan, row, plan=CareerPlan.model_validate(row["document"]))


class SqlPlanRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def add(
        self,
        user_id: int,
        goal: str,
        plan: CareerPlan,
        model: str,
        prompt_tokens: int,
        completion_tokens: int,
        processing_ms: int,
        now: datetime,
    ) -> StoredPlan:
        values = {
            "user_id": user_id,
            "goal": goal,
            "document": plan.model_dump(mode="json"),
            "model": model,
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "processing_ms": processing_ms,
            "created_at": now,
        }
        result = await self._conn.execute(insert(plans).values(**values).returning(plans.c.id))
        plan_id = result.scalar_one()
        rows = [
            {
                "plan_id": plan_id,
                "week": week.week,
                "position": n,
                "title": task.title,
                "hours": task.hours,
                "done_at": None,
            }
            for week in plan.weekly_plans
            for n, task in enumerate(week.tasks, start=1)
        ]
        await self._conn.execute(insert(plan_tasks), rows)
        return _to_plan({**values, "id": plan_id})

    async def list_for_user(self, user_id: int) -> list[StoredPlan]:
        rows = await self._conn.execute(
            select(plans).where(plans.c.user_id == user_id).order_by(plans.c.created_at, plans.c.id)
        )
        return [_to_plan(r._mapping) for r in rows]

    async def latest_since(self, created_after: datetime) -> list[StoredPlan]:
        newest = (
            select(plans.c.user_id, func.max(plans.c.id).label("id"))
            .group_by(plans.c.user_id)
            .subquery()
        )
        rows = await self._conn.execute(
            select(plans)
            .join(newest, newest.c.id == plans.c.id)
            .join(users, users.c.id == plans.c.user_id)
            .where(plans.c.created_at > created_after, users.c.active.is_(True))
            .order_by(plans.c.id)
        )
        return [_to_plan(r._mapping) for r in rows]

    async def tasks(self, plan_id: int) -> list[TaskState]:
        rows = await self._conn.execute(
            select(plan_tasks)
            .where(plan_tasks.c.plan_id == plan_id)
            .order_by(plan_tasks.c.week, plan_tasks.c.position)
        )
        return [from_row(TaskState, r) for r in rows]

    async def mark_done(self, task_id: int, now: datetime | None) -> None:
        await self._conn.execute(
            update(plan_tasks).where(plan_tasks.c.id == task_id).values(done_at=now)
        )
