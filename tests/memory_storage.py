"""In-memory storage for tests: repositories over plain dicts and a unit of work that works
on a copy and publishes it on commit — the accounts, profiles, resumes and push settings the
conversation tests need (job features run on SQLite)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Self

from domain.accounts import ConversationState, IdentityKey, PlatformIdentity, User
from domain.profiles import Profile
from domain.pushes import PushSettings
from domain.resumes import NewResume, Resume

if TYPE_CHECKING:
    from domain.accounts import (
        ButtonRepository,
        ConversationRepository,
        LinkCodeRepository,
        UserRepository,
    )
    from domain.applications import ApplicationRepository
    from domain.jobs import JobRepository, RecommendationRepository
    from domain.plans import PlanRepository
    from domain.profiles import ProfileRepository
    from domain.pushes import AlertRepository, OutboxRepository, PushSettingsRepository
    from domain.resumes import ResumeRepository
    from domain.tailoring import TailoringRepository


@dataclass
class MemoryData:
    """The "database" the in-memory repositories share."""

    users: dict[int, User] = field(default_factory=dict)
    identities: dict[IdentityKey, PlatformIdentity] = field(default_factory=dict)
    profiles: dict[int, Profile] = field(default_factory=dict)
    conversations: dict[tuple[int, str], ConversationState] = field(default_factory=dict)
    resumes: dict[int, Resume] = field(default_factory=dict)
    push_settings: dict[int, PushSettings] = field(default_factory=dict)


class MemoryPushSettings:
    def __init__(self, data: MemoryData) -> None:
        self._data = data

    async def get(self, user_id: int) -> PushSettings:
        return copy.copy(self._data.push_settings.get(user_id) or PushSettings(user_id))

    async def get_many(self, user_ids: list[int]) -> dict[int, PushSettings]:
        return {user_id: await self.get(user_id) for user_id in user_ids}

    async def save(self, settings: PushSettings) -> None:
        self._data.push_settings[settings.user_id] = copy.copy(settings)

    async def save_many(self, settings: list[PushSettings]) -> None:
        for one in settings:
            await self.save(one)

    async def digest_subscribers(self) -> list[PushSettings]:
        return [
            copy.copy(s)
            for s in self._data.push_settings.values()
            if s.digest_time is not None and self._data.users[s.user_id].active
        ]


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

    async def touch_identity(self, key: IdentityKey, now: datetime) -> None:
        self._data.identities[key].last_seen_at = now

    async def reachable_at(self, user_ids: list[int]) -> dict[int, IdentityKey]:
        found = {u: await self.identities_of(u) for u in user_ids}
        return {u: mine[0].key for u, mine in found.items() if mine}

    async def identities_of(self, user_id: int) -> list[PlatformIdentity]:
        mine = [i for i in self._data.identities.values() if i.user_id == user_id]
        return sorted(
            mine, key=lambda i: i.last_seen_at or datetime.min.replace(tzinfo=UTC), reverse=True
        )

    # Deleting, merging and relinking users is tested on SQLite (tests/storage/accounts/).
    async def delete(self, user_id: int) -> None:
        raise NotImplementedError("the in-memory users cannot be deleted")

    async def merge(self, source: int, target: int) -> list[str]:
        raise NotImplementedError("the in-memory users cannot be merged")

    async def move_identity(self, key: IdentityKey, user_id: int) -> None:
        raise NotImplementedError("the in-memory identities cannot be moved")


class MemoryProfiles:
    def __init__(self, data: MemoryData) -> None:
        self._data = data

    async def get(self, user_id: int) -> Profile:
        return self._data.profiles.get(user_id, Profile())

    async def get_many(self, user_ids: list[int]) -> dict[int, Profile]:
        return {user_id: await self.get(user_id) for user_id in user_ids}

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


class MemoryResumes:
    def __init__(self, data: MemoryData) -> None:
        self._data = data

    async def add(self, resume: NewResume) -> Resume:
        if any(
            r.user_id == resume.user_id and r.sha256 == resume.sha256
            for r in self._data.resumes.values()
        ):
            raise ValueError("duplicate resume")  # the unique constraint of the real table
        stored = Resume(
            id=max(self._data.resumes, default=0) + 1,
            active=False,
            **{f: getattr(resume, f) for f in NewResume.__dataclass_fields__},
        )
        self._data.resumes[stored.id] = stored
        return copy.deepcopy(stored)

    async def list_for_user(self, user_id: int) -> list[Resume]:
        mine = [r for r in self._data.resumes.values() if r.user_id == user_id]
        return copy.deepcopy(sorted(mine, key=lambda r: (r.created_at, r.id)))

    async def find_by_sha256(self, user_id: int, sha256: str) -> Resume | None:
        for resume in self._data.resumes.values():
            if resume.user_id == user_id and resume.sha256 == sha256:
                return copy.deepcopy(resume)
        return None

    async def set_active(self, user_id: int, resume_id: int) -> None:
        for resume in self._data.resumes.values():
            if resume.user_id == user_id:
                resume.active = resume.id == resume_id

    async def delete(self, user_id: int, resume_id: int) -> None:
        resume = self._data.resumes.get(resume_id)
        if resume is not None and resume.user_id == user_id:
            del self._data.resumes[resume_id]


class MemoryUnitOfWork:
    """Works on a copy of the shared data; `commit()` publishes it, anything else discards it."""

    # Typed as the domain's ports, like SqlUnitOfWork, so this is every feature's unit of work.
    users: UserRepository
    profiles: ProfileRepository
    conversations: ConversationRepository
    resumes: ResumeRepository
    push_settings: PushSettingsRepository
    # Not kept in memory, so never set: a test that reaches one fails with AttributeError.
    # The features that need them run on SQLite in their tests.
    jobs: JobRepository
    recommendations: RecommendationRepository
    applications: ApplicationRepository
    plans: PlanRepository
    tailoring: TailoringRepository
    alerts: AlertRepository
    outbox: OutboxRepository
    link_codes: LinkCodeRepository
    buttons: ButtonRepository

    def __init__(self, shared: MemoryData, fail_commit: bool = False, read_only: bool = False):
        self._shared = shared
        self._fail_commit = fail_commit
        self._read_only = read_only
        self.committed = False

    async def __aenter__(self) -> Self:
        self._work = copy.deepcopy(self._shared)
        self.users = MemoryUsers(self._work)
        self.profiles = MemoryProfiles(self._work)
        self.conversations = MemoryConversations(self._work)
        self.resumes = MemoryResumes(self._work)
        self.push_settings = MemoryPushSettings(self._work)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    async def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("commit in a read-only unit of work")
        if self._fail_commit:
            raise RuntimeError("disk full")
        self._shared.__dict__.update(copy.deepcopy(self._work).__dict__)
        self.committed = True

    async def rollback(self) -> None:
        self._work.__dict__.update(copy.deepcopy(self._shared).__dict__)


class MemoryUnitOfWorkFactory:
    """Hands out units of work over one shared in-memory data set."""

    def __init__(self) -> None:
        self.data = MemoryData()
        self.fail_commits = False  # set to make every commit fail, like a full disk

    def __call__(self) -> MemoryUnitOfWork:
        return MemoryUnitOfWork(self.data, self.fail_commits)

    def read(self) -> MemoryUnitOfWork:
        return MemoryUnitOfWork(self.data, read_only=True)
