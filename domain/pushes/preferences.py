"""Changing when the bot may write to a user unprompted."""

from __future__ import annotations

from domain.pushes.ports import PushesUnitOfWorkFactory
from domain.pushes.settings import PushSettings


class PushPreferences:
    """Reading and changing a user's push settings."""

    def __init__(self, uow: PushesUnitOfWorkFactory) -> None:
        self._uow = uow

    async def get(self, user_id: int) -> PushSettings:
        async with self._uow.read() as uow:
            return await uow.push_settings.get(user_id)

    async def change(self, user_id: int, **changes: object) -> PushSettings:
        """Set any of digest_time, digest_when_empty, reminders (the time zone is the
        profile's: see domain.profiles.Profiles.edit)."""
        unknown = set(changes) - {"digest_time", "digest_when_empty", "reminders"}
        if unknown:
            raise ValueError(f"not a push setting: {sorted(unknown)}")
        async with self._uow() as uow:
            settings = await uow.push_settings.get(user_id)
            for name, value in changes.items():
                setattr(settings, name, value)
            await uow.push_settings.save(settings)
            await uow.commit()
        return settings
