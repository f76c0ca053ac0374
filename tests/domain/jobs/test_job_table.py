"""The vectorised table agrees with the exact ranking: the same filters, the same scores,
the same best jobs — for a sample of people against the whole demo catalog."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from domain.jobs import Job, JobTable, PersonQuery, Preferences, passes, rank
from domain.profiles import Profile
from tests.domain.jobs.test_reasons_are_true import PEOPLE, catalog

TODAY = date(2026, 6, 1)
EXTRA = [
    Profile(
        title="Accountant",
        skills=["Excel", "SAP"],
        locations=["New York"],
        remote="onsite",
        salary_floor=60_000,
        salary_currency="EUR",
        excluded_companies=["Globex"],
    ),
    Profile(target_roles=["Data Engineer"], skills=["Python"], remote="remote", locations=["UK"]),
    Profile(target_roles=["Software Engineer"], skills=["Python"], salary_floor=70_000),
    Profile(title="Nurse", salary_floor=80_000, salary_currency="GBP", experience_years=1),
]


def varied_catalog() -> list[Job]:
    """The demo catalog with pay in other currencies and some older postings."""
    jobs = catalog()
    for n, job in enumerate(jobs):
        if n % 7 == 0 and job.salary_max:
            jobs[n] = replace(job, salary_currency=("EUR", "GBP", "INR")[n % 3])
        if n % 5 == 0:
            jobs[n] = replace(jobs[n], posted_on=date(2026, 1, 10 + n % 20))
    return jobs


@pytest.fixture(scope="module")
def table() -> tuple[JobTable, list[Job], np.ndarray]:
    jobs = varied_catalog()
    rng = np.random.default_rng(5)
    vectors = rng.standard_normal((len(jobs), 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    built = JobTable(16)
    built.add(jobs[:200], vectors[:200])
    built.add(jobs[200:], vectors[200:])  # in two parts, as refreshes add them
    return built, jobs, vectors


def person_vector(n: int) -> list[float]:
    vector = np.random.default_rng(n).standard_normal(16).astype(np.float32)
    return [float(x) for x in vector / np.linalg.norm(vector)]


@pytest.mark.parametrize("n", range(len(PEOPLE) + len(EXTRA)))
def test_filters_are_those_of_passes(table: tuple[JobTable, list[Job], np.ndarray], n: int) -> None:
    built, jobs, _ = table
    person = [*PEOPLE, *EXTRA][n]
    (everything,) = built.best([PersonQuery(person, person_vector(n))], len(jobs), TODAY)
    prefs = Preferences.of(person)
    assert {c.job_id for c in everything} == {j.id for j in jobs if passes(j, prefs)}


@pytest.mark.parametrize("n", range(len(PEOPLE) + len(EXTRA)))
def test_scores_and_best_jobs_are_the_exact_ranking(
    table: tuple[JobTable, list[Job], np.ndarray], n: int
) -> None:
    built, jobs, vectors = table
    person = [*PEOPLE, *EXTRA][n]
    query = PersonQuery(person, person_vector(n))
    (everything,) = built.best([query], len(jobs), TODAY)
    by_id = {j.id: j for j in jobs}
    cosines = {
        j.id or 0: float(v @ np.asarray(query.vector)) for j, v in zip(jobs, vectors, strict=True)
    }
    exact = rank(
        person,
        [by_id[c.job_id] for c in everything],
        cosines,
        today=TODAY,
        lexical={c.job_id: c.lexical for c in everything},
    )
    estimated = {c.job_id: round(100 * c.score) for c in everything}
    assert all(abs(m.score - estimated[m.job.id or 0]) <= 1 for m in exact)
    assert all(abs(c.cosine - cosines[c.job_id]) < 1e-5 for c in everything)
    (best,) = built.best([query], 10, TODAY)
    exact_scores = {m.job.id: m.score for m in exact}
    assert [exact_scores[c.job_id] for c in best] == pytest.approx(
        [m.score for m in exact[:10]], abs=1
    )


def test_hidden_jobs_and_old_ones_are_left_out(
    table: tuple[JobTable, list[Job], np.ndarray],
) -> None:
    built, _, _ = table
    person = PEOPLE[1]
    (first,) = built.best([PersonQuery(person, person_vector(1))], 5, TODAY)
    hidden = frozenset(c.job_id for c in first[:3])
    (again,) = built.best([PersonQuery(person, person_vector(1), hidden=hidden)], 5, TODAY)
    assert not hidden & {c.job_id for c in again}
    assert [c.job_id for c in again[:2]] == [c.job_id for c in first[3:]]
    (newer,) = built.best([PersonQuery(person, person_vector(1), after_id=250)], 500, TODAY)
    assert newer
    assert all(c.job_id > 250 for c in newer)


def test_many_people_at_once_equal_one_at_a_time(
    table: tuple[JobTable, list[Job], np.ndarray],
) -> None:
    built, _, _ = table
    queries = [PersonQuery(p, person_vector(n)) for n, p in enumerate([*PEOPLE, *EXTRA])]
    together = built.best(queries, 8, TODAY)
    alone = [built.best([q], 8, TODAY)[0] for q in queries]
    assert [[c.job_id for c in r] for r in together] == [[c.job_id for c in r] for r in alone]
