"""Public job-board feeds: Greenhouse and Lever board APIs, and RSS/Atom, over HTTP with
timeouts. Each feed's payload is turned into plain records for `job_from_record`."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import feedparser
import httpx

GREENHOUSE = "https://boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true"
LEVER = "https://api.lever.co/v0/postings/{board}?mode=json"


class FeedError(Exception):
    """A feed could not be fetched or read; the message says why."""


@dataclass(frozen=True, slots=True)
class Feed:
    """One configured feed: kind is "greenhouse", "lever" or "rss"; `board` is the board
    token / company slug (or the feed URL for RSS); `company` names the employer."""

    kind: str
    board: str
    company: str | None = None
    url: str | None = None  # overrides the public API address (self-hosted mirrors, tests)

    @property
    def source(self) -> str:
        return f"{self.kind}:{self.board}"[:60]


async def fetch_records(client: httpx.AsyncClient, feed: Feed) -> list[tuple[int, Any]]:
    """(item number, record) for every posting in the feed."""
    if feed.kind == "rss":
        url = feed.url or feed.board
    else:
        template = GREENHOUSE if feed.kind == "greenhouse" else LEVER
        url = feed.url or template.format(board=feed.board)
    try:
        response = await client.get(url)
        response.raise_for_status()
    except httpx.TimeoutException as exc:
        raise FeedError(f"{feed.source}: timed out") from exc
    except httpx.HTTPStatusError as exc:
        raise FeedError(f"{feed.source}: HTTP {exc.response.status_code}") from exc
    except httpx.HTTPError as exc:
        raise FeedError(f"{feed.source}: {type(exc).__name__}") from exc
    company = feed.company or feed.board
    if feed.kind == "rss":
        return _rss(response.text, company)
    try:
        payload = response.json()
    except ValueError as exc:
        raise FeedError(f"{feed.source}: the answer is not JSON") from exc
    if feed.kind == "greenhouse":
        return _greenhouse(payload, company, feed.source)
    if feed.kind == "lever":
        return _lever(payload, company, feed.source)
    raise FeedError(f"unknown feed kind {feed.kind!r}")


def _greenhouse(payload: Any, company: str, source: str) -> list[tuple[int, Any]]:
    if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
        raise FeedError(f"{source}: expected an object with a 'jobs' list")
    records = []
    for n, job in enumerate(payload["jobs"], start=1):
        if not isinstance(job, dict):
            records.append((n, job))
            continue
        location = job.get("location")
        records.append(
            (
                n,
                {
                    "id": job.get("id"),
                    "title": job.get("title"),
                    "company": company,
                    "location": location.get("name") if isinstance(location, dict) else location,
                    "description": html.unescape(str(job.get("content") or "")),
                    "url": job.get("absolute_url"),
                    "updated_at": job.get("updated_at"),
                },
            )
        )
    return records


def _lever(payload: Any, company: str, source: str) -> list[tuple[int, Any]]:
    if not isinstance(payload, list):
        raise FeedError(f"{source}: expected a list of postings")
    records = []
    for n, job in enumerate(payload, start=1):
        if not isinstance(job, dict):
            records.append((n, job))
            continue
        found = job.get("categories")
        categories: dict[str, Any] = found if isinstance(found, dict) else {}
        records.append(
            (
                n,
                {
                    "id": job.get("id"),
                    "title": job.get("text"),
                    "company": company,
                    "location": categories.get("location"),
                    "commitment": categories.get("commitment"),
                    "description": job.get("descriptionPlain") or job.get("description"),
                    "url": job.get("hostedUrl"),
                    "created_at": job.get("createdAt"),
                    "workplace_type": job.get("workplaceType"),
                },
            )
        )
    return records


def _rss(text: str, company: str) -> list[tuple[int, Any]]:
    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        raise FeedError(f"rss: not a readable feed ({type(parsed.bozo_exception).__name__})")
    feed_title = parsed.feed.get("title")
    records = []
    for n, entry in enumerate(parsed.entries, start=1):
        published = entry.get("published") or entry.get("updated")
        records.append(
            (
                n,
                {
                    "id": entry.get("id") or entry.get("link"),
                    "title": entry.get("title"),
                    "company": entry.get("author") or company or feed_title,
                    "description": entry.get("summary") or "",
                    "url": entry.get("link"),
                    "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
                    or published,
                    "location": entry.get("location"),
                },
            )
        )
    return records


def _iso(parsed: Any) -> str | None:
    if not parsed:
        return None
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
