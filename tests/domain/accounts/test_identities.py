"""Resolving a platform account to a user."""

from __future__ import annotations

from domain.accounts import IdentityKey, resolve_user
from tests.fakes import FakeClock
from tests.memory_storage import MemoryUnitOfWorkFactory


async def test_first_contact_creates_user_then_reuses_it() -> None:
    uow, clock = MemoryUnitOfWorkFactory(), FakeClock()
    key = IdentityKey("telegram", "42")
    async with uow() as tx:
        first = await resolve_user(tx, key, "100", "Ann", clock.now())
        await tx.commit()
    async with uow() as tx:
        again = await resolve_user(tx, key, "100", "Ann B.", clock.now())
        await tx.commit()
    assert first.id == again.id
    assert len(uow.data.users) == 1
    assert uow.data.users[first.id].display_name == "Ann"


async def test_same_id_on_another_platform_is_another_user() -> None:
    uow, clock = MemoryUnitOfWorkFactory(), FakeClock()
    async with uow() as tx:
        a = await resolve_user(tx, IdentityKey("telegram", "42"), "42", "Ann", clock.now())
        b = await resolve_user(tx, IdentityKey("discord", "42"), "42", "Bob", clock.now())
        await tx.commit()
    assert a.id != b.id


async def test_writing_again_reactivates_and_updates_chat() -> None:
    uow, clock = MemoryUnitOfWorkFactory(), FakeClock()
    key = IdentityKey("telegram", "42")
    async with uow() as tx:
        user = await resolve_user(tx, key, "100", "Ann", clock.now())
        await tx.users.set_active(user.id, False)
        await tx.commit()
    async with uow() as tx:
        await resolve_user(tx, key, "200", "Ann", clock.now())
        await tx.commit()
    assert uow.data.users[user.id].active
    assert uow.data.identities[key].chat_id == "200"


async def test_empty_display_name_falls_back_to_platform_id() -> None:
    uow, clock = MemoryUnitOfWorkFactory(), FakeClock()
    async with uow() as tx:
        user = await resolve_user(tx, IdentityKey("discord", "999"), "1", "", clock.now())
    assert user.display_name == "999"
