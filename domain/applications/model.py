"""Job applications: what the user saved or applied to, with an append-only status log."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ApplicationStatus(StrEnum):
    SAVED = "saved"
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


@dataclass(slots=True)
class Application:
    id: int
    user_id: int
    job_id: int | None
    company: str
    title: str
    url: str | None
    status: ApplicationStatus
    notes: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class NewApplication:
    user_id: int
    job_id: int | None
    company: str
    title: str
    url: str | None
    status: ApplicationStatus
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StatusEvent:
    status: ApplicationStatus
    note: str | None
    created_at: datetime


def same_posting(a_company: str, a_title: str, b_company: str, b_title: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))

    return norm(a_company) == norm(b_company) and norm(a_title) == norm(b_title)


def parse_status(text: str) -> ApplicationStatus | None:
    key = text.strip().casefold()
    aliases = {
        "interview": "interviewing",
        "interviews": "interviewing",
        "offered": "offer",
        "reject": "rejected",
        "declined": "rejected",
        "withdraw": "withdrawn",
        "apply": "applied",
        "save": "saved",
    }
    key = aliases.get(key, key)
    try:
        return ApplicationStatus(key)
    except ValueError:
        return None
