"""The outbox: every message the bot sends unprompted is first a row here.

Exactly-once comes from each row's unique key (one digest per user per local date, one
follow-up per application change and ordinal, one tailoring result per job), never from
the scheduler. A row goes pending → claimed → sending → sent | failed | unknown; "unknown"
means a send started and the process died before hearing back, so it is not repeated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class OutboxStatus(StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"  # taken by a dispatcher, not yet attempted: safe to hand back
    SENDING = "sending"  # a send has started: never repeated
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"


class PushKind(StrEnum):
    DIGEST = "digest"
    ALERT = "alert"
    FOLLOWUP = "followup"
    CHECKIN = "checkin"
    TAILORING = "tailoring"


@dataclass(frozen=True, slots=True)
class NewOutboxMessage:
    user_id: int
    kind: PushKind
    key: str
    payload: dict[str, Any]


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    id: int
    user_id: int
    kind: PushKind
    key: str
    payload: dict[str, Any]
    platform: str
    chat_id: str
    status: OutboxStatus
    attempts: int
    error: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class OutboxFailure:
    id: int
    user_id: int
    kind: str
    status: OutboxStatus
    error: str | None
    updated_at: datetime


def digest_key(user_id: int, local_date: date) -> str:
    return f"digest:{user_id}:{local_date.isoformat()}"


def followup_key(application_id: int, changed_at: datetime, ordinal: int) -> str:
    return f"followup:{application_id}:{changed_at.strftime('%Y%m%dT%H%M%S')}:{ordinal}"


def checkin_key(plan_id: int, week: int) -> str:
    return f"checkin:{plan_id}:{week}"


def alert_key(search_id: int, newest_job_id: int) -> str:
    return f"alert:{search_id}:{newest_job_id}"


def tailoring_key(job_id: int) -> str:
    return f"tailoring:{job_id}"
