"""Ports: what the domain needs from the outside world, implemented in storage/ and bot/."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from domain.conversations import ConversationState
from domain.profiles import Profile
from domain.users import IdentityKey, PlatformIdentity, User


class UserRepository(Protocol):
    """Users and their platform identities."""

    async def get(self, user_id: int) -> User | None: ...

    async def add(self, display_name: str, created_at: datetime) -> User: ...

    async def set_active(self, user_id: int, active: bool) -> None: ...

    async def find_identity(self, key: IdentityKey) -> PlatformIdentity | None: ...

    async def add_identity(self, identity: PlatformIdentity) -> None: ...

    async def update_identity_chat(self, key: IdentityKey, chat_id: str) -> None: ...


class ProfileRepository(Protocol):
    """One profile per user."""

    async def get(self, user_id: int) -> Profile: ...

    async def save(self, user_id: int, profile: Profile, updated_at: datetime) -> None: ...


class ConversationRepository(Protocol):
    """Multi-step conversation state, per user and chat."""

    async def get(self, user_id: int, session_key: str) -> ConversationState | None: ...

    async def save(self, state: ConversationState) -> None: ...

    async def delete(self, user_id: int, session_key: str) -> None: ...


class UnitOfWork(Protocol):
    """One atomic piece of work: `async with uow:` rolls back unless `commit()` was called."""

    @property
    def users(self) -> UserRepository: ...

    @property
    def profiles(self) -> ProfileRepository: ...

    @property
    def conversations(self) -> ConversationRepository: ...

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
