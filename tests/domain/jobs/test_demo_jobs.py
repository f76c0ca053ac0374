"""The generated demo catalog."""

from __future__ import annotations

from domain.jobs import ROLES, demo_jobs


def test_deterministic_varied_and_unique() -> None:
    jobs = demo_jobs(300)
    assert [j.title for j in jobs] == [j.title for j in demo_jobs(300)]
    assert len({j.dedupe_key() for j in jobs}) == 300
    assert (
        len(
            {
                j.title.removeprefix("Senior ").removeprefix("Junior ").removeprefix("Lead ")
                for j in jobs
            }
        )
        == len(ROLES)
        >= 30
    )
    assert len({j.city for j in jobs}) >= 10
    assert len({j.remote for j in jobs}) == 3
    assert len({j.company for j in jobs}) > 150
    assert all(j.skills and j.description and j.url for j in jobs)
    assert sum(1 for j in jobs if j.salary_max) > 200
