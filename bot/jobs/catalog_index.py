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
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from domain.jobs import JOB_VECTORS, CandidateQuery, JobsUnitOfWorkFactory, VectorStore, title_terms

LOAD_BATCH = 5_000


BLOCK_CELLS = 1 << 22  # users × jobs scores computed at once (16 MB of float32)


class VectorSearch(Protocol):
    """Nearest jobs by cosine in the database (pgvector on PostgreSQL)."""

    async def top(self, vector: list[float], limit: int, after_id: int = 0) -> dict[int, float]: ...

    async def cosines(self, vector: list[float], job_ids: list[int]) -> dict[int, float]: ...


class Postings:
    """Rows by key (a skill, a title word, an occupation), as arrays when asked for."""

    def __init__(self) -> None:
        self._rows: dict[str, list[int]] = defaultdict(list)
        self._arrays: dict[str, np.ndarray] = {}

    def add(self, key: str, row: int) -> None:
        self._rows[key].append(row)
        self._arrays.pop(key, None)

    def get(self, key: str) -> np.ndarray | None:
        found = self._arrays.get(key)
        if found is None and key in self._rows:
            found = self._arrays[key] = np.array(self._rows[key], dtype=np.int64)
        return found


class NumpyCatalogIndex:
    """The `CatalogIndex` for one process. `model` is the embedding model whose vectors it
    holds; jobs without a vector from that model are still found by skills, title and
    occupation. With `database_search` the vectors are not loaded: pgvector searches them
    instead. Rows are in job id order, so "new since" is a slice of the matrix."""

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
        self._skills = Postings()
        self._terms = Postings()
        self._codes = Postings()  # O*NET code → rows
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
                        self._skills.add(skill.casefold(), offset + n)
                    for term in title_terms(job.title):
                        self._terms.add(term, offset + n)
                    if job.onet_code is not None:
                        self._codes.add(job.onet_code, offset + n)
                offset += len(batch)
                id_blocks.append(np.array(ids, dtype=np.int64))
                matrix_blocks.append(rows)
                self._last_id = ids[-1]
            if len(id_blocks) > 1:  # one copy per refresh, not one per batch
                self._ids = np.concatenate(id_blocks)
                self._matrix = np.vstack(matrix_blocks)

    async def candidates(
        self, queries: Sequence[CandidateQuery], limit: int
    ) -> list[dict[int, float]]:
        """The vectors of many queries are scored against the catalog in blocks, by one
        matrix product per block, and each row's best found by `argpartition`."""
        if not len(self._ids):
            return [{} for _ in queries]
        starts = [int(np.searchsorted(self._ids, q.after_id, side="right")) for q in queries]
        found = [  # per query: row → cosine
            dict.fromkeys(self._token_candidates(q, start, limit), 0.0)
            for q, start in zip(queries, starts, strict=True)
        ]
        if self._database_search is not None:
            return [
                await self._database_cosines(query, rows, limit)
                for query, rows in zip(queries, found, strict=True)
            ]
        with_vectors = [n for n, q in enumerate(queries) if q.vector is not None]
        if with_vectors:
            first = min(starts[n] for n in with_vectors)
            block = self._matrix[first:]
            step = max(1, BLOCK_CELLS // max(1, len(block)))
            for chunk_start in range(0, len(with_vectors), step):
                chunk = with_vectors[chunk_start : chunk_start + step]
                wanted = np.asarray([queries[n].vector for n in chunk], dtype=np.float32)
                scores = wanted @ block.T
                for row, n in enumerate(chunk):
                    scores[row, : starts[n] - first] = -np.inf  # not new enough for this one
                k = min(limit, len(block))
                best = np.argpartition(-scores, k - 1, axis=1)[:, :k]
                for row, n in enumerate(chunk):
                    mine = found[n]
                    mine.update((first + int(i), 0.0) for i in best[row])
                    for r in [r for r in mine if r < starts[n]]:
                        del mine[r]  # the nearest of an all-old row
                    for r in mine:
                        mine[r] = float(scores[row, r - first])
        return [{int(self._ids[r]): c for r, c in mine.items()} for mine in found]

    async def _database_cosines(
        self, query: CandidateQuery, rows: dict[int, float], limit: int
    ) -> dict[int, float]:
        found = {int(self._ids[r]): 0.0 for r in rows}
        if self._database_search is None or query.vector is None:
            return found
        nearest = await self._database_search.top(query.vector, limit, query.after_id)
        others = [job_id for job_id in found if job_id not in nearest]
        found.update(await self._database_search.cosines(query.vector, others))
        found.update(nearest)
        return found

    def _token_candidates(self, query: CandidateQuery, start: int, limit: int) -> set[int]:
        """Rows from `start` on sharing most skills, most title words, or in the
        best-fitting occupations."""
        size = len(self._ids) - start
        chosen: set[int] = set()
        for postings, keys in (
            (self._skills, [s.casefold() for s in query.skills]),
            (self._terms, list(query.terms)),
        ):
            hits = [h for k in keys if (h := postings.get(k)) is not None]
            if hits:
                rows = np.concatenate(hits)
                counts = np.bincount(rows[rows >= start] - start, minlength=size)
                chosen.update(start + i for i in _top(counts, limit) if counts[i] > 0)
        taken: list[int] = []
        occupations = query.occupations
        for code in sorted(occupations, key=lambda c: (-occupations[c], c)):
            in_code = self._codes.get(code)
            if in_code is not None:
                taken.extend(int(i) for i in in_code[in_code >= start])
            if len(taken) >= limit:
                break
        chosen.update(taken[:limit])
        return chosen


def _top(scores: np.ndarray, k: int) -> list[int]:
    if len(scores) <= k:
        return list(range(len(scores)))
    part = np.argpartition(-scores, k)[:k]
    return [int(i) for i in part]
