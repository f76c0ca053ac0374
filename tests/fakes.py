"""Hand-written fakes of the domain ports: a settable clock, in-memory files and AI log,
search and embeddings; and the services wired over them (in-memory storage is in
tests/memory_storage.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from bot.wiring import AppUnitOfWork, Ports, wire_services
from domain.file_types import FileType
from domain.jobs import Candidate, PersonQuery
from domain.resumes import ExtractedText, ResumeLimits
from tests.memory_storage import MemoryUnitOfWorkFactory

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from domain.ai import AIGateway, AIRequestRecord, ChatModel
    from domain.jobs import CatalogIndex, EmbeddingIndexer
    from domain.ports import UnitOfWorkFactory
    from handlers.chat.conversation import Conversation
    from handlers.chat.services import Services


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


class MemoryFileStore:
    """Files in a dict; `fail_next_put` simulates a full disk."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    async def put(self, data: bytes, suffix: str = "") -> str:
        key = f"{len(self.files):02x}/{'0' * 32}{suffix}"
        while key in self.files:
            key = "0" + key
        self.files[key] = data
        return key

    async def get(self, key: str) -> bytes:
        return self.files[key]

    async def delete(self, key: str) -> None:
        self.files.pop(key, None)


class InProcessExtractor:
    """Runs the real extraction code in this process (no isolation): fast for handler tests."""

    def __init__(self) -> None:
        self.calls = 0

    async def extract(
        self, data: bytes, file_type: FileType, limits: ResumeLimits
    ) -> ExtractedText:
        from bot.documents.extract import extract_text

        self.calls += 1
        return extract_text(data, file_type, limits)


class MemoryAIStore:
    """The AI log and cache as lists and dicts."""

    def __init__(self) -> None:
        self.records: list[AIRequestRecord] = []
        self.cached: dict[str, tuple[str, datetime]] = {}

    def log(self) -> MemoryAIStore:
        return self

    def cache(self) -> MemoryAIStore:
        return self

    async def add(self, record: AIRequestRecord) -> None:
        self.records.append(record)

    async def tokens_since(self, user_id: int, since: datetime) -> int:
        return sum(
            r.prompt_tokens + r.completion_tokens
            for r in self.records
            if r.user_id == user_id and r.created_at >= since
        )

    async def calls_since(self, user_id: int, since: datetime) -> int:
        return sum(
            1
            for r in self.records
            if r.user_id == user_id
            and r.created_at >= since
            and not r.cache_hit
            and r.status in ("ok", "error", "truncated")
        )

    async def get(self, key: str, now: datetime) -> str | None:
        found = self.cached.get(key)
        return found[0] if found and found[1] > now else None

    async def put(self, key: str, model: str, text: str, now: datetime, ttl: timedelta) -> None:
        self.cached[key] = (text, now + ttl)


class EmptyCatalogIndex:
    """A vector and keyword index over a catalog with no jobs."""

    async def refresh(self) -> None:
        return None

    async def candidates(
        self, queries: Sequence[PersonQuery], limit: int, today: date | None = None
    ) -> list[list[Candidate]]:
        return [[] for _ in queries]


@dataclass
class FakeServices:
    """Real domain services over the given storage, with in-memory files, exports and AI
    log, an in-process extractor and fake search; the fakes exposed for assertions."""

    uow: UnitOfWorkFactory[AppUnitOfWork]
    clock: FakeClock
    files: MemoryFileStore = field(default_factory=MemoryFileStore)
    extractor: InProcessExtractor = field(default_factory=InProcessExtractor)
    index: CatalogIndex = field(default_factory=EmptyCatalogIndex)
    indexer: EmbeddingIndexer | None = None

    ai_store: MemoryAIStore = field(default_factory=lambda: MemoryAIStore())
    chat: ChatModel | None = None  # for tests of features with a language model
    spawned: list[object] = field(default_factory=list)
    pushed: list[object] = field(default_factory=list)  # NewOutboxMessage

    def gateway(self) -> AIGateway:
        from domain.ai import AIGateway, AIPolicy

        policy = AIPolicy(models={"default": "test-model"})
        return AIGateway(self.chat, self.ai_store, self.clock, policy)

    def build(self) -> Services:
        """The services through the app's own wiring."""
        return wire_services(
            Ports(
                uow=self.uow,
                clock=self.clock,
                gateway=self.gateway(),
                files=self.files,
                extractor=self.extractor,
                exports=MemoryExports(),
                index=self.index,
                indexer=self.indexer,
            )
        )

    def conversation(self) -> Conversation:
        from handlers.chat.setup import build_conversation

        return build_conversation(self.clock, self.build(), self.spawned.append, self.push)

    async def push(self, message: object) -> None:
        self.pushed.append(message)


@dataclass
class MemoryServices(FakeServices):
    """The services over the in-memory unit of work. It has no job repositories: job
    features run on SQLite in their tests (`sqlite_services`)."""

    uow: MemoryUnitOfWorkFactory


def sqlite_services(engine: AsyncEngine, clock: FakeClock) -> FakeServices:
    """The services on a real database, with word-hash vectors for job search."""
    from bot.jobs.catalog_index import NumpyCatalogIndex
    from domain.jobs import EmbeddingIndexer
    from storage.jobs.vectors import SqlVectorStore
    from storage.unit_of_work import SqlUnitOfWorkFactory

    uow = SqlUnitOfWorkFactory(engine)
    embedder, vectors = WordHashEmbedder(), SqlVectorStore(engine)
    index = NumpyCatalogIndex(uow, vectors, embedder.model_name, embedder.dimensions)
    return FakeServices(uow, clock, index=index, indexer=EmbeddingIndexer(embedder, vectors, clock))


class WordHashEmbedder:
    """A deterministic stand-in for a sentence model: hashed bag of words, unit length.
    Texts sharing words get similar vectors, which is all matching tests need."""

    model_name = "word-hash-64"
    dimensions = 64

    async def embed(self, texts: list[str]) -> list[list[float]]:
        import hashlib
        import math
        import re

        vectors = []
        for text in texts:
            vector = [0.0] * self.dimensions
            for word in re.findall(r"[a-z0-9+#]+", text.casefold()):
                vector[hashlib.md5(word.encode()).digest()[0] % self.dimensions] += 1.0
            norm = math.sqrt(sum(x * x for x in vector)) or 1.0
            vectors.append([x / norm for x in vector])
        return vectors


class MemoryExports:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    async def write(self, name: str, data: bytes) -> str:
        self.files[name] = data
        return name
