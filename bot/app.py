"""The composition root: builds the object graph from the configuration."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

if TYPE_CHECKING:
    from bot.ai.openai_chat import OpenAIChatModel

from bot.background import BackgroundTasks
from bot.config import Config
from bot.delivery.dispatcher import OutboxDispatcher
from bot.documents.isolated import IsolatedExtractor
from bot.jobs.catalog_index import NumpyCatalogIndex
from bot.scheduler import PushScheduler, TickIntervals
from bot.wiring import Ports, wire_services
from domain.ai import AIGateway, AIPolicy, ChatModel, Embedder
from domain.clock import Clock, SystemClock
from domain.jobs import EmbeddingIndexer
from domain.pushes import OutboxWriter, PushPlanner, PushRules
from domain.resumes import (
    ResumeLimits,
    TextExtractor,
)
from handlers.chat.conversation import Conversation
from handlers.chat.services import Services
from handlers.chat.setup import build_conversation
from handlers.pushes.wording import PushMessages
from handlers.tailoring.commands import run_and_deliver
from storage import migrate
from storage.ai.store import SqlAIStore
from storage.database import create_engine
from storage.file_store import LocalExportStore, LocalFileStore
from storage.jobs.pg_vector_search import PgVectorSearch
from storage.jobs.vectors import SqlVectorStore
from storage.leadership import SchedulerLeadership
from storage.unit_of_work import SqlUnitOfWorkFactory


@dataclass
class App:
    """Everything a running bot process uses, owned by `open_app`."""

    config: Config
    engine: AsyncEngine
    uow: SqlUnitOfWorkFactory
    conversation: Conversation
    clock: Clock
    services: Services
    background: BackgroundTasks
    outbox: OutboxWriter
    dispatcher: OutboxDispatcher
    planner: PushPlanner
    scheduler: PushScheduler

    async def resume_unfinished_work(self) -> int:
        """Restart tailoring jobs a crash left PENDING or RUNNING; their results go out
        through the outbox like any push."""
        unfinished = await self.services.tailoring.unfinished()
        for job in unfinished:
            self.background.spawn(run_and_deliver(self.services, self.outbox.push, job.id))
        return len(unfinished)

    @asynccontextmanager
    async def pushes_running(self) -> AsyncIterator[None]:
        """Run the scheduler ticks (when enabled) and the outbox dispatcher for the
        adapters registered with `dispatcher`, until the block ends."""
        stop = asyncio.Event()
        loop = asyncio.create_task(self.dispatcher.run(stop))
        if self.config.settings.pushes.enabled:
            self.scheduler.start()
        try:
            yield
        finally:
            await self.background.drain(wait_seconds=120)  # results of running work…
            await self.dispatcher.drain()  # …go out before the dispatcher stops
            stop.set()
            await self.scheduler.stop()
            await loop


def build_chat_model(config: Config) -> OpenAIChatModel | None:
    """The OpenAI-compatible endpoint when OPENAI_API_KEY is set; None means offline
    (the SDK is then not even imported)."""
    secrets, ai = config.secrets, config.settings.ai
    if secrets.openai_api_key is None:
        return None
    from bot.ai.openai_chat import OpenAIChatModel

    return OpenAIChatModel(
        api_key=secrets.openai_api_key.get_secret_value(),
        base_url=secrets.openai_base_url,
        timeout_seconds=ai.timeout_seconds,
        max_retries=ai.max_retries,
    )


def build_gateway(
    config: Config, engine: AsyncEngine, clock: Clock, chat: ChatModel | None
) -> AIGateway:
    ai = config.settings.ai
    policy = AIPolicy(
        models=ai.models.as_map(),
        daily_token_budget=ai.daily_token_budget,
        requests_per_minute=ai.requests_per_minute,
        cache_ttl=timedelta(hours=ai.cache_ttl_hours),
        max_output_tokens=ai.max_output_tokens,
    )
    return AIGateway(chat, SqlAIStore(engine), clock, policy)


def build_embedder(config: Config) -> Embedder:
    """The configured embedding model, loaded on first use."""
    from bot.ai.embedders import LazyEmbedder, MiniLMEmbedder, OpenAIEmbedder, WordLlamaEmbedder

    ai = config.settings.ai
    if ai.embedder == "wordllama":
        return LazyEmbedder(
            WordLlamaEmbedder, WordLlamaEmbedder.model_name, WordLlamaEmbedder.dimensions
        )
    if ai.embedder == "openai" and config.secrets.openai_api_key is not None:
        from openai import AsyncOpenAI

        client = AsyncOpenAI(
            api_key=config.secrets.openai_api_key.get_secret_value(),
            base_url=config.secrets.openai_base_url,
            timeout=ai.timeout_seconds,
            max_retries=ai.max_retries,
        )
        return OpenAIEmbedder(client, ai.models.embeddings, ai.openai_embedding_dimensions)
    return LazyEmbedder(MiniLMEmbedder, MiniLMEmbedder.model_name, MiniLMEmbedder.dimensions)


def build_ports(
    config: Config,
    uow: SqlUnitOfWorkFactory,
    clock: Clock,
    gateway: AIGateway,
    engine: AsyncEngine,
    embedder: Embedder,
    extractor: TextExtractor | None = None,
) -> Ports:
    """The production ports: SQL storage, files under the data dir, isolated parsing, the
    vector index (pgvector on PostgreSQL, numpy otherwise)."""
    limits = config.settings.resumes
    vectors = SqlVectorStore(engine)
    database_search = (
        PgVectorSearch(engine, embedder.model_name) if engine.dialect.name == "postgresql" else None
    )
    return Ports(
        uow=uow,
        clock=clock,
        gateway=gateway,
        files=LocalFileStore(config.data_dir / "files"),
        extractor=extractor
        or IsolatedExtractor(
            timeout_seconds=limits.parse_timeout_seconds,
            memory_mb=limits.parse_memory_mb,
            concurrency=limits.parse_concurrency,
        ),
        exports=LocalExportStore(config.data_dir / "exports"),
        index=NumpyCatalogIndex(
            uow, vectors, embedder.model_name, embedder.dimensions, database_search
        ),
        indexer=EmbeddingIndexer(embedder, vectors, clock),
        resume_limits=ResumeLimits(
            max_bytes=int(limits.max_file_mb * 1024 * 1024),
            max_pages=limits.max_pages,
            max_chars=limits.max_text_chars,
        ),
    )


@asynccontextmanager
async def open_app(config: Config, clock: Clock | None = None) -> AsyncIterator[App]:
    """Connect to the database (migrating it when configured) and build the conversation."""
    config.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        config.database_url(),
        sqlite_busy_timeout_ms=config.settings.database.sqlite_busy_timeout_ms,
    )
    chat = build_chat_model(config)
    try:
        if config.settings.database.migrate_on_start:
            await migrate.upgrade(engine)
        clock = clock or SystemClock()
        uow = SqlUnitOfWorkFactory(engine)
        await SqlAIStore(engine).cache().purge_expired(clock.now())  # keep the cache bounded
        gateway = build_gateway(config, engine, clock, chat)
        services = wire_services(
            build_ports(config, uow, clock, gateway, engine, build_embedder(config))
        )
        if config.settings.jobs.demo_catalog:
            await services.catalog.ensure_demo(config.settings.jobs.demo_size)
        background = BackgroundTasks()
        dispatcher = OutboxDispatcher(uow, clock)
        outbox = OutboxWriter(uow, clock, dispatcher.wake)
        pushes = config.settings.pushes
        rules = PushRules(
            digest_size=pushes.digest_size,
            digest_min_score=pushes.digest_min_score,
            followup_after=timedelta(days=pushes.followup_after_days),
            followup_limit=pushes.followup_limit,
        )
        planner = PushPlanner(uow, services.matcher, PushMessages(), clock, rules)
        intervals = TickIntervals(pushes.digest_tick_seconds, pushes.reminder_tick_seconds)
        scheduler = PushScheduler(planner, SchedulerLeadership(engine), dispatcher.wake, intervals)
        yield App(
            config=config,
            engine=engine,
            uow=uow,
            conversation=build_conversation(clock, services, background.spawn, outbox.push),
            clock=clock,
            services=services,
            background=background,
            outbox=outbox,
            dispatcher=dispatcher,
            planner=planner,
            scheduler=scheduler,
        )
        await background.drain(wait_seconds=120)
    finally:
        if chat is not None:
            await chat.close()
        await engine.dispose()
