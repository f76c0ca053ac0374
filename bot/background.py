"""Work that outlives the message that started it (tailoring)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

log = logging.getLogger(__name__)


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
