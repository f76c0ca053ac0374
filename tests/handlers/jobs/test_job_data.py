"""Jobs as data beside the text: what scripts and evaluations read."""

from __future__ import annotations

import pytest

from domain.jobs import Job, Match, RemoteMode, demo_jobs
from handlers.jobs.job_data import job_data
from tests.fakes import FakeServices
from tests.handlers.conversation_kit import Chat

KEYS = {
    "source", "external_id", "title", "company", "city", "region", "country", "work_mode",
    "remote_regions", "salary", "occupation", "score", "reasons",
}  # fmt: skip


def test_a_remote_match_with_pay_and_an_occupation() -> None:
    job = Job(
        "greenhouse:acme", "42", "Senior Accountant", "Acme", city="Chicago", region="IL",
        country="United States", remote=RemoteMode.REMOTE, salary_min=70000,
        salary_max=85000, salary_currency="USD", salary_interval="year", onet_code="13-2011.00",
    )  # fmt: skip
    data = job_data(job, Match(job, 81, ("you have GAAP", "in Chicago")))
    assert set(data) == KEYS
    assert (data["country"], data["work_mode"], data["remote_regions"]) == ("US", "remote", ["US"])
    assert data["salary"] == {"min": 70000, "max": 85000, "currency": "USD", "period": "year"}
    assert data["occupation"] == {"onet_code": "13-2011.00", "name": "Accountants and Auditors"}
    assert (data["score"], data["reasons"]) == (81, ["you have GAAP", "in Chicago"])


def test_what_a_posting_does_not_say_stays_unsaid() -> None:
    job = Job("csv", "7", "Wizard of Light", "Initech", remote=RemoteMode.UNKNOWN)
    data = job_data(job)
    assert data["country"] is None
    assert data["work_mode"] is None
    assert data["remote_regions"] == []
    assert data["salary"] is None
    assert data["occupation"] is None
    assert (data["score"], data["reasons"]) == (None, [])
    anywhere = job_data(Job("csv", "8", "Data Analyst", "Initech", remote=RemoteMode.REMOTE))
    assert anywhere["remote_regions"] == ["*"]


async def test_match_and_search_cards_carry_their_job(chat: Chat, fakes: FakeServices) -> None:
    await fakes.build().catalog.import_jobs(demo_jobs(40))
    await chat.say("/profile set target_roles Data Engineer")
    await chat.say("/profile set skills Python, SQL")
    (listing,) = await chat.say("/matches")
    cards = listing.text.split("\n\n")[1:-1]
    assert len(cards) == len(listing.jobs) == 5
    for card, data in zip(cards, listing.jobs, strict=True):  # in display order
        assert data["title"] in card.splitlines()[0]
        assert isinstance(data["score"], int)
        assert data["reasons"]
    (found,) = await chat.say("/search python")
    assert found.jobs
    assert all(data["score"] is None for data in found.jobs)


@pytest.mark.parametrize(
    ("city", "region", "country", "code"),
    [
        ("Atlanta", None, "GA", "US"),  # a state code in the country column: not Gabon
        ("Toronto", "Ontario", None, "CA"),
        (None, None, "Deutschland", None),  # not a name GeoNames knows: unsaid
    ],
)
def test_the_country_comes_from_the_whole_location(
    city: str | None, region: str | None, country: str | None, code: str | None
) -> None:
    remote = Job("csv", "1", "Accountant", "Acme", city=city, region=region, country=country,
                 remote=RemoteMode.REMOTE)  # fmt: skip
    data = job_data(remote)
    assert data["country"] == code
    assert data["remote_regions"] == [code or "*"]


@pytest.mark.parametrize("mode", [RemoteMode.HYBRID, RemoteMode.ONSITE])
def test_work_mode_names(mode: RemoteMode) -> None:
    job = Job("csv", "1", "Nurse", "Clinic", city="Berlin", country="Germany", remote=mode)
    data = job_data(job)
    assert (data["work_mode"], data["country"], data["remote_regions"]) == (mode.value, "DE", [])


async def test_the_occupation_is_found_once_on_import_and_kept(fakes: FakeServices) -> None:
    catalog = fakes.build().catalog
    named = Job("csv", "1", "Sr. Staff Accountant - Remote", "Acme")
    given = Job("csv", "2", "Bookkeeper", "Acme", onet_code="13-2011.00")  # the source said so
    vague = Job("csv", "3", "Wizard of Light", "Acme")
    await catalog.import_jobs([named, given, vague])
    stored = [await catalog.get(n) for n in (1, 2, 3)]
    assert [j.onet_code if j else "missing" for j in stored] == ["13-2011.00", "13-2011.00", None]
    assert stored[0] is not None
    assert job_data(stored[0])["occupation"] == {
        "onet_code": "13-2011.00",
        "name": "Accountants and Auditors",
    }
