"""What the resumes feature needs from the outside world: its repository and a text reader."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.file_types import FileType
from domain.ports import Transaction, UnitOfWorkFactory
from domain.resumes.model import ExtractedText, NewResume, Resume, ResumeLimits

if TYPE_CHECKING:
    from domain.profiles import ProfileRepository


class ResumeRepository(Protocol):
    """A user's resumes, oldest first; at most one active."""

    async def add(self, resume: NewResume) -> Resume: ...

    async def list_for_user(self, user_id: int) -> list[Resume]: ...

    async def find_by_sha256(self, user_id: int, sha256: str) -> Resume | None: ...

    async def set_active(self, user_id: int, resume_id: int) -> None: ...

    async def delete(self, user_id: int, resume_id: int) -> None: ...


class TextExtractor(Protocol):
    """Reads the text layer of a PDF, DOCX or TXT file, isolated from the caller.

    Raises a `ResumeRejected` subclass when the file cannot or may not be read.
    """

    async def extract(
        self, data: bytes, file_type: FileType, limits: ResumeLimits
    ) -> ExtractedText: ...


class ResumesUnitOfWork(Transaction, Protocol):
    """The repositories the resumes services use inside one transaction."""

    profiles: ProfileRepository
    resumes: ResumeRepository


ResumesUnitOfWorkFactory = UnitOfWorkFactory[ResumesUnitOfWork]
