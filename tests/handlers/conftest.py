"""Handler tests talk to the real conversation over real SQLite, with in-memory files and
word-hash search: each feature's commands, replies and bad input, without an adapter."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.fakes import FakeClock, FakeServices, sqlite_services
from tests.handlers.conversation_kit import Chat


@pytest.fixture
def fakes(sqlite_engine: AsyncEngine, clock: FakeClock) -> FakeServices:
    return sqlite_services(sqlite_engine, clock)


@pytest.fixture
def chat(fakes: FakeServices) -> Chat:
    return Chat(fakes.conversation())
