"""Saving, listing and removing job alerts."""

from __future__ import annotations

from domain.clock import Clock
from domain.errors import numbered
from domain.jobs import words
from domain.pushes.alerts import MAX_ALERTS, MAX_WORDS, EmptySearch, SavedSearch, TooManyAlerts
from domain.pushes.ports import PushesUnitOfWorkFactory


class JobAlerts:
    """Saving, listing and removing a user's alerts (numbered from 1, oldest first)."""

    def __init__(self, uow: PushesUnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def add(self, user_id: int, query: str) -> SavedSearch:
        """Alerts start from now: only jobs imported after this are reported."""
        terms = words(query)[:MAX_WORDS]
        if not terms:
            raise EmptySearch()
        async with self._uow() as uow:
            existing = await uow.alerts.list_for_user(user_id)
            text = " ".join(terms)
            for search in existing:
                if search.query == text:
                    return search
            if len(existing) >= MAX_ALERTS:
                raise TooManyAlerts(MAX_ALERTS)
            search = await uow.alerts.add(
                user_id, text, await uow.jobs.newest_id(), self._clock.now()
            )
            await uow.commit()
        return search

    async def all(self, user_id: int) -> list[SavedSearch]:
        async with self._uow.read() as uow:
            return await uow.alerts.list_for_user(user_id)

    async def remove(self, user_id: int, number: int) -> SavedSearch:
        async with self._uow() as uow:
            existing = await uow.alerts.list_for_user(user_id)
            search = numbered(existing, number, "alert")
            await uow.alerts.delete(search.id)
            await uow.commit()
        return search
