"""Jobs as job boards publish them, and the small facts matching needs about them."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class RemoteMode(StrEnum):
    REMOTE = "remote"
    HYBRID = "hybrid"
    ONSITE = "onsite"
    UNKNOWN = "unknown"


HOURS_PER_YEAR = 2080
_PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": HOURS_PER_YEAR}
SENIORITY = (
    ("intern", re.compile(r"\b(intern|internship|trainee|apprentice)\b", re.I)),
    ("junior", re.compile(r"\b(junior|jr\.?|entry[- ]level|graduate|associate)\b", re.I)),
    ("senior", re.compile(r"\b(senior|sr\.?|experienced)\b", re.I)),
    ("lead", re.compile(r"\b(lead|principal|staff|head|director|vp|chief)\b", re.I)),
)
# Typical years of experience behind each level, for comparing with the user's.
SENIORITY_YEARS = {"intern": 0, "junior": 1, "mid": 3, "senior": 6, "lead": 9}


@dataclass(slots=True)
class Job:
    """One job posting. `id` is None until stored."""

    source: str
    external_id: str
    title: str
    company: str
    description: str = ""
    city: str | None = None
    region: str | None = None
    country: str | None = None
    remote: RemoteMode = RemoteMode.UNKNOWN
    employment_type: str | None = None
    salary_min: int | None = None
    salary_max: int | None = None
    salary_currency: str | None = None
    salary_interval: str | None = None
    url: str | None = None
    posted_on: date | None = None
    skills: list[str] = field(default_factory=list)
    onet_code: str | None = None  # the O*NET occupation its title names (set on import)
    id: int | None = None
    imported_at: datetime | None = None

    @property
    def location(self) -> str:
        parts = [p for p in (self.city, self.region, self.country) if p]
        where = ", ".join(parts)
        if self.remote is RemoteMode.REMOTE:
            return f"Remote ({where})" if where else "Remote"
        if self.remote is RemoteMode.HYBRID:
            return f"{where} (hybrid)" if where else "Hybrid"
        return where or "Location not given"

    def yearly_salary_max(self) -> int | None:
        """The top of the salary range per year (or the bottom when no top is given)."""
        top = self.salary_max or self.salary_min
        if top is None:
            return None
        return top * _PER_YEAR.get(self.salary_interval or "year", 1)

    def seniority(self) -> str:
        for level, pattern in SENIORITY:
            if pattern.search(self.title):
                return level
        return "mid"

    def content_hash(self) -> str:
        parts = [
            self.title,
            self.company,
            self.description,
            self.location,
            self.url or "",
            str(self.salary_min),
            str(self.salary_max),
            ",".join(self.skills),
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def dedupe_key(self) -> str:
        """The same posting from two feeds: its normalised URL, else title+company+place."""
        if self.url:
            url = re.sub(r"^https?://(www\.)?", "", self.url.strip().casefold())
            url = re.sub(r"[?#].*$", "", url).rstrip("/")
            return "url:" + url
        key = "|".join(
            _norm(p)
            for p in (
                self.title,
                self.company,
                self.city or "",
                self.country or "",
                self.remote.value,
            )
        )
        return "tcl:" + key

    def embedding_text(self) -> str:
        """What represents the job for the embedding model: short and meaning-dense (the
        description's words are weighed by the keyword signal instead)."""
        return f"{self.title}. {', '.join(self.skills[:15])}"

    def search_text(self) -> str:
        return (
            f"{self.title} {self.company} {self.location} {' '.join(self.skills)} "
            f"{self.description}"
        )


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9+#]+", text.casefold()))
