"""Shared fixtures: a fake clock, migrated SQLite and PostgreSQL engines."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import migrate
from storage.database import create_engine, sqlite_url
from tests.fake_openai import FakeOpenAI, running_fake_openai
from tests.fakes import FakeClock

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Any]:
    """A real PostgreSQL (with pgvector) for the whole test session."""
    pgserver = pytest.importorskip("pgserver")
    # Short path: the server's unix socket lives in the data dir (108-byte socket path limit).
    data_dir = Path(tempfile.mkdtemp(prefix="cbpg"))
    os.chmod(data_dir, 0o777)
    server = pgserver.get_server(data_dir, cleanup_mode="stop")
    try:
        yield server
    finally:
        server.cleanup()
        shutil.rmtree(data_dir, ignore_errors=True)


_pg_counter = 0


@pytest.fixture
def pg_url(pg_server: Any) -> str:
    """A fresh, empty PostgreSQL database for one test."""
    global _pg_counter
    _pg_counter += 1
    name = f"test_{os.getpid()}_{_pg_counter}"
    pg_server.psql(f"CREATE DATABASE {name};")
    uri = pg_server.get_uri(name)
    return str(uri).replace("postgresql://", "postgresql+asyncpg://", 1)


@pytest.fixture
async def sqlite_engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(sqlite_url(tmp_path / "test.db"))
    await migrate.upgrade(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
async def pg_engine(pg_url: str) -> AsyncIterator[AsyncEngine]:
    """A migrated PostgreSQL database, for what only PostgreSQL does."""
    engine = create_engine(pg_url)
    await migrate.upgrade(engine)
    yield engine
    await engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A migrated database on each backend: the same tests run on SQLite and PostgreSQL."""
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "test.db")
    else:
        url = request.getfixturevalue("pg_url")
    engine = create_engine(url)
    await migrate.upgrade(engine)
    async with engine.connect() as conn:
        await conn.execute(text("SELECT 1"))
    yield engine
    await engine.dispose()


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    """A local OpenAI-compatible server with scripted answers."""
    with running_fake_openai() as state:
        yield state
