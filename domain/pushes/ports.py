"""What pushes need from storage: push settings, job alerts, the outbox."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from domain.ports import Transaction, UnitOfWorkFactory
from domain.pushes.alerts import SavedSearch
from domain.pushes.outbox import NewOutboxMessage, OutboxFailure, OutboxMessage, OutboxStatus
from domain.pushes.settings import PushSettings

if TYPE_CHECKING:
    from domain.accounts import UserRepository
    from domain.applications import ApplicationRepository
    from domain.jobs import JobRepository, RecommendationRepository
    from domain.plans import PlanRepository


class PushSettingsRepository(Protocol):
    async def get(self, user_id: int) -> PushSettings:
        """The user's settings (the defaults when never changed)."""
        ...

    async def save(self, settings: PushSettings) -> None: ...

    async def save_many(self, settings: list[PushSettings]) -> None:
        """Save several users' settings at once (a digest batch)."""
        ...

    async def get_many(self, user_ids: list[int]) -> dict[int, PushSettings]:
        """Settings for every id given (defaults for those never changed)."""
        ...

    async def digest_subscribers(self) -> list[PushSettings]:
        """Settings of active users who chose a digest time."""
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

    async def enqueue_many(
        self, messages: list[tuple[NewOutboxMessage, str, str]], now: datetime
    ) -> set[str]:
        """Insert each (message, platform, chat id) whose key does not exist yet, in one
        statement; the keys inserted."""
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


class PushesUnitOfWork(Transaction, Protocol):
    """The repositories the pushes services use inside one transaction."""

    alerts: AlertRepository
    jobs: JobRepository
    outbox: OutboxRepository
    users: UserRepository
    push_settings: PushSettingsRepository
    applications: ApplicationRepository
    plans: PlanRepository
    recommendations: RecommendationRepository


PushesUnitOfWorkFactory = UnitOfWorkFactory[PushesUnitOfWork]
