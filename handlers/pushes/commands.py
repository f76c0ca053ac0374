"""/digest, /timezone, /reminders, /alert and /alerts: what the bot may send unprompted."""

from __future__ import annotations

from datetime import datetime

from domain.errors import InvalidField
from domain.profiles import set_field
from domain.pushes import MAX_ALERTS, EmptySearch, PushSettings, TooManyAlerts, parse_clock_time
from handlers.chat.commands import Command
from handlers.chat.context import Context
from handlers.chat.errors import explain, explains
from handlers.chat.messages import Reply

TIMEZONE_USAGE = "/timezone Europe/Berlin — your time zone (IANA name)"
REMINDERS_USAGE = "/reminders on|off — application follow-ups and weekly plan check-ins"
DIGEST_USAGE = (
    "/digest 08:30 — a daily digest of new matching jobs at that local time",
    "/digest off — no digest",
    "/digest empty on|off — also tell me on days with nothing new",
    TIMEZONE_USAGE,
    REMINDERS_USAGE,
)
ALERT_OFF_USAGE = "/alert off 2 — stop alert 2"
ALERT_USAGE = (
    "/alert python berlin — tell me when new jobs match these words",
    "/alerts — your alerts",
    ALERT_OFF_USAGE,
)


def describe(settings: PushSettings, now: datetime) -> str:
    if settings.digest_time is None:
        digest = "Daily digest: off (turn it on with /digest 08:30)."
    else:
        when = settings.digest_time.strftime("%H:%M")
        if settings.last_digest_on == settings.local_date(now):
            digest = f"Daily digest at {when} (today's is done; next tomorrow)"
        elif settings.digest_due(now):
            digest = f"Daily digest at {when} (today's is on its way)"
        else:
            digest = f"Daily digest at {when} (next today)"
        digest += "; quiet days " + (
            "get a short note." if settings.digest_when_empty else "are skipped."
        )
    local = now.astimezone(settings.zone).strftime("%H:%M")
    reminders = "on" if settings.reminders else "off"
    return (
        f"{digest}\nTime zone: {settings.timezone} (your time now: {local}).\n"
        f"Follow-up reminders and plan check-ins: {reminders}."
    )


async def digest_command(ctx: Context, args: str) -> list[Reply]:
    words = args.split()
    preferences = ctx.services.preferences
    now = ctx.clock.now()
    if not words:
        settings = await preferences.get(ctx.user.id)
        return [Reply(describe(settings, now) + "\n\n" + "\n".join(DIGEST_USAGE))]
    if words[0].casefold() == "off":
        await preferences.change(ctx.user.id, digest_time=None)
        return [Reply("Daily digest off. /digest 08:30 turns it back on.")]
    if words[0].casefold() == "empty" and len(words) == 2 and words[1].casefold() in {"on", "off"}:
        on = words[1].casefold() == "on"
        settings = await preferences.change(ctx.user.id, digest_when_empty=on)
        return [Reply(describe(settings, now))]
    try:
        at = parse_clock_time(words[0])
    except InvalidField:
        return [
            Reply("Give a time like 08:30 (24-hour clock), or off.\n" + "\n".join(DIGEST_USAGE))
        ]
    settings = await preferences.change(ctx.user.id, digest_time=at)
    hint = ""
    if settings.timezone == "UTC":
        hint = "\nTimes are in UTC until you set your zone, e.g. /timezone Europe/Berlin"
    return [Reply(describe(settings, now) + hint)]


async def timezone_command(ctx: Context, args: str) -> list[Reply]:
    now = ctx.clock.now()
    if not args.strip():
        settings = await ctx.services.preferences.get(ctx.user.id)
        return [Reply(describe(settings, now) + "\n\nChange it: /timezone Europe/Berlin")]
    try:
        await ctx.services.profiles.edit(ctx.user.id, lambda p: set_field(p, "timezone", args))
    except InvalidField:
        return [
            Reply(
                f"I don't know the time zone “{args.strip()[:60]}”. Use an IANA name like "
                "Europe/Berlin, America/New_York or Asia/Kolkata, or a city like Berlin."
            )
        ]
    settings = await ctx.services.preferences.get(ctx.user.id)
    return [Reply(describe(settings, now))]


async def reminders_command(ctx: Context, args: str) -> list[Reply]:
    choice = args.strip().casefold()
    if choice not in {"on", "off"}:
        settings = await ctx.services.preferences.get(ctx.user.id)
        return [Reply(describe(settings, ctx.clock.now()) + "\n\n" + REMINDERS_USAGE)]
    settings = await ctx.services.preferences.change(ctx.user.id, reminders=choice == "on")
    return [Reply(describe(settings, ctx.clock.now()))]


async def alert_command(ctx: Context, args: str) -> list[Reply]:
    words = args.split()
    if not words:
        return [Reply("\n".join(ALERT_USAGE))]
    if words[0].casefold() == "off":
        if len(words) != 2 or not words[1].isdigit():
            return [Reply("Which alert? e.g. /alert off 2 (numbers from /alerts)")]
        search = await ctx.services.alerts.remove(ctx.user.id, int(words[1]))
        return [Reply(f"Alert “{search.query}” stopped.")]
    search = await ctx.services.alerts.add(ctx.user.id, args)
    return [
        Reply(
            f"Alert saved: I'll tell you when new jobs mention “{search.query}” (between "
            "09:00 and 21:00 your time). /alerts lists them; /search "
            f"{search.query} shows what's there now."
        )
    ]


async def alerts_command(ctx: Context, args: str) -> list[Reply]:
    mine = await ctx.services.alerts.all(ctx.user.id)
    if not mine:
        return [Reply("No alerts yet.\n" + "\n".join(ALERT_USAGE))]
    lines = [f"Your alerts ({len(mine)} of {MAX_ALERTS}):"]
    lines += [f"{n}. {s.query}" for n, s in enumerate(mine, start=1)]
    return [Reply("\n".join([*lines, "", ALERT_OFF_USAGE]))]


COMMANDS = (
    Command(
        "digest",
        digest_command,
        "a daily digest of new matching jobs: /digest 08:30",
        "[HH:MM | off | empty on|off]",
        DIGEST_USAGE,
    ),
    Command(
        "timezone",
        timezone_command,
        "your time zone: /timezone Europe/Berlin",
        "[zone]",
        (TIMEZONE_USAGE,),
        aliases=("tz",),
    ),
    Command(
        "reminders",
        reminders_command,
        "application follow-ups and plan check-ins on or off",
        "[on|off]",
        (REMINDERS_USAGE,),
        in_menu=False,
    ),
    Command(
        "alert",
        alert_command,
        "tell me when new jobs match: /alert python berlin",
        "<words> | off <N>",
        ALERT_USAGE,
    ),
    Command("alerts", alerts_command, "your job alerts", "", ALERT_USAGE, in_menu=False),
)


@explains(TooManyAlerts)
def _too_many_alerts(exc: TooManyAlerts) -> str:
    return f"You have {exc.limit} alerts already — stop one first (/alerts, /alert off N)."


explain(
    {
        EmptySearch: "Tell me what to watch for, e.g. /alert python berlin",
    }
)
