"""Job alerts: a saved search that tells the user when newly imported jobs match it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.errors import DomainError
from domain.jobs import Job, words

MAX_ALERTS = 10
MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """`job_cursor` is the newest job id already checked against this search."""

    id: int
    user_id: int
    query: str
    job_cursor: int
    created_at: datetime

    def matches(self, job: Job) -> bool:
        """Every word of the search appears in the job (title, company, place, text)."""
        have = set(words(job.search_text()))
        return all(word in have for word in words(self.query))


class TooManyAlerts(DomainError):
    def __init__(self, limit: int) -> None:
        super().__init__(f"at most {limit} alerts")
        self.limit = limit


class EmptySearch(DomainError):
    def __init__(self) -> None:
        super().__init__("an alert needs at least one word")
