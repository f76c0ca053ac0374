"""Making, keeping and exporting career plans, and ticking their tasks off."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass

from domain.ai import AIGateway, AIOutputInvalid, AIOutputTruncated, Prompt
from domain.clock import Clock
from domain.errors import DomainError, numbered
from domain.plans.model import CareerPlan, StoredPlan, TaskState, current_week
from domain.plans.planner import PlanInputs, offline_plan, required_skills, target_role
from domain.plans.ports import PlansUnitOfWorkFactory
from domain.ports import ExportStore
from domain.profiles import PROFILE_FIELDS, Profile, display_value
from domain.taxonomy import SkillTaxonomy

OFFLINE = "offline"
NEEDED = ("title", "skills", "hours_per_week")
SYSTEM = (
    "You are an experienced career coach. You write concrete, realistic 12-week career "
    "transition plans for one specific person, built on their real profile: what they already "
    "bring, what they lack for the target role, and how many hours a week they have. Never "
    "invent facts about the person. Foundations first, then applied projects, then a "
    "portfolio, then applications. Every week's tasks must fit the weekly hours."
)


class PlanFailed(DomainError):
    """The model's plan did not hold together after one repair; nothing was stored."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NoPlanYet(DomainError):
    """The user asked about their plan's tasks before making a plan."""


def missing_for_plan(profile: Profile) -> list[str]:
    """Profile fields a good plan needs that are still empty."""
    return [f for f in NEEDED if getattr(profile, f) in (None, [], "")]


@dataclass(frozen=True, slots=True)
class PlanService:
    uow: PlansUnitOfWorkFactory
    gateway: AIGateway
    taxonomy: SkillTaxonomy
    exports: ExportStore
    clock: Clock

    async def create(
        self, user_id: int, goal: str, offline: bool = False
    ) -> tuple[StoredPlan, list[TaskState], str, bytes]:
        """Make a plan for `goal`, store it with its tasks, and write it as JSON.
        Returns the plan, its tasks, the file name and the file's bytes."""
        async with self.uow.read() as uow:
            profile = await uow.profiles.get(user_id)
            user = await uow.users.get(user_id)
        inputs = PlanInputs(goal[:500], profile, profile.hours_per_week or 5, profile.constraints)
        started = time.perf_counter()
        if self.gateway.available and not offline:
            plan, model, used_in, used_out = await self._with_model(user_id, inputs)
        else:
            plan, model, used_in, used_out = offline_plan(inputs, self.taxonomy), OFFLINE, 0, 0
        elapsed = int((time.perf_counter() - started) * 1000)
        now = self.clock.now()
        async with self.uow() as uow:
            stored = await uow.plans.add(
                user_id, inputs.goal, plan, model, used_in, used_out, elapsed, now
            )
            tasks = await uow.plans.tasks(stored.id)
            await uow.commit()
        who = re.sub(r"[^A-Za-z0-9]+", "_", profile.name or (user.display_name if user else "me"))
        name = f"career_plan_{who.strip('_').lower() or 'me'}_{now:%Y%m%dT%H%M%S}.json"
        data = json.dumps(export_document(stored), indent=2, ensure_ascii=False).encode()
        await self.exports.write(name, data)
        return stored, tasks, name, data

    async def _with_model(
        self, user_id: int, inputs: PlanInputs
    ) -> tuple[CareerPlan, str, int, int]:
        role = target_role(inputs.goal)
        profile = inputs.profile
        facts = "\n".join(
            f"{s.label}: {v}"
            for s in PROFILE_FIELDS
            if (v := display_value(profile, s)) is not None
        )
        required = required_skills(role, inputs.goal, self.taxonomy)
        mine = {s.casefold() for s in profile.skills}
        gap = [s for s in required if s.casefold() not in mine]
        prompt = Prompt(
            system=SYSTEM,
            instructions=(
                f"Write the plan for the goal below. Target role: {role}. The person has "
                f"{inputs.hours_per_week} hours a week. Skills the role usually needs that "
                f"their profile lacks: {', '.join(gap) or 'none found'}. Use exactly 12 "
                "weekly_plans (weeks 1–12), 2–8 milestones with target weeks 1–12, and a "
                "fresh UUID as goal_id."
            ),
            material={
                "goal": inputs.goal,
                "profile": facts or "(empty)",
                "constraints": inputs.constraints or "none",
            },
        )
        try:
            result = await self.gateway.structured_with_usage("plans", user_id, prompt, CareerPlan)
        except AIOutputInvalid as exc:
            raise PlanFailed(f"the model's plan was incomplete ({exc.problems[:200]})") from exc
        except AIOutputTruncated as exc:
            raise PlanFailed("the model's plan was cut off before the end") from exc
        return result.value, result.model, result.prompt_tokens, result.completion_tokens

    async def plans(self, user_id: int) -> list[StoredPlan]:
        async with self.uow.read() as uow:
            return await uow.plans.list_for_user(user_id)

    async def get(self, user_id: int, number: int) -> tuple[StoredPlan, list[TaskState]]:
        async with self.uow.read() as uow:
            mine = await uow.plans.list_for_user(user_id)
            plan = numbered(mine, number, "plan")
            return plan, await uow.plans.tasks(plan.id)

    async def latest(self, user_id: int) -> tuple[StoredPlan, list[TaskState]] | None:
        async with self.uow.read() as uow:
            mine = await uow.plans.list_for_user(user_id)
            if not mine:
                return None
            return mine[-1], await uow.plans.tasks(mine[-1].id)

    async def this_week(
        self, user_id: int
    ) -> tuple[StoredPlan, int, list[TaskState], list[TaskState]] | None:
        """(plan, week number, this week's tasks, all tasks) of the newest plan."""
        found = await self.latest(user_id)
        if found is None:
            return None
        plan, tasks = found
        week = current_week(plan, self.clock.now())
        return plan, week, [t for t in tasks if t.week == week], tasks

    async def done(self, user_id: int, number: int) -> tuple[TaskState, list[TaskState]]:
        """Tick off task `number` of this week's list (as /tasks numbers them)."""
        found = await self.this_week(user_id)
        if found is None:
            raise NoPlanYet()
        _, _, week_tasks, tasks = found
        task = numbered(week_tasks, number, "task")
        if task.done_at is None:
            task.done_at = self.clock.now()
            async with self.uow() as uow:
                await uow.plans.mark_done(task.id, task.done_at)
                await uow.commit()
        return task, tasks

    async def export_all(self, user_id: int) -> tuple[str, bytes]:
        plans = await self.plans(user_id)
        data = json.dumps(
            [export_document(p) for p in plans], indent=2, ensure_ascii=False
        ).encode()
        name = f"career_plans_{self.clock.now():%Y%m%dT%H%M%S}.json"
        await self.exports.write(name, data)
        return name, data


def export_document(stored: StoredPlan) -> dict[str, object]:
    return {
        **stored.plan.model_dump(mode="json"),
        "goal": stored.goal,
        "created_at": stored.created_at.isoformat(),
        "generated_by": stored.model,
        "tokens": {"prompt": stored.prompt_tokens, "completion": stored.completion_tokens},
        "processing_ms": stored.processing_ms,
    }
