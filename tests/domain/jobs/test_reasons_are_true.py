"""Every reason a match gives holds for that job and that person: checked, reason by reason,
for a sample of people against the whole demo catalog."""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest

from domain.jobs import Job, Match, Preferences, RemoteMode, demo_jobs, passes, rank
from domain.jobs.occupation_fit import person_occupations
from domain.jobs.ranking import GENERIC_STEMS, skill_key, title_terms
from domain.profiles import Profile
from domain.taxonomy import bundled_occupations, bundled_rates, closeness, occupation_of

PEOPLE = [
    Profile(
        title="HR Generalist",
        skills=["Recruiting", "Onboarding", "HRIS", "Employee Relations", "budget"],
        locations=["Austin"],
        remote="hybrid",
        experience_years=6,
    ),
    Profile(
        title="Staff Accountant",
        target_roles=["Senior Accountant"],
        skills=["Excel", "Accounts Payable", "GAAP", "Reconciliation", "QuickBooks"],
        experience_years=4,
    ),
    Profile(
        title="Data Analyst",
        target_roles=["Data Engineer", "Analytics Engineer"],
        skills=["Python", "SQL", "Apache Airflow", "Tableau"],
        locations=["Berlin", "Germany"],
        remote="remote",
        salary_floor=50_000,
        salary_currency="USD",
        experience_years=3,
    ),
    Profile(title="Registered Nurse", skills=["Patient Care", "Triage"], experience_years=12),
    Profile(target_roles=["Product Manager"], skills=["Agile", "Jira", "Roadmapping"]),
]


PAY = r"pays up to ([\d,]+) (\w{3}) a year(?: \(≈ ([\d,]+) (\w{3}) at the ECB rate of .*\))?"


def catalog() -> list[Job]:
    jobs = []
    for n, job in enumerate(demo_jobs(300, seed=3), start=1):
        found = occupation_of(job.title)  # as import stores it
        jobs.append(replace(job, id=n, onet_code=found.onet_code if found else None))
    return jobs


def has(person: Profile, skill: str) -> bool:
    """Theirs is the same skill, or the same with one generic word more or less."""
    wanted = skill_key(skill)
    for mine in map(skill_key, person.skills):
        small, large = sorted((wanted, mine), key=len)
        extra = large - small
        if small == large or (small <= large and len(extra) == 1 and extra <= GENERIC_STEMS):
            return True
    return False


def listed(text: str) -> list[str]:
    return [s.strip() for s in text.split(",") if s.strip()]


def check(reason: str, match: Match, person: Profile) -> None:
    job = match.job
    names = bundled_occupations()
    if m := re.fullmatch(r"you have (.+?)(?:; missing: (.+))?", reason):
        for skill in listed(m[1]):
            assert skill in job.skills, reason
            assert has(person, skill), reason
        for skill in listed(m[2] or ""):
            assert skill in job.skills, reason
            assert not has(person, skill), reason
    elif m := re.fullmatch(r"skills asked for: (.+)", reason):
        assert all(s in job.skills and not has(person, s) for s in listed(m[1])), reason
    elif m := re.fullmatch(r"the title fits your target \((.+)\)", reason):
        assert m[1] in person.target_roles
        theirs, wanted = title_terms(job.title), title_terms(m[1])
        assert len(theirs & wanted) / len(theirs | wanted) >= 0.5, reason
    elif m := re.fullmatch(r"the title is like your current one \((.+)\)", reason):
        assert m[1] == person.title
        assert title_terms(job.title) & title_terms(m[1]), reason
    elif m := re.fullmatch(PAY, reason):
        assert person.salary_floor is not None
        assert int(m[1].replace(",", "")) == job.yearly_salary_max()
        assert m[2] == job.salary_currency
        if m[3]:
            converted = bundled_rates().convert(int(m[1].replace(",", "")), m[2], m[4])
            assert abs(int(m[3].replace(",", "")) - (converted or 0)) <= 50
            assert int(m[3].replace(",", "")) >= person.salary_floor - 50
    elif reason == "fully remote":
        assert job.remote is RemoteMode.REMOTE
    elif m := re.fullmatch(r"in (.+)", reason):
        assert m[1] == job.city
        assert m[1] in person.locations
    elif m := re.fullmatch(r"(the occupation you want|your occupation): (.+)", reason):
        assert job.onet_code is not None
        assert names[job.onet_code].name == m[2]
        aimed = m[1] == "the occupation you want"
        assert any(
            o.onet_code == job.onet_code and o.target == aimed for o in person_occupations(person)
        ), reason
    elif m := re.fullmatch(r"close to (the occupation you want|your occupation) \((.+)\)", reason):
        assert job.onet_code is not None
        assert any(
            names[o.onet_code].name == m[2] and closeness(o.onet_code, job.onet_code) >= 0.6
            for o in person_occupations(person)
        ), reason
    else:
        assert reason == "related to your profile", reason
        assert match.reasons == (reason,)


def reasons_checked(person: Profile) -> set[str]:
    """Check every reason of every match in the catalog; the kinds of reason seen."""
    prefs = Preferences.of(person)
    jobs = [job for job in catalog() if passes(job, prefs)]  # as the matcher does
    rng = random.Random(5)
    cosines = {job.id or 0: rng.uniform(0.0, 0.7) for job in jobs}
    kinds: set[str] = set()
    for match in rank(person, jobs, cosines):
        assert 1 <= len(match.reasons) <= 3
        for reason in match.reasons:
            check(reason, match, person)
            kinds.add(" ".join(reason.split(" ")[:2]))
    return kinds


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p.title or p.target_roles[0])
def test_every_reason_holds(person: Profile) -> None:
    assert reasons_checked(person)


def test_the_sample_meets_every_kind_of_reason() -> None:
    kinds = set().union(*(reasons_checked(p) for p in PEOPLE))
    assert {"you have", "the title", "fully remote", "in Austin", "pays up"} <= kinds
    assert kinds & {"close to", "the occupation", "your occupation:"}


def test_the_occupation_reason_names_the_jobs_occupation() -> None:
    person = Profile(title="Staff Accountant", skills=["Excel"])
    posting = replace(catalog()[0], title="Internal Auditor", skills=[], onet_code="13-2011.00")
    (match,) = rank(person, [posting], {posting.id or 0: 0.2})
    assert "your occupation: Accountants and Auditors" in match.reasons
