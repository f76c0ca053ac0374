"""The offline planner: a personal 12-week plan from the gap between the profile and the
target role — foundations first, then applied projects, a portfolio, and applications —
paced to the hours the person has each week."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.jobs import ROLES, Role, closest_occupation, title_terms
from domain.plans.model import CareerPlan, Milestone, PlanTask, WeeklyPlan
from domain.profiles import Profile
from domain.taxonomy import SkillTaxonomy

_GOAL = re.compile(
    r"(?:into|become(?: an?)?|to be(?: an?)?|as(?: an?)?|transition(?:ing)? to|move to|"
    r"switch to|work as(?: an?)?|career in|job in|role in|get(?: into)?)\s+(?:an?\s+)?(.+)$",
    re.IGNORECASE,
)
# A goal that names no role ("I want to …") becomes the role itself: kept to a title's
# length, and the project named after it to what a milestone title holds.
ROLE_CHARS = 60
PROJECT_CHARS = 150
_ROLE_WORDS = {
    "management": "manager",
    "engineering": "engineer",
    "design": "designer",
    "analytics": "analyst",
    "analysis": "analyst",
    "science": "scientist",
    "development": "developer",
    "marketing": "marketing manager",
    "teaching": "teacher",
    "nursing": "nurse",
    "recruiting": "recruiter",
}


def target_role(goal: str) -> str:
    """ "I want to transition into AI product management" → "AI Product Manager"."""
    text = goal.strip().rstrip(".!")
    match = _GOAL.search(text)
    role = match.group(1) if match else text
    role = re.sub(r"\b(role|position|job|career|field)s?\b", "", role, flags=re.I).strip(" ,")
    words = role.split()
    if words and words[-1].casefold() in _ROLE_WORDS:
        words[-1] = _ROLE_WORDS[words[-1].casefold()]
    titled = " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in " ".join(words).split())
    return _clip(titled, ROLE_CHARS) or "New Role"


def closest_role(role: str) -> tuple[Role | None, float]:
    """The curated role (with its core skills) closest to `role`, and how close (0..1)."""
    wanted = title_terms(role)
    best, best_score = None, 0.0
    for candidate in ROLES:
        have = title_terms(candidate.title)
        score = len(wanted & have) / len(wanted | have) if wanted | have else 0.0
        if score > best_score:
            best, best_score = candidate, score
    return best, best_score


@dataclass(frozen=True, slots=True)
class PlanInputs:
    goal: str
    profile: Profile
    hours_per_week: int
    constraints: str | None = None


def required_skills(role: str, goal: str, taxonomy: SkillTaxonomy) -> list[str]:
    """What the target role asks for: its occupation's skills plus those named in the goal."""
    found = taxonomy.find_in_text(f"{role}. {goal}")
    curated, closeness = closest_role(role)
    core = [*curated.skills, *curated.extras] if curated else []
    occupation, onet_closeness = closest_occupation(role)
    if occupation is not None and onet_closeness > closeness:
        core = list(occupation.skills[:8])  # a role outside the curated list: O*NET's tools
    return list(dict.fromkeys([*found, *core]))


def offline_plan(inputs: PlanInputs, taxonomy: SkillTaxonomy) -> CareerPlan:
    profile, hours = inputs.profile, max(2, inputs.hours_per_week)
    role = target_role(inputs.goal)
    required = required_skills(role, inputs.goal, taxonomy)
    mine = {s.casefold() for s in profile.skills}
    gap = [s for s in required if s.casefold() not in mine]
    strengths = [s for s in profile.skills if s in required] or profile.skills[:3]
    current = profile.title or "your current role"
    learn = gap[:6] or required[:3] or [role]

    weeks: list[WeeklyPlan] = []
    # Weeks 1–4: foundations, one or two missing skills a week.
    per_week = [learn[i::4] for i in range(4)]
    for week, skills in enumerate(per_week, start=1):
        topic = ", ".join(skills) if skills else f"the basics of {role} work"
        weeks.append(
            _week(
                week,
                f"Foundations: {topic}",
                hours,
                [
                    (f"Take a structured course or tutorial on {topic}", 0.5),
                    (f"Practise {topic} with small exercises and take notes", 0.35),
                    (f"Read how {role}s use {topic} at work (job ads, blog posts)", 0.15),
                ],
            )
        )
    # Weeks 5–8: an applied project that joins old strengths and new skills.
    project = _project(role, learn, strengths)
    for week, (focus, tasks) in enumerate(_project_weeks(project, learn, strengths), start=5):
        weeks.append(_week(week, focus, hours, tasks))
    # Weeks 9–10: portfolio and personal brand.
    weeks.append(
        _week(
            9,
            "Portfolio: write up the project",
            hours,
            [
                (f"Write a one-page case study of '{project}': problem, approach, result", 0.5),
                ("Publish the code or artefacts (GitHub, a portfolio page)", 0.3),
                (f"Ask one {role} for feedback on the case study", 0.2),
            ],
        )
    )
    weeks.append(
        _week(
            10,
            "Personal brand: resume and profile",
            hours,
            [
                (
                    f"Rewrite your resume for {role} roles, leading with "
                    f"{', '.join(strengths[:3])}",
                    0.45,
                ),
                (f"Update your LinkedIn headline and summary towards {role}", 0.25),
                (f"Have three informational chats with people working as {role}", 0.3),
            ],
        )
    )
    # Weeks 11–12: applications.
    weeks.append(
        _week(
            11,
            "Applications: first round",
            hours,
            [
                ("Pick 5 suitable openings with /matches and tailor your resume to each", 0.6),
                ("Send the 5 applications and track them with /applications", 0.25),
                ("Prepare stories for interviews: one per key skill", 0.15),
            ],
        )
    )
    weeks.append(
        _week(
            12,
            "Applications: follow-up and next steps",
            hours,
            [
                ("Send 5 more applications and follow up on last week's", 0.5),
                (f"Do a mock interview for a {role} role", 0.3),
                ("Review the plan: what to keep learning next quarter", 0.2),
            ],
        )
    )

    blockers = [
        f"No hands-on experience yet with {', '.join(gap[:4])}"
        if gap
        else f"Your skills fit {role} already; what's missing is proof and a title"
    ]
    if profile.title and not title_terms(profile.title) & title_terms(role):
        blockers.append(f"Moving from {current}: nothing on your resume says {role} yet")
    if profile.experience_years is not None and profile.experience_years < 2:
        blockers.append("Little work experience so far: a strong project matters even more")
    if hours < 6:
        blockers.append(f"Only {hours} hours a week: the plan keeps every week small")
    if inputs.constraints:
        blockers.append(f"Your constraint: {inputs.constraints[:200]}")
    milestones = [
        Milestone(
            title=f"Foundations in {', '.join(learn[:3])}",
            target_week=4,
            success_criteria=f"You can explain and use {', '.join(learn[:3])} in a small "
            "exercise without a tutorial",
        ),
        Milestone(
            title=f"Project '{project}' done",
            target_week=8,
            success_criteria="A working result you can demo in five minutes",
        ),
        Milestone(
            title="Portfolio and resume ready",
            target_week=10,
            success_criteria=f"Case study published; resume targeted at {role}",
        ),
        Milestone(
            title="Ten applications sent",
            target_week=12,
            success_criteria="10 tailored applications tracked in /applications",
        ),
    ]
    description = (
        f"A 12-week plan to move from {current} to {role}, at about {hours} hours a week. "
        f"It builds on what you already bring ({', '.join(strengths[:4]) or 'your experience'})"
        f" and closes the gap in {', '.join(gap[:5]) or 'proof of work'}: foundations first, "
        "then an applied project, a portfolio, and applications."
    )
    return CareerPlan(
        target_role=role,
        plan_description=description,
        blockers=blockers[:10],
        milestones=milestones,
        weekly_plans=weeks,
        skills_gap=gap[:30],
    )


def _project(role: str, learn: list[str], strengths: list[str]) -> str:
    base = strengths[0] if strengths else "your domain knowledge"
    return _clip(f"{role} project combining {base} with {learn[0]}", PROJECT_CHARS)


def _clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    words = cut.rsplit(" ", 1)[0].rstrip(" ,;:-") if " " in cut else ""
    return words or text[:limit]


def _project_weeks(
    project: str, learn: list[str], strengths: list[str]
) -> list[tuple[str, list[tuple[str, float]]]]:
    tools = ", ".join(learn[:3])
    return [
        (
            "Project: define it",
            [
                (f"Choose the problem and data for '{project}'", 0.4),
                (f"Write a one-page plan: goal, scope, and how {tools} fit", 0.3),
                ("Set up the tools and a repository", 0.3),
            ],
        ),
        (
            "Project: build the core",
            [
                (f"Build the first working version using {tools}", 0.8),
                ("Write down what you learned and what blocked you", 0.2),
            ],
        ),
        (
            "Project: improve it",
            [
                ("Improve the result with feedback from one person", 0.6),
                (
                    f"Apply {', '.join(strengths[:2]) or 'your experience'} "
                    "to make it better than a tutorial",
                    0.4,
                ),
            ],
        ),
        (
            "Project: finish and measure",
            [("Finish, test and measure the result", 0.6), ("Record a short demo", 0.4)],
        ),
    ]


def _week(week: int, focus: str, hours: int, shares: list[tuple[str, float]]) -> WeeklyPlan:
    tasks = [
        PlanTask(title=title, hours=max(0.5, round(hours * share * 2) / 2))
        for title, share in shares
    ]
    return WeeklyPlan(week=week, focus=focus[:200], tasks=tasks)
