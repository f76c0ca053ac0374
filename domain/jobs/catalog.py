"""The job catalog: importing (de-duplicated, embedded, indexed) and the demo catalog."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from domain.clock import Clock
from domain.jobs.demo import demo_jobs
from domain.jobs.embeddings import EmbeddingIndexer
from domain.jobs.job_table import Candidate, PersonQuery
from domain.jobs.model import Job
from domain.jobs.ports import JobsUnitOfWorkFactory
from domain.jobs.ranking import Preferences, passes, search_order
from domain.taxonomy import occupation_of

JOB_VECTORS = "job"


class CatalogIndex(Protocol):
    """Scores many people against the whole catalog at once (`JobTable`): by meaning
    (vectors), keywords, skills, titles and occupation, with the hard filters of place and
    work mode."""

    async def refresh(self) -> None: ...

    async def candidates(
        self, queries: Sequence[PersonQuery], limit: int, today: date | None = None
    ) -> list[list[Candidate]]:
        """For each person, their `limit` best jobs by the table's score, best first."""
        ...


SEARCH_CANDIDATES = 200  # keyword hits looked at before the user's filters apply


@dataclass(frozen=True, slots=True)
class ImportReport:
    inserted: int
    updated: int
    unchanged: int


@dataclass(frozen=True, slots=True)
class JobCatalog:
    """Imports jobs in batches: store (de-duplicated), then embed what is new or changed."""

    uow: JobsUnitOfWorkFactory
    indexer: EmbeddingIndexer | None
    clock: Clock
    batch_size: int = 200

    async def import_jobs(self, batch: list[Job]) -> ImportReport:
        inserted = updated = unchanged = 0
        for start in range(0, len(batch), self.batch_size):
            chunk = [_with_occupation(job) for job in batch[start : start + self.batch_size]]
            async with self.uow() as uow:
                counts = await uow.jobs.upsert(chunk, self.clock.now())
                await uow.commit()
            inserted += len(counts.inserted)
            updated += len(counts.updated)
            unchanged += counts.unchanged
            await self.embed([*counts.inserted, *counts.updated])
        return ImportReport(inserted, updated, unchanged)

    async def embed(self, job_ids: list[int]) -> None:
        if self.indexer is None or not job_ids:
            return
        async with self.uow.read() as uow:
            found = await uow.jobs.get_many(job_ids)
        await self.indexer.ensure(JOB_VECTORS, {i: j.embedding_text() for i, j in found.items()})

    async def get(self, job_id: int) -> Job | None:
        async with self.uow.read() as uow:
            return (await uow.jobs.get_many([job_id])).get(job_id)

    async def search(self, user_id: int, words: list[str], limit: int = 5) -> list[Job]:
        """Jobs that mention every one of `words`, within the user's job filters (/prefs),
        most relevant first; jobs they dismissed or applied to are not found again."""
        async with self.uow.read() as uow:
            prefs = Preferences.of(await uow.profiles.get(user_id))
            found = await uow.jobs.search(words, SEARCH_CANDIDATES)
            gone = await uow.recommendations.excluded_job_ids(user_id)
        kept = [job for job in found if job.id not in gone and passes(job, prefs)]
        return search_order(kept, words)[:limit]

    async def ensure_demo(self, count: int = 300) -> ImportReport | None:
        """Load the generated demo catalog when the catalog is empty (first start)."""
        async with self.uow.read() as uow:
            if await uow.jobs.count() > 0:
                return None
        return await self.import_jobs(demo_jobs(count))


def _with_occupation(job: Job) -> Job:
    """The job with the O*NET occupation its title names (kept when the source gave one)."""
    if job.onet_code is not None:
        return job
    occupation = occupation_of(job.title)
    return replace(job, onet_code=occupation.onet_code) if occupation else job
