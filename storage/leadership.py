"""Which process runs the scheduler. On PostgreSQL the leader holds a session advisory
lock on a connection of its own; if the process dies, the lock goes with its connection
and another process takes over at its next tick. SQLite deployments are one process."""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = logging.getLogger(__name__)
SCHEDULER_LOCK = 0x63617265  # "care": any constant shared by every process of this bot


class SchedulerLeadership:
    """`await leadership.acquire()` is True while this process is the scheduler leader."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._conn: AsyncConnection | None = None

    async def acquire(self) -> bool:
        if self._engine.dialect.name != "postgresql":
            return True
        if self._conn is not None:
            try:
                await self._conn.execute(text("SELECT 1"))
                return True
            except DBAPIError:
                log.warning("lost the scheduler lock's connection; trying to lead again")
                await self._close()
        conn = await self._engine.connect()
        taken = (
            await conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": SCHEDULER_LOCK})
        ).scalar_one()
        await conn.commit()
        if taken:
            self._conn = conn
            log.info("this process now runs the scheduler")
            return True
        await conn.close()
        return False

    async def release(self) -> None:
        if self._conn is not None:
            await self._conn.execute(
                text("SELECT pg_advisory_unlock(:key)"), {"key": SCHEDULER_LOCK}
            )
            await self._conn.commit()
            await self._close()

    async def _close(self) -> None:
        if self._conn is not None:
            try:
                await self._conn.close()
            finally:
                self._conn = None
