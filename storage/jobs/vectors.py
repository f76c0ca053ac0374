"""Embedding vectors in SQL as little-endian float32 blobs, with their model and source hash."""

from __future__ import annotations

import sys
from array import array
from datetime import datetime

from sqlalchemy import delete, insert, select, tuple_
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.jobs import StoredVector
from storage.batches import in_batches
from storage.jobs.pg_vector_search import mirror_job_vectors
from storage.tables import embeddings


def pack(vector: list[float]) -> bytes:
    values = array("f", vector)
    if sys.byteorder != "little":  # pragma: no cover - every supported platform is little
        values.byteswap()
    return values.tobytes()


def unpack(blob: bytes) -> list[float]:
    values = array("f")
    values.frombytes(blob)
    if sys.byteorder != "little":  # pragma: no cover
        values.byteswap()
    return values.tolist()


class SqlVectorStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def get(self, kind: str, ref_ids: list[int]) -> dict[int, StoredVector]:
        found: dict[int, StoredVector] = {}
        async with self._engine.connect() as conn:
            for batch in in_batches(ref_ids):
                rows = await conn.execute(
                    select(embeddings).where(
                        embeddings.c.kind == kind, embeddings.c.ref_id.in_(batch)
                    )
                )
                for row in rows:
                    found[row.ref_id] = StoredVector(
                        row.ref_id, row.model, row.content_hash, unpack(row.vector)
                    )
        return found

    async def put(self, kind: str, vectors: list[StoredVector], now: datetime) -> None:
        if not vectors:
            return
        async with self._engine.begin() as conn:
            await conn.execute(
                delete(embeddings).where(
                    tuple_(embeddings.c.kind, embeddings.c.ref_id).in_(
                        [(kind, v.ref_id) for v in vectors]
                    )
                )
            )
            await conn.execute(
                insert(embeddings),
                [
                    {
                        "kind": kind,
                        "ref_id": v.ref_id,
                        "model": v.model,
                        "dimensions": len(v.vector),
                        "vector": pack(v.vector),
                        "content_hash": v.content_hash,
                        "updated_at": now,
                    }
                    for v in vectors
                ],
            )
            if kind == "job" and conn.dialect.name == "postgresql":
                await mirror_job_vectors(conn, vectors)
