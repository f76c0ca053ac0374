"""/cancel: leave a multi-step conversation. (/help is the command table's own.)"""

from __future__ import annotations

from handlers.chat.commands import Command
from handlers.chat.context import Context
from handlers.chat.messages import Reply


async def cancel_command(ctx: Context, args: str) -> list[Reply]:
    """Leave whatever multi-step conversation is going on."""
    if ctx.state is None:
        return [Reply("There's nothing to cancel. Send /help to see what I can do.")]
    await ctx.end_flow()
    return [Reply("Okay, cancelled. Nothing else was changed.")]


COMMANDS = (Command("cancel", cancel_command, "stop the current multi-step conversation"),)
