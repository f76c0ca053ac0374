"""Taking in an uploaded resume: check, read (isolated), structure, store, fill the profile."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from domain.errors import numbered
from domain.file_types import FileType, sniff
from domain.profiles import Profile
from domain.resumes.document import ResumeDocument
from domain.resumes.errors import (
    FileTooLarge,
    LooksLikeJobDescription,
    NotEnoughText,
    TextTooLong,
    UnsupportedFileType,
)
from domain.resumes.job_ads import looks_like_job_description
from domain.resumes.model import ExtractedText, NewResume, Resume, ResumeLimits, apply_resume
from domain.resumes.structurer import ResumeStructurer

if TYPE_CHECKING:  # the unit of work's port names every feature's repository, this one too
    from domain.clock import Clock
    from domain.ports import FileStore
    from domain.resumes.ports import ResumesUnitOfWorkFactory, TextExtractor

MIN_WORDS = 40  # the shortest real resume is well above this


@dataclass(frozen=True, slots=True)
class ReadResume:
    """What an upload holds, before anything is stored."""

    file_type: FileType
    extracted: ExtractedText
    document: ResumeDocument
    read_by: str
    looks_like_job_description: bool


@dataclass(frozen=True, slots=True)
class IntakeResult:
    """The stored resume, its number in the user's list, and the updated profile."""

    resume: Resume
    number: int
    duplicate: bool
    profile: Profile
    read_by: str


@dataclass(frozen=True, slots=True)
class ResumeIntake:
    """Everything that happens to an uploaded resume, in the order that loses nothing:
    validate before reading, read in isolation, store the file before the database row,
    and remove the file again if the row cannot be written."""

    uow: ResumesUnitOfWorkFactory
    files: FileStore
    extractor: TextExtractor
    structurer: ResumeStructurer
    clock: Clock
    limits: ResumeLimits

    def check_size(self, size: int | None) -> None:
        """Refuse before downloading when the platform tells the size."""
        if size is not None and size > self.limits.max_bytes:
            raise FileTooLarge(size, self.limits.max_bytes)

    async def read_text(self, size: int | None, data: bytes) -> str:
        """The text of any uploaded document (a job description), with the same limits and
        isolation as resumes."""
        self.check_size(size)
        self.check_size(len(data))
        file_type = sniff(data)
        if not file_type.readable:
            raise UnsupportedFileType(file_type)
        return (await self.extractor.extract(data, file_type, self.limits)).text

    async def read(self, user_id: int | None, data: bytes) -> ReadResume:
        """Check, read (isolated) and structure one file; store nothing. Raises
        `ResumeRejected` when it can't be read. `careerbot resume parse` is this."""
        self.check_size(len(data))
        file_type = sniff(data)
        if not file_type.readable:
            raise UnsupportedFileType(file_type)
        extracted = await self.extractor.extract(data, file_type, self.limits)
        if len(extracted.text) > self.limits.max_chars:
            raise TextTooLong(self.limits.max_chars)
        words = len(extracted.text.split())
        if words < MIN_WORDS:
            raise NotEnoughText(words)
        source = list(extracted.lines) or extracted.text
        document, read_by = await self.structurer.structure(
            source, user_id, self.clock.now().date()
        )
        job_ad = looks_like_job_description(extracted.text, document)
        return ReadResume(file_type, extracted, document, read_by, job_ad)

    async def ingest(
        self, user_id: int, file_name: str, data: bytes, *, as_resume: bool = False
    ) -> IntakeResult:
        """Read, structure and store one upload; raise `ResumeRejected` when it can't be.

        A file that reads like a job ad raises `LooksLikeJobDescription` (nothing stored) so
        the user can be asked; `as_resume` is their answer "it is my resume"."""
        self.check_size(len(data))
        sha256 = hashlib.sha256(data).hexdigest()
        if sniff(data).readable:
            duplicate = await self._activate_duplicate(user_id, sha256)
            if duplicate is not None:
                return duplicate
        read = await self.read(user_id, data)
        if read.looks_like_job_description and not as_resume:
            raise LooksLikeJobDescription(read.extracted.text)
        now = self.clock.now()
        key = await self.files.put(data, suffix=f".{read.file_type.value}")
        try:
            async with self.uow() as uow:
                resume = await uow.resumes.add(
                    NewResume(
                        user_id=user_id,
                        file_key=key,
                        file_name=_display_name(file_name, read.file_type),
                        file_type=read.file_type,
                        size=len(data),
                        sha256=sha256,
                        pages=read.extracted.pages,
                        text=read.extracted.text,
                        document=read.document,
                        created_at=now,
                    )
                )
                await uow.resumes.set_active(user_id, resume.id)
                resume.active = True
                profile = apply_resume(await uow.profiles.get(user_id), read.document)
                await uow.profiles.save(user_id, profile, now)
                number = len(await uow.resumes.list_for_user(user_id))
                await uow.commit()
        except BaseException:
            await self.files.delete(key)
            raise
        return IntakeResult(
            resume=resume, number=number, duplicate=False, profile=profile, read_by=read.read_by
        )

    async def _activate_duplicate(self, user_id: int, sha256: str) -> IntakeResult | None:
        async with self.uow() as uow:
            existing = await uow.resumes.find_by_sha256(user_id, sha256)
            if existing is None:
                return None
            await uow.resumes.set_active(user_id, existing.id)
            existing.active = True
            profile = apply_resume(await uow.profiles.get(user_id), existing.document)
            await uow.profiles.save(user_id, profile, self.clock.now())
            resumes = await uow.resumes.list_for_user(user_id)
            await uow.commit()
        number = next(i for i, r in enumerate(resumes, 1) if r.id == existing.id)
        return IntakeResult(
            resume=existing, number=number, duplicate=True, profile=profile, read_by="stored"
        )


class ResumeLibrary:
    """A user's list of resumes: numbered from 1, oldest first."""

    def __init__(self, uow: ResumesUnitOfWorkFactory, files: FileStore, clock: Clock) -> None:
        self._uow = uow
        self._files = files
        self._clock = clock

    async def list(self, user_id: int) -> list[Resume]:
        async with self._uow.read() as uow:
            return await uow.resumes.list_for_user(user_id)

    async def get(self, user_id: int, number: int) -> Resume:
        resumes = await self.list(user_id)
        return numbered(resumes, number, "resume")

    async def use(self, user_id: int, number: int) -> tuple[Resume, Profile]:
        """Make resume `number` the active one and refresh the profile from it."""
        async with self._uow() as uow:
            resume = numbered(await uow.resumes.list_for_user(user_id), number, "resume")
            await uow.resumes.set_active(user_id, resume.id)
            profile = apply_resume(await uow.profiles.get(user_id), resume.document)
            await uow.profiles.save(user_id, profile, self._clock.now())
            await uow.commit()
        resume.active = True
        return resume, profile

    async def delete(self, user_id: int, number: int) -> tuple[Resume, Resume | None]:
        """Delete resume `number` and its file. If it was active, the newest remaining one
        becomes active and refreshes the profile. Returns (deleted, now active)."""
        async with self._uow() as uow:
            resume = numbered(await uow.resumes.list_for_user(user_id), number, "resume")
            await uow.resumes.delete(user_id, resume.id)
            remaining = await uow.resumes.list_for_user(user_id)
            active = next((r for r in remaining if r.active), None)
            if active is None and remaining:
                active = remaining[-1]
                await uow.resumes.set_active(user_id, active.id)
                active.active = True
                profile = apply_resume(await uow.profiles.get(user_id), active.document)
                await uow.profiles.save(user_id, profile, self._clock.now())
            await uow.commit()
        await self._files.delete(resume.file_key)
        return resume, active


def _display_name(file_name: str, file_type: FileType) -> str:
    name = " ".join(file_name.replace("\\", "/").split("/")[-1].split())[:120]
    return name or f"resume.{file_type.value}"
