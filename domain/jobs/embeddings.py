"""Keeping stored vectors current: each vector remembers the model and the text it came
from, so changing either re-embeds exactly what changed, in batches."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.ai import Embedder
from domain.clock import Clock


@dataclass(frozen=True, slots=True)
class StoredVector:
    ref_id: int
    model: str
    content_hash: str
    vector: list[float]


class VectorStore(Protocol):
    """Vectors by (kind, ref id): "job" 42, "profile" 7."""

    async def get(self, kind: str, ref_ids: list[int]) -> dict[int, StoredVector]: ...

    async def put(self, kind: str, vectors: list[StoredVector], now: datetime) -> None: ...


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


STORE_BATCH = 512  # vectors written per transaction


class EmbeddingIndexer:
    """Makes sure every text has a vector from the current model."""

    def __init__(
        self, embedder: Embedder, store: VectorStore, clock: Clock, batch_size: int = 16
    ) -> None:
        self.embedder = embedder
        self._store = store
        self._clock = clock
        self._batch_size = batch_size

    async def ensure(self, kind: str, texts: dict[int, str]) -> dict[int, list[float]]:
        """Vectors for every id in `texts`, embedding only the missing and stale ones."""
        stored = await self._store.get(kind, list(texts))
        model = self.embedder.model_name
        vectors = {
            ref_id: found.vector
            for ref_id, found in stored.items()
            if found.model == model and found.content_hash == content_hash(texts[ref_id])
        }
        todo = [ref_id for ref_id in texts if ref_id not in vectors]
        fresh: list[StoredVector] = []
        for start in range(0, len(todo), self._batch_size):
            batch = todo[start : start + self._batch_size]
            embedded = await self.embedder.embed([texts[i] for i in batch])
            fresh.extend(
                StoredVector(i, model, content_hash(texts[i]), vector)
                for i, vector in zip(batch, embedded, strict=True)
            )
            if len(fresh) >= STORE_BATCH or start + self._batch_size >= len(todo):
                await self._store.put(kind, fresh, self._clock.now())  # one write per batch
                vectors.update((v.ref_id, v.vector) for v in fresh)
                fresh = []
        return vectors
