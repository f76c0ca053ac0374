"""Users and the platform identities (Telegram, Discord, console) that lead to them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class IdentityKey:
    """Where a message came from: one person on one platform."""

    platform: str
    platform_user_id: str


@dataclass(slots=True)
class User:
    """A person using CareerBot, whatever platform they write from."""

    id: int
    display_name: str
    created_at: datetime
    active: bool = True


@dataclass(slots=True)
class PlatformIdentity:
    """Links a platform account (and the chat to reach it in) to a user."""

    key: IdentityKey
    user_id: int
    chat_id: str
    last_seen_at: datetime | None = None
