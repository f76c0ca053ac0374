"""/link and /unlink: one person, one account, on every platform."""

from __future__ import annotations

from domain.accounts import IdentityKey
from handlers.chat.context import Context
from handlers.chat.messages import Reply

USAGE = (
    "/link — get a one-time code; send /link CODE from your other account to join them",
    "/unlink — make this platform's account separate again",
)
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
