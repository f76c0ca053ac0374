"""Migrations: an empty database reaches the newest revision and matches the table code."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import migrate
from storage.tables import metadata


@pytest.mark.filterwarnings("ignore:Did not recognize type 'vector'")  # pgvector's column
async def test_upgrade_reaches_head_and_matches_tables(engine: AsyncEngine) -> None:
    assert await migrate.current_revision(engine) == migrate.head_revision()

    def diff(connection: Connection) -> list[object]:
        def described(obj: object, name: str | None, kind: str, *_: object) -> bool:
            return not (kind == "table" and name == "job_vectors")  # PostgreSQL-only, raw SQL

        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": described}
        )
        return list(compare_metadata(context, metadata))

    async with engine.connect() as conn:
        assert await conn.run_sync(diff) == []


async def test_upgrade_twice_is_harmless(engine: AsyncEngine) -> None:
    await migrate.upgrade(engine)
    assert await migrate.current_revision(engine) == migrate.head_revision()
