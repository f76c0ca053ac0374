"""The AI request log and response cache in SQL. Each call is its own short transaction,
so logging never holds a lock while a model is thinking."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.ai import AIRequestRecord
from storage.rows import from_row
from storage.tables import ai_cache, ai_requests


@dataclass(frozen=True, slots=True)
class AIUsageSummary:
    """Aggregate of the log for one feature and model."""

    feature: str
    model: str
    requests: int
    cache_hits: int
    tokens: int
    p50_ms: float
    p95_ms: float
    error_rate: float


class SqlAIRequestLog:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def add(self, record: AIRequestRecord) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(
                insert(ai_requests).values(
                    user_id=record.user_id,
                    feature=record.feature,
                    model=record.model,
                    prompt_tokens=record.prompt_tokens,
                    completion_tokens=record.completion_tokens,
                    latency_ms=record.latency_ms,
                    status=record.status,
                    error=record.error,
                    cache_hit=record.cache_hit,
                    created_at=record.created_at,
                )
            )

    async def tokens_since(self, user_id: int, since: datetime) -> int:
        total = func.coalesce(
            func.sum(ai_requests.c.prompt_tokens + ai_requests.c.completion_tokens), 0
        )
        async with self._engine.connect() as conn:
            result = await conn.execute(
                select(total).where(
                    ai_requests.c.user_id == user_id, ai_requests.c.created_at >= since
                )
            )
            return int(result.scalar_one())

    async def calls_since(self, user_id: int, since: datetime) -> int:
        """Requests that reached (or tried to reach) the model: cache hits are free."""
        async with self._engine.connect() as conn:
            result = await conn.execute(
                select(func.count()).where(
                    ai_requests.c.user_id == user_id,
                    ai_requests.c.created_at >= since,
                    ai_requests.c.cache_hit.is_(False),
                    ai_requests.c.status.in_(["ok", "error", "truncated"]),
                )
            )
            return int(result.scalar_one())

    async def recent(self, limit: int = 20) -> list[AIRequestRecord]:
        async with self._engine.connect() as conn:
            rows = await conn.execute(
                select(ai_requests).order_by(ai_requests.c.id.desc()).limit(limit)
            )
            return [from_row(AIRequestRecord, r) for r in rows]

    async def summary(self, since: datetime | None = None) -> list[AIUsageSummary]:
        """Per feature and model: count, cache hits, tokens, p50/p95 latency, error rate."""
        query = select(
            ai_requests.c.feature,
            ai_requests.c.model,
            ai_requests.c.latency_ms,
            ai_requests.c.cache_hit,
            (ai_requests.c.prompt_tokens + ai_requests.c.completion_tokens).label("tokens"),
            case((ai_requests.c.status == "ok", 0), else_=1).label("failed"),
        )
        if since is not None:
            query = query.where(ai_requests.c.created_at >= since)
        groups: dict[tuple[str, str], list[tuple[int, bool, int, int]]] = {}
        async with self._engine.connect() as conn:
            for row in await conn.execute(query):
                groups.setdefault((row.feature, row.model), []).append(
                    (row.latency_ms, row.cache_hit, row.tokens, row.failed)
                )
        summaries = []
        for (feature, model), rows in sorted(groups.items()):
            called = sorted(latency for latency, hit, _, _ in rows if not hit) or [0]
            summaries.append(
                AIUsageSummary(
                    feature=feature,
                    model=model,
                    requests=len(rows),
                    cache_hits=sum(1 for _, hit, _, _ in rows if hit),
                    tokens=sum(tokens for _, _, tokens, _ in rows),
                    p50_ms=statistics.median(called),
                    p95_ms=called[min(len(called) - 1, round(0.95 * (len(called) - 1)))],
                    error_rate=sum(failed for *_, failed in rows) / len(rows),
                )
            )
        return summaries


class SqlAIResponseCache:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def get(self, key: str, now: datetime) -> str | None:
        async with self._engine.connect() as conn:
            result = await conn.execute(
                select(ai_cache.c.response).where(
                    ai_cache.c.key == key, ai_cache.c.expires_at > now
                )
            )
            return result.scalar_one_or_none()

    async def put(self, key: str, model: str, text: str, now: datetime, ttl: timedelta) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(delete(ai_cache).where(ai_cache.c.key == key))
            await conn.execute(
                insert(ai_cache).values(
                    key=key, model=model, response=text, created_at=now, expires_at=now + ttl
                )
            )

    async def purge_expired(self, now: datetime) -> int:
        async with self._engine.begin() as conn:
            result = await conn.execute(delete(ai_cache).where(ai_cache.c.expires_at <= now))
            return result.rowcount


class SqlAIStore:
    """The `AIStore` port over one engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._log = SqlAIRequestLog(engine)
        self._cache = SqlAIResponseCache(engine)

    def log(self) -> SqlAIRequestLog:
        return self._log

    def cache(self) -> SqlAIResponseCache:
        return self._cache
