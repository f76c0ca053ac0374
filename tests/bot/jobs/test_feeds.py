"""Job-board feeds over HTTP against a local server: Greenhouse, Lever, RSS/Atom."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from bot.jobs.feeds import Feed, FeedError, fetch_records
from domain.jobs import RemoteMode, job_from_record
from domain.taxonomy import bundled_taxonomy
from tests.local_http import LocalSite, Route, local_site

GREENHOUSE = {
    "jobs": [
        {
            "id": 4001,
            "title": "Data Engineer",
            "absolute_url": "https://boards.example/acme/4001",
            "location": {"name": "Berlin, Germany"},
            "updated_at": "2026-02-20T09:00:00-05:00",
            "content": "&lt;p&gt;We use &lt;strong&gt;Python&lt;/strong&gt; and dbt.&lt;/p&gt;",
        },
        {"id": 4002, "title": "", "absolute_url": "https://boards.example/acme/4002"},
    ]
}
LEVER = [
    {
        "id": "9f1c",
        "text": "Product Designer",
        "hostedUrl": "https://jobs.example/acme/9f1c",
        "categories": {"location": "Remote", "commitment": "Full-time"},
        "descriptionPlain": "Figma, user research.",
        "createdAt": 1767225600000,
        "workplaceType": "remote",
    },
]
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Acme careers</title>
<item><title>Support Engineer</title><link>https://acme.example/jobs/7</link>
<guid>acme-7</guid><description>&lt;p&gt;Linux and networking&lt;/p&gt;</description>
<pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Jobs</title><entry><title>QA Engineer</title><link href="https://acme.example/qa"/>
<id>urn:qa</id><updated>2026-03-01T00:00:00Z</updated><summary>Selenium</summary></entry>
</feed>"""


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with local_site() as running:
        running.routes.update(
            {
                "/gh": Route(json.dumps(GREENHOUSE).encode()),
                "/lever": Route(json.dumps(LEVER).encode()),
                "/rss": Route(RSS, content_type="application/rss+xml"),
                "/atom": Route(ATOM, content_type="application/atom+xml"),
                "/broken": Route(b"{not json"),
                "/wrong-shape": Route(b'{"postings": []}'),
                "/html": Route(b"<html>maintenance</html>", content_type="text/html"),
                "/slow": Route(b"[]", delay=1.0),
                "/down": Route(b"oops", status=503, content_type="text/plain"),
            }
        )
        yield running


async def fetch(site: LocalSite, kind: str, path: str, wait: float = 5) -> list[tuple[int, Any]]:
    async with httpx.AsyncClient(timeout=wait) as client:
        return await fetch_records(client, Feed(kind, "acme", "Acme", site.url(path)))


async def test_greenhouse(site: LocalSite) -> None:
    records = await fetch(site, "greenhouse", "/gh")
    job = job_from_record(records[0][1], "greenhouse:acme", bundled_taxonomy())
    assert (job.external_id, job.title, job.company, job.city) == (
        "4001",
        "Data Engineer",
        "Acme",
        "Berlin",
    )
    assert job.description == "We use Python and dbt."
    assert {"Python", "dbt"} <= set(job.skills)
    assert records[1][0] == 2  # the empty title is reported by row number by the importer


async def test_lever(site: LocalSite) -> None:
    (record,) = await fetch(site, "lever", "/lever")
    job = job_from_record(record[1], "lever:acme", bundled_taxonomy())
    assert (job.title, job.remote, job.employment_type) == (
        "Product Designer",
        RemoteMode.REMOTE,
        "Full-time",
    )
    assert job.posted_on is not None
    assert job.posted_on.year == 2026


@pytest.mark.parametrize(
    ("path", "title"), [("/rss", "Support Engineer"), ("/atom", "QA Engineer")]
)
async def test_rss_and_atom(site: LocalSite, path: str, title: str) -> None:
    (record,) = await fetch(site, "rss", path)
    job = job_from_record(record[1], "rss:acme", bundled_taxonomy())
    assert job.title == title
    assert job.url is not None


@pytest.mark.parametrize(
    ("kind", "path", "message"),
    [
        ("greenhouse", "/broken", "not JSON"),
        ("lever", "/wrong-shape", "expected a list"),
        ("greenhouse", "/lever", "expected an object"),
        ("rss", "/broken", "not a readable feed"),
        ("lever", "/down", "HTTP 503"),
        ("lever", "/missing", "HTTP 404"),
    ],
)
async def test_malformed_and_failing_feeds(
    site: LocalSite, kind: str, path: str, message: str
) -> None:
    with pytest.raises(FeedError, match=message):
        await fetch(site, kind, path)


async def test_timeout(site: LocalSite) -> None:
    with pytest.raises(FeedError, match="timed out"):
        await fetch(site, "lever", "/slow", wait=0.2)
