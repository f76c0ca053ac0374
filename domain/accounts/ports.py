"""What accounts need from storage: users and their identities, link codes, conversation state."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from domain.accounts.conversations import ConversationState
from domain.accounts.users import IdentityKey, PlatformIdentity, User
from domain.ports import Transaction, UnitOfWorkFactory

if TYPE_CHECKING:
    from domain.applications import ApplicationRepository
    from domain.plans import PlanRepository
    from domain.profiles import ProfileRepository
    from domain.pushes import AlertRepository, OutboxRepository, PushSettingsRepository
    from domain.resumes import ResumeRepository
    from domain.tailoring import TailoringRepository


class UserRepository(Protocol):
    """Users and their platform identities."""

    async def get(self, user_id: int) -> User | None: ...

    async def add(self, display_name: str, created_at: datetime) -> User: ...

    async def set_active(self, user_id: int, active: bool) -> None: ...

    async def find_identity(self, key: IdentityKey) -> PlatformIdentity | None: ...

    async def add_identity(self, identity: PlatformIdentity) -> None: ...

    async def update_identity_chat(self, key: IdentityKey, chat_id: str) -> None: ...

    async def reachable_at(self, user_ids: list[int]) -> dict[int, IdentityKey]:
        """Where each user was last seen (their most recent identity); users with none are
        left out."""
        ...

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


class ConversationRepository(Protocol):
    """Multi-step conversation state, per user and chat."""

    async def get(self, user_id: int, session_key: str) -> ConversationState | None: ...

    async def save(self, state: ConversationState) -> None: ...

    async def delete(self, user_id: int, session_key: str) -> None: ...


class LinkCodeRepository(Protocol):
    async def replace(self, code: str, user_id: int, expires_at: datetime) -> None:
        """Store `code` as the user's only link code."""
        ...

    async def take(self, code: str, now: datetime) -> int | None:
        """Use up `code`: the user it belongs to, or None if unknown or expired."""
        ...


class ButtonRepository(Protocol):
    """Button payloads kept on the server because they are too long to travel with it."""

    async def add(
        self, user_id: int, payloads: list[str], now: datetime, expired_before: datetime
    ) -> list[int]:
        """Store the payloads; their ids, in order. Drops the user's payloads stored before
        `expired_before`."""
        ...

    async def get(self, user_id: int, button_id: int, expired_before: datetime) -> str | None:
        """The payload of the user's button `button_id`; None if unknown or expired."""
        ...


class AccountsUnitOfWork(Transaction, Protocol):
    """The repositories the accounts services use inside one transaction."""

    users: UserRepository
    link_codes: LinkCodeRepository
    buttons: ButtonRepository
    conversations: ConversationRepository
    profiles: ProfileRepository
    alerts: AlertRepository
    applications: ApplicationRepository
    outbox: OutboxRepository
    plans: PlanRepository
    push_settings: PushSettingsRepository
    resumes: ResumeRepository
    tailoring: TailoringRepository


AccountsUnitOfWorkFactory = UnitOfWorkFactory[AccountsUnitOfWork]
