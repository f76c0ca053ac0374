"""Turning job records (JSON, JSON Lines, CSV rows, feed items) into `Job`s.

Column mapping (case-insensitive; the first name found wins):

| field | accepted names |
|---|---|
| title (required) | title, job_title, position, name |
| company (required) | company, company_name, employer, organization |
| external id | id, external_id, job_id, requisition_id (else derived from the URL or content) |
| description | description, summary, content, body (HTML is reduced to text) |
| location | location, city / region, state / country |
| remote | remote (true/false, remote/hybrid/onsite), workplace_type, work_mode |
| employment type | employment_type, type, job_type, commitment |
| salary | salary_min, salary_max, salary_currency, salary_interval, or salary ("80k-100k EUR") |
| url | url, link, apply_url, absolute_url, hosted_url |
| posted date | posted_at, date_posted, published, created_at, updated_at (ISO date) |
| skills | skills, tags, keywords (list or comma separated); else found in the text |
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from domain.jobs.model import Job, RemoteMode
from domain.taxonomy import SkillTaxonomy

MAX_DESCRIPTION = 20_000


class InvalidJobRecord(ValueError):
    """A record that cannot become a job; the message says why."""


@dataclass(frozen=True, slots=True)
class RecordProblem:
    row: int
    reason: str


def _pick(record: Mapping[str, Any], *names: str) -> Any:
    folded = {str(k).strip().casefold(): v for k, v in record.items()}
    for name in names:
        value = folded.get(name)
        if value not in (None, "", []):
            return value
    return None


def html_to_text(value: str) -> str:
    """Job boards send HTML descriptions: keep the words and the paragraph breaks."""
    text = html.unescape(value)
    text = re.sub(r"(?is)<(script|style).*?</\1>", " ", text)
    text = re.sub(r"(?i)<\s*(br|/p|/li|/h\d|/div)\s*/?>", "\n", text)
    text = re.sub(r"(?i)<li[^>]*>", "\n• ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def _remote(value: Any, location: str) -> RemoteMode:
    if isinstance(value, bool):
        return RemoteMode.REMOTE if value else RemoteMode.ONSITE
    text = f"{value or ''} {location}".casefold()
    if "hybrid" in text:
        return RemoteMode.HYBRID
    if re.search(r"\b(remote|anywhere|work from home|wfh|distributed)\b", text) or text.strip() in {
        "true",
        "yes",
        "1",
    }:
        return RemoteMode.REMOTE
    if re.search(r"\b(on-?site|in[- ]office|office)\b", text) or text.strip() in {
        "false",
        "no",
        "0",
    }:
        return RemoteMode.ONSITE
    return RemoteMode.UNKNOWN


def _place(record: Mapping[str, Any]) -> tuple[str | None, str | None, str | None, str]:
    city = _pick(record, "city")
    region = _pick(record, "region", "state")
    country = _pick(record, "country", "country_code")
    location = str(_pick(record, "location", "locations", "job_location") or "")
    if isinstance(_pick(record, "location"), Mapping):
        location = str(_pick(_pick(record, "location"), "name") or "")
    if not city and location:
        cleaned = re.sub(r"(?i)\b(remote|hybrid|on-?site)\b[:\s-]*", "", location)
        parts = [p.strip(" ()-") for p in re.split(r"[,;/|]", cleaned) if p.strip(" ()-")]
        if parts:
            city = parts[0]
            if len(parts) >= 3:
                region, country = parts[1], parts[-1]
            elif len(parts) == 2:
                country = parts[1]
    return (
        str(city) if city else None,
        str(region) if region else None,
        str(country) if country else None,
        location,
    )


_SALARY = re.compile(r"(\d[\d,.]*)\s*(k)?", re.I)


def _salary(record: Mapping[str, Any]) -> tuple[int | None, int | None, str | None, str | None]:
    low, high = _pick(record, "salary_min", "min_salary"), _pick(record, "salary_max", "max_salary")
    currency = _pick(record, "salary_currency", "currency")
    interval = _pick(record, "salary_interval", "salary_period", "pay_period")
    text = _pick(record, "salary", "compensation")
    if low is None and high is None and isinstance(text, str):
        amounts = [
            float(n.replace(",", "")) * (1000 if k else 1)
            for n, k in _SALARY.findall(text)
            if n.replace(",", "").replace(".", "")
        ]
        if amounts:
            low, high = amounts[0], amounts[-1]
        found = re.search(r"\b(EUR|USD|GBP|CHF|CAD|AUD|INR)\b|([€$£])", text)
        if found and not currency:
            symbol = found.group(1) or found.group(2)
            currency = {"€": "EUR", "$": "USD", "£": "GBP"}.get(symbol, symbol)
        if not interval:
            interval = (
                "hour"
                if re.search(r"/\s*h|hour", text, re.I)
                else ("month" if re.search(r"month", text, re.I) else "year")
            )
    try:
        low_i = int(float(str(low).replace(",", ""))) if low is not None else None
        high_i = int(float(str(high).replace(",", ""))) if high is not None else None
    except ValueError as exc:
        raise InvalidJobRecord(f"salary is not a number: {low!r}–{high!r}") from exc
    if low_i is not None and high_i is not None and low_i > high_i:
        low_i, high_i = high_i, low_i
    interval_text = str(interval).casefold().rstrip("ly") if interval else None
    interval_map = {
        "year": "year",
        "annual": "year",
        "annum": "year",
        "month": "month",
        "hour": "hour",
        "week": "week",
        "day": "day",
        "dai": "day",
    }
    return (
        low_i,
        high_i,
        str(currency).upper() if currency else None,
        (interval_map.get(interval_text or "", "year") if (low_i or high_i) else None),
    )


def _date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, (int, float)):  # epoch seconds or milliseconds (Lever)
        seconds = value / 1000 if value > 10**11 else value
        return datetime.fromtimestamp(seconds).date()
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        match = re.match(r"(\d{4}-\d{2}-\d{2})", text)
        return date.fromisoformat(match.group(1)) if match else None


def _skills(record: Mapping[str, Any], text: str, taxonomy: SkillTaxonomy) -> list[str]:
    listed = _pick(record, "skills", "tags", "keywords")
    if isinstance(listed, str):
        listed = [s for s in re.split(r"[,;|]", listed) if s.strip()]
    names = taxonomy.normalise_list([str(s) for s in listed]) if listed else []
    for name in taxonomy.find_in_text(text):
        if name not in names:
            names.append(name)
    return names[:40]


def job_from_record(record: Mapping[str, Any], source: str, taxonomy: SkillTaxonomy) -> Job:
    """One record → one `Job`, or `InvalidJobRecord` naming what is wrong."""
    if not isinstance(record, Mapping):
        raise InvalidJobRecord("not an object")
    title = _pick(record, "title", "job_title", "position", "name", "text")
    company = _pick(
        record, "company", "company_name", "employer", "organization", "hiring_organization"
    )
    if isinstance(company, Mapping):
        company = _pick(company, "name")
    if not title or not str(title).strip():
        raise InvalidJobRecord("missing title")
    if not company or not str(company).strip():
        raise InvalidJobRecord("missing company")
    raw_description = str(
        _pick(record, "description", "summary", "content", "body", "descriptionplain") or ""
    )
    description = html_to_text(raw_description)[:MAX_DESCRIPTION]
    city, region, country, location = _place(record)
    url = _pick(record, "url", "link", "apply_url", "absolute_url", "hosted_url", "hostedurl")
    if url is not None and not re.match(r"^https?://", str(url)):
        raise InvalidJobRecord(f"url is not http(s): {str(url)[:60]!r}")
    external = _pick(record, "id", "external_id", "job_id", "requisition_id", "guid")
    if external is None:
        basis = str(url) if url else f"{title}|{company}|{location}"
        external = hashlib.sha1(basis.encode()).hexdigest()[:16]
    low, high, currency, interval = _salary(record)
    title_text = " ".join(str(title).split())[:200]
    return Job(
        source=source,
        external_id=str(external)[:120],
        title=title_text,
        company=" ".join(str(company).split())[:200],
        description=description,
        city=city,
        region=region,
        country=country,
        remote=_remote(
            _pick(record, "remote", "workplace_type", "work_mode", "workplacetype"), location
        ),
        employment_type=str(
            _pick(record, "employment_type", "type", "job_type", "commitment") or ""
        )
        or None,
        salary_min=low,
        salary_max=high,
        salary_currency=currency,
        salary_interval=interval,
        url=str(url) if url else None,
        posted_on=_date(
            _pick(
                record,
                "posted_at",
                "date_posted",
                "published",
                "created_at",
                "createdat",
                "updated_at",
            )
        ),
        skills=_skills(record, f"{title_text}\n{description}", taxonomy),
    )


def read_records(text: str, file_name: str) -> Iterator[tuple[int, Any]]:
    """(row number, record) from JSON (an array, or {"jobs": [...]}), JSON Lines or CSV.
    Unparseable JSON Lines rows are yielded as `InvalidJobRecord` instances."""
    name = file_name.casefold()
    stripped = text.lstrip("\ufeff").lstrip()
    if name.endswith(".csv"):
        reader = csv.DictReader(io.StringIO(stripped))
        for number, row in enumerate(reader, start=2):  # row 1 is the header
            yield number, row
        return
    if name.endswith((".jsonl", ".ndjson")) or (not stripped.startswith(("[", "{"))):
        for number, line in enumerate(stripped.splitlines(), start=1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    yield number, InvalidJobRecord(f"not valid JSON ({exc.msg})")
        return
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError as exc:
        raise InvalidJobRecord(
            f"the file is not valid JSON: {exc.msg} at line {exc.lineno}"
        ) from None
    if isinstance(data, Mapping):
        data = data.get("jobs") or data.get("data") or data.get("results") or [data]
    if not isinstance(data, list):
        raise InvalidJobRecord("expected a list of jobs")
    yield from enumerate(data, start=1)
