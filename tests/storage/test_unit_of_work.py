"""Units of work: nothing is kept without a commit; read-only ones take no write lock, and a
write inside one fails."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.unit_of_work import SqlUnitOfWorkFactory

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


async def test_a_write_inside_a_read_only_unit_of_work_fails(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow.read() as tx:
        with pytest.raises(DBAPIError):
            await tx.users.add("Ann", NOW)
    async with uow.read() as tx:
        assert await tx.users.get(1) is None


async def test_reads_go_on_while_a_writer_holds_the_lock(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        user = await tx.users.add("Ann", NOW)
        await tx.commit()
    async with uow() as writer:  # holds the write lock (BEGIN IMMEDIATE on SQLite)
        await writer.users.set_active(user.id, False)

        async def read() -> bool:
            async with uow.read() as reader:
                found = await reader.users.get(user.id)
                return bool(found and found.active)

        # Would wait for the busy timeout (30 s) if a read took the write lock too.
        assert await asyncio.wait_for(read(), timeout=10)
        await writer.commit()
    async with uow.read() as reader:
        found = await reader.users.get(user.id)
        assert found is not None
        assert not found.active


async def test_unit_of_work_rolls_back_without_commit(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        user = await tx.users.add("Ann", NOW)

    async def add_then_fail() -> None:
        async with uow() as tx:
            await tx.users.add("Bob", NOW)
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        await add_then_fail()

    async with uow() as tx:
        assert await tx.users.get(user.id) is None


async def test_unit_of_work_refuses_naive_datetimes(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    with pytest.raises(Exception, match="naive"):
        async with uow() as tx:
            await tx.users.add("Ann", datetime(2026, 1, 1))
