"""Hand-written fakes of the domain ports: in-memory repositories, a settable clock."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Self

from domain.conversations import ConversationState
from domain.profiles import Profile
from domain.users import IdentityKey, PlatformIdentity, User


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@dataclass
class MemoryData:
    """The "database" the in-memory repositories share."""

    users: dict[int, User] = field(default_factory=dict)
    identities: dict[IdentityKey, PlatformIdentity] = field(default_factory=dict)
    profiles: dict[int, Profile] = field(default_factory=dict)
    conversations: dict[tuple[int, str], ConversationState] = field(default_factory=dict)


class MemoryUsers:
    def __init__(self, data: MemoryData) -> None:
        self._data = data

    async def get(self, user_id: int) -> User | None:
        return self._data.users.get(user_id)

    async def add(self, display_name: str, created_at: datetime) -> User:
        user = User(id=len(self._data.users) + 1, display_name=display_name, created_at=created_at)
        self._data.users[user.id] = user
        return user

    async def set_active(self, user_id: int, active: bool) -> None:
        self._data.users[user_id].active = active

    async def find_identity(self, key: IdentityKey) -> PlatformIdentity | None:
        return self._data.identities.get(key)

    async def add_identity(self, identity: PlatformIdentity) -> None:
        self._data.identities[identity.key] = identity

    async def update_identity_chat(self, key: IdentityKey, chat_id: str) -> None:
        self._data.identities[key].chat_id = chat_id


class MemoryProfiles:
    def __init__(self, data: MemoryData) -> None:
        self._data = data

    async def get(self, user_id: int) -> Profile:
        return self._data.profiles.get(user_id, Profile())

    async def save(self, user_id: int, profile: Profile, updated_at: datetime) -> None:
        self._data.profiles[user_id] = profile


class MemoryConversations:
    def __init__(self, data: MemoryData) -> None:
        self._data = data

    async def get(self, user_id: int, session_key: str) -> ConversationState | None:
        return self._data.conversations.get((user_id, session_key))

    async def save(self, state: ConversationState) -> None:
        self._data.conversations[(state.user_id, state.session_key)] = state

    async def delete(self, user_id: int, session_key: str) -> None:
        self._data.conversations.pop((user_id, session_key), None)


class MemoryUnitOfWork:
    """Works on a copy of the shared data; `commit()` publishes it, anything else discards it."""

    def __init__(self, shared: MemoryData) -> None:
        self._shared = shared
        self.committed = False

    async def __aenter__(self) -> Self:
        self._work = copy.deepcopy(self._shared)
        self.users = MemoryUsers(self._work)
        self.profiles = MemoryProfiles(self._work)
        self.conversations = MemoryConversations(self._work)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    async def commit(self) -> None:
        self._shared.__dict__.update(copy.deepcopy(self._work).__dict__)
        self.committed = True

    async def rollback(self) -> None:
        self._work.__dict__.update(copy.deepcopy(self._shared).__dict__)


class MemoryUnitOfWorkFactory:
    """Hands out units of work over one shared in-memory data set."""

    def __init__(self) -> None:
        self.data = MemoryData()

    def __call__(self) -> MemoryUnitOfWork:
        return MemoryUnitOfWork(self.data)
