"""/tailor: a job description (pasted, uploaded, or a match) in; a tailored resume out —
as a tracked job that runs in the background and reports back when done."""

from __future__ import annotations

import re

from domain.pushes import NewOutboxMessage, PushKind, tailoring_key
from domain.resumes import ResumeRejected
from domain.tailoring import TailoringJob, TailoringRejected, TailoringStatus
from handlers.chat.commands import Command
from handlers.chat.context import Context, Push
from handlers.chat.errors import explains, tell
from handlers.chat.messages import Button, OutgoingFile, Reply, replies_to_payload
from handlers.chat.services import Services
from handlers.resumes.commands import held_upload

FLOW = "tailor"
LIST_USAGE = "/tailor list · /tailor show N · /tailor retry N"
USAGE = (
    "/tailor — then paste the job description or send it as a file",
    "/tailor <job description> — in one message (first line 'Title @ Company' if you like)",
    LIST_USAGE,
    "/tailor resume 2 — use your resume 2 (see /resumes) instead of the active one",
)
ASK = (
    "Paste the job description here (or send it as a PDF/DOCX/TXT file). If you like, "
    "start with a line 'Title @ Company'. /cancel to stop."
)


async def tailor_command(ctx: Context, args: str) -> list[Reply]:
    words = args.split()
    head = words[0].casefold() if words else ""
    if not words:
        await ctx.start_flow(FLOW, "description")
        return [Reply(ASK)]
    if head == "resume" and len(words) == 2 and words[1].isdigit():
        await ctx.services.resumes.get(ctx.user.id, int(words[1]))  # yours, or NotFound
        await ctx.start_flow(FLOW, "description", {"resume": int(words[1])})
        return [Reply(f"Using your resume {words[1]}. " + ASK)]
    if head == "held" and len(words) == 1:
        return await _tailor_to_held(ctx)
    if head == "list" and len(words) == 1:
        return [_listing(await ctx.services.tailoring.jobs(ctx.user.id))]
    if head in {"show", "retry"} and len(words) == 2 and words[1].isdigit():
        number = int(words[1])
        if head == "show":
            job = await ctx.services.tailoring.job(ctx.user.id, number)
            return result_replies(ctx.services, job, number)
        job = await ctx.services.tailoring.retry(ctx.user.id, number)
        return _start(ctx, job)
    if head == "job" and len(words) == 2 and words[1].isdigit():
        found = await ctx.services.catalog.get(int(words[1]))
        if found is None:
            return [Reply(f"I couldn't find job #{words[1]}.")]
        return await _create(ctx, found.description or found.title, found.title, found.company)
    return await _create(ctx, args, None, None)


async def _tailor_to_held(ctx: Context) -> list[Reply]:
    """/tailor held: the file that looked like a job ad is one — tailor to it."""
    held = held_upload(ctx)
    if held is None:
        return [Reply("There's no job description waiting. " + ASK)]
    _, data = held
    await ctx.end_flow()
    try:
        text = await ctx.services.intake.read_text(len(data), data)
    except ResumeRejected as exc:
        return [Reply(tell(exc))]
    return await _create(ctx, text, None, None)


async def description(ctx: Context, text: str) -> list[Reply]:
    """The pasted job description, in the /tailor flow."""
    resume = _chosen_resume(ctx)
    await ctx.end_flow()
    return await _create(ctx, text, None, None, resume)


def _chosen_resume(ctx: Context) -> int | None:
    chosen = ctx.state.data.get("resume") if ctx.state is not None else None
    return int(chosen) if isinstance(chosen, int) else None


async def description_file(ctx: Context, _: str) -> list[Reply]:
    """A job description sent as a file while /tailor waits for one."""
    attachment = ctx.incoming.attachments[0]
    try:
        text = await ctx.services.intake.read_text(attachment.size, await attachment.fetch())
    except ResumeRejected as exc:
        return [Reply(tell(exc) + " " + ASK)]
    resume = _chosen_resume(ctx)
    await ctx.end_flow()
    return await _create(ctx, text, None, None, resume)


async def _create(
    ctx: Context, text: str, title: str | None, company: str | None, resume: int | None = None
) -> list[Reply]:
    first, _, rest = text.strip().partition("\n")
    match = re.match(r"^(.{2,80}?)\s+@\s+(.{2,80})$", first.strip())
    if match and title is None and rest.strip():
        title, company, text = match.group(1), match.group(2), rest
    elif title is None and 3 <= len(first.strip()) <= 80 and rest.strip():
        title = re.sub(r"(?i)^job description\s*[:—-]\s*", "", first.strip())
    job = await ctx.services.tailoring.create(ctx.user.id, text, title, company, resume)
    return _start(ctx, job)


def _start(ctx: Context, job: TailoringJob) -> list[Reply]:
    ctx.spawn(run_and_deliver(ctx.services, ctx.push, job.id))
    target = " — ".join(p for p in (job.title, job.company) if p) or "this job"
    return [
        Reply(
            f"Working on it: tailoring your resume for {target}. I'll send the result "
            "here in a moment (see /tailor list)."
        )
    ]


async def run_and_deliver(services: Services, push: Push, job_id: int) -> None:
    job = await services.tailoring.run(job_id)
    jobs = await services.tailoring.jobs(job.user_id)
    number = next(n for n, j in enumerate(jobs, start=1) if j.id == job.id)
    replies = result_replies(services, job, number)
    key = tailoring_key(job.id)
    await push(NewOutboxMessage(job.user_id, PushKind.TAILORING, key, replies_to_payload(replies)))


def result_replies(services: Services, job: TailoringJob, number: int) -> list[Reply]:
    target = " — ".join(p for p in (job.title, job.company) if p) or "the job"
    if job.status is TailoringStatus.FAILED:
        return [
            Reply(
                f"Tailoring {number} for {target} failed: {job.error}. Nothing is lost — "
                "try again when you like.",
                buttons=(Button("Try again", f"/tailor retry {number}"),),
            )
        ]
    if job.status is not TailoringStatus.COMPLETED or job.tailored_text is None:
        return [Reply(f"Tailoring {number} for {target} is {job.status.value}.")]
    made_by = "offline" if job.model == "offline" else job.model
    head = [
        f"Your resume, tailored for {target} ({made_by}).",
        f"Match score: {job.score_before} → {job.score_after}",
    ]
    if job.covered:
        head.append("Covered: " + ", ".join(job.covered))
    if job.missing:
        head.append("Still missing (learn or mention only if true): " + ", ".join(job.missing))
    name = re.sub(r"[^A-Za-z0-9]+", "_", f"resume_{target}").strip("_")[:60] + ".docx"
    document = services.documents.resume_docx(job.tailored_text, f"Resume — {target}")
    return [
        Reply("\n".join(head)),
        Reply(
            job.tailored_text,
            files=(
                OutgoingFile(
                    name,
                    document,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ),
            ),
        ),
    ]


def _listing(jobs: list[TailoringJob]) -> Reply:
    if not jobs:
        return Reply("No tailoring yet. Send /tailor and paste a job description.")
    lines = ["Your tailored resumes:"]
    for number, job in enumerate(jobs, start=1):
        target = " — ".join(p for p in (job.title, job.company) if p) or "untitled job"
        score = (
            f", {job.score_before} → {job.score_after}"
            if job.status is TailoringStatus.COMPLETED
            else ""
        )
        lines.append(f"{number}. {target} · {job.status.value}{score} · {job.created_at:%Y-%m-%d}")
    return Reply("\n".join([*lines, "", LIST_USAGE]))


COMMANDS = (
    Command(
        "tailor",
        tailor_command,
        "tailor your resume to a job description",
        "[job description | job N | list | show N | retry N | resume N]",
        USAGE,
    ),
)


@explains(TailoringRejected)
def _rejected(exc: TailoringRejected) -> str:
    return f"I can't tailor that: {exc.reason}."
