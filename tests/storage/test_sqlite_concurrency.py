"""Many conversations writing to one SQLite file at once never hit "database is locked"."""

from __future__ import annotations

import asyncio
from pathlib import Path

from domain.accounts import IdentityKey
from domain.profiles import Profiles
from handlers.chat.messages import Incoming
from storage import migrate
from storage.database import create_engine, sqlite_url
from storage.unit_of_work import SqlUnitOfWorkFactory
from tests.fakes import FakeClock, FakeServices

ANSWERS = [
    "/start",
    "Data Analyst",
    "Data Scientist, ML Engineer",
    "Berlin, remote",
    "Europe/Berlin",
    "/profile set skills Python, SQL",
    "/profile",
]


async def test_fifty_concurrent_conversations_on_one_file(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "shared.db")
    # Several engines stand in for several processes: each has its own connection pool,
    # so the lock contention happens inside SQLite, not in one pool's queue.
    engines = [create_engine(url, sqlite_busy_timeout_ms=60_000) for _ in range(5)]
    await migrate.upgrade(engines[0])
    conversations = [
        FakeServices(SqlUnitOfWorkFactory(e), FakeClock()).conversation() for e in engines
    ]

    async def chat(n: int) -> list[str]:
        conversation = conversations[n % len(conversations)]
        texts: list[str] = []
        for line in ANSWERS:
            replies = await conversation.handle(
                Incoming(
                    platform="console",
                    user_id=f"user{n}",
                    chat_id=f"user{n}",
                    display_name=f"User {n}",
                    text=line,
                )
            )
            texts.extend(r.text for r in replies)
        return texts

    try:
        transcripts = await asyncio.gather(*(chat(n) for n in range(50)))
        for transcript in transcripts:
            assert not any("went wrong" in t for t in transcript), transcript
            assert "Current title: Data Analyst" in transcript[-1]
        async with SqlUnitOfWorkFactory(engines[0])() as uow:
            identity = await uow.users.find_identity(IdentityKey("console", "user7"))
        assert identity is not None
        profile = await Profiles(SqlUnitOfWorkFactory(engines[0]), FakeClock()).get(
            identity.user_id
        )
        assert profile.skills == ["Python", "SQL"]
        assert profile.timezone == "Europe/Berlin"
    finally:
        for engine in engines:
            await engine.dispose()
