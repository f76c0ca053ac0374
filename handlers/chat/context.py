"""What a command or flow handler gets to work with for one incoming message."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from domain.accounts import ConversationState, User
from domain.clock import Clock
from domain.pushes import NewOutboxMessage
from handlers.chat.messages import Incoming, Reply

if TYPE_CHECKING:
    from handlers.chat.services import Services


@dataclass(slots=True)
class Context:
    """The sender (already resolved to a user), their flow state, and the services to use."""

    incoming: Incoming
    user: User
    state: ConversationState | None
    clock: Clock
    services: Services
    spawn: Spawn
    push: Push

    async def start_flow(self, flow: str, step: str, data: dict[str, Any] | None = None) -> None:
        """Persist that the user is now at `step` of `flow` (survives restarts)."""
        self.state = ConversationState(
            user_id=self.user.id,
            session_key=self.incoming.session_key,
            flow=flow,
            step=step,
            data=dict(data or {}),
            updated_at=self.clock.now(),
        )
        await self.services.sessions.save(self.state)

    async def end_flow(self) -> None:
        """Forget the current flow, if any."""
        self.state = None
        await self.services.sessions.clear(self.user.id, self.incoming.session_key)


Handler = Callable[[Context, str], Awaitable[list[Reply]]]
Spawn = Callable[[Coroutine[Any, Any, None]], None]
Push = Callable[[NewOutboxMessage], Awaitable[None]]  # queue a message in the outbox
