"""What tailoring needs from storage and from the document writer."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from domain.ports import Transaction, UnitOfWorkFactory
from domain.tailoring.tailor import TailoringJob

if TYPE_CHECKING:
    from domain.accounts import UserRepository
    from domain.jobs import JobRepository
    from domain.resumes import ResumeRepository


class TailoringRepository(Protocol):
    async def add(
        self,
        user_id: int,
        resume_id: int,
        title: str | None,
        company: str | None,
        job_description: str,
        now: datetime,
    ) -> TailoringJob: ...

    async def get(self, job_id: int) -> TailoringJob | None: ...

    async def list_for_user(self, user_id: int) -> list[TailoringJob]: ...

    async def unfinished(self) -> list[TailoringJob]: ...

    async def save(self, job: TailoringJob) -> None: ...


class DocumentWriter(Protocol):
    """Renders plain resume text as a formatted DOCX file."""

    def resume_docx(self, text: str, heading: str) -> bytes: ...


class TailoringUnitOfWork(Transaction, Protocol):
    """The repositories the tailoring services use inside one transaction."""

    resumes: ResumeRepository
    tailoring: TailoringRepository
    users: UserRepository
    jobs: JobRepository


TailoringUnitOfWorkFactory = UnitOfWorkFactory[TailoringUnitOfWork]
