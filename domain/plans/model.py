"""Career transition plans: the schema every plan must satisfy, and progress on its tasks."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, Field, field_validator, model_validator

WEEKS = 12


class Milestone(BaseModel):
    title: str = Field(min_length=3, max_length=200)
    target_week: int = Field(ge=1, le=WEEKS)
    success_criteria: str = Field(min_length=3, max_length=500)


class PlanTask(BaseModel):
    title: str = Field(min_length=3, max_length=300)
    hours: float = Field(gt=0, le=40)


class WeeklyPlan(BaseModel):
    week: int = Field(ge=1, le=WEEKS)
    focus: str = Field(min_length=3, max_length=200)
    tasks: list[PlanTask] = Field(min_length=1, max_length=8)


class CareerPlan(BaseModel):
    """A complete plan. Anything less (11 weeks, a milestone in week 14) is rejected."""

    goal_id: str = Field(default_factory=lambda: str(uuid.uuid4()))
    target_role: str = Field(min_length=2, max_length=120)
    plan_description: str = Field(min_length=10, max_length=2000)
    blockers: list[str] = Field(min_length=1, max_length=10)
    milestones: list[Milestone] = Field(min_length=2, max_length=8)
    weekly_plans: list[WeeklyPlan] = Field(min_length=WEEKS, max_length=WEEKS)
    skills_gap: list[str] = Field(default_factory=list, max_length=30)

    @field_validator("goal_id")
    @classmethod
    def _uuid(cls, value: str) -> str:
        return str(uuid.UUID(value))

    @model_validator(mode="after")
    def _twelve_distinct_weeks(self) -> CareerPlan:
        if sorted(w.week for w in self.weekly_plans) != list(range(1, WEEKS + 1)):
            raise ValueError(f"weekly_plans must cover weeks 1 to {WEEKS}, once each")
        self.weekly_plans.sort(key=lambda w: w.week)
        return self


@dataclass(slots=True)
class StoredPlan:
    """A plan as kept for a user, with how it was made."""

    id: int
    user_id: int
    goal: str
    plan: CareerPlan
    model: str
    prompt_tokens: int
    completion_tokens: int
    processing_ms: int
    created_at: datetime


@dataclass(slots=True)
class TaskState:
    id: int
    plan_id: int
    week: int
    position: int
    title: str
    hours: float
    done_at: datetime | None


def current_week(plan: StoredPlan, now: datetime) -> int:
    """Week 1 starts when the plan is made; after week 12 it stays at 12."""
    return min(WEEKS, (now - plan.created_at).days // 7 + 1)


def progress(tasks: list[TaskState]) -> int:
    """Percentage of tasks done."""
    return round(100 * sum(1 for t in tasks if t.done_at) / len(tasks)) if tasks else 0


def weekly_checkin(plan: StoredPlan, tasks: list[TaskState], now: datetime) -> str:
    """The weekly check-in message the scheduler sends: last week's result, this week's focus."""
    week = current_week(plan, now)
    this_week = [t for t in tasks if t.week == week]
    last_week = [t for t in tasks if t.week == week - 1]
    focus = next((w.focus for w in plan.plan.weekly_plans if w.week == week), "")
    lines = [
        f"Week {week} of your plan to become {plan.plan.target_role} ({progress(tasks)}% done)."
    ]
    if last_week:
        done = sum(1 for t in last_week if t.done_at)
        lines.append(f"Last week you finished {done} of {len(last_week)} tasks.")
    lines.append(f"This week: {focus}")
    lines += [f"{n}. {t.title} (~{t.hours:g} h)" for n, t in enumerate(this_week, start=1)]
    lines.append("Tick tasks off with /done N. See everything with /tasks.")
    return "\n".join(lines)
