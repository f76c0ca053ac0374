"""Benchmark: the daily digest for many users — computing every user's matches and filling
the outbox, then delivering it against a fake platform that enforces Telegram's limits.

    python bench/digest.py [--users 10000] [--jobs 10000] [--new-jobs 200] [--rate 25]

Setup: a SQLite catalog of --jobs generated jobs with random unit vectors (the index does
the same work whatever the vectors say), --users users with profiles drawn from the demo
roles, each with a digest time and a Telegram identity. Profile embedding is excluded (a
random embedder; real profile vectors are cached per profile text), and so is loading the
catalog index and the bundled taxonomy (a running bot loads them at start).

1. First digest: every user's best unseen jobs from the whole catalog.
2. Next day: --new-jobs jobs are imported, and the digest offers only those.
3. Delivery: the outbox is drained by the real dispatcher at --rate messages/s into a fake
   platform that answers 429 (retry_after 1 s) above 30 messages/s overall or 1/s per
   chat, with 40 ms latency per send. Reports the rate achieved as a fraction of 30/s, the
   429s, duplicates and losses.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

sys.path.insert(0, str(Path(__file__).parent))

from matching import RandomProfileEmbedder, add_random_catalog

from bot.delivery.dispatcher import DispatchPolicy, OutboxDispatcher
from bot.delivery.errors import RateLimited
from bot.delivery.rate_limits import PlatformLimits
from bot.jobs.catalog_index import NumpyCatalogIndex
from domain.jobs import ROLES, EmbeddingIndexer, JobMatcher, demo_jobs
from domain.profiles import Profile
from domain.pushes import OutboxStatus, PushPlanner
from domain.taxonomy import bundled_occupation_index
from handlers.chat.messages import Reply
from handlers.pushes.wording import PushMessages
from storage import migrate
from storage.database import create_engine, sqlite_url
from storage.jobs.vectors import SqlVectorStore
from storage.tables import platform_identities, profiles, push_settings, users
from storage.unit_of_work import SqlUnitOfWorkFactory

ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC", "Australia/Sydney"]
PLATFORM_LIMIT = 30.0


class BenchClock:
    def __init__(self) -> None:
        self.current = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current


class RealClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class StrictPlatform:
    """Answers 429 like Telegram when a sender goes over 30/s overall or 1/s in a chat."""

    def __init__(self) -> None:
        self.recent: collections.deque[float] = collections.deque()
        self.last_in_chat: dict[str, float] = {}
        self.received: collections.Counter[str] = collections.Counter()
        self.too_many = 0
        self.first: float | None = None
        self.last = 0.0

    async def send(self, chat_id: str, replies: list[Reply]) -> None:
        await asyncio.sleep(0.04)
        now = time.monotonic()
        while self.recent and now - self.recent[0] > 1.0:
            self.recent.popleft()
        in_chat = self.last_in_chat.get(chat_id)
        if len(self.recent) >= PLATFORM_LIMIT or (in_chat is not None and now - in_chat < 1.0):
            self.too_many += 1
            raise RateLimited(1.0)
        self.recent.append(now)
        self.last_in_chat[chat_id] = now
        self.received[f"{chat_id}:{replies[0].text[:40]}"] += 1
        self.first = self.first if self.first is not None else now
        self.last = now


async def build(folder: Path, n_users: int, n_jobs: int, clock: BenchClock) -> AsyncEngine:
    engine = create_engine(sqlite_url(folder / "bench.db"))
    await migrate.upgrade(engine)
    await add_random_catalog(engine, demo_jobs(n_jobs, seed=11), 0, clock.now())
    rng = np.random.default_rng(2)
    async with engine.begin() as conn:
        for offset in range(0, n_users, 2000):
            batch = range(offset, min(n_users, offset + 2000))
            await conn.execute(
                insert(users),
                [
                    {
                        "id": n + 1,
                        "display_name": f"u{n}",
                        "active": True,
                        "created_at": clock.now(),
                    }
                    for n in batch
                ],
            )
            await conn.execute(
                insert(platform_identities),
                [
                    {
                        "platform": "telegram",
                        "platform_user_id": str(n),
                        "user_id": n + 1,
                        "chat_id": str(n),
                        "last_seen_at": clock.now(),
                    }
                    for n in batch
                ],
            )
            rows = []
            for n in batch:
                role = ROLES[int(rng.integers(len(ROLES)))]
                skills = list(role.skills[: 2 + int(rng.integers(3))])
                profile = Profile(target_roles=[role.title], skills=skills, timezone=ZONES[n % 5])
                rows.append(
                    {
                        "user_id": n + 1,
                        "data": profile.model_dump(mode="json"),
                        "updated_at": clock.now(),
                    }
                )
            await conn.execute(insert(profiles), rows)
            await conn.execute(
                insert(push_settings),
                [
                    {
                        "user_id": n + 1,
                        "timezone": ZONES[n % 5],
                        "digest_time": "08:00",
                        "digest_when_empty": False,
                        "reminders": True,
                        "digest_cursor": 0,
                        "last_digest_on": None,
                    }
                    for n in batch
                ],
            )
    return engine


async def main(n_users: int, n_jobs: int, n_new: int, rate: float) -> None:
    folder = Path(tempfile.mkdtemp())
    clock = BenchClock()
    started = time.perf_counter()
    engine = await build(folder, n_users, n_jobs, clock)
    vectors = SqlVectorStore(engine)
    print(f"setup: {n_users:,} users, {n_jobs:,} jobs in {time.perf_counter() - started:.1f} s")
    uow = SqlUnitOfWorkFactory(engine)
    embedder = RandomProfileEmbedder()
    index = NumpyCatalogIndex(uow, vectors, embedder.model_name, 384)
    indexer = EmbeddingIndexer(embedder, vectors, clock)
    planner = PushPlanner(uow, JobMatcher(uow, index, indexer, clock), PushMessages(), clock)

    await index.refresh()
    bundled_occupation_index()
    for label in ("first digest (whole catalog)", f"next day ({n_new} new jobs)"):
        if label.startswith("next"):
            clock.current += timedelta(days=1)
            await add_random_catalog(engine, demo_jobs(n_new, seed=99), n_jobs, clock.now())
        start = time.perf_counter()
        queued = await planner.digests(force=True)
        took = time.perf_counter() - start
        print(
            f"{label}: {queued:,} digests queued for {n_users:,} users in {took:.1f} s "
            f"({1000 * took / n_users:.1f} ms per user)"
        )

    platform = StrictPlatform()
    dispatcher = OutboxDispatcher(uow, RealClock(), DispatchPolicy(batch_size=100, concurrency=16))
    dispatcher.register("telegram", platform.send, PlatformLimits(rate, 1.0))
    start = time.perf_counter()
    while True:
        await dispatcher.drain()
        async with uow() as tx:
            counts = await tx.outbox.counts()
        if counts.get(OutboxStatus.PENDING, 0) == 0:
            break
        await asyncio.sleep(0.2)
    took = time.perf_counter() - start
    delivered = sum(platform.received.values())
    span = (platform.last - platform.first) if platform.first is not None else 0.0
    achieved = delivered / span if span else 0.0
    duplicates = sum(1 for n in platform.received.values() if n > 1)
    total = sum(counts.values())
    print(
        f"delivery: {delivered:,} of {total:,} messages in {took:.1f} s; "
        f"{achieved:.1f} msg/s = {achieved / PLATFORM_LIMIT:.0%} of the 30/s limit "
        f"(dispatcher set to {rate:g}/s); 429s: {platform.too_many}; "
        f"duplicates: {duplicates}; lost: {total - delivered}; statuses: "
        + ", ".join(f"{s.value} {n}" for s, n in sorted(counts.items()))
    )
    await engine.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=10_000)
    parser.add_argument("--new-jobs", type=int, default=200)
    parser.add_argument("--rate", type=float, default=25.0)
    args = parser.parse_args()
    asyncio.run(main(args.users, args.jobs, args.new_jobs, args.rate))
