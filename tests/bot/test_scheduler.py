"""The scheduler: ticks configured to survive delays, one leader among processes on
PostgreSQL, and a failing tick that does not stop the next one."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.scheduler import PushScheduler, TickIntervals
from storage.leadership import SchedulerLeadership


class RecordingPlanner:
    """Stands in for the PushPlanner: counts the calls, queues `per_call` each time."""

    def __init__(self, per_call: int = 1, fail: bool = False) -> None:
        self.calls: list[str] = []
        self.per_call = per_call
        self.fail = fail

    async def _step(self, name: str) -> int:
        self.calls.append(name)
        if self.fail:
            raise RuntimeError("database went away")
        return self.per_call

    async def digests(self) -> int:
        return await self._step("digests")

    async def alerts(self) -> int:
        return await self._step("alerts")

    async def followups(self) -> int:
        return await self._step("followups")

    async def checkins(self) -> int:
        return await self._step("checkins")


async def test_ticks_start_at_once_and_tolerate_delays(sqlite_engine: AsyncEngine) -> None:
    planner = RecordingPlanner()
    woken: list[bool] = []
    scheduler = PushScheduler(
        planner,  # type: ignore[arg-type]
        SchedulerLeadership(sqlite_engine),
        lambda: woken.append(True),
        TickIntervals(digests_seconds=3600, reminders_seconds=3600),
    )
    scheduler.start()
    assert scheduler._scheduler is not None
    jobs = scheduler._scheduler.get_jobs()
    assert {job.id for job in jobs} == {"digests", "reminders"}
    for job in jobs:
        assert job.misfire_grace_time is None  # never silently skipped when late
        assert job.coalesce
        assert job.max_instances == 1
    for _ in range(200):  # the first ticks run right away (catching up after downtime)
        if len(planner.calls) == 4:
            break
        await asyncio.sleep(0.01)
    await scheduler.stop()
    assert sorted(planner.calls) == ["alerts", "checkins", "digests", "followups"]
    assert woken  # the dispatcher was told


async def test_stopping_lets_a_running_tick_finish(sqlite_engine: AsyncEngine) -> None:
    planner = RecordingPlanner()
    started, release = asyncio.Event(), asyncio.Event()

    async def slow_digests() -> int:
        started.set()
        await release.wait()  # a tick in the middle of its transaction
        planner.calls.append("digests finished")
        return 0

    planner.digests = slow_digests  # type: ignore[method-assign]
    scheduler = PushScheduler(
        planner,  # type: ignore[arg-type]
        SchedulerLeadership(sqlite_engine),
        lambda: None,
        TickIntervals(digests_seconds=3600, reminders_seconds=3600),
    )
    scheduler.start()
    await asyncio.wait_for(started.wait(), 5)
    stopping = asyncio.create_task(scheduler.stop())
    await asyncio.sleep(0)
    release.set()
    await stopping
    assert "digests finished" in planner.calls  # not cancelled half-way


async def test_a_failing_tick_is_logged_and_reports_nothing(sqlite_engine: AsyncEngine) -> None:
    scheduler = PushScheduler(
        RecordingPlanner(fail=True),  # type: ignore[arg-type]
        SchedulerLeadership(sqlite_engine),
        lambda: None,
    )
    assert await scheduler.tick_digests() == 0
    assert await scheduler.tick_reminders() == 0


@pytest.mark.postgres
async def test_one_leader_on_postgresql(pg_engine: AsyncEngine) -> None:
    first, second = SchedulerLeadership(pg_engine), SchedulerLeadership(pg_engine)
    assert await first.acquire()
    assert await first.acquire()  # still leading
    assert not await second.acquire()
    follower = RecordingPlanner()
    ticking = PushScheduler(follower, second, lambda: None)  # type: ignore[arg-type]
    assert await ticking.tick_digests() == 0
    assert follower.calls == []  # the follower does not tick
    await first.release()
    assert await second.acquire()  # the next process takes over
    assert await ticking.tick_digests() == 2
    await second.release()
