"""Jobs as data beside the text that shows them (the console's --json output carries it):
scripts and evaluations read this, not the database."""

from __future__ import annotations

from typing import Any

from domain.jobs import Job, Match, RemoteMode
from domain.resumes import place_names
from domain.taxonomy import bundled_occupations, occupation_of

_WORK_MODE = {RemoteMode.REMOTE: "remote", RemoteMode.HYBRID: "hybrid", RemoteMode.ONSITE: "onsite"}


def job_data(job: Job, match: Match | None = None) -> dict[str, Any]:
    """One job: where it is, how it is worked, its pay, its occupation, and — for a match —
    its score and reasons. `work_mode` is null when the posting does not say; a remote job
    that names a country is taken to be open in that country only (`remote_regions`)."""
    country = place_names().country_code(job.country) if job.country else None
    open_in = [country] if country else ["*"]
    return {
        "source": job.source,
        "external_id": job.external_id,
        "title": job.title,
        "company": job.company,
        "city": job.city,
        "region": job.region,
        "country": country,
        "work_mode": _WORK_MODE.get(job.remote),
        "remote_regions": open_in if job.remote is RemoteMode.REMOTE else [],
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
    """The occupation stored on import; for a job stored before that, read from its title."""
    known = bundled_occupations().get(job.onet_code) if job.onet_code else None
    occupation = known or (None if job.onet_code else occupation_of(job.title))
    return {"onet_code": occupation.onet_code, "name": occupation.name} if occupation else None
