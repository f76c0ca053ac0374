"""Tailoring as a tracked job: recorded PENDING before anything else, then RUNNING, then
COMPLETED with the result or FAILED with a reason — never lost, even across a crash."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from domain.ai import AIError, AIGateway, Embedder, Prompt
from domain.clock import Clock
from domain.errors import DomainError, NotFound, numbered
from domain.resumes import Resume
from domain.tailoring.ports import TailoringUnitOfWorkFactory
from domain.tailoring.tailor import (
    MAX_JOB_DESCRIPTION,
    TailoringJob,
    TailoringStatus,
    job_keywords,
    match_score,
    repair,
    tailor_offline,
)
from domain.taxonomy import SkillTaxonomy

log = logging.getLogger(__name__)
OFFLINE = "offline"
MAX_REPAIRED_LINES = 5
SYSTEM = (
    "You are an expert resume writer. Rewrite the resume so it speaks to the job: a targeted "
    "summary, the most relevant skills and achievements first, the job's vocabulary where it "
    "truthfully applies. Never add employers, job titles, degrees, dates or numbers that are "
    "not in the resume, and never claim a skill the resume does not show. Keep every "
    "experience header as 'Position — Company (dates)'. Plain text only, no Markdown."
)


class TailoringRejected(DomainError):
    """A request that cannot become a tailoring job; nothing was created."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class TailoringService:
    uow: TailoringUnitOfWorkFactory
    gateway: AIGateway
    taxonomy: SkillTaxonomy
    clock: Clock
    embedder: Embedder | None = None

    async def create(
        self,
        user_id: int,
        job_description: str,
        title: str | None = None,
        company: str | None = None,
        resume_number: int | None = None,
    ) -> TailoringJob:
        """Validate, then record the job as PENDING. Raises before creating anything."""
        text = job_description.strip()
        if not text:
            raise TailoringRejected("the job description is empty")
        if len(text) > MAX_JOB_DESCRIPTION:
            raise TailoringRejected(
                f"the job description is over {MAX_JOB_DESCRIPTION:,} characters"
            )
        async with self.uow() as uow:
            if await uow.users.get(user_id) is None:
                raise NotFound("user", user_id)
            resumes = await uow.resumes.list_for_user(user_id)
            resume = _pick_resume(resumes, resume_number)
            job = await uow.tailoring.add(
                user_id, resume.id, title, company, text, self.clock.now()
            )
            await uow.commit()
        return job

    async def run(self, job_id: int) -> TailoringJob:
        """Do the work of a recorded job; every outcome is stored."""
        async with self.uow() as uow:
            job = await uow.tailoring.get(job_id)
            if job is None:
                raise NotFound("tailoring job", job_id)
            job.status, job.updated_at, job.error = (
                TailoringStatus.RUNNING,
                self.clock.now(),
                None,
            )
            await uow.tailoring.save(job)
            resume = next(
                (r for r in await uow.resumes.list_for_user(job.user_id) if r.id == job.resume_id),
                None,
            )
            await uow.commit()
        try:
            if resume is None:
                raise TailoringRejected("the resume was deleted")
            await self._tailor(job, resume)
            job.status = TailoringStatus.COMPLETED
        except (AIError, TailoringRejected) as exc:
            job.status, job.error = TailoringStatus.FAILED, str(exc)[:500]
        except Exception as exc:  # anything else: recorded, never lost
            log.exception("tailoring job %s failed", job.id)
            job.status, job.error = TailoringStatus.FAILED, f"internal error ({type(exc).__name__})"
        job.updated_at = self.clock.now()
        async with self.uow() as uow:
            await uow.tailoring.save(job)
            await uow.commit()
        return job

    async def _tailor(self, job: TailoringJob, resume: Resume) -> None:
        keywords = job_keywords(job.job_description, self.taxonomy)
        before = match_score(resume.text, keywords, self.taxonomy)
        if self.gateway.available:
            prompt = Prompt(
                system=SYSTEM,
                instructions="Tailor the resume to the job description.",
                material={"resume": resume.text, "job_description": job.job_description},
            )
            draft = await self.gateway.text("tailoring", job.user_id, prompt)
            text, inventions = repair(resume.text, draft)
            if len(inventions) > MAX_REPAIRED_LINES or len(text.split()) < 40:
                raise TailoringRejected(
                    "the model's version added facts that are not in your resume "
                    f"({', '.join(i.value for i in inventions[:3])}), so it was rejected"
                )
            job.model = self.gateway.model_for("tailoring")
        else:
            text = tailor_offline(resume.document, keywords, self.taxonomy)
            job.model = OFFLINE
        after = match_score(text, keywords, self.taxonomy)
        job.tailored_text = text
        job.score_before, job.score_after = await self._blend(
            job.job_description, [(resume.text, before.score), (text, after.score)]
        )
        job.covered, job.missing = after.covered, after.missing

    async def _blend(self, job_description: str, versions: list[tuple[str, int]]) -> list[int]:
        """Keyword scores, blended 80/20 with the meaning similarity of each version's
        opening (what MiniLM reads) to the job description, when an embedder is set."""
        if self.embedder is None:
            return [score for _, score in versions]
        texts = [job_description[:1500], *(text[:1500] for text, _ in versions)]
        vectors = await self.embedder.embed(texts)
        target = vectors[0]
        blended = []
        for vector, (_, score) in zip(vectors[1:], versions, strict=True):
            cosine = sum(a * b for a, b in zip(target, vector, strict=True))
            meaning = min(1.0, max(0.0, (cosine - 0.1) / 0.6))
            blended.append(round(0.8 * score + 20 * meaning))
        return blended

    async def unfinished(self) -> list[TailoringJob]:
        async with self.uow.read() as uow:
            return await uow.tailoring.unfinished()

    async def jobs(self, user_id: int) -> list[TailoringJob]:
        async with self.uow.read() as uow:
            return await uow.tailoring.list_for_user(user_id)

    async def job(self, user_id: int, number: int) -> TailoringJob:
        mine = await self.jobs(user_id)
        return numbered(mine, number, "tailoring job")

    async def retry(self, user_id: int, number: int) -> TailoringJob:
        job = await self.job(user_id, number)
        if job.status is not TailoringStatus.FAILED:
            raise TailoringRejected(f"job {number} is {job.status.value}, not failed")
        job.status, job.error, job.updated_at = TailoringStatus.PENDING, None, self.clock.now()
        async with self.uow() as uow:
            await uow.tailoring.save(job)
            await uow.commit()
        return job


def _pick_resume(resumes: list[Resume], number: int | None) -> Resume:
    if number is not None:
        return numbered(resumes, number, "resume")
    active = [r for r in resumes if r.active]
    if not active:
        raise TailoringRejected("you have no resume yet — send me one first")
    return active[0]
