"""An exact in-process index of the job catalog: every job's features as matrices.

The `JobTable` holds vectors, keywords, skills, titles, occupations and places as arrays
(a 100k-job catalog scores a block of people in a few matrix products). Loaded from the
database on first use and extended incrementally with whatever was added since
(`refresh`). On PostgreSQL the vectors stay in the database: pgvector finds each person's
nearest jobs, and the table scores those with every other signal.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Protocol

import numpy as np

from domain.jobs import (
    JOB_VECTORS,
    Candidate,
    JobsUnitOfWorkFactory,
    JobTable,
    PersonQuery,
    VectorStore,
)

LOAD_BATCH = 5_000


class VectorSearch(Protocol):
    """Nearest jobs by cosine in the database (pgvector on PostgreSQL)."""

    async def top(self, vector: list[float], limit: int, after_id: int = 0) -> dict[int, float]: ...

    async def cosines(self, vector: list[float], job_ids: list[int]) -> dict[int, float]: ...


class NumpyCatalogIndex:
    """The `CatalogIndex` for one process. `model` is the embedding model whose vectors it
    holds; jobs without a vector from that model are still found by every other signal.
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
        self._dimensions = dimensions
        self._table = JobTable(dimensions, vectors=database_search is None)
        self._last_id = 0
        self._lock = asyncio.Lock()

    def __len__(self) -> int:
        return len(self._table)

    @property
    def table(self) -> JobTable:
        return self._table

    async def refresh(self) -> None:
        async with self._lock:
            while True:
                async with self._uow.read() as uow:
                    batch = await uow.jobs.after(self._last_id, LOAD_BATCH)
                if not batch:
                    break
                ids = [job.id or 0 for job in batch]
                rows = None
                if self._vectors is not None:
                    found = await self._vectors.get(JOB_VECTORS, ids)
                    rows = np.zeros((len(batch), self._dimensions), dtype=np.float32)
                    for n, job_id in enumerate(ids):
                        stored = found.get(job_id)
                        if stored is not None and stored.model == self._model:
                            rows[n] = stored.vector
                self._table.add(batch, rows)
                self._last_id = ids[-1]
            await asyncio.to_thread(self._table.build)

    async def candidates(
        self, queries: Sequence[PersonQuery], limit: int, today: date | None = None
    ) -> list[list[Candidate]]:
        """Each person's `limit` best jobs by the table's score, best first. The scoring
        runs in a worker thread (numpy releases the interpreter meanwhile), one at a time."""
        search = self._database_search
        nearest = None
        if search is not None:
            nearest = [
                await search.top(q.vector, limit, q.after_id) if q.vector is not None else {}
                for q in queries
            ]
        async with self._lock:  # a refresh changes the table: not while it is read
            found = await asyncio.to_thread(self._table.best, list(queries), limit, today, nearest)
        if search is None or nearest is None:
            return found
        out = []
        for query, known, shortlist in zip(queries, nearest, found, strict=True):
            missing = [c.job_id for c in shortlist if c.job_id not in known]
            if query.vector is not None and missing:
                known = {**known, **await search.cosines(query.vector, missing)}
            out.append([replace(c, cosine=known.get(c.job_id, 0.0)) for c in shortlist])
        return out
