"""Profiles in SQL."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.profiles import Profile
from storage.batches import in_batches
from storage.tables import (
    profiles,
)


class SqlProfileRepository:
    """Profiles stored as a validated JSON document per user."""

    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def get(self, user_id: int) -> Profile:
        data = (
            await self._conn.execute(select(profiles.c.data).where(profiles.c.user_id == user_id))
        ).scalar_one_or_none()
        return Profile() if data is None else Profile.model_validate(data)

    async def get_many(self, user_ids: list[int]) -> dict[int, Profile]:
        found = {user_id: Profile() for user_id in user_ids}
        for batch in in_batches(user_ids):
            rows = await self._conn.execute(
                select(profiles.c.user_id, profiles.c.data).where(profiles.c.user_id.in_(batch))
            )
            found.update((row.user_id, Profile.model_validate(row.data)) for row in rows)
        return found

    async def save(self, user_id: int, profile: Profile, updated_at: datetime) -> None:
        data = profile.model_dump(mode="json")
        result = await self._conn.execute(
            update(profiles)
            .where(profiles.c.user_id == user_id)
            .values(data=data, updated_at=updated_at)
        )
        if result.rowcount == 0:
            await self._conn.execute(
                insert(profiles).values(user_id=user_id, data=data, updated_at=updated_at)
            )
