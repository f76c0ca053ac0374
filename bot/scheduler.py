"""The recurring ticks (APScheduler) that turn "what is due" into outbox rows.

The ticks are defined here in code and hold no state: each asks the database what is due,
so a tick missed while the bot was down is simply caught up by the next one, and the
unique keys of the outbox make a repeated tick harmless. Only the leader process ticks."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from domain.pushes import PushPlanner
from storage.leadership import SchedulerLeadership

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TickIntervals:
    digests_seconds: int = 60  # digests and alerts: a user's chosen minute matters
    reminders_seconds: int = 900  # follow-ups and check-ins: the hour is enough


class PushScheduler:
    """Owns the AsyncIOScheduler and its two ticks."""

    def __init__(
        self,
        planner: PushPlanner,
        leadership: SchedulerLeadership,
        on_queued: Callable[[], None],
        intervals: TickIntervals | None = None,
    ) -> None:
        self._planner = planner
        self._leadership = leadership
        self._on_queued = on_queued
        self._intervals = intervals or TickIntervals()
        self._scheduler: AsyncIOScheduler | None = None
        self._running: set[asyncio.Task[Any]] = set()

    def start(self) -> None:
        """Start ticking now (a first tick catches up on anything missed while down)."""
        # APScheduler's default misfire grace (1 s) would silently drop a tick delayed by
        # a busy event loop; every tick is safe to run late, and several missed ones
        # collapse into one (coalesce).
        self._scheduler = AsyncIOScheduler(
            timezone=UTC,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        )
        first = datetime.now(UTC)
        ticks = {
            "digests": (self.tick_digests, self._intervals.digests_seconds),
            "reminders": (self.tick_reminders, self._intervals.reminders_seconds),
        }
        for name, (tick, seconds) in ticks.items():
            self._scheduler.add_job(tick, "interval", seconds=seconds, next_run_time=first, id=name)
        self._scheduler.start()

    async def stop(self) -> None:
        """Stop ticking and let a tick in progress finish (its transaction must end before
        the database is closed)."""
        if self._scheduler is not None:
            self._scheduler.pause()  # no new ticks; APScheduler's shutdown cancels running ones
            if self._running:
                await asyncio.wait(set(self._running), timeout=60)
            self._scheduler.shutdown(wait=False)
            self._scheduler = None
        await self._leadership.release()

    async def tick_digests(self) -> int:
        """Queue due digests and alerts; returns how many messages were queued."""
        return await self._tick("digests and alerts", self._planner.digests, self._planner.alerts)

    async def tick_reminders(self) -> int:
        """Queue due follow-ups and plan check-ins."""
        planner = self._planner
        return await self._tick("follow-ups and check-ins", planner.followups, planner.checkins)

    async def _tick(self, what: str, *steps: Callable[[], Awaitable[int]]) -> int:
        task = asyncio.current_task()
        assert task is not None
        self._running.add(task)
        try:
            if not await self._leadership.acquire():
                return 0
            queued = 0
            for step in steps:
                queued += await step()
        except Exception:
            log.exception("the %s tick failed; the next tick tries again", what)
            return 0
        finally:
            self._running.discard(task)
        if queued:
            log.info("queued %d %s", queued, what)
            self._on_queued()
        return queued
