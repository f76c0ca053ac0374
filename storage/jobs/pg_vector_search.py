"""Nearest jobs by cosine similarity in PostgreSQL with pgvector (exact search)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from domain.jobs import StoredVector


def literal(vector: list[float]) -> str:
    return "[" + ",".join(f"{x:.9g}" for x in vector) + "]"


async def mirror_job_vectors(conn: AsyncConnection, vectors: list[StoredVector]) -> None:
    """Keep the pgvector column in step with the `embeddings` table."""
    await conn.execute(
        text(
            "INSERT INTO job_vectors (job_id, model, embedding) "
            "VALUES (:job_id, :model, CAST(:embedding AS vector)) "
            "ON CONFLICT (job_id) DO UPDATE SET model = EXCLUDED.model, "
            "embedding = EXCLUDED.embedding"
        ),
        [{"job_id": v.ref_id, "model": v.model, "embedding": literal(v.vector)} for v in vectors],
    )


class PgVectorSearch:
    """Top-k by cosine distance (`<=>`), and the cosines of given jobs, for one model."""

    def __init__(self, engine: AsyncEngine, model: str) -> None:
        self._engine = engine
        self._model = model

    async def top(self, vector: list[float], limit: int, after_id: int = 0) -> dict[int, float]:
        async with self._engine.connect() as conn:
            rows = await conn.execute(
                text(
                    "SELECT job_id, 1 - (embedding <=> CAST(:q AS vector)) AS cosine "
                    "FROM job_vectors WHERE model = :model AND job_id > :after "
                    "ORDER BY embedding <=> CAST(:q AS vector), job_id LIMIT :k"
                ),
                {"q": literal(vector), "model": self._model, "k": limit, "after": after_id},
            )
            return {int(r.job_id): float(r.cosine) for r in rows}

    async def cosines(self, vector: list[float], job_ids: list[int]) -> dict[int, float]:
        if not job_ids:
            return {}
        async with self._engine.connect() as conn:
            rows = await conn.execute(
                text(
                    "SELECT job_id, 1 - (embedding <=> CAST(:q AS vector)) AS cosine "
                    "FROM job_vectors WHERE model = :model AND job_id = ANY(:ids)"
                ),
                {"q": literal(vector), "model": self._model, "ids": job_ids},
            )
            return {int(r.job_id): float(r.cosine) for r in rows}
