"""Benchmark: job matching — ranking quality on real data, latency at 10k/100k jobs, and
import throughput.

    python bench/matching.py [--data ../shared/data] [--sizes 10000 100000]

Quality: the 18 real job descriptions in shared/data form the catalog and the 9 real
resumes are the users (profiles filled from the resumes exactly as an upload does). The
hybrid ranking is compared with a plain TF-IDF baseline (resume text vs job text) using the
hand-assigned relevance labels of bench/embeddings.py.

Latency: a SQLite catalog of N generated jobs with random unit vectors (the index does the
same work whatever the vectors say), 50 profiles; the time of `JobMatcher.matches` (index
candidates, exclusions, loading candidate jobs, filters, scoring, recording) — embedding the
profile is excluded (it is cached per profile text).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

sys.path.insert(0, str(Path(__file__).parent))

from embeddings import RELEVANT, quality, read, tfidf_scores

from bot.ai.embedders import MiniLMEmbedder, WordLlamaEmbedder
from bot.jobs.catalog_index import NumpyCatalogIndex
from domain.jobs import (
    EmbeddingIndexer,
    Job,
    JobCatalog,
    JobMatcher,
    PersonQuery,
    StoredVector,
    demo_jobs,
    job_from_record,
    profile_text,
    rank,
)
from domain.jobs.matcher import CANDIDATES
from domain.profiles import Profile
from domain.resumes import apply_resume, parse_resume
from domain.taxonomy import bundled_taxonomy, occupation_of
from storage import migrate
from storage.database import create_engine, sqlite_url
from storage.jobs.repository import _job_values
from storage.jobs.vectors import SqlVectorStore
from storage.tables import jobs as jobs_table
from storage.unit_of_work import SqlUnitOfWorkFactory


class FixedClock:
    def now(self) -> datetime:
        return datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def ranking_quality(data: Path) -> None:
    taxonomy = bundled_taxonomy()
    resume_files = sorted((data / "resumes").glob("*.pdf"))
    job_files = sorted((data / "job_descriptions").iterdir())
    resume_texts = [read(p) for p in resume_files]
    job_texts = [read(p) for p in job_files]
    jobs = []
    for n, (path, text) in enumerate(zip(job_files, job_texts, strict=True), start=1):
        title = text.strip().splitlines()[0].replace("Job Description:", "").strip()[:120]
        job = job_from_record(
            {"id": n, "title": title, "company": path.stem, "description": text}, "bench", taxonomy
        )
        job.id = n
        occupation = occupation_of(title)  # as import stores it
        job.onet_code = occupation.onet_code if occupation else None
        jobs.append(job)
    profiles = [
        apply_resume(Profile(), parse_resume(t, taxonomy, date(2026, 3, 2))) for t in resume_texts
    ]
    model = MiniLMEmbedder()
    job_vectors = np.array(model.embed_sync([j.embedding_text() for j in jobs]))
    resumes = [p.stem for p in resume_files]
    names = [p.stem for p in job_files]
    hybrid = np.zeros((len(profiles), len(jobs)))
    semantic = np.zeros((len(profiles), len(jobs)))
    for i, profile in enumerate(profiles):
        vector = np.array(model.embed_sync([profile_text(profile)])[0])
        cosines = {j.id or 0: float(v) for j, v in zip(jobs, job_vectors @ vector, strict=True)}
        semantic[i] = [cosines[j.id or 0] for j in jobs]
        for match in rank(profile, jobs, cosines, resume_texts[i][:6000]):
            hybrid[i, (match.job.id or 0) - 1] = match.score + 1e-6 * (100 - (match.job.id or 0))
    rows = [
        ("TF-IDF baseline (full texts)", tfidf_scores(resume_texts, job_texts)),
        ("MiniLM cosine alone", semantic),
        ("CareerBot hybrid", hybrid),
    ]
    print(f"Ranking quality: {len(resumes)} resumes x {len(names)} job descriptions")
    print(f"{'method':30} {'P@3':>6} {'nDCG@5':>7} {'MRR':>6}")
    for name, scores in rows:
        m = quality(scores, resumes, names)
        print(f"{name:30} {m['P@3']:6.3f} {m['nDCG@5']:7.3f} {m['MRR']:6.3f}")
    assert set(RELEVANT) == set(resumes)


class RandomProfileEmbedder:
    model_name = "random-384"
    dimensions = 384

    def __init__(self) -> None:
        self._rng = np.random.default_rng(1)

    async def embed(self, texts: list[str]) -> list[list[float]]:
        vectors = self._rng.normal(size=(len(texts), 384)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        return [list(map(float, v)) for v in vectors]


async def add_random_catalog(
    engine: AsyncEngine, jobs: list[Job], first_id: int, now: datetime
) -> None:
    """Store `jobs` as ids first_id+1… with random unit vectors (model "random-384"): the
    index does the same work whatever the vectors say."""
    rng = np.random.default_rng(first_id)
    async with engine.begin() as conn:
        for offset in range(0, len(jobs), 5000):
            rows = []
            for n, job in enumerate(jobs[offset : offset + 5000], start=first_id + offset):
                values = _job_values(job, now)
                values["dedupe_key"] = f"bench:{n}"
                rows.append(values)
            await conn.execute(insert(jobs_table), rows)
    vectors = SqlVectorStore(engine)
    for offset in range(0, len(jobs), 5000):
        block = rng.normal(size=(min(5000, len(jobs) - offset), 384)).astype(np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        await vectors.put(
            "job",
            [
                StoredVector(first_id + offset + i + 1, "random-384", "h", list(map(float, v)))
                for i, v in enumerate(block)
            ],
            now,
        )


async def latency(size: int) -> None:
    folder = Path(tempfile.mkdtemp())
    engine = create_engine(sqlite_url(folder / "bench.db"))
    await migrate.upgrade(engine)
    clock = FixedClock()
    start = time.perf_counter()
    await add_random_catalog(engine, demo_jobs(size, seed=11), 0, clock.now())
    vectors = SqlVectorStore(engine)
    build = time.perf_counter() - start
    uow = SqlUnitOfWorkFactory(engine)
    embedder = RandomProfileEmbedder()
    index = NumpyCatalogIndex(uow, vectors, embedder.model_name, 384)
    start = time.perf_counter()
    await index.refresh()
    load = time.perf_counter() - start
    matcher = JobMatcher(
        uow, index, EmbeddingIndexer(embedder, vectors, clock), clock, page_size=10
    )
    roles = [
        "Data Engineer",
        "Product Manager",
        "Registered Nurse",
        "Backend Engineer",
        "Accountant",
    ]
    skills = [
        "Python, SQL, Apache Airflow",
        "Agile, Jira, Market Research",
        "Communication, Teamwork",
        "Python, Docker, Kubernetes",
        "Excel, Accounting",
    ]
    timings = []
    async with uow() as tx:
        user_ids = [(await tx.users.add(f"u{n}", clock.now())).id for n in range(50)]
        for n, user_id in enumerate(user_ids):
            await tx.profiles.save(
                user_id,
                Profile(target_roles=[roles[n % 5]], skills=skills[n % 5].split(", ")),
                clock.now(),
            )
        await tx.commit()
    for user_id in user_ids:
        await matcher.matches(user_id, 1)  # embeds and caches the profile vector
    for user_id in user_ids:
        start = time.perf_counter()
        await matcher.matches(user_id, 1)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    # The ranking step alone (every signal of the whole catalog, filters, top-k), against
    # a numpy brute-force cosine top-10 over the same matrix.
    async with uow.read() as tx:
        profiles = await tx.profiles.get_many(user_ids)
    wanted = await embedder.embed([profile_text(profiles[u]) for u in user_ids])
    matrix = np.asarray(index.table.vectors)
    step, brute = [], []
    for user_id, vector in zip(user_ids, wanted, strict=True):
        start = time.perf_counter()
        await index.candidates([PersonQuery(profiles[user_id], vector)], CANDIDATES)
        step.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        scores = matrix @ np.asarray(vector, dtype=np.float32)
        np.argpartition(-scores, 10)[:10]
        brute.append((time.perf_counter() - start) * 1000)
    ranking, floor = statistics.median(step), statistics.median(brute)
    print(
        f"{size:>7} jobs: top-10 median {statistics.median(timings):6.1f} ms, "
        f"p95 {timings[round(0.95 * (len(timings) - 1))]:6.1f} ms end to end; ranking step "
        f"{ranking:.1f} ms vs numpy brute-force top-10 {floor:.1f} ms ({ranking / floor:.1f}x) "
        f"(catalog written in {build:.1f} s, index loaded in {load:.2f} s)"
    )
    await engine.dispose()


async def import_throughput(count: int) -> None:
    for name, factory in (("MiniLM-L6 int8", MiniLMEmbedder), ("WordLlama", WordLlamaEmbedder)):
        folder = Path(tempfile.mkdtemp())
        engine = create_engine(sqlite_url(folder / "import.db"))
        await migrate.upgrade(engine)
        model = factory()
        catalog = JobCatalog(
            SqlUnitOfWorkFactory(engine),
            EmbeddingIndexer(model, SqlVectorStore(engine), FixedClock()),
            FixedClock(),
        )
        start = time.perf_counter()
        await catalog.import_jobs(demo_jobs(count, seed=5))
        elapsed = time.perf_counter() - start
        print(
            f"import with {name:15}: {count / elapsed:7.1f} jobs/s ({count} jobs, "
            f"de-duplicated, stored, embedded)"
        )
        await engine.dispose()


async def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--import-count", type=int, default=1000)
    args = parser.parse_args()
    await ranking_quality(args.data)
    print()
    for size in args.sizes:
        await latency(size)
    print()
    await import_throughput(args.import_count)


if __name__ == "__main__":
    asyncio.run(main())
