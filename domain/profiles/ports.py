"""What profiles need from storage."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from domain.ports import Transaction, UnitOfWorkFactory
from domain.profiles.model import Profile

if TYPE_CHECKING:
    from domain.pushes import PushSettingsRepository


class ProfileRepository(Protocol):
    """One profile per user."""

    async def get(self, user_id: int) -> Profile: ...

    async def get_many(self, user_ids: list[int]) -> dict[int, Profile]:
        """Profiles of these users (an empty profile for those who have none)."""
        ...

    async def save(self, user_id: int, profile: Profile, updated_at: datetime) -> None: ...


class ProfilesUnitOfWork(Transaction, Protocol):
    """The repositories the profiles services use inside one transaction."""

    profiles: ProfileRepository
    push_settings: PushSettingsRepository


ProfilesUnitOfWorkFactory = UnitOfWorkFactory[ProfilesUnitOfWork]
