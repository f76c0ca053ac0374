"""/start: greet, explain, and fill the basics of the profile with a few questions.

The questions are a small state machine kept in the database (flow "onboarding"), so a
restart between two answers loses nothing. Any answer can be "skip".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from domain.errors import InvalidField
from domain.profiles import Profile, parse_location_answer, set_field
from handlers.chat.commands import Command
from handlers.chat.context import Context
from handlers.chat.messages import Button, Reply
from handlers.profiles.commands import render_profile

FLOW = "onboarding"
SKIP_WORDS = {"skip", "pass", "-", "next", "n/a", "na"}


def _set_location(profile: Profile, answer: str) -> Profile:
    locations, remote = parse_location_answer(answer)
    if not locations and remote is None:
        raise InvalidField("locations", "name a city or say remote, hybrid or onsite")
    if locations:
        profile = set_field(profile, "locations", ", ".join(locations))
    if remote is not None:
        profile = set_field(profile, "remote", remote)
    return profile


@dataclass(frozen=True, slots=True)
class Question:
    """One onboarding step: what is asked, how the answer lands in the profile, and which
    profile fields already answer it."""

    step: str
    text: str
    apply: Callable[[Profile, str], Profile]
    answered_by: tuple[str, ...]

    def answered(self, profile: Profile) -> bool:
        return any(getattr(profile, field) not in (None, []) for field in self.answered_by)


QUESTIONS: tuple[Question, ...] = (
    Question(
        "title",
        "1/4 What is your current job title? (e.g. 'Data Analyst', 'student', 'between jobs')",
        lambda p, a: set_field(p, "title", a),
        ("title",),
    ),
    Question(
        "target",
        "2/4 Which role do you want next? Several are fine, separated by commas.",
        lambda p, a: set_field(p, "target_roles", a),
        ("target_roles",),
    ),
    Question(
        "location",
        "3/4 Where do you want to work? Cities, and remote/hybrid/onsite — e.g. 'Berlin, remote'.",
        _set_location,
        ("locations", "remote"),
    ),
    Question(
        "timezone",
        "4/4 Which time zone are you in? e.g. Europe/Berlin, America/New_York, or just a city.",
        lambda p, a: set_field(p, "timezone", a),
        ("timezone",),
    ),
)
_BY_STEP = {q.step: i for i, q in enumerate(QUESTIONS)}

WELCOME = (
    "Hi {name}! I'm CareerBot, your career assistant.\n\n"
    "I keep a career profile for you and use it to help with your next move. "
    "Everything I know about you stays yours: you can see it with /profile.\n\n"
    "The quickest start: send me your resume as a file (PDF, DOCX or TXT) and I'll fill "
    "your profile from it. Or answer four quick questions (say 'skip' to any of them)."
)

WELCOME_BACK = (
    "Welcome back, {name}! Your profile is below. Want to go through the questions again?"
)


async def start_command(ctx: Context, args: str) -> list[Reply]:
    """Greet; ask the onboarding questions (again, if the user wants)."""
    name = ctx.user.display_name
    profile = await ctx.services.profiles.get(ctx.user.id)
    if not profile.is_empty() and args.casefold() != "again":
        return [
            Reply(
                WELCOME_BACK.format(name=name) + "\n\n" + render_profile(profile),
                buttons=(
                    Button("Answer the questions again", "/start again"),
                    Button("Show commands", "/help"),
                ),
            )
        ]
    await ctx.start_flow(FLOW, QUESTIONS[0].step)
    return [Reply(WELCOME.format(name=name)), Reply(QUESTIONS[0].text)]


async def answer(ctx: Context, text: str) -> list[Reply]:
    """Take the answer to the current question, then ask the next one or finish."""
    assert ctx.state is not None
    index = _BY_STEP.get(ctx.state.step, 0)
    question = QUESTIONS[index]
    replies: list[Reply] = []
    if text.strip().casefold() not in SKIP_WORDS:
        try:
            await ctx.services.profiles.edit(ctx.user.id, lambda p: question.apply(p, text))
        except InvalidField as exc:
            return [Reply(f"Hmm, {exc.reason}. {question.text}\n(Or 'skip', or /cancel to stop.)")]
    if index + 1 < len(QUESTIONS):
        await ctx.start_flow(FLOW, QUESTIONS[index + 1].step)
        replies.append(Reply(QUESTIONS[index + 1].text))
        return replies
    await ctx.end_flow()
    profile = await ctx.services.profiles.get(ctx.user.id)
    replies.append(
        Reply(
            "Thanks, that's the basics.\n\n"
            + render_profile(profile)
            + "\n\nYou can change anything with /profile set <field> <value>. Next: "
            "/matches for jobs that fit, /plan for a 12-week plan, and /digest 08:30 for "
            "a daily digest of new matches in your time zone. /help shows everything.",
            buttons=(
                Button("My matches", "/matches"),
                Button("Daily digest at 08:30", "/digest 08:30"),
                Button("Show commands", "/help"),
            ),
        )
    )
    return replies


async def resume_after_upload(ctx: Context, profile: Profile) -> list[Reply]:
    """A resume arrived mid-onboarding: skip what it answered, ask what it didn't."""
    for question in QUESTIONS:
        if not question.answered(profile):
            await ctx.start_flow(FLOW, question.step)
            return [Reply("Let's finish the basics. " + question.text)]
    await ctx.end_flow()
    return [Reply("That covers the basics — see /help for what we can do next.")]


COMMANDS = (
    Command(
        "start",
        start_command,
        "set up your profile: send a resume or answer 4 questions",
        "[again]",
        ("/start — greet and ask the onboarding questions", "/start again — redo them"),
    ),
)
