"""/export: all your data as a file. /delete: erase everything, after confirmation."""

from __future__ import annotations

from handlers.chat.commands import Command
from handlers.chat.context import Context
from handlers.chat.messages import Button, OutgoingFile, Reply


async def export_command(ctx: Context, args: str) -> list[Reply]:
    document, files = await ctx.services.privacy.export(ctx.user.id)
    attachments = (
        OutgoingFile("careerbot_my_data.json", document, "application/json"),
        *(OutgoingFile(name, data) for name, data in files),
    )
    return [
        Reply(
            "Here is everything I store about you: your profile, resumes (and their "
            "files), applications, plans and tailored resumes.",
            files=attachments,
        )
    ]


async def delete_command(ctx: Context, args: str) -> list[Reply]:
    if args.strip().casefold() != "confirm":
        return [
            Reply(
                "This erases everything I know about you — profile, resumes and their "
                "files, applications, plans, tailored resumes — and cannot be undone. "
                "Tip: /export first if you want a copy.",
                buttons=(
                    Button("Yes, delete everything", "/delete confirm"),
                    Button("Keep my data", "/help"),
                ),
            )
        ]
    removed = await ctx.services.privacy.erase(ctx.user.id)
    files = f" and {removed} file{'s' if removed != 1 else ''}" if removed else ""
    return [Reply(f"Done: your data{files} are deleted. If you write again, I'll start fresh.")]


COMMANDS = (
    Command("export", export_command, "all your data as a file"),
    Command("delete", delete_command, "erase all your data (asks first)"),
)
