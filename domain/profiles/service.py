"""Reading and changing a user's profile atomically."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from domain.profiles.model import Profile
from domain.profiles.ports import ProfilesUnitOfWorkFactory


async def load_profile(uow_factory: ProfilesUnitOfWorkFactory, user_id: int) -> Profile:
    """The user's profile (empty when they have none yet)."""
    async with uow_factory() as uow:
        return await uow.profiles.get(user_id)


async def edit_profile(
    uow_factory: ProfilesUnitOfWorkFactory,
    user_id: int,
    edit: Callable[[Profile], Profile],
    now: datetime,
) -> Profile:
    """Apply `edit` to the stored profile and save the result in one transaction.

    `edit` may raise a domain error; then nothing is saved. The profile's time zone is
    also the one scheduled messages follow, so a change is copied to the push settings.
    """
    async with uow_factory() as uow:
        before = await uow.profiles.get(user_id)
        updated = edit(before)
        await uow.profiles.save(user_id, updated, now)
        if updated.timezone != before.timezone:
            settings = await uow.push_settings.get(user_id)
            settings.timezone = updated.timezone or "UTC"
            await uow.push_settings.save(settings)
        await uow.commit()
    return updated
