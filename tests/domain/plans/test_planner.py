"""The offline planner and the plan schema."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from domain.plans import (
    CareerPlan,
    PlanInputs,
    StoredPlan,
    TaskState,
    current_week,
    offline_plan,
    progress,
    target_role,
    weekly_checkin,
)
from domain.profiles import Profile
from domain.taxonomy import bundled_taxonomy

GOAL = "I want to transition into AI product management"
ENGINEER = Profile(title="Software Engineer", skills=["Python", "SQL", "Agile"], experience_years=6)
NURSE = Profile(title="Registered Nurse", skills=["Communication", "Teamwork"], experience_years=1)


@pytest.mark.parametrize(
    ("goal", "role"),
    [
        (GOAL, "AI Product Manager"),
        ("become a data analyst", "Data Analyst"),
        ("Help me get into UX design", "UX Designer"),
        ("Data Engineer", "Data Engineer"),
    ],
)
def test_target_role(goal: str, role: str) -> None:
    assert target_role(goal) == role


def plan_for(profile: Profile, hours: int = 8, constraints: str | None = None) -> CareerPlan:
    return offline_plan(PlanInputs(GOAL, profile, hours, constraints), bundled_taxonomy())


def test_offline_plan_is_complete_and_built_on_the_real_gap() -> None:
    plan = plan_for(ENGINEER)
    assert CareerPlan.model_validate(plan.model_dump()) == plan
    assert [w.week for w in plan.weekly_plans] == list(range(1, 13))
    assert "Product Management" in plan.skills_gap
    assert "Python" not in plan.skills_gap
    assert "Agile" not in plan.skills_gap
    assert "Product Management" in plan.blockers[0]
    foundations = " ".join(w.focus for w in plan.weekly_plans[:4])
    assert all(skill in foundations for skill in plan.skills_gap[:4])
    assert plan.weekly_plans[10].focus.startswith("Applications")


def test_two_profiles_get_visibly_different_plans() -> None:
    engineer, nurse = plan_for(ENGINEER), plan_for(NURSE, hours=4, constraints="no travel")
    assert engineer.target_role == nurse.target_role
    assert engineer.skills_gap != nurse.skills_gap
    assert engineer.blockers != nurse.blockers
    assert any("Only 4 hours a week" in b for b in nurse.blockers)
    assert any("no travel" in b for b in nurse.blockers)
    assert "Registered Nurse" in nurse.plan_description
    assert engineer.weekly_plans[4].tasks != nurse.weekly_plans[4].tasks


@pytest.mark.parametrize("hours", [2, 5, 12])
def test_weeks_fit_the_hours(hours: int) -> None:
    for week in plan_for(ENGINEER, hours).weekly_plans:
        assert sum(t.hours for t in week.tasks) <= hours + 1


def test_schema_rejects_half_plans() -> None:
    data = plan_for(ENGINEER).model_dump()
    duplicated = [*data["weekly_plans"][:11], data["weekly_plans"][0]]
    with pytest.raises(ValidationError, match="weeks 1 to 12"):
        CareerPlan.model_validate({**data, "weekly_plans": duplicated})
    with pytest.raises(ValidationError, match="at least 12"):
        CareerPlan.model_validate({**data, "weekly_plans": data["weekly_plans"][:11]})
    bad_milestone = {**data, "milestones": [{**data["milestones"][0], "target_week": 14}] * 2}
    with pytest.raises(ValidationError, match="target_week"):
        CareerPlan.model_validate(bad_milestone)
    with pytest.raises(ValidationError, match="goal_id"):
        CareerPlan.model_validate({**data, "goal_id": "not-a-uuid"})


def test_progress_weeks_and_checkin() -> None:
    start = datetime(2026, 3, 2, tzinfo=UTC)
    stored = StoredPlan(1, 1, GOAL, plan_for(ENGINEER), "offline", 0, 0, 5, start)
    tasks = [
        TaskState(n, 1, w.week, i, t.title, t.hours, None)
        for n, (w, i, t) in enumerate(
            ((w, i, t) for w in stored.plan.weekly_plans for i, t in enumerate(w.tasks, 1)), start=1
        )
    ]
    tasks[0].done_at = start
    assert progress(tasks) == round(100 / len(tasks))
    assert current_week(stored, start + timedelta(days=6)) == 1
    assert current_week(stored, start + timedelta(days=7)) == 2
    assert current_week(stored, start + timedelta(days=400)) == 12
    message = weekly_checkin(stored, tasks, start + timedelta(days=8))
    assert message.startswith("Week 2 of your plan to become AI Product Manager")
    assert "Last week you finished 1 of 3 tasks." in message
    assert "1. " in message


def test_roles_outside_the_curated_list_use_onet_occupations() -> None:
    from domain.plans import required_skills

    skills = required_skills("Actuary", "become an actuary", bundled_taxonomy())
    assert {"R", "SPSS"} <= set(skills)
    plan = offline_plan(PlanInputs("become an actuary", ENGINEER, 6), bundled_taxonomy())
    assert "SPSS" in plan.skills_gap


def test_a_long_goal_without_a_role_still_makes_a_valid_plan() -> None:
    goal = "Ich möchte ins KI-Produktmanagement wechseln und meine Erfahrung aus " * 3
    assert len(target_role(goal)) <= 60
    plan = offline_plan(
        PlanInputs(goal, Profile(title="Buyer", skills=["SAP"]), 6), bundled_taxonomy()
    )
    assert plan.target_role == target_role(goal)


def test_a_goal_with_no_spaces_is_cut_to_a_role_length() -> None:
    assert len(target_role("x" * 300)) <= 60
