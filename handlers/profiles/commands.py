"""/profile: show the profile, set or clear one field."""

from __future__ import annotations

from domain.profiles import (
    PROFILE_FIELDS,
    Profile,
    clear_field,
    display_value,
    find_field,
    set_field,
)
from handlers.chat.commands import Command
from handlers.chat.context import Context
from handlers.chat.messages import Button, Reply

USAGE = (
    "/profile — show your profile",
    "/profile set <field> <value> — e.g. /profile set title Data Analyst",
    "/profile clear <field> — empty a field",
)


def render_profile(profile: Profile) -> str:
    """The profile as a short plain-text card."""
    lines = ["Your profile"]
    for spec in PROFILE_FIELDS:
        value = display_value(profile, spec)
        lines.append(f"• {spec.label}: {value if value is not None else '—'}")
    return "\n".join(lines)


def fields_help() -> str:
    """Every editable field with an example value."""
    lines = ["Fields you can set:"]
    for spec in PROFILE_FIELDS:
        lines.append(f"• {spec.name} — e.g. /profile set {spec.name} {spec.example}")
    return "\n".join(lines)


async def profile_command(ctx: Context, args: str) -> list[Reply]:
    """Dispatch /profile, /profile set …, /profile clear …."""
    action, _, rest = args.partition(" ")
    action = action.casefold()
    if not action or action == "show":
        profile = await ctx.services.profiles.get(ctx.user.id)
        text = render_profile(profile)
        if profile.is_empty():
            text += (
                "\n\nIt's empty so far. Run /start to fill it in a minute, "
                "or set fields one by one."
            )
        text += "\n\nChange a field: /profile set <field> <value>  (see /profile fields)"
        return [Reply(text, buttons=(Button("Fields I can set", "/profile fields"),))]
    if action in {"fields", "help"}:
        return [Reply(fields_help())]
    if action == "set":
        field, _, value = rest.strip().partition(" ")
        if not field or not value.strip():
            return [
                Reply(
                    "Tell me the field and the value, e.g. /profile set title Data Analyst\n\n"
                    + fields_help()
                )
            ]
        updated = await ctx.services.profiles.edit(
            ctx.user.id, lambda p: set_field(p, field, value)
        )
        return [Reply(f"Saved. {_changed_line(updated, field)}")]
    if action == "clear":
        field = rest.strip()
        if not field:
            return [Reply("Which field should I clear? e.g. /profile clear salary_floor")]
        await ctx.services.profiles.edit(ctx.user.id, lambda p: clear_field(p, field))
        return [Reply(f"Cleared {find_field(field).label}.")]
    return [Reply("I didn't get that. Use:\n" + "\n".join(USAGE))]


def _changed_line(profile: Profile, field: str) -> str:
    spec = find_field(field)
    return f"{spec.label}: {display_value(profile, spec)}"


COMMANDS = (
    Command(
        "profile",
        profile_command,
        "show or edit your profile",
        "[set <field> <value> | clear <field> | fields]",
        USAGE,
    ),
)
