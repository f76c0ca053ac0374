"""/link and /unlink: one person, one account, on every platform."""

from __future__ import annotations

from domain.accounts import IdentityKey, LastIdentity, LinkCodeInvalid, LinkToSelf
from handlers.chat.commands import Command
from handlers.chat.context import Context
from handlers.chat.errors import explain
from handlers.chat.messages import Reply

LINK_USAGE = "/link — get a one-time code; send /link CODE from your other account to join them"
UNLINK_USAGE = "/unlink — make this platform's account separate again"
NAMES = {"telegram": "Telegram", "discord": "Discord", "console": "console"}


async def link_command(ctx: Context, args: str) -> list[Reply]:
    linker = ctx.services.links
    if not args.strip():
        code = await linker.new_code(ctx.user.id)
        return [
            Reply(
                f"Your link code: {code}\nIt works once, for 10 minutes. From your other "
                f"account (Telegram or Discord) send me:\n/link {code}\nBoth accounts then "
                "share one profile, with your resumes, applications and plans together."
            )
        ]
    platforms = await linker.link(ctx.user.id, args)  # this user's open flows go with it
    where = " and ".join(NAMES.get(p, p) for p in platforms)
    return [
        Reply(
            f"Linked. You are one user on {where} now: your resumes, applications, plans "
            "and settings are together, and your profiles were merged (see /profile). "
            "/unlink separates this account again."
        )
    ]


async def unlink_command(ctx: Context, args: str) -> list[Reply]:
    key = IdentityKey(ctx.incoming.platform, ctx.incoming.user_id)
    await ctx.services.links.unlink(ctx.user.id, key)
    name = NAMES.get(key.platform, key.platform)
    return [
        Reply(
            f"This {name} account is separate now, starting empty. Everything you had stays "
            "with your other account; /link joins them again."
        )
    ]


COMMANDS = (
    Command(
        "link",
        link_command,
        "use Telegram and Discord as one account",
        "[code]",
        (LINK_USAGE, UNLINK_USAGE),
    ),
    Command(
        "unlink",
        unlink_command,
        "separate this platform's account again",
        "",
        (UNLINK_USAGE,),
        in_menu=False,
    ),
)


explain(
    {
        LinkCodeInvalid: (
            "That code doesn't work — it may be mistyped, used or older than 10 minutes. "
            "Send /link on your other account for a new one."
        ),
        LinkToSelf: (
            "That code is from this same account. Send it from your other account "
            "(Telegram or Discord)."
        ),
        LastIdentity: (
            "This account isn't linked to another platform, so there is nothing to unlink."
        ),
    }
)
