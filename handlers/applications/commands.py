"""/apply, /applications, /status N <status>, /note N <text>, /history N."""

from __future__ import annotations

import re

from domain.applications import ApplicationStatus
from domain.jobs import InvalidStatus
from handlers.chat.commands import Command
from handlers.chat.context import Context
from handlers.chat.errors import explains
from handlers.chat.messages import Reply

LIST_USAGE = "/applications — everything you saved or applied to"
APPLY_USAGE = "/apply Company | Job title | https://link — track an application made elsewhere"
STATUS_USAGE = "/status 2 interviewing — saved, applied, interviewing, offer, rejected, withdrawn"
NOTE_USAGE = "/note 2 Call with the hiring manager on Friday"
HISTORY_USAGE = "/history 2 — every change of application 2"
USAGE = (LIST_USAGE, APPLY_USAGE, STATUS_USAGE, NOTE_USAGE, HISTORY_USAGE)


async def applications_command(ctx: Context, args: str) -> list[Reply]:
    items = await ctx.services.applications.all(ctx.user.id)
    if not items:
        return [
            Reply(
                "You're not tracking any applications yet. Save or mark matches with "
                "the buttons under /matches, or add one: /apply Company | Title | link"
            )
        ]
    lines = ["Your applications:"]
    for number, a in enumerate(items, start=1):
        lines.append(
            f"{number}. {a.title} — {a.company} · {a.status.value} · since {a.updated_at:%Y-%m-%d}"
        )
    return [Reply("\n".join([*lines, "", STATUS_USAGE, NOTE_USAGE, HISTORY_USAGE]))]


async def apply_command(ctx: Context, args: str) -> list[Reply]:
    if args.strip().isdigit():  # /apply 17: a job from the catalog
        from handlers.jobs.commands import job_command

        return await job_command(ctx, f"applied {args.strip()}")
    parts = [p.strip() for p in args.split("|")]
    if len(parts) < 2 or not parts[0] or not parts[1]:
        return [
            Reply(
                "Tell me the company and the title, and a link if you have one:\n"
                "/apply Acme | Data Analyst | https://acme.example/jobs/1"
            )
        ]
    url = parts[2] if len(parts) > 2 and re.match(r"^https?://\S+$", parts[2]) else None
    application, already = await ctx.services.applications.add(
        ctx.user.id, parts[0][:200], parts[1][:200], url
    )
    if already:
        return [
            Reply(
                f"You already track {application.title} — {application.company} "
                f"({application.status.value}). See /applications."
            )
        ]
    return [
        Reply(
            f"Tracking {application.title} — {application.company} as applied. "
            "I'll list it in /applications."
        )
    ]


async def status_command(ctx: Context, args: str) -> list[Reply]:
    match = re.match(r"^\s*(\d+)\s+(\S+)\s*$", args)
    if not match:
        return [
            Reply(
                "Use: /status <number> <"
                + "|".join(s.value for s in ApplicationStatus)
                + ">, e.g. /status 2 interviewing"
            )
        ]
    application = await ctx.services.applications.set_status(
        ctx.user.id, int(match.group(1)), match.group(2)
    )
    return [
        Reply(
            f"{application.title} — {application.company} is now "
            f"{application.status.value}. Good luck!"
        )
    ]


async def note_command(ctx: Context, args: str) -> list[Reply]:
    match = re.match(r"^\s*(\d+)\s+(.+)$", args, re.DOTALL)
    if not match:
        return [Reply("Use: /note <number> <text>, e.g. /note 2 Interview on Friday at 10")]
    application = await ctx.services.applications.note(
        ctx.user.id, int(match.group(1)), match.group(2).strip()
    )
    return [Reply(f"Noted on {application.title} — {application.company}.")]


async def history_command(ctx: Context, args: str) -> list[Reply]:
    if not args.strip().isdigit():
        return [Reply("Use: /history <number> (see /applications)")]
    application, events = await ctx.services.applications.history(ctx.user.id, int(args))
    lines = [f"{application.title} — {application.company}:"]
    for event in events:
        note = f" — {event.note}" if event.note else ""
        lines.append(f"{event.created_at:%Y-%m-%d %H:%M} {event.status.value}{note}")
    return [Reply("\n".join(lines))]


COMMANDS = (
    Command(
        "applications",
        applications_command,
        "the jobs you saved or applied to",
        "",
        USAGE,
        aliases=("apps",),
    ),
    Command(
        "apply",
        apply_command,
        "track an application",
        "<company> | <title> | [link]",
        (APPLY_USAGE,),
    ),
    Command(
        "status",
        status_command,
        "change an application's status",
        "<N> <status>",
        (STATUS_USAGE,),
        in_menu=False,
    ),
    Command(
        "note",
        note_command,
        "add a note to an application",
        "<N> <text>",
        (NOTE_USAGE,),
        in_menu=False,
    ),
    Command(
        "history",
        history_command,
        "every change of an application",
        "<N>",
        (HISTORY_USAGE,),
        in_menu=False,
    ),
)


@explains(InvalidStatus)
def _invalid_status(exc: InvalidStatus) -> str:
    known = ", ".join(s.value for s in ApplicationStatus)
    return f"'{exc.text[:40]}' isn't a status I know. Use one of: {known}."
