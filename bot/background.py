"""Work that outlives the message that started it (tailoring), and delivering its result."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from domain.ports import UnitOfWorkFactory
from handlers.messages import Reply

log = logging.getLogger(__name__)
Deliver = Callable[[str, list[Reply]], Awaitable[None]]


class BackgroundTasks:
    """Keeps references to running tasks (so they are not garbage-collected) and lets the
    process wait for them before it exits."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background task failed", exc_info=task.exception())

    async def drain(self, wait_seconds: float) -> None:
        """Wait (up to `wait_seconds`) for what is running; what is cut off is recovered
        at the next start from the database."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=wait_seconds)


class Pusher:
    """Sends replies to a user outside a conversation turn, through the adapter of each
    platform the user is known on."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow
        self._adapters: dict[str, Deliver] = {}

    def register(self, platform: str, deliver: Deliver) -> None:
        self._adapters[platform] = deliver

    async def push(self, user_id: int, replies: list[Reply]) -> None:
        async with self._uow() as uow:
            identities = await uow.users.identities_of(user_id)
        delivered = False
        for identity in identities:
            deliver = self._adapters.get(identity.key.platform)
            if deliver is not None:
                await deliver(identity.chat_id, replies)
                delivered = True
        if not delivered:
            log.warning("no adapter to reach user %s; the result stays in the database", user_id)
