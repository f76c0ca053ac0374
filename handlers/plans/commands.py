"""/plan <goal> (asking first for what the profile lacks), /plans, /plan show N,
/plan export, /tasks and /done N."""

from __future__ import annotations

from domain.ai import AIError
from domain.errors import InvalidField
from domain.plans import (
    OFFLINE,
    NoPlanYet,
    PlanFailed,
    StoredPlan,
    TaskState,
    current_week,
    missing_for_plan,
    progress,
)
from domain.profiles import set_field
from handlers.chat.commands import Command
from handlers.chat.context import Context
from handlers.chat.errors import explain, explains, tell
from handlers.chat.messages import Button, OutgoingFile, Reply

FLOW = "plan"
QUESTIONS = {
    "title": "What do you do now? (your current job title, or 'student', 'career break')",
    "skills": "Which skills do you already have? A few, separated by commas.",
    "hours_per_week": "How many hours a week can you spend on this move? (e.g. 6)",
}
PLAN_USAGE = "/plan <goal> — e.g. /plan I want to move into AI product management"
PLANS_USAGE = "/plans — your plans with progress; /plan show N; /plan export — all as one JSON file"
TASKS_USAGE = "/tasks — this week's tasks; /done N — tick one off"
NO_PLAN_YET = "You have no plan yet, so no tasks. Start one with /plan <goal>."


async def plan_command(ctx: Context, args: str) -> list[Reply]:
    words = args.split()
    if not words:
        return [Reply("What's your goal? e.g. /plan I want to move into AI product management")]
    head = words[0].casefold()
    if head == "show" and len(words) == 2 and words[1].isdigit():
        plan, tasks = await ctx.services.plans.get(ctx.user.id, int(words[1]))
        return [Reply(render_plan(plan, tasks, ctx))]
    if head == "export" and len(words) == 1:
        if not await ctx.services.plans.plans(ctx.user.id):
            return [Reply("You have no plans yet. Start one with /plan <goal>.")]
        name, data = await ctx.services.plans.export_all(ctx.user.id)
        return [
            Reply(
                "All your plans, as one JSON file.",
                files=(OutgoingFile(name, data, "application/json"),),
            )
        ]
    offline = head == "offline"
    goal = " ".join(words[1:] if offline else words)
    profile = await ctx.services.profiles.get(ctx.user.id)
    missing = missing_for_plan(profile)
    if missing:
        await ctx.start_flow(FLOW, missing[0], {"goal": goal, "offline": offline})
        return [
            Reply("Happy to plan that with you. First, a few things I need to know."),
            Reply(QUESTIONS[missing[0]] + "  (/cancel to stop)"),
        ]
    return await _make(ctx, goal, offline)


async def answer(ctx: Context, text: str) -> list[Reply]:
    """An answer to one of the plan questions; the plan is made once nothing is missing."""
    assert ctx.state is not None
    field = ctx.state.step
    try:
        await ctx.services.profiles.edit(ctx.user.id, lambda p: set_field(p, field, text))
    except InvalidField as exc:
        return [Reply(f"Hmm, {exc.reason}. {QUESTIONS[field]}")]
    profile = await ctx.services.profiles.get(ctx.user.id)
    missing = missing_for_plan(profile)
    if missing:
        await ctx.start_flow(FLOW, missing[0], ctx.state.data)
        return [Reply(QUESTIONS[missing[0]])]
    data = ctx.state.data
    await ctx.end_flow()
    return await _make(ctx, str(data.get("goal", "")), bool(data.get("offline")))


async def _make(ctx: Context, goal: str, offline: bool) -> list[Reply]:
    try:
        stored, tasks, name, data = await ctx.services.plans.create(ctx.user.id, goal, offline)
    except (PlanFailed, AIError) as exc:
        return [
            Reply(
                f"I couldn't make a complete plan with the language model. {tell(exc)} "
                "Nothing was saved; I can make one with my offline planner instead.",
                buttons=(Button("Make an offline plan", f"/plan offline {goal}"),),
            )
        ]
    return [
        Reply(
            render_plan(stored, tasks, ctx),
            files=(OutgoingFile(name, data, "application/json"),),
            buttons=(Button("This week's tasks", "/tasks"), Button("All plans", "/plans")),
        )
    ]


def render_plan(stored: StoredPlan, tasks: list[TaskState], ctx: Context) -> str:
    plan = stored.plan
    made_by = "my offline planner" if stored.model == OFFLINE else stored.model
    week = current_week(stored, ctx.clock.now())
    lines = [
        f"Your plan: {plan.target_role} (made by {made_by}, {progress(tasks)}% done)",
        "",
        plan.plan_description,
        "",
        "What stands in the way:",
    ]
    lines += [f"• {b}" for b in plan.blockers]
    lines += ["", "Milestones:"]
    lines += [f"• Week {m.target_week}: {m.title} — {m.success_criteria}" for m in plan.milestones]
    current = next(w for w in plan.weekly_plans if w.week == week)
    lines += ["", f"Week {week}: {current.focus}"]
    lines += [f"{n}. {t.title} (~{t.hours:g} h)" for n, t in enumerate(current.tasks, start=1)]
    lines += ["", "The full 12 weeks are in the attached JSON file. Tick tasks off with /done N."]
    return "\n".join(lines)


async def plans_command(ctx: Context, args: str) -> list[Reply]:
    plans = await ctx.services.plans.plans(ctx.user.id)
    if not plans:
        return [Reply("You have no plans yet. Tell me where you want to go: /plan <goal>")]
    lines = ["Your plans:"]
    for number, stored in enumerate(plans, start=1):
        _, tasks = await ctx.services.plans.get(ctx.user.id, number)
        lines.append(
            f"{number}. {stored.plan.target_role} — {progress(tasks)}% done — since "
            f"{stored.created_at:%Y-%m-%d}"
        )
    return [Reply("\n".join([*lines, "", PLANS_USAGE, TASKS_USAGE]))]


async def tasks_command(ctx: Context, args: str) -> list[Reply]:
    found = await ctx.services.plans.this_week(ctx.user.id)
    if found is None:
        return [Reply(NO_PLAN_YET)]
    plan, week, week_tasks, tasks = found
    focus = next(w.focus for w in plan.plan.weekly_plans if w.week == week)
    lines = [f"Week {week} of 12 — {focus} ({plan.plan.target_role}, {progress(tasks)}% done)"]
    lines += [
        f"{n}. [{'x' if t.done_at else ' '}] {t.title} (~{t.hours:g} h)"
        for n, t in enumerate(week_tasks, start=1)
    ]
    lines.append("Tick one off with /done N.")
    return [Reply("\n".join(lines))]


async def done_command(ctx: Context, args: str) -> list[Reply]:
    if not args.strip().isdigit():
        return [Reply("Which task? e.g. /done 2 (the numbers from /tasks)")]
    task, tasks = await ctx.services.plans.done(ctx.user.id, int(args))
    return [Reply(f"Done: {task.title}. Plan progress: {progress(tasks)}%.")]


COMMANDS = (
    Command(
        "plan",
        plan_command,
        "a 12-week plan towards a new role",
        "<goal> | show N | export",
        (PLAN_USAGE, PLANS_USAGE, TASKS_USAGE),
    ),
    Command("plans", plans_command, "your plans and their progress", "", (PLANS_USAGE,)),
    Command("tasks", tasks_command, "this week's plan tasks", "", (TASKS_USAGE,)),
    Command("done", done_command, "tick a task off: /done 2", "<N>", (TASKS_USAGE,), in_menu=False),
)


explain({NoPlanYet: NO_PLAN_YET})


@explains(PlanFailed)
def _plan_failed(exc: PlanFailed) -> str:
    return exc.reason
