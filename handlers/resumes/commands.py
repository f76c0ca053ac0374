"""Resume uploads (a file sent in the chat), /resumes and /resume use|show|delete N.

A file that reads like a job ad is held (in the conversation state, nothing else is
stored) and the user is asked: *It's my resume* (/resume keep) stores it as a resume,
*Tailor my resume to it* (/tailor held) tailors the active resume to it.
"""

from __future__ import annotations

import base64

from domain.resumes import IntakeResult, LooksLikeJobDescription, ResumeRejected
from handlers.chat.commands import Command
from handlers.chat.context import Context
from handlers.chat.errors import tell
from handlers.chat.messages import Button, Reply
from handlers.profiles import onboarding
from handlers.resumes.messages import summarise

RESUME_BUTTONS = (Button("Show my profile", "/profile"), Button("My resumes", "/resumes"))
HELD = "held_upload"  # the flow that keeps a file that looks like a job ad
JOB_AD_BUTTONS = (
    Button("It's my resume", "/resume keep"),
    Button("Tailor my resume to it", "/tailor held"),
)
RESUMES_USAGE = ("/resumes — list your resumes (send a file to add one)",)
RESUME_USAGE = (
    "/resume use N — make resume N the active one",
    "/resume show N — what I read from resume N",
    "/resume delete N — delete resume N and its file",
)


async def on_attachment(ctx: Context, _args: str) -> list[Reply]:
    """A file arrived: read it as a resume. Size is checked before downloading."""
    attachment = ctx.incoming.attachments[0]
    replies: list[Reply] = []
    if len(ctx.incoming.attachments) > 1:
        replies.append(Reply("I read one file at a time — taking the first one."))
    intake = ctx.services.intake
    try:
        intake.check_size(attachment.size)
        data = await attachment.fetch()
        result = await intake.ingest(ctx.user.id, attachment.file_name, data)
    except LooksLikeJobDescription:
        await ctx.start_flow(
            HELD,
            "choice",
            {"file": base64.b64encode(data).decode("ascii"), "name": attachment.file_name},
        )
        return [*replies, Reply(tell(LooksLikeJobDescription()), JOB_AD_BUTTONS)]
    except ResumeRejected as exc:
        return [*replies, Reply(tell(exc))]
    if ctx.state is not None and ctx.state.flow == HELD:
        await ctx.end_flow()
    return replies + await _stored(ctx, result)


def held_upload(ctx: Context) -> tuple[str, bytes] | None:
    """The file kept while the user says what it is: (file name, bytes)."""
    if ctx.state is None or ctx.state.flow != HELD:
        return None
    return str(ctx.state.data["name"]), base64.b64decode(ctx.state.data["file"])


async def keep_held_as_resume(ctx: Context) -> list[Reply]:
    """/resume keep: the held file is the user's resume after all."""
    held = held_upload(ctx)
    if held is None:
        return [Reply("There's no file waiting. Send your resume as a file (PDF, DOCX or TXT).")]
    name, data = held
    try:
        result = await ctx.services.intake.ingest(ctx.user.id, name, data, as_resume=True)
    except ResumeRejected as exc:
        return [Reply(tell(exc))]
    finally:
        await ctx.end_flow()
    return await _stored(ctx, result)


async def _stored(ctx: Context, result: IntakeResult) -> list[Reply]:
    """What was read from a stored resume; onboarding carries on after it."""
    summary = summarise(
        result.resume, result.profile, result.number, result.duplicate, result.read_by
    )
    replies = [Reply(summary, buttons=RESUME_BUTTONS)]
    if ctx.state is not None and ctx.state.flow == onboarding.FLOW:
        replies += await onboarding.resume_after_upload(ctx, result.profile)
    return replies


async def resumes_command(ctx: Context, args: str) -> list[Reply]:
    """List the user's resumes."""
    resumes = await ctx.services.resumes.list(ctx.user.id)
    if not resumes:
        return [
            Reply(
                "You haven't sent me a resume yet. Send it here as a file "
                "(PDF, DOCX or TXT) and I'll build your profile from it."
            )
        ]
    lines = ["Your resumes:"]
    for number, resume in enumerate(resumes, start=1):
        pages = f", {resume.pages} p." if resume.pages else ""
        active = " ← active" if resume.active else ""
        lines.append(
            f"{number}. {resume.file_name} ({resume.file_type.value}{pages}, "
            f"{resume.created_at:%Y-%m-%d}){active}"
        )
    lines += ["", *RESUME_USAGE]
    buttons = tuple(
        Button(f"Use {n}", f"/resume use {n}")
        for n in range(1, len(resumes) + 1)
        if not resumes[n - 1].active
    )[:5]
    return [Reply("\n".join(lines), buttons=buttons)]


async def resume_command(ctx: Context, args: str) -> list[Reply]:
    """/resume use|show|delete N, and /resume keep (a held file is a resume after all)."""
    words = args.split()
    if [w.casefold() for w in words] == ["keep"]:
        return await keep_held_as_resume(ctx)
    valid = len(words) >= 2 and words[0].casefold() in {"use", "show", "delete"}
    if not valid or not words[1].isdigit():
        return [Reply("Use:\n" + "\n".join((*RESUMES_USAGE, *RESUME_USAGE)))]
    action, number = words[0].casefold(), int(words[1])
    return await _numbered_action(ctx, action, number, words)


async def _numbered_action(ctx: Context, action: str, number: int, words: list[str]) -> list[Reply]:
    library = ctx.services.resumes
    if action == "use":
        resume, _ = await library.use(ctx.user.id, number)
        return [
            Reply(
                f"Resume {number} ({resume.file_name}) is your active resume now, and your "
                "profile is updated from it.",
                buttons=RESUME_BUTTONS,
            )
        ]
    if action == "show":
        resume = await library.get(ctx.user.id, number)
        profile = await ctx.services.profiles.get(ctx.user.id)
        return [Reply(summarise(resume, profile, number, duplicate=False), buttons=RESUME_BUTTONS)]
    if len(words) < 3 or words[2].casefold() != "confirm":
        resume = await library.get(ctx.user.id, number)
        return [
            Reply(
                f"Delete resume {number} ({resume.file_name})? This removes the file and "
                "what I read from it.",
                buttons=(
                    Button("Yes, delete it", f"/resume delete {number} confirm"),
                    Button("Keep it", "/resumes"),
                ),
            )
        ]
    deleted, active = await library.delete(ctx.user.id, number)
    text = f"Deleted resume {number} ({deleted.file_name})."
    if active is not None and deleted.active:
        text += f" Your active resume is now {active.file_name}."
    return [Reply(text)]


COMMANDS = (
    Command(
        "resumes",
        resumes_command,
        "list your resumes (send a file to add one)",
        "",
        (*RESUMES_USAGE, *RESUME_USAGE),
    ),
    Command(
        "resume",
        resume_command,
        "use, show or delete one of your resumes",
        "<use|show|delete> <N>",
        RESUME_USAGE,
        in_menu=False,
    ),
)
