"""What career plans need from storage."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from domain.plans.model import CareerPlan, StoredPlan, TaskState
from domain.ports import Transaction, UnitOfWorkFactory

if TYPE_CHECKING:
    from domain.accounts import UserRepository
    from domain.profiles import ProfileRepository


class PlanRepository(Protocol):
    """Career plans (oldest first) and their task checklists."""

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
    ) -> StoredPlan: ...

    async def list_for_user(self, user_id: int) -> list[StoredPlan]: ...

    async def tasks(self, plan_id: int) -> list[TaskState]: ...

    async def mark_done(self, task_id: int, now: datetime | None) -> None: ...

    async def latest_since(self, created_after: datetime) -> list[StoredPlan]:
        """Each active user's newest plan, if made after `created_after`."""
        ...


class PlansUnitOfWork(Transaction, Protocol):
    """The repositories the plans services use inside one transaction."""

    plans: PlanRepository
    profiles: ProfileRepository
    users: UserRepository


PlansUnitOfWorkFactory = UnitOfWorkFactory[PlansUnitOfWork]
