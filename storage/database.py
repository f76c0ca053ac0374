"""Engine creation for SQLite (embedded default) and PostgreSQL.

SQLite is tuned for many concurrent conversations in one file: WAL so readers never block
the writer, a busy timeout so a writer waits for the lock instead of failing, and
`BEGIN IMMEDIATE` so every transaction that may write takes the write lock up front — a
deferred read-then-write transaction in WAL mode fails at once with "database is locked"
when another writer got in between, and no busy timeout can save it. A read-only unit of
work (execution option `READ_ONLY`) begins deferred with `query_only` on SQLite — WAL
readers take no lock — and `READ ONLY` on PostgreSQL: a stray write fails on both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

READ_ONLY = "careerbot_read_only"  # connection execution option of a read-only unit of work


def sqlite_url(path: Path) -> str:
    """The async SQLAlchemy URL of a SQLite database file."""
    return f"sqlite+aiosqlite:///{path}"


def create_engine(url: str | URL, *, sqlite_busy_timeout_ms: int = 30_000) -> AsyncEngine:
    """Create the async engine for `url`, with the per-backend settings described above."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _create_sqlite_engine(parsed, sqlite_busy_timeout_ms)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername in ("postgresql", "postgres"):
            parsed = parsed.set(drivername="postgresql+asyncpg")
        engine = create_async_engine(parsed, pool_pre_ping=True, pool_size=10, max_overflow=10)

        @event.listens_for(engine.sync_engine, "begin")
        def _on_pg_begin(connection: Connection) -> None:
            if connection.get_execution_options().get(READ_ONLY):
                connection.exec_driver_sql("SET TRANSACTION READ ONLY")

        return engine
    raise ValueError(f"unsupported database backend {parsed.get_backend_name()!r}")


def _create_sqlite_engine(url: URL, busy_timeout_ms: int) -> AsyncEngine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(
        url,
        connect_args={"timeout": busy_timeout_ms / 1000},
        pool_size=5,
        max_overflow=10,
        pool_timeout=60,
    )

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below decide how transactions start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        read_only = bool(connection.get_execution_options().get(READ_ONLY))
        connection.exec_driver_sql(f"PRAGMA query_only={int(read_only)}")
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine
