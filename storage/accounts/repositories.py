"""Users, their platform identities, link codes and conversation state in SQL."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.accounts import ConversationState, IdentityKey, PlatformIdentity, User
from storage.accounts.merge import merge_user_rows
from storage.batches import in_batches
from storage.rows import from_row
from storage.tables import (
    button_payloads,
    conversation_states,
    embeddings,
    link_codes,
    platform_identities,
    users,
)


def _identity(key: IdentityKey) -> ColumnElement[bool]:
    """The row of one platform identity."""
    return and_(
        platform_identities.c.platform == key.platform,
        platform_identities.c.platform_user_id == key.platform_user_id,
    )


class SqlUserRepository:
    """Users and platform identities in SQL."""

    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def get(self, user_id: int) -> User | None:
        row = (await self._conn.execute(select(users).where(users.c.id == user_id))).first()
        if row is None:
            return None
        return from_row(User, row)

    async def add(self, display_name: str, created_at: datetime) -> User:
        result = await self._conn.execute(
            insert(users)
            .values(display_name=display_name, active=True, created_at=created_at)
            .returning(users.c.id)
        )
        return User(id=result.scalar_one(), display_name=display_name, created_at=created_at)

    async def set_active(self, user_id: int, active: bool) -> None:
        await self._conn.execute(update(users).where(users.c.id == user_id).values(active=active))

    async def find_identity(self, key: IdentityKey) -> PlatformIdentity | None:
        row = (await self._conn.execute(select(platform_identities).where(_identity(key)))).first()
        if row is None:
            return None
        return PlatformIdentity(
            key=key, user_id=row.user_id, chat_id=row.chat_id, last_seen_at=row.last_seen_at
        )

    async def add_identity(self, identity: PlatformIdentity) -> None:
        await self._conn.execute(
            insert(platform_identities).values(
                platform=identity.key.platform,
                platform_user_id=identity.key.platform_user_id,
                user_id=identity.user_id,
                chat_id=identity.chat_id,
                last_seen_at=identity.last_seen_at,
            )
        )

    async def touch_identity(self, key: IdentityKey, now: datetime) -> None:
        await self._conn.execute(
            update(platform_identities).where(_identity(key)).values(last_seen_at=now)
        )

    async def update_identity_chat(self, key: IdentityKey, chat_id: str) -> None:
        await self._conn.execute(
            update(platform_identities).where(_identity(key)).values(chat_id=chat_id)
        )

    async def reachable_at(self, user_ids: list[int]) -> dict[int, IdentityKey]:
        found: dict[int, IdentityKey] = {}
        for batch in in_batches(user_ids):
            rows = await self._conn.execute(
                select(
                    platform_identities.c.user_id,
                    platform_identities.c.platform,
                    platform_identities.c.platform_user_id,
                )
                .where(platform_identities.c.user_id.in_(batch))
                .order_by(
                    platform_identities.c.last_seen_at.desc().nulls_last(),
                    platform_identities.c.platform,
                )
            )
            for row in rows:  # the first row of a user is where they were last seen
                found.setdefault(row.user_id, IdentityKey(row.platform, row.platform_user_id))
        return found

    async def identities_of(self, user_id: int) -> list[PlatformIdentity]:
        rows = await self._conn.execute(
            select(platform_identities)
            .where(platform_identities.c.user_id == user_id)
            .order_by(
                platform_identities.c.last_seen_at.desc().nulls_last(),
                platform_identities.c.platform,
            )
        )
        return [
            PlatformIdentity(
                IdentityKey(r.platform, r.platform_user_id), r.user_id, r.chat_id, r.last_seen_at
            )
            for r in rows
        ]

    async def delete(self, user_id: int) -> None:
        """Deleting the user cascades to everything that references them; their profile
        vector has no foreign key, so it goes explicitly."""
        await self._conn.execute(
            delete(embeddings).where(embeddings.c.kind == "profile", embeddings.c.ref_id == user_id)
        )
        await self._conn.execute(delete(users).where(users.c.id == user_id))

    async def merge(self, source: int, target: int) -> list[str]:
        dropped = await merge_user_rows(self._conn, source, target)
        await self.delete(source)
        return dropped

    async def move_identity(self, key: IdentityKey, user_id: int) -> None:
        await self._conn.execute(
            update(platform_identities).where(_identity(key)).values(user_id=user_id)
        )


class SqlLinkCodeRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def replace(self, code: str, user_id: int, expires_at: datetime) -> None:
        await self._conn.execute(delete(link_codes).where(link_codes.c.user_id == user_id))
        await self._conn.execute(
            insert(link_codes).values(code=code, user_id=user_id, expires_at=expires_at)
        )

    async def take(self, code: str, now: datetime) -> int | None:
        row = (
            await self._conn.execute(select(link_codes).where(link_codes.c.code == code))
        ).first()
        if row is None:
            return None
        await self._conn.execute(delete(link_codes).where(link_codes.c.code == code))
        return int(row.user_id) if row.expires_at > now else None


class SqlButtonRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def add(
        self, user_id: int, payloads: list[str], now: datetime, expired_before: datetime
    ) -> list[int]:
        await self._conn.execute(
            delete(button_payloads).where(
                button_payloads.c.user_id == user_id, button_payloads.c.created_at < expired_before
            )
        )
        ids = []
        for payload in payloads:
            result = await self._conn.execute(
                insert(button_payloads)
                .values(user_id=user_id, payload=payload, created_at=now)
                .returning(button_payloads.c.id)
            )
            ids.append(int(result.scalar_one()))
        return ids

    async def get(self, user_id: int, button_id: int, expired_before: datetime) -> str | None:
        row = (
            await self._conn.execute(
                select(button_payloads.c.payload).where(
                    button_payloads.c.id == button_id,
                    button_payloads.c.user_id == user_id,
                    button_payloads.c.created_at >= expired_before,
                )
            )
        ).first()
        return None if row is None else str(row.payload)


class SqlConversationRepository:
    """Conversation state rows, one per user and chat."""

    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def get(self, user_id: int, session_key: str) -> ConversationState | None:
        row = (
            await self._conn.execute(
                select(conversation_states).where(
                    conversation_states.c.user_id == user_id,
                    conversation_states.c.session_key == session_key,
                )
            )
        ).first()
        if row is None:
            return None
        return from_row(ConversationState, row, data=dict(row.data))

    async def save(self, state: ConversationState) -> None:
        if state.updated_at is None:
            raise ValueError("conversation state needs updated_at")
        values = {
            "flow": state.flow,
            "step": state.step,
            "data": state.data,
            "updated_at": state.updated_at,
        }
        result = await self._conn.execute(
            update(conversation_states)
            .where(
                conversation_states.c.user_id == state.user_id,
                conversation_states.c.session_key == state.session_key,
            )
            .values(**values)
        )
        if result.rowcount == 0:
            await self._conn.execute(
                insert(conversation_states).values(
                    user_id=state.user_id, session_key=state.session_key, **values
                )
            )

    async def delete(self, user_id: int, session_key: str) -> None:
        await self._conn.execute(
            delete(conversation_states).where(
                conversation_states.c.user_id == user_id,
                conversation_states.c.session_key == session_key,
            )
        )
