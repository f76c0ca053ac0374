"""The AI request log, response cache and vector store on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.ai import AIRequestRecord
from domain.jobs import StoredVector
from storage.ai.store import SqlAIStore
from storage.jobs.vectors import SqlVectorStore, pack, unpack
from storage.unit_of_work import SqlUnitOfWorkFactory

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def record(
    user_id: int | None,
    minutes: int,
    tokens: int = 100,
    *,
    status: str = "ok",
    cache_hit: bool = False,
    latency: int = 100,
    feature: str = "plans",
) -> AIRequestRecord:
    return AIRequestRecord(
        user_id=user_id,
        feature=feature,
        model="gpt-test",
        prompt_tokens=tokens,
        completion_tokens=tokens // 2,
        latency_ms=latency,
        status=status,
        error=None,
        cache_hit=cache_hit,
        created_at=NOW + timedelta(minutes=minutes),
    )


async def test_log_sums_and_summary(engine: AsyncEngine) -> None:
    async with SqlUnitOfWorkFactory(engine)() as tx:
        user = (await tx.users.add("Ann", NOW)).id
        other = (await tx.users.add("Bob", NOW)).id
        await tx.commit()
    log = SqlAIStore(engine).log()
    for minute, latency in enumerate([100, 200, 300, 400]):
        await log.add(record(user, minute, latency=latency))
    await log.add(record(user, 5, tokens=0, cache_hit=True, latency=0))
    await log.add(record(user, 6, tokens=0, status="error", latency=50, feature="tailoring"))
    await log.add(record(other, 1, tokens=1000))
    assert await log.tokens_since(user, NOW) == 4 * 150
    assert await log.tokens_since(user, NOW + timedelta(minutes=2)) == 2 * 150
    assert await log.calls_since(user, NOW) == 5  # the cache hit is free
    newest, before = await log.recent(2)  # newest first
    assert (newest.user_id, newest.prompt_tokens) == (other, 1000)
    assert (before.status, before.feature) == ("error", "tailoring")
    plans, tailoring = await log.summary()
    assert (plans.feature, plans.requests, plans.cache_hits, plans.tokens) == ("plans", 6, 1, 2100)
    # Latency percentiles count only requests that reached the model: 100,100,200,300,400.
    assert (plans.p50_ms, plans.p95_ms) == (200, 400)
    assert plans.error_rate == 0
    assert (tailoring.requests, tailoring.error_rate) == (1, 1.0)


async def test_cache_expires_and_is_replaced(engine: AsyncEngine) -> None:
    cache = SqlAIStore(engine).cache()
    await cache.put("k" * 64, "gpt-test", "first", NOW, timedelta(hours=1))
    assert await cache.get("k" * 64, NOW + timedelta(minutes=59)) == "first"
    assert await cache.get("k" * 64, NOW + timedelta(minutes=61)) is None
    await cache.put("k" * 64, "gpt-test", "second", NOW, timedelta(hours=1))
    assert await cache.get("k" * 64, NOW) == "second"
    assert await cache.purge_expired(NOW + timedelta(hours=2)) == 1


async def test_vectors_round_trip_as_float32(engine: AsyncEngine) -> None:
    store = SqlVectorStore(engine)
    first = [
        StoredVector(1, "m1", "h1", [0.5, -0.25, 1.0]),
        StoredVector(2, "m1", "h2", [0.1, 0.2, 0.3]),
    ]
    await store.put("profile", first, NOW)
    await store.put("profile", [StoredVector(2, "m2", "h3", [1.0, 0.0, 0.0])], NOW)
    found = await store.get("profile", [1, 2, 3])
    assert found[1].vector == [0.5, -0.25, 1.0]
    assert (found[2].model, found[2].content_hash, found[2].vector) == ("m2", "h3", [1.0, 0.0, 0.0])
    assert 3 not in found
    assert await store.get("job", [1]) == {}  # kinds are kept apart


def test_pack_is_little_endian_float32() -> None:
    assert pack([1.0]) == b"\x00\x00\x80\x3f"
    assert unpack(pack([0.1]))[0] == pytest.approx(0.1, rel=1e-6)
