"""Jobs as data beside the text that shows them (the console's --json output carries it):
scripts and evaluations read this, not the database."""

from __future__ import annotations

from typing import Any

from domain.jobs import Job, Match, RemoteMode, job_country, remote_regions
from domain.taxonomy import bundled_occupations


def job_data(job: Job, match: Match | None = None) -> dict[str, Any]:
    """One job: where it is, how it is worked, its pay, its occupation, and — for a match —
    its score and reasons. `work_mode` is null when the posting does not say; a remote job
    that names a country is taken to be open in that country only (`remote_regions`)."""
    return {
        "source": job.source,
        "external_id": job.external_id,
        "title": job.title,
        "company": job.company,
        "city": job.city,
        "region": job.region,
        "country": job_country(job),
        "work_mode": None if job.remote is RemoteMode.UNKNOWN else job.remote.value,
        "remote_regions": remote_regions(job),
        "salary": _salary(job),
        "occupation": _occupation(job),
        "score": match.score if match else None,
        "reasons": list(match.reasons) if match else [],
    }


def _salary(job: Job) -> dict[str, Any] | None:
    if job.salary_min is None and job.salary_max is None:
        return None
    return {
        "min": job.salary_min,
        "max": job.salary_max,
        "currency": job.salary_currency,
        "period": job.salary_interval or "year",
    }


def _occupation(job: Job) -> dict[str, str] | None:
    """The occupation found on import (none when the title names none clearly)."""
    occupation = bundled_occupations().get(job.onet_code or "")
    return {"onet_code": occupation.onet_code, "name": occupation.name} if occupation else None
