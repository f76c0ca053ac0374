"""Putting a message in the outbox, addressed to where the user was last seen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from domain.clock import Clock
from domain.pushes.outbox import NewOutboxMessage
from domain.pushes.ports import PushesUnitOfWork, PushesUnitOfWorkFactory


async def enqueue(uow: PushesUnitOfWork, message: NewOutboxMessage, now: datetime) -> bool:
    """Queue `message` for the platform the user last wrote from, to their private chat
    there (addressed by their platform user id: a Telegram private chat, a Discord DM);
    False when its key was already queued (that message exists, exactly once) or the user
    cannot be reached."""
    identities = await uow.users.identities_of(message.user_id)
    if not identities:
        return False
    target = identities[0].key
    return await uow.outbox.enqueue(message, target.platform, target.platform_user_id, now)


class OutboxWriter:
    """Queues one message in its own transaction and wakes the dispatcher."""

    def __init__(
        self, uow: PushesUnitOfWorkFactory, clock: Clock, on_enqueued: Callable[[], None]
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._on_enqueued = on_enqueued

    async def push(self, message: NewOutboxMessage) -> None:
        async with self._uow() as uow:
            queued = await enqueue(uow, message, self._clock.now())
            await uow.commit()
        if queued:
            self._on_enqueued()
