"""Ports: what the domain needs from the outside world, implemented in storage/ and bot/."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from domain.alerts import SavedSearch
from domain.applications import (
    Application,
    ApplicationStatus,
    NewApplication,
    StatusEvent,
)
from domain.conversations import ConversationState
from domain.jobs import Job
from domain.matching import Match
from domain.outbox import NewOutboxMessage, OutboxFailure, OutboxMessage, OutboxStatus
from domain.plans import CareerPlan, StoredPlan, TaskState
from domain.profiles import Profile
from domain.push_settings import PushSettings
from domain.resumes import ResumeRepository
from domain.tailoring import TailoringJob
from domain.users import IdentityKey, PlatformIdentity, User


class UserRepository(Protocol):
    """Users and their platform identities."""

    async def get(self, user_id: int) -> User | None: ...

    async def add(self, display_name: str, created_at: datetime) -> User: ...

    async def set_active(self, user_id: int, active: bool) -> None: ...

    async def find_identity(self, key: IdentityKey) -> PlatformIdentity | None: ...

    async def add_identity(self, identity: PlatformIdentity) -> None: ...

    async def update_identity_chat(self, key: IdentityKey, chat_id: str) -> None: ...

    async def identities_of(self, user_id: int) -> list[PlatformIdentity]:
        """Most recently seen first."""
        ...

    async def touch_identity(self, key: IdentityKey, now: datetime) -> None:
        """Remember that the user just wrote from this identity."""
        ...

    async def delete(self, user_id: int) -> None: ...

    async def merge(self, source: int, target: int) -> list[str]:
        """Move everything of user `source` to `target` and delete `source`. A resume
        both had is kept once; returns the file keys of the copies dropped."""
        ...

    async def move_identity(self, key: IdentityKey, user_id: int) -> None: ...


class ProfileRepository(Protocol):
    """One profile per user."""

    async def get(self, user_id: int) -> Profile: ...

    async def get_many(self, user_ids: list[int]) -> dict[int, Profile]:
        """Profiles of these users (an empty profile for those who have none)."""
        ...

    async def save(self, user_id: int, profile: Profile, updated_at: datetime) -> None: ...


class ConversationRepository(Protocol):
    """Multi-step conversation state, per user and chat."""

    async def get(self, user_id: int, session_key: str) -> ConversationState | None: ...

    async def save(self, state: ConversationState) -> None: ...

    async def delete(self, user_id: int, session_key: str) -> None: ...


class FileStore(Protocol):
    """Stores file contents under generated keys."""

    async def put(self, data: bytes, suffix: str) -> str: ...

    async def get(self, key: str) -> bytes: ...

    async def delete(self, key: str) -> None: ...


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

    async def set_status(self, user_id: int, job_id: int, status: str, now: datetime) -> None: ...


class ApplicationRepository(Protocol):
    """A user's applications and their append-only status log."""

    async def add(self, application: NewApplication) -> Application: ...

    async def list_for_user(self, user_id: int) -> list[Application]: ...

    async def set_status(
        self, application_id: int, status: ApplicationStatus, note: str | None, now: datetime
    ) -> None: ...

    async def add_note(self, application_id: int, note: str, now: datetime) -> None: ...

    async def events(self, application_id: int) -> list[StatusEvent]: ...

    async def awaiting_reply(
        self, statuses: list[ApplicationStatus], changed_between: tuple[datetime, datetime]
    ) -> list[Application]:
        """Applications in `statuses` whose last change falls in the window, for follow-ups
        (active users only)."""
        ...


class PlanRepository(Protocol):
    """Career plans (oldest first) and their task checklists."""

    async def add(
        self,
        user_id: int,
        goal: str,
        plan: CareerPlan,
        model: str,
        prompt_tokens: int,
        completion_tokens: int,
        processing_ms: int,
        now: datetime,
    ) -> StoredPlan: ...

    async def list_for_user(self, user_id: int) -> list[StoredPlan]: ...

    async def tasks(self, plan_id: int) -> list[TaskState]: ...

    async def mark_done(self, task_id: int, now: datetime | None) -> None: ...

    async def latest_since(self, created_after: datetime) -> list[StoredPlan]:
        """Each active user's newest plan, if made after `created_after`."""
        ...


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


class PushSettingsRepository(Protocol):
    async def get(self, user_id: int) -> PushSettings:
        """The user's settings (the defaults when never changed)."""
        ...

    async def save(self, settings: PushSettings) -> None: ...

    async def get_many(self, user_ids: list[int]) -> dict[int, PushSettings]:
        """Settings for every id given (defaults for those never changed)."""
        ...

    async def digest_subscribers(self) -> list[PushSettings]:
        """Settings of active users who chose a digest time."""
        ...


class LinkCodeRepository(Protocol):
    async def replace(self, code: str, user_id: int, expires_at: datetime) -> None:
        """Store `code` as the user's only link code."""
        ...

    async def take(self, code: str, now: datetime) -> int | None:
        """Use up `code`: the user it belongs to, or None if unknown or expired."""
        ...


class AlertRepository(Protocol):
    async def add(
        self, user_id: int, query: str, job_cursor: int, now: datetime
    ) -> SavedSearch: ...

    async def list_for_user(self, user_id: int) -> list[SavedSearch]: ...

    async def delete(self, search_id: int) -> None: ...

    async def behind(self, newest_job_id: int) -> list[SavedSearch]:
        """Active users' alerts that have not yet seen jobs up to `newest_job_id`."""
        ...

    async def advance(self, search_id: int, job_cursor: int) -> None: ...


class OutboxRepository(Protocol):
    """Rows of the outbox; see domain.outbox for the life of a row."""

    async def existing_keys(self, keys: list[str]) -> set[str]: ...

    async def enqueue(
        self, message: NewOutboxMessage, platform: str, chat_id: str, now: datetime
    ) -> bool:
        """Insert unless the key exists; True when inserted."""
        ...

    async def claim(self, platforms: list[str], now: datetime, limit: int) -> list[OutboxMessage]:
        """Take up to `limit` due pending rows for these platforms (status CLAIMED); rows
        another process holds are skipped, never waited for."""
        ...

    async def set_status(
        self,
        message_id: int,
        status: OutboxStatus,
        now: datetime,
        error: str | None = None,
        not_before: datetime | None = None,
    ) -> None: ...

    async def recover(self, claimed_before: datetime, now: datetime) -> tuple[int, int]:
        """After a crash: CLAIMED rows older than the lease go back to PENDING, SENDING
        rows become UNKNOWN. Returns (released, unknown)."""
        ...

    async def cancel_for_user(self, user_id: int, reason: str, now: datetime) -> int:
        """Mark the user's pending rows FAILED (the user blocked the bot)."""
        ...

    async def counts(self) -> dict[OutboxStatus, int]: ...

    async def recent_failures(self, limit: int) -> list[OutboxFailure]: ...

    async def for_user(self, user_id: int) -> list[OutboxMessage]: ...


class DocumentWriter(Protocol):
    """Renders plain resume text as a formatted DOCX file."""

    def resume_docx(self, text: str, heading: str) -> bytes: ...


class ExportStore(Protocol):
    """Writes files the user receives (plans, exports) under the data dir."""

    async def write(self, name: str, data: bytes) -> str: ...


class UnitOfWork(Protocol):
    """One atomic piece of work: `async with uow:` rolls back unless `commit()` was called."""

    @property
    def users(self) -> UserRepository: ...

    @property
    def profiles(self) -> ProfileRepository: ...

    @property
    def conversations(self) -> ConversationRepository: ...

    @property
    def resumes(self) -> ResumeRepository: ...

    @property
    def jobs(self) -> JobRepository: ...

    @property
    def recommendations(self) -> RecommendationRepository: ...

    @property
    def applications(self) -> ApplicationRepository: ...

    @property
    def plans(self) -> PlanRepository: ...

    @property
    def tailoring(self) -> TailoringRepository: ...

    @property
    def push_settings(self) -> PushSettingsRepository: ...

    @property
    def alerts(self) -> AlertRepository: ...

    @property
    def outbox(self) -> OutboxRepository: ...

    @property
    def link_codes(self) -> LinkCodeRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...


UnitOfWorkFactory = Callable[[], UnitOfWork]
