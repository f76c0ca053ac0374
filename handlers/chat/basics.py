"""/help and /cancel."""

from __future__ import annotations

from handlers.chat.commands import CommandTable
from handlers.chat.context import Context
from handlers.chat.messages import Reply


async def help_command(ctx: Context, args: str) -> list[Reply]:
    """List every command of the table with its summary, or one command's usage lines."""
    table = ctx.commands
    wanted = args.strip().lstrip("/").casefold()
    if wanted:
        command = table.get(wanted)
        if command is None:
            return [Reply(f"There is no /{wanted}. Here is what I know:\n\n" + _all(table))]
        return [Reply(_detail(command.name, command.summary, command.usage))]
    return [Reply(_all(table) + "\n\nSend /help <command> for details.")]


def _all(table: CommandTable) -> str:
    lines = ["Here's what I can do:"]
    lines += [f"/{c.name} — {c.summary}" for c in table if c.in_menu]
    more = [f"/{c.name}" for c in table if not c.in_menu]
    if more:
        lines.append("Also: " + ", ".join(more))
    return "\n".join(lines)


def _detail(name: str, summary: str, usage: tuple[str, ...]) -> str:
    return "\n".join([f"/{name} — {summary}", *usage])


async def cancel_command(ctx: Context, args: str) -> list[Reply]:
    """Leave whatever multi-step conversation is going on."""
    if ctx.state is None:
        return [Reply("There's nothing to cancel. Send /help to see what I can do.")]
    await ctx.end_flow()
    return [Reply("Okay, cancelled. Nothing else was changed.")]
