"""Keeping stored vectors current."""

from __future__ import annotations

from datetime import datetime

from domain.jobs import EmbeddingIndexer, StoredVector
from tests.fakes import FakeClock


class CountingEmbedder:
    def __init__(self, model_name: str = "model-a") -> None:
        self.model_name = model_name
        self.dimensions = 2
        self.batches: list[list[str]] = []

    async def embed(self, texts: list[str]) -> list[list[float]]:
        self.batches.append(texts)
        return [[float(len(t)), 1.0] for t in texts]


class MemoryVectors:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, int], StoredVector] = {}

    async def get(self, kind: str, ref_ids: list[int]) -> dict[int, StoredVector]:
        return {i: self.rows[(kind, i)] for i in ref_ids if (kind, i) in self.rows}

    async def put(self, kind: str, vectors: list[StoredVector], now: datetime) -> None:
        self.rows.update(((kind, v.ref_id), v) for v in vectors)


async def test_only_missing_changed_and_stale_vectors_are_embedded() -> None:
    store, embedder = MemoryVectors(), CountingEmbedder()
    indexer = EmbeddingIndexer(embedder, store, FakeClock(), batch_size=2)
    texts = {1: "a", 2: "bb", 3: "ccc"}
    vectors = await indexer.ensure("job", texts)
    assert vectors == {1: [1.0, 1.0], 2: [2.0, 1.0], 3: [3.0, 1.0]}
    assert embedder.batches == [["a", "bb"], ["ccc"]]

    await indexer.ensure("job", {**texts, 2: "changed"})
    assert embedder.batches[-1] == ["changed"]

    indexer.embedder = CountingEmbedder("model-b")  # a new model re-embeds everything
    await indexer.ensure("job", texts)
    assert indexer.embedder.batches == [["a", "bb"], ["ccc"]]
    assert {v.model for v in store.rows.values()} == {"model-b"}
