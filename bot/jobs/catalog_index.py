"""An exact in-process index of the job catalog for candidate search.

Vectors live in one float32 matrix (a 100k × 384 exact cosine top-k takes a few ms with
numpy); skills and title words in postings arrays. Loaded from the database on first use
and extended incrementally with whatever was added since (`refresh`). On PostgreSQL the
vectors stay in the database and pgvector finds the nearest ones; the candidates, and so the
rankings, are the same either way.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Mapping
from typing import Protocol

import numpy as np

from domain.jobs import EMPTY, JOB_VECTORS, JobsUnitOfWorkFactory, VectorStore, title_terms

LOAD_BATCH = 5_000


class VectorSearch(Protocol):
    """Nearest jobs by cosine in the database (pgvector on PostgreSQL)."""

    async def top(self, vector: list[float], limit: int) -> dict[int, float]: ...

    async def cosines(self, vector: list[float], job_ids: list[int]) -> dict[int, float]: ...


class NumpyCatalogIndex:
    """The `CatalogIndex` for one process. `model` is the embedding model whose vectors it
    holds; jobs without a vector from that model are still found by skills and title.
    With `database_search` the vectors are not loaded: pgvector searches them instead."""

    def __init__(
        self,
        uow: JobsUnitOfWorkFactory,
        vectors: VectorStore | None,
        model: str | None,
        dimensions: int = 384,
        database_search: VectorSearch | None = None,
    ) -> None:
        self._uow = uow
        self._database_search = database_search
        self._vectors = None if database_search is not None else vectors
        self._model = model
        self._ids = np.zeros(0, dtype=np.int64)
        self._matrix = np.zeros((0, dimensions), dtype=np.float32)
        self._skills: dict[str, list[int]] = defaultdict(list)
        self._terms: dict[str, list[int]] = defaultdict(list)
        self._codes: dict[str, list[int]] = defaultdict(list)  # O*NET code → rows
        self._last_id = 0
        self._lock = asyncio.Lock()

    def __len__(self) -> int:
        return len(self._ids)

    async def refresh(self) -> None:
        async with self._lock:
            id_blocks: list[np.ndarray] = [self._ids]
            matrix_blocks: list[np.ndarray] = [self._matrix]
            offset = len(self._ids)
            while True:
                async with self._uow.read() as uow:
                    batch = await uow.jobs.after(self._last_id, LOAD_BATCH)
                if not batch:
                    break
                ids = [job.id or 0 for job in batch]
                found = await self._vectors.get(JOB_VECTORS, ids) if self._vectors else {}
                rows = np.zeros((len(batch), self._matrix.shape[1]), dtype=np.float32)
                for n, job_id in enumerate(ids):
                    stored = found.get(job_id)
                    if stored is not None and stored.model == self._model:
                        rows[n] = stored.vector
                for n, job in enumerate(batch):
                    for skill in job.skills:
                        self._skills[skill.casefold()].append(offset + n)
                    for term in title_terms(job.title):
                        self._terms[term].append(offset + n)
                    if job.onet_code is not None:
                        self._codes[job.onet_code].append(offset + n)
                offset += len(batch)
                id_blocks.append(np.array(ids, dtype=np.int64))
                matrix_blocks.append(rows)
                self._last_id = ids[-1]
            if len(id_blocks) > 1:  # one copy per refresh, not one per batch
                self._ids = np.concatenate(id_blocks)
                self._matrix = np.vstack(matrix_blocks)

    async def candidates(
        self,
        vector: list[float] | None,
        skills: list[str],
        terms: set[str],
        limit: int,
        occupations: Mapping[str, float] = EMPTY,
    ) -> dict[int, float]:
        if not len(self._ids):
            return {}
        by_tokens = self._token_candidates(skills, terms, limit)
        by_tokens |= self._occupation_candidates(occupations, limit)
        if vector is None:
            return {int(self._ids[i]): 0.0 for i in by_tokens}
        if self._database_search is not None:
            found = await self._database_search.top(vector, limit)
            others = [int(self._ids[i]) for i in by_tokens if int(self._ids[i]) not in found]
            cosines = await self._database_search.cosines(vector, others)
            return {**dict.fromkeys(others, 0.0), **cosines, **found}
        scores = self._matrix @ np.asarray(vector, dtype=np.float32)
        chosen = set(_top(scores, limit)) | by_tokens
        return {int(self._ids[i]): float(scores[i]) for i in chosen}

    def _occupation_candidates(self, occupations: Mapping[str, float], limit: int) -> set[int]:
        chosen: list[int] = []
        for code in sorted(occupations, key=lambda c: (-occupations[c], c)):
            chosen.extend(self._codes.get(code, ()))
            if len(chosen) >= limit:
                break
        return set(chosen[:limit])

    def _token_candidates(self, skills: list[str], terms: set[str], limit: int) -> set[int]:
        chosen: set[int] = set()
        for postings, keys in (
            (self._skills, [s.casefold() for s in skills]),
            (self._terms, list(terms)),
        ):
            hits = [postings[k] for k in keys if k in postings]
            if hits:
                counts = np.bincount(np.concatenate(hits), minlength=len(self._ids))
                chosen.update(i for i in _top(counts.astype(np.float32), limit) if counts[i] > 0)
        return chosen


def _top(scores: np.ndarray, k: int) -> list[int]:
    if len(scores) <= k:
        return list(range(len(scores)))
    part = np.argpartition(-scores, k)[:k]
    return [int(i) for i in part]
