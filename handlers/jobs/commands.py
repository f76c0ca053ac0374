"""/matches, /job save|applied|dismiss, bulk /save /applied /dismiss, /search and /prefs."""

from __future__ import annotations

import re
from dataclasses import replace

from domain.jobs import Job, Match, ProfileTooThin
from domain.profiles import (
    clear_field,
    display_value,
    find_field,
    set_field,
)
from handlers.chat.commands import Command
from handlers.chat.context import Context, Handler
from handlers.chat.errors import explain
from handlers.chat.messages import Button, Reply
from handlers.jobs.job_data import job_data

_SYMBOL = {"EUR": "€", "USD": "$", "GBP": "£"}
PREF_FIELDS = ("locations", "remote", "salary_floor", "keywords", "excluded_companies")
BULK_USAGE = "/save 12 17 — save several jobs at once (likewise /applied and /dismiss)"
SEARCH_USAGE = "/search <words> — search the whole catalog"
MATCH_USAGE = (
    "/matches — your best matching jobs; /matches 2 for the next page",
    BULK_USAGE,
    SEARCH_USAGE,
)
PREFS_CHANGES = (
    "/prefs locations Berlin, London",
    "/prefs remote remote|hybrid|onsite|any",
    "/prefs salary 70k — hide jobs that pay less",
    "/prefs keywords python, climate — only jobs mentioning one of them",
    "/prefs exclude Acme, Initech — never show jobs at these companies",
    "/prefs clear keywords",
)
PREFS_USAGE = ("/prefs — show your job filters", *PREFS_CHANGES)


def salary_text(job: Job) -> str | None:
    if job.salary_min is None and job.salary_max is None:
        return None
    symbol = _SYMBOL.get(job.salary_currency or "", "")
    code = "" if symbol else f" {job.salary_currency or ''}".rstrip()
    amounts = [f"{symbol}{v:,}" for v in (job.salary_min, job.salary_max) if v is not None]
    return f"{'–'.join(dict.fromkeys(amounts))}{code}/{job.salary_interval or 'year'}"


THATS_ALL = (
    "That's all the jobs that fit you well for now. New jobs arrive regularly — try again "
    "later, or widen your filters with /prefs."
)
# What to say when one filter alone hides every match.
RELAX = {
    "locations": "Your places filter hides them all: add places (/prefs locations Berlin, "
    "London) or remove it (/prefs clear locations)",
    "remote": "Your work-mode filter hides them all: /prefs remote any shows every mode",
    "salary_floor": "Your salary floor hides them all: lower it (/prefs salary 50k) or "
    "remove it (/prefs clear salary)",
    "keywords": "Your keywords hide them all: change them (/prefs keywords python) or "
    "remove them (/prefs clear keywords)",
}


def job_card(job: Job, match: Match | None = None) -> str:
    facts = [job.location]
    if salary := salary_text(job):
        facts.append(salary)
    if job.employment_type:
        facts.append(job.employment_type)
    lines = [f"#{job.id} · {job.title} — {job.company}", " · ".join(facts)]
    if match is not None:
        lines.append(f"Match {match.score}/100: " + " · ".join(match.reasons))
    if job.url:
        lines.append(job.url)
    return "\n".join(lines)


def job_buttons(job_id: int | None) -> tuple[Button, ...]:
    return (
        Button("Save", f"/job save {job_id}"),
        Button("Applied", f"/job applied {job_id}"),
        Button("Dismiss", f"/job dismiss {job_id}"),
        Button("Tailor", f"/tailor job {job_id}"),
    )


async def matches_command(ctx: Context, args: str) -> list[Reply]:
    page = int(args) if args.strip().isdigit() else 1
    found = await ctx.services.matcher.matches(ctx.user.id, page)
    if not found:
        if page > 1:
            return [Reply(THATS_ALL)]
        relax = await ctx.services.matcher.filter_to_relax(ctx.user.id)
        hint = RELAX.get(relax or "", "Try widening your filters (/prefs)")
        return [
            Reply(
                f"No jobs match your profile and filters right now. {hint}, or /search for "
                "something specific."
            )
        ]
    heading = f"Your best matches{'' if page == 1 else f' (page {page})'}:"
    paging = [Button("‹ Back", f"/matches {page - 1}")] if page > 1 else []
    last = len(found) < ctx.services.matcher.page_size
    if not last:
        paging.append(Button("More ›", f"/matches {page + 1}"))
    listing = job_list(heading, [(m.job, m) for m in found], tuple(paging))
    if last:  # fewer than a page: the rest would not fit them
        listing = replace(listing, text=f"{listing.text}\n\n{THATS_ALL}")
    return [listing]


def job_list(
    heading: str, shown: list[tuple[Job, Match | None]], extra: tuple[Button, ...] = ()
) -> Reply:
    """Jobs in one message, numbered, with a Save and a Dismiss button for each; the job
    numbers (#12) work with /job, /save, /applied, /dismiss and /tailor job."""
    cards = [f"{n}. {job_card(job, match)}" for n, (job, match) in enumerate(shown, start=1)]
    ids = " ".join(str(job.id) for job, _ in shown[:2])
    first = shown[0][0].id
    footer = (
        f"/job {first} shows one job with all its buttons (Applied, Tailor); several at "
        f"once: /save {ids} · /applied {first} · /dismiss {ids}"
    )
    text = "\n\n".join([heading, *cards, footer])
    buttons = [
        button
        for n, (job, _) in enumerate(shown, start=1)
        for button in (
            Button(f"Save {n}", f"/job save {job.id}"),
            Button(f"Dismiss {n}", f"/job dismiss {job.id}"),
        )
    ]
    data = tuple(job_data(job, match) for job, match in shown)
    return Reply(text, buttons=(*buttons, *extra), jobs=data)


async def job_command(ctx: Context, args: str) -> list[Reply]:
    words = args.split()
    if len(words) == 1 and words[0].lstrip("#").isdigit():
        job = await ctx.services.catalog.get(int(words[0].lstrip("#")))
        if job is None:
            return [Reply(f"I couldn't find job {words[0]}. The # numbers are in /matches.")]
        return [Reply(job_card(job), buttons=job_buttons(job.id), jobs=(job_data(job),))]
    if len(words) != 2 or words[0] not in {"save", "applied", "dismiss"} or not words[1].isdigit():
        return [
            Reply(
                "Use the buttons under a match, /job <job number> to see one, or "
                "/job save|applied|dismiss <job number>."
            )
        ]
    return await _act(ctx, words[0], [int(words[1])])


def bulk(action: str) -> Handler:
    """A /save, /applied or /dismiss handler for several job numbers at once."""

    async def run(ctx: Context, args: str) -> list[Reply]:
        numbers = [int(n) for n in re.findall(r"\d+", args)]
        if not numbers:
            return [Reply(f"Which jobs? e.g. /{action} 12 17 (the # numbers from /matches)")]
        return await _act(ctx, action, numbers[:20])

    return run


async def _act(ctx: Context, action: str, job_ids: list[int]) -> list[Reply]:
    lines = []
    for job_id in dict.fromkeys(job_ids):
        result = await ctx.services.actions.act(ctx.user.id, job_id, action)
        name = f"#{job_id} {result.job_title} — {result.company}"
        if action == "dismiss":
            lines.append(f"Dismissed {name}. It won't be shown again.")
        elif result.already:
            status = result.application.status.value if result.application else "tracked"
            lines.append(f"You already track {name} ({status}) — see /applications.")
        elif action == "save":
            lines.append(f"Saved {name} to /applications.")
        else:
            lines.append(
                f"Marked {name} as applied. I'll keep it out of your matches; "
                "track it in /applications."
            )
    return [Reply("\n".join(lines))]


async def search_command(ctx: Context, args: str) -> list[Reply]:
    words = [w for w in re.findall(r"[\w+#.-]+", args) if len(w) > 1][:8]
    if not words:
        return [Reply("What should I look for? e.g. /search data engineer python")]
    found = await ctx.services.catalog.search(ctx.user.id, words)
    if not found:
        return [Reply(f"No jobs mention {' '.join(words)} within your filters (/prefs).")]
    return [job_list(f"Jobs mentioning {' '.join(words)}:", [(job, None) for job in found])]


async def prefs_command(ctx: Context, args: str) -> list[Reply]:
    action, _, rest = args.strip().partition(" ")
    action = action.casefold()
    if action == "clear" and rest.strip():
        field = _pref_field(rest.strip())
        await ctx.services.profiles.edit(ctx.user.id, lambda p: clear_field(p, field))
    elif action and action not in {"show", "help"}:
        field = _pref_field(action)
        await ctx.services.profiles.edit(ctx.user.id, lambda p: set_field(p, field, rest))
    profile = await ctx.services.profiles.get(ctx.user.id)
    lines = ["Your job filters:"]
    for name in PREF_FIELDS:
        spec = find_field(name)
        lines.append(f"• {spec.label}: {display_value(profile, spec) or 'any'}")
    return [Reply("\n".join([*lines, "", *PREFS_CHANGES]))]


def _pref_field(name: str) -> str:
    spec = find_field(name)
    if spec.name not in PREF_FIELDS:
        from domain.errors import InvalidField

        raise InvalidField(name, "not a job filter (locations, remote, salary, keywords, exclude)")
    return spec.name


COMMANDS = (
    Command(
        "matches",
        matches_command,
        "jobs that match your profile, with reasons",
        "[page]",
        MATCH_USAGE,
        aliases=("jobs",),
    ),
    Command("search", search_command, "search the job catalog", "<words>", (SEARCH_USAGE,)),
    Command(
        "prefs",
        prefs_command,
        "your job filters: place, remote, salary, keywords, companies to leave out",
        "[<filter> <value> | clear <filter>]",
        PREFS_USAGE,
    ),
    Command(
        "job",
        job_command,
        "one job with all its actions; or save, mark applied or dismiss it",
        "[save|applied|dismiss] <job id>",
        ("/job 12 — the job with its buttons", "/job save 12"),
        in_menu=False,
    ),
    Command(
        "save",
        bulk("save"),
        "save several jobs: /save 12 17",
        "<job ids>",
        (BULK_USAGE,),
        in_menu=False,
    ),
    Command(
        "applied",
        bulk("applied"),
        "mark several jobs applied",
        "<job ids>",
        (BULK_USAGE,),
        in_menu=False,
    ),
    Command(
        "dismiss",
        bulk("dismiss"),
        "hide several jobs for good",
        "<job ids>",
        (BULK_USAGE,),
        in_menu=False,
    ),
)


explain(
    {
        ProfileTooThin: (
            "To find matching jobs I need to know what you do or want to do. Send me your "
            "resume, run /start, or e.g. /profile set target_roles Data Analyst."
        ),
    }
)
