"""The catalog index: numpy on SQLite and pgvector on PostgreSQL give the same results."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.jobs.catalog_index import NumpyCatalogIndex
from domain.jobs import EmbeddingIndexer, JobCatalog, JobMatcher, PersonQuery, demo_jobs
from domain.profiles import Profile, set_field
from storage import migrate
from storage.database import create_engine
from storage.jobs.pg_vector_search import PgVectorSearch
from storage.jobs.vectors import SqlVectorStore
from storage.unit_of_work import SqlUnitOfWorkFactory
from tests.fakes import FakeClock, WordHashEmbedder

PROFILES = [
    {"target_roles": "Data Engineer", "skills": "Python, SQL, Airflow"},
    {"target_roles": "Registered Nurse", "skills": "Communication, Teamwork"},
    {"title": "Accountant", "skills": "Excel, SAP", "remote": "remote"},
]


async def ranked_on(engine: AsyncEngine) -> tuple[list[list[tuple[str, int]]], list[set[int]]]:
    clock, embedder = FakeClock(), WordHashEmbedder()
    uow, vectors = SqlUnitOfWorkFactory(engine), SqlVectorStore(engine)
    indexer = EmbeddingIndexer(embedder, vectors, clock)
    await JobCatalog(uow, indexer, clock).import_jobs(demo_jobs(150, seed=3))
    search = (
        PgVectorSearch(engine, embedder.model_name) if engine.dialect.name == "postgresql" else None
    )
    index = NumpyCatalogIndex(uow, vectors, embedder.model_name, 64, search)
    matcher = JobMatcher(uow, index, indexer, clock, page_size=10)
    rankings, nearest = [], []
    for fields in PROFILES:
        async with uow() as tx:
            user = (await tx.users.add("u", clock.now())).id
            profile = Profile()
            for name, value in fields.items():
                profile = set_field(profile, name, value)
            await tx.profiles.save(user, profile, clock.now())
            await tx.commit()
        shown = await matcher.matches(user, 1)
        rankings.append([(m.job.external_id, m.score) for m in shown])
        vector = (await embedder.embed([fields.get("target_roles", "") or "x"]))[0]
        (found,) = await index.candidates([PersonQuery(Profile(), vector)], 20)
        nearest.append({c.job_id for c in found})
    return rankings, nearest


@pytest.mark.postgres
async def test_sqlite_and_postgresql_rank_identically(
    sqlite_engine: AsyncEngine, pg_url: str
) -> None:
    pg = create_engine(pg_url)
    await migrate.upgrade(pg)
    try:
        on_pg = await ranked_on(pg)
    finally:
        await pg.dispose()
    on_sqlite = await ranked_on(sqlite_engine)
    assert on_pg[0] == on_sqlite[0]
    assert all(len(r) == 10 for r in on_pg[0][:1])
    # The nearest 20 by vector alone: pgvector's exact search equals numpy's.
    assert [len(s) for s in on_pg[1]] == [20, 20, 20]
    assert on_pg[1] == on_sqlite[1]
