"""Arriving messages: a returning sender costs a read, not a write transaction."""

from __future__ import annotations

from domain.accounts import IdentityKey, Sessions
from tests.fakes import FakeClock
from tests.memory_storage import MemoryUnitOfWork, MemoryUnitOfWorkFactory

ANN = IdentityKey("telegram", "42")


class CountingFactory(MemoryUnitOfWorkFactory):
    """Counts the write transactions it opens."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def __call__(self) -> MemoryUnitOfWork:
        self.writes += 1
        return super().__call__()


async def test_a_returning_sender_opens_no_write_transaction() -> None:
    uow, clock = CountingFactory(), FakeClock()
    sessions = Sessions(uow, clock)
    first = await sessions.arrive(ANN, "chat-1", "Ann", "telegram:chat-1")
    assert uow.writes == 1  # created
    clock.advance(minutes=5)
    again = await sessions.arrive(ANN, "chat-1", "Ann", "telegram:chat-1")
    assert again.user.id == first.user.id
    assert uow.writes == 1
    clock.advance(minutes=6)  # last seen more than 10 minutes ago: remembered once
    await sessions.arrive(ANN, "chat-1", "Ann", "telegram:chat-1")
    assert uow.writes == 2
    await sessions.arrive(ANN, "chat-2", "Ann", "telegram:chat-2")  # a new chat is kept
    assert uow.writes == 3
    (identity,) = uow.data.identities.values()
    assert (identity.chat_id, identity.last_seen_at) == ("chat-2", clock.now())


async def test_a_user_who_blocked_the_bot_is_active_again_when_they_write() -> None:
    uow, clock = CountingFactory(), FakeClock()
    sessions = Sessions(uow, clock)
    ann = (await sessions.arrive(ANN, "chat-1", "Ann", "telegram:chat-1")).user
    uow.data.users[ann.id].active = False  # the outbox saw a 403
    back = await sessions.arrive(ANN, "chat-1", "Ann", "telegram:chat-1")
    assert back.user.active
    assert uow.data.users[ann.id].active
