"""The composition root: builds the object graph from the configuration."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Config
from bot.documents.isolated import IsolatedExtractor
from domain.clock import Clock, SystemClock
from domain.ports import TextExtractor
from domain.resume_intake import ResumeIntake, ResumeLibrary
from domain.resumes import ResumeLimits
from domain.skills import bundled_taxonomy
from handlers.conversation import Conversation
from handlers.services import Services
from handlers.setup import build_conversation
from storage import migrate
from storage.database import create_engine
from storage.file_store import LocalFileStore
from storage.unit_of_work import SqlUnitOfWorkFactory


@dataclass
class App:
    """Everything a running bot process uses, owned by `open_app`."""

    config: Config
    engine: AsyncEngine
    uow: SqlUnitOfWorkFactory
    conversation: Conversation
    clock: Clock


def build_services(
    config: Config, uow: SqlUnitOfWorkFactory, clock: Clock, extractor: TextExtractor | None = None
) -> Services:
    """The domain services with their ports plugged in."""
    limits = config.settings.resumes
    files = LocalFileStore(config.data_dir / "files")
    extractor = extractor or IsolatedExtractor(
        timeout_seconds=limits.parse_timeout_seconds,
        memory_mb=limits.parse_memory_mb,
        concurrency=limits.parse_concurrency,
    )
    resume_limits = ResumeLimits(
        max_bytes=int(limits.max_file_mb * 1024 * 1024),
        max_pages=limits.max_pages,
        max_chars=limits.max_text_chars,
    )
    return Services(
        intake=ResumeIntake(uow, files, extractor, bundled_taxonomy(), clock, resume_limits),
        resumes=ResumeLibrary(uow, files, clock),
    )


@asynccontextmanager
async def open_app(config: Config, clock: Clock | None = None) -> AsyncIterator[App]:
    """Connect to the database (migrating it when configured) and build the conversation."""
    config.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        config.database_url(),
        sqlite_busy_timeout_ms=config.settings.database.sqlite_busy_timeout_ms,
    )
    try:
        if config.settings.database.migrate_on_start:
            await migrate.upgrade(engine)
        clock = clock or SystemClock()
        uow = SqlUnitOfWorkFactory(engine)
        yield App(
            config=config,
            engine=engine,
            uow=uow,
            conversation=build_conversation(uow, clock, build_services(config, uow, clock)),
            clock=clock,
        )
    finally:
        await engine.dispose()
