"""Platform rate limits for pushes: an overall rate and a minimum gap per chat.

The overall rate uses aiolimiter's leaky bucket; the per-chat gap (Telegram allows about
one message per second in a chat, which PTB's own limiter does not enforce) is kept here."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from aiolimiter import AsyncLimiter


@dataclass(frozen=True, slots=True)
class PlatformLimits:
    messages_per_second: float
    seconds_between_messages_in_chat: float


CONSOLE_LIMITS = PlatformLimits(messages_per_second=1_000, seconds_between_messages_in_chat=0)


class RateGate:
    """Waits as long as needed before each message so the limits are never exceeded."""

    def __init__(self, limits: PlatformLimits) -> None:
        self.limits = limits
        # One message per 1/rate seconds, no burst: a burst on top of the steady rate is
        # exactly what trips a platform's sliding-window limit.
        self._overall = AsyncLimiter(1, 1.0 / limits.messages_per_second)
        self._last_in_chat: dict[str, float] = {}

    async def wait(self, chat_id: str, messages: int = 1) -> None:
        loop = asyncio.get_running_loop()
        gap = self.limits.seconds_between_messages_in_chat
        for _ in range(messages):
            if gap:
                last = self._last_in_chat.get(chat_id)
                if last is not None and loop.time() - last < gap:
                    await asyncio.sleep(gap - (loop.time() - last))
            await self._overall.acquire()
            if gap:
                self._last_in_chat[chat_id] = loop.time()
        self._forget_idle(loop.time() - gap)

    def _forget_idle(self, before: float) -> None:
        if len(self._last_in_chat) > 10_000:
            self._last_in_chat = {c: t for c, t in self._last_in_chat.items() if t >= before}
