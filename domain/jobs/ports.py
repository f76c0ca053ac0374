"""What the job catalog and matching need from storage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from domain.jobs.model import Job
from domain.jobs.ranking import Match
from domain.ports import Transaction, UnitOfWorkFactory

if TYPE_CHECKING:
    from domain.applications import ApplicationRepository
    from domain.profiles import ProfileRepository
    from domain.resumes import ResumeRepository


@dataclass(frozen=True, slots=True)
class ImportCounts:
    inserted: list[int]
    updated: list[int]
    unchanged: int


class JobRepository(Protocol):
    """The job catalog. `upsert` de-duplicates by (source, external id) and by dedupe key."""

    async def upsert(self, jobs: list[Job], now: datetime) -> ImportCounts: ...

    async def get_many(self, ids: list[int]) -> dict[int, Job]: ...

    async def count(self) -> int: ...

    async def after(self, last_id: int, limit: int) -> list[Job]: ...

    async def search(self, words: list[str], limit: int) -> list[Job]: ...

    async def newest_id(self) -> int:
        """The highest job id (0 for an empty catalog)."""
        ...


class RecommendationRepository(Protocol):
    """What was recommended to whom, and what they did with it."""

    async def excluded_job_ids(self, user_id: int) -> set[int]: ...

    async def seen_by(self, user_ids: list[int]) -> dict[int, set[int]]:
        """Every job ever shown to (or acted on by) each of these users."""
        ...

    async def record(
        self, user_id: int, matches: list[Match], algorithm: str, now: datetime
    ) -> None: ...

    async def record_many(
        self, shown: dict[int, list[Match]], algorithm: str, now: datetime
    ) -> None:
        """What several users were shown (user → matches), at once."""
        ...

    async def set_status(self, user_id: int, job_id: int, status: str, now: datetime) -> None: ...


class JobsUnitOfWork(Transaction, Protocol):
    """The repositories the jobs services use inside one transaction."""

    jobs: JobRepository
    applications: ApplicationRepository
    profiles: ProfileRepository
    recommendations: RecommendationRepository
    resumes: ResumeRepository


JobsUnitOfWorkFactory = UnitOfWorkFactory[JobsUnitOfWork]
