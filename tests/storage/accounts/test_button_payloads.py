"""Button payloads kept on the server: per user, in order, and gone after their lifetime."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.accounts import IdentityKey, Sessions
from storage.unit_of_work import SqlUnitOfWorkFactory
from tests.fakes import FakeClock


async def test_kept_buttons_are_the_owners_and_expire(engine: AsyncEngine) -> None:
    clock = FakeClock()
    sessions = Sessions(SqlUnitOfWorkFactory(engine), clock)
    ann = (await sessions.arrive(IdentityKey("telegram", "1"), "1", "Ann", "telegram:1")).user
    bob = (await sessions.arrive(IdentityKey("telegram", "2"), "2", "Bob", "telegram:2")).user
    first, second = await sessions.keep_buttons(ann.id, ["/plan offline ä" * 9, "/x " * 30])
    assert await sessions.pressed(ann.id, first) == "/plan offline ä" * 9
    assert await sessions.pressed(ann.id, second) == "/x " * 30
    assert await sessions.pressed(bob.id, first) is None
    clock.advance(days=89)
    (later,) = await sessions.keep_buttons(ann.id, ["/later"])
    assert await sessions.pressed(ann.id, first) is not None
    clock.advance(days=2)  # the first two are now 91 days old, the last 2 days
    assert await sessions.pressed(ann.id, first) is None
    assert await sessions.pressed(ann.id, later) == "/later"
