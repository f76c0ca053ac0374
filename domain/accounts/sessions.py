"""Who is writing, and where they are in a multi-step flow: the conversation layer's only
way to storage for its own state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from domain.accounts.conversations import ConversationState
from domain.accounts.identities import resolve_user, up_to_date
from domain.accounts.ports import AccountsUnitOfWorkFactory
from domain.accounts.users import IdentityKey, User
from domain.clock import Clock

BUTTON_LIFETIME = timedelta(days=90)  # a kept button payload can be pressed this long


@dataclass(frozen=True, slots=True)
class Arrival:
    """The user behind a message, and their flow state in that chat (None: no flow)."""

    user: User
    state: ConversationState | None


class Sessions:
    """Resolves the sender of each message and keeps their flow state."""

    def __init__(self, uow: AccountsUnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def arrive(
        self, key: IdentityKey, chat_id: str, display_name: str, session_key: str
    ) -> Arrival:
        """The user behind `key` (created on first contact, their chat remembered) and their
        flow state in `session_key`. A read when nothing about the sender changed (the usual
        case), so the action that follows is the message's only write."""
        now = self._clock.now()
        async with self._uow.read() as uow:
            identity = await uow.users.find_identity(key)
            known = await uow.users.get(identity.user_id) if identity else None
            if identity and known and up_to_date(identity, known, chat_id, now):
                return Arrival(known, await uow.conversations.get(known.id, session_key))
        async with self._uow() as uow:
            user = await resolve_user(uow, key, chat_id, display_name, now)
            state = await uow.conversations.get(user.id, session_key)
            await uow.commit()
        return Arrival(user, state)

    async def save(self, state: ConversationState) -> None:
        async with self._uow() as uow:
            await uow.conversations.save(state)
            await uow.commit()

    async def keep_buttons(self, user_id: int, payloads: list[str]) -> list[int]:
        """Keep button payloads on the server (one transaction); the ids to press them by."""
        async with self._uow() as uow:
            now = self._clock.now()
            ids = await uow.buttons.add(user_id, payloads, now, now - BUTTON_LIFETIME)
            await uow.commit()
        return ids

    async def pressed(self, user_id: int, button_id: int) -> str | None:
        """The payload of a kept button; None when it is unknown or expired."""
        async with self._uow.read() as uow:
            return await uow.buttons.get(user_id, button_id, self._clock.now() - BUTTON_LIFETIME)

    async def clear(self, user_id: int, session_key: str) -> None:
        async with self._uow() as uow:
            await uow.conversations.delete(user_id, session_key)
            await uow.commit()
