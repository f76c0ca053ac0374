"""The composition root: builds the object graph from the configuration."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Config
from domain.clock import Clock, SystemClock
from handlers.conversation import Conversation
from handlers.setup import build_conversation
from storage import migrate
from storage.database import create_engine
from storage.unit_of_work import SqlUnitOfWorkFactory


@dataclass
class App:
    """Everything a running bot process uses, owned by `open_app`."""

    config: Config
    engine: AsyncEngine
    uow: SqlUnitOfWorkFactory
    conversation: Conversation
    clock: Clock


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
            conversation=build_conversation(uow, clock),
            clock=clock,
        )
    finally:
        await engine.dispose()
