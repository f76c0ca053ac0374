"""A chat platform for delivery tests: records what arrives, and misbehaves on request
(429s, blocked users, timeouts, a process that dies mid-send)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from bot.delivery.errors import DeliveryUncertain, RateLimited, RecipientGone
from handlers.chat.messages import Reply
from tests.fakes import FakeClock


class ProcessDied(BaseException):
    """Stands for the process being killed: no `except Exception` catches it."""


@dataclass
class FakePlatform:
    clock: FakeClock
    delivered: list[tuple[str, str, datetime]] = field(default_factory=list)
    attempts: int = 0
    blocked: set[str] = field(default_factory=set)
    timeouts: set[str] = field(default_factory=set)
    rate_limit_every: int = 0  # every Nth attempt answers 429
    retry_after: float = 3.0
    die_after: int | None = None  # deliver this many, then the process dies in the next send
    rate_limited_at: list[datetime] = field(default_factory=list)

    async def send(self, chat_id: str, replies: list[Reply]) -> None:
        self.attempts += 1
        if self.die_after is not None and len(self.delivered) == self.die_after:
            self.delivered.append((chat_id, replies[0].text, self.clock.now()))
            raise ProcessDied()  # it arrived, but the process never heard back
        if self.rate_limit_every and self.attempts % self.rate_limit_every == 0:
            self.rate_limited_at.append(self.clock.now())
            raise RateLimited(self.retry_after)
        if chat_id in self.blocked:
            raise RecipientGone("Forbidden: bot was blocked by the user")
        if chat_id in self.timeouts:
            self.delivered.append((chat_id, replies[0].text, self.clock.now()))
            raise DeliveryUncertain("read timed out")
        for reply in replies:
            self.delivered.append((chat_id, reply.text, self.clock.now()))

    def texts(self) -> list[str]:
        return [text for _, text, _ in self.delivered]

    def duplicates(self) -> list[str]:
        return [text for text, n in Counter(self.texts()).items() if n > 1]
