"""The state of a multi-step conversation, kept in the database so a restart loses nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(slots=True)
class ConversationState:
    """Where one user is in a multi-step flow within one chat.

    `flow` names the flow (e.g. "onboarding"), `step` the question being asked, and `data`
    holds the answers collected so far (JSON-serialisable values only).
    """

    user_id: int
    session_key: str
    flow: str
    step: str
    data: dict[str, Any] = field(default_factory=dict)
    updated_at: datetime | None = None
