"""Reading and changing a user's profile atomically."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from domain.clock import Clock
from domain.profiles.model import Profile
from domain.profiles.ports import ProfilesUnitOfWork, ProfilesUnitOfWorkFactory


async def save_profile(
    uow: ProfilesUnitOfWork, user_id: int, profile: Profile, now: datetime
) -> None:
    """Store `profile` inside the caller's transaction. The profile's time zone is also the
    one scheduled messages follow, so the push settings are kept to it."""
    await uow.profiles.save(user_id, profile, now)
    settings = await uow.push_settings.get(user_id)
    zone = profile.timezone or "UTC"
    if settings.timezone != zone:
        settings.timezone = zone
        await uow.push_settings.save(settings)


class Profiles:
    """The profiles of users, read without a write lock and edited in one transaction."""

    def __init__(self, uow: ProfilesUnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def get(self, user_id: int) -> Profile:
        """The user's profile (empty when they have none yet)."""
        async with self._uow.read() as uow:
            return await uow.profiles.get(user_id)

    async def edit(self, user_id: int, edit: Callable[[Profile], Profile]) -> Profile:
        """Apply `edit` to the stored profile and save the result in one transaction.

        `edit` may raise a domain error; then nothing is saved.
        """
        async with self._uow() as uow:
            updated = edit(await uow.profiles.get(user_id))
            await save_profile(uow, user_id, updated, self._clock.now())
            await uow.commit()
        return updated
