"""What application tracking needs from storage."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from domain.applications.model import Application, ApplicationStatus, NewApplication, StatusEvent
from domain.ports import Transaction, UnitOfWorkFactory

if TYPE_CHECKING:
    from domain.jobs import JobRepository


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


class ApplicationsUnitOfWork(Transaction, Protocol):
    """The repositories the applications services use inside one transaction."""

    applications: ApplicationRepository
    jobs: JobRepository


ApplicationsUnitOfWorkFactory = UnitOfWorkFactory[ApplicationsUnitOfWork]
