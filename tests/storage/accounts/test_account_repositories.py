"""Users, platform identities and conversation state in SQL, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.accounts import ConversationState, IdentityKey, PlatformIdentity
from storage.unit_of_work import SqlUnitOfWorkFactory

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


async def test_users_and_identities_round_trip(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    key = IdentityKey("telegram", "12345")
    async with uow() as tx:
        user = await tx.users.add("Ann", NOW)
        await tx.users.add_identity(PlatformIdentity(key=key, user_id=user.id, chat_id="777"))
        await tx.commit()

    async with uow() as tx:
        identity = await tx.users.find_identity(key)
        assert identity == PlatformIdentity(key=key, user_id=user.id, chat_id="777")
        await tx.users.update_identity_chat(key, "888")
        await tx.users.set_active(user.id, False)
        await tx.commit()

    async with uow() as tx:
        stored = await tx.users.get(user.id)
        identity = await tx.users.find_identity(key)
        assert await tx.users.find_identity(IdentityKey("discord", "12345")) is None
    assert stored is not None
    assert (stored.display_name, stored.active, stored.created_at) == ("Ann", False, NOW)
    assert stored.created_at.tzinfo is not None
    assert identity is not None
    assert identity.chat_id == "888"


async def test_conversation_state_upsert_and_delete(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        user = await tx.users.add("Ann", NOW)
        state = ConversationState(user.id, "console:ann", "onboarding", "title", {}, NOW)
        await tx.conversations.save(state)
        state.step, state.data = "target", {"answers": ["x"]}
        await tx.conversations.save(state)
        await tx.commit()

    async with uow() as tx:
        stored = await tx.conversations.get(user.id, "console:ann")
        assert await tx.conversations.get(user.id, "telegram:1") is None
        await tx.conversations.delete(user.id, "console:ann")
        await tx.commit()
    assert stored is not None
    assert (stored.step, stored.data) == ("target", {"answers": ["x"]})

    async with uow() as tx:
        assert await tx.conversations.get(user.id, "console:ann") is None
