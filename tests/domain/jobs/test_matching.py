"""Scoring and filtering jobs for a profile."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from typing import TypedDict, Unpack

import pytest

from domain.errors import InvalidField
from domain.jobs import Bm25, Job, Preferences, RemoteMode, passes, rank, search_order
from domain.profiles import Profile, set_field
from domain.taxonomy import bundled_rates


class JobFields(TypedDict, total=False):
    """The optional `Job` fields these tests set."""

    city: str | None
    country: str | None
    remote: RemoteMode
    salary_max: int | None
    salary_interval: str | None
    salary_currency: str | None


def job(n: int, title: str, skills: list[str], **fields: Unpack[JobFields]) -> Job:
    return Job(
        source="t",
        external_id=str(n),
        title=title,
        company=f"Co{n}",
        id=n,
        skills=skills,
        description=f"{title} using {', '.join(skills)}",
        **fields,
    )


PROFILE = Profile(
    title="Data Analyst",
    target_roles=["Data Engineer"],
    skills=["Python", "SQL", "Apache Airflow"],
    experience_years=4,
)


def test_better_fit_ranks_first_with_concrete_reasons() -> None:
    jobs = [
        job(1, "Data Engineer", ["Python", "SQL", "Apache Airflow", "dbt"]),
        job(2, "Graphic Designer", ["Adobe Photoshop", "Figma"]),
        job(3, "Backend Engineer", ["Python", "Go", "Kubernetes"]),
    ]
    ranked = rank(PROFILE, jobs, {1: 0.6, 2: 0.05, 3: 0.4})
    assert [m.job.id for m in ranked] == [1, 3, 2]
    best = ranked[0]
    assert 0 <= ranked[-1].score < best.score <= 100
    assert best.reasons[0] == "you have Python, SQL, Apache Airflow; missing: dbt"
    assert "the title fits your target (Data Engineer)" in best.reasons
    assert len(best.reasons) <= 3


def test_far_too_senior_roles_are_marked_down() -> None:
    lead = job(1, "Lead Data Engineer", ["Python", "SQL"])
    mid = job(2, "Data Engineer", ["Python", "SQL"])
    junior_profile = PROFILE.model_copy(update={"experience_years": 1})
    scores = {m.job.id: m.score for m in rank(junior_profile, [lead, mid], {1: 0.5, 2: 0.5})}
    assert scores[1] < scores[2]


def test_filters() -> None:
    berlin = job(
        1,
        "A",
        [],
        city="Berlin",
        country="Germany",
        remote=RemoteMode.ONSITE,
        salary_max=60000,
        salary_interval="year",
    )
    remote = job(2, "A", [], remote=RemoteMode.REMOTE)
    paris = job(3, "A", [], city="Paris", remote=RemoteMode.HYBRID)
    assert passes(berlin, Preferences(locations=("berlin",)))
    assert not passes(paris, Preferences(locations=("Berlin",)))
    assert passes(remote, Preferences(locations=("Berlin",)))  # remote, placed nowhere: anywhere
    assert not passes(berlin, Preferences(remote="remote"))
    assert passes(remote, Preferences(remote="remote"))
    assert not passes(remote, Preferences(locations=("Berlin",), remote="onsite"))
    assert not passes(berlin, Preferences(salary_floor=70000))
    assert passes(paris, Preferences(salary_floor=70000))  # no salary given: kept
    assert passes(berlin, Preferences(keywords=("nothing", "A using")))
    assert not passes(berlin, Preferences(keywords=("kotlin",)))


def test_bm25_prefers_rare_matching_terms() -> None:
    documents = {1: ["python", "sql"], 2: ["excel", "sql"], 3: ["excel"]}
    scores = Bm25({i: Counter(terms) for i, terms in documents.items()}).scores(["python"])
    assert scores[1] > scores[2] == scores[3] == 0


def test_a_remote_job_in_another_country_is_not_remote_for_this_user() -> None:
    """The Chicago HR generalist who wants hybrid work is not shown remote jobs in Warsaw."""
    warsaw = job(1, "HR Generalist", [], city="Warsaw", country="Poland", remote=RemoteMode.REMOTE)
    us_remote = job(2, "HR Generalist", [], country="United States", remote=RemoteMode.REMOTE)
    anywhere = job(3, "HR Generalist", [], remote=RemoteMode.REMOTE)
    chicago = job(4, "HR Generalist", [], city="Chicago", country="US", remote=RemoteMode.HYBRID)
    for mode in ("hybrid", "remote", None):
        prefs = Preferences(locations=("Chicago, IL",), remote=mode)
        assert not passes(warsaw, prefs), mode
        assert passes(us_remote, prefs), mode
        assert passes(anywhere, prefs), mode
    assert passes(chicago, Preferences(locations=("Chicago",), remote="hybrid"))
    assert passes(warsaw, Preferences(locations=("Kraków",), remote="remote"))
    assert passes(warsaw, Preferences(remote="remote"))  # no place given: remote anywhere


def test_the_target_role_comes_first_and_reasons_name_what_fitted() -> None:
    analyst = Profile(title="Data Analyst", target_roles=["Data Engineer"], skills=["SQL"])
    analyst_job = job(1, "Data Analyst", ["SQL"])  # the lower id: first on a tie
    engineer_job = job(2, "Data Engineer", ["SQL"])
    first, second = rank(analyst, [analyst_job, engineer_job], {1: 0.4, 2: 0.4})
    assert first.job.id == 2  # the role they want, ahead of the one they have
    assert first.score > second.score
    assert "the title fits your target (Data Engineer)" in first.reasons
    assert "the title is like your current one (Data Analyst)" in second.reasons
    assert not any("target" in r for r in second.reasons)


def test_skill_variants_are_not_reported_missing() -> None:
    accountant = Profile(title="Accountant", skills=["budget", "MS Excel", "Accounts Payable"])
    posting = job(1, "Accountant", ["Budgeting", "Excel", "Budget Management", "SAP", "Management"])
    (match,) = rank(accountant, [posting], {1: 0.3})
    assert match.reasons[0] == (
        "you have Budgeting, Excel, Budget Management; missing: SAP, Management"
    )


def test_one_skill_named_three_ways_counts_once() -> None:
    person = Profile(title="Accountant", skills=["Budget"])
    variants = job(1, "Accountant", ["Budget", "Budgeting", "Budget Planning"])
    plain = job(2, "Accountant", ["Budget"])
    scores = {m.job.id: m.score for m in rank(person, [variants, plain], {1: 0.3, 2: 0.3})}
    assert scores[1] <= scores[2] <= 100


def test_title_fit_ties_go_to_the_first_target_listed() -> None:
    person = Profile(target_roles=["Business Analyst", "Data Analyst"], skills=["SQL"])
    (match,) = rank(person, [job(1, "Analyst", ["SQL"])], {1: 0.3})
    assert "the title fits your target (Business Analyst)" in match.reasons


def test_the_salary_floor_is_in_the_persons_currency() -> None:
    rates = bundled_rates()
    in_dollars = Profile(title="Accountant", locations=["Chicago"], salary_floor=70_000)
    prefs = Preferences.of(in_dollars)
    assert prefs.salary_currency == "USD"  # from the place: Chicago is in the US
    cheap, fair = (
        job(n, "Accountant", ["Excel"], city="Chicago", salary_max=pay, salary_currency="EUR")
        for n, pay in ((1, 60_000), (2, 65_000))
    )
    assert (
        (rates.convert(60_000, "EUR", "USD") or 0)
        < 70_000
        < (rates.convert(65_000, "EUR", "USD") or 0)
    )
    assert not passes(cheap, prefs)
    assert passes(fair, prefs)
    (match,) = rank(in_dollars, [fair], {2: 0.3})
    converted = round(rates.convert(65_000, "EUR", "USD") or 0, -2)
    assert (
        f"pays up to 65,000 EUR a year (≈ {converted:,.0f} USD at the ECB rate of "
        f"{rates.day:%d %b %Y})"
    ) in match.reasons


def test_a_salary_with_a_currency_sets_both() -> None:
    profile = set_field(Profile(), "salary", "€70k")
    assert (profile.salary_floor, profile.salary_currency) == (70_000, "EUR")
    assert set(profile.manual_fields) == {"salary_floor", "salary_currency"}
    assert set_field(Profile(), "salary", "85,000 usd").salary_currency == "USD"
    assert set_field(Profile(), "salary", "85k").salary_currency is None
    with pytest.raises(InvalidField, match="currency 'zzz'"):
        set_field(Profile(), "salary", "70k zzz")


def test_companies_left_out_are_never_shown() -> None:
    prefs = Preferences.of(Profile(excluded_companies=["acme"]))
    assert not passes(replace(job(1, "Analyst", []), company="ACME Corp."), prefs)
    assert not passes(replace(job(2, "Analyst", []), company="Acme"), prefs)
    assert passes(replace(job(3, "Analyst", []), company="Acmeware"), prefs)


def test_search_puts_title_hits_first_then_the_newest() -> None:
    mention = replace(job(1, "Data Analyst", ["SQL"]), description="Some python scripting.")
    titled, newer = job(2, "Python Developer", ["Django"]), job(3, "Python Developer", ["Django"])
    assert [j.id for j in search_order([mention, titled, newer], ["python"])] == [3, 2, 1]


def test_old_postings_count_a_little_less() -> None:
    fresh = replace(job(1, "Data Engineer", ["Python"]), posted_on=date(2026, 2, 20))
    stale = replace(job(2, "Data Engineer", ["Python"]), posted_on=date(2025, 10, 1))
    ranked = rank(PROFILE, [stale, fresh], {1: 0.5, 2: 0.5}, today=date(2026, 3, 2))
    assert [m.job.id for m in ranked] == [1, 2]
    assert ranked[1].score < ranked[0].score
