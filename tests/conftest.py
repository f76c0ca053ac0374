"""Shared fixtures: a fake clock, migrated SQLite and PostgreSQL engines."""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import datetime
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


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite database holding the demo catalog and its embeddings, built once per
    test session (embedding 300 jobs takes seconds)."""
    from bot.app import open_app
    from bot.config import load_config

    data_dir = tmp_path_factory.mktemp("demo") / "var"
    config = load_config(None, env={"CAREERBOT_DATA_DIR": str(data_dir)})

    async def build() -> None:
        async with open_app(config, clock=FakeClock()) as app:
            assert await app.services.catalog.ensure_demo() is None  # loaded on opening

    asyncio.run(build())
    return data_dir / "careerbot.db"


@pytest.fixture
def demo_data_dir(tmp_path: Path, demo_database: Path) -> Path:
    """A data dir whose database already holds the demo catalog: a copy, so tests stay apart.
    The app opened on it finds the catalog there and does not build it again."""
    data_dir = tmp_path / "var"
    data_dir.mkdir()
    shutil.copyfile(demo_database, data_dir / demo_database.name)
    return data_dir


DemoEngine = Callable[[datetime], Awaitable[AsyncEngine]]


@pytest.fixture(scope="session")
def demo_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where `demo_engine` keeps the databases it builds once per test session."""
    return tmp_path_factory.mktemp("demo-templates")


@pytest.fixture
async def demo_engine(tmp_path: Path, demo_templates: Path) -> AsyncIterator[DemoEngine]:
    """`await demo_engine(now)`: a migrated SQLite engine holding the demo catalog (300 jobs
    imported at `now`, with word-hash vectors) — built once per test session for each `now`,
    then copied for each test."""
    from domain.jobs import EmbeddingIndexer, JobCatalog
    from storage.jobs.vectors import SqlVectorStore
    from storage.unit_of_work import SqlUnitOfWorkFactory
    from tests.fakes import WordHashEmbedder

    engines: list[AsyncEngine] = []

    async def open_copy(now: datetime) -> AsyncEngine:
        template = demo_templates / f"{now:%Y%m%dT%H%M%S}.db"
        if not template.exists():  # built aside and moved in whole, so never half-built
            building = template.with_suffix(".building")
            building.unlink(missing_ok=True)
            engine = create_engine(sqlite_url(building))
            await migrate.upgrade(engine)
            clock = FakeClock(now)
            indexer = EmbeddingIndexer(WordHashEmbedder(), SqlVectorStore(engine), clock)
            await JobCatalog(SqlUnitOfWorkFactory(engine), indexer, clock).ensure_demo(300)
            await engine.dispose()
            os.replace(building, template)
        copy = tmp_path / f"demo-{len(engines)}.db"
        shutil.copyfile(template, copy)
        engines.append(create_engine(sqlite_url(copy)))
        return engines[-1]

    yield open_copy
    for engine in engines:
        await engine.dispose()
