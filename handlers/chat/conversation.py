"""The conversation: turns one `Incoming` into the list of `Reply`s, whatever the platform."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import replace

from domain.accounts import IdentityKey
from domain.clock import Clock
from domain.errors import DomainError
from handlers.chat.commands import CommandTable, split_command
from handlers.chat.context import Context, Handler, Push, Spawn
from handlers.chat.errors import tell
from handlers.chat.intents import route_free_text
from handlers.chat.messages import Button, Incoming, Reply, fits_in_button
from handlers.chat.services import Services

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 20_000
FALLBACK = (
    "I'm not sure what you mean. Here are a few things to try:\n"
    "/start — set up your profile\n"
    "/profile — see what I know about you\n"
    "/help — everything I can do"
)
EXPIRED_BUTTON = "That button has expired. Send the command again, or /help for the list."
KEPT_BUTTON = re.compile(r"/b (\d{1,18})")
CRASH = "Sorry, something went wrong on my side. Your data is safe — please try again in a moment."


class Conversation:
    """Routes messages: button payloads and commands via the command table, answers to a
    running multi-step flow to that flow, other free text via intent routing."""

    def __init__(
        self,
        commands: CommandTable,
        flows: Mapping[str, Handler],
        clock: Clock,
        services: Services,
        on_attachment: Handler,
        spawn: Spawn,
        push: Push,
    ) -> None:
        self._spawn = spawn
        self._push = push
        self.commands = commands
        self._flows = flows
        self._clock = clock
        self._services = services
        self._on_attachment = on_attachment
        self._file_flows: dict[str, Handler] = {}

    def accept_files_in(self, flow: str, handler: Handler) -> None:
        """While `flow` is running, files go to `handler` instead of the resume upload."""
        self._file_flows[flow] = handler

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Answer one message. Never raises: unexpected errors become an apology and a log."""
        try:
            return await self._handle(incoming)
        except DomainError as exc:
            return [Reply(tell(exc))]
        except Exception:
            log.exception("unhandled error for %s user %s", incoming.platform, incoming.user_id)
            return [Reply(CRASH)]

    async def _handle(self, incoming: Incoming) -> list[Reply]:
        text = incoming.button_payload or incoming.text
        if len(text) > MAX_MESSAGE_CHARS:
            return [
                Reply(
                    f"That message is too long for me ({len(text):,} characters; the limit is "
                    f"{MAX_MESSAGE_CHARS:,}). Please shorten it, or send it as a file."
                )
            ]
        ctx = await self._context(incoming)
        if incoming.button_payload is not None:
            pressed = await self._pressed(ctx, text)
            if pressed is None:
                return [Reply(EXPIRED_BUTTON)]
            text = pressed
        return await self._fit_buttons(ctx, await self._answer(ctx, text))

    async def _answer(self, ctx: Context, text: str) -> list[Reply]:
        if ctx.incoming.attachments:
            if ctx.state is not None and ctx.state.flow in self._file_flows:
                return await self._file_flows[ctx.state.flow](ctx, "")
            return await self._on_attachment(ctx, "")
        command = split_command(text)
        if command is None and ctx.state is not None and ctx.state.flow in self._flows:
            return await self._flows[ctx.state.flow](ctx, text)
        if command is None:
            routed = route_free_text(text) if text.strip() else None
            command = split_command(routed) if routed else None
        if command is None:
            return [Reply(FALLBACK)]
        name, args = command
        spec = self.commands.get(name)
        if spec is None:
            suggestion = self.commands.suggest(name)
            hint = f" Did you mean /{suggestion}?" if suggestion else ""
            return [Reply(f"I don't know the command /{name}.{hint} Send /help for the list.")]
        return await spec.run(ctx, args)

    async def _pressed(self, ctx: Context, payload: str) -> str | None:
        """What a pressed button means: its payload, or the kept one it points to."""
        kept = KEPT_BUTTON.fullmatch(payload)
        if kept is None:
            return payload
        return await self._services.sessions.pressed(ctx.user.id, int(kept[1]))

    async def _fit_buttons(self, ctx: Context, replies: list[Reply]) -> list[Reply]:
        """Buttons whose payload is too long to travel with them carry "/b <id>" instead; the
        payloads are kept on the server until pressed."""
        payloads = (b.payload for r in replies for b in r.buttons)
        long = list(dict.fromkeys(p for p in payloads if not fits_in_button(p)))
        if not long:
            return replies
        kept = await self._services.sessions.keep_buttons(ctx.user.id, long)
        ids = dict(zip(long, kept, strict=True))
        return [
            replace(r, buttons=tuple(_kept(b, ids) for b in r.buttons)) if r.buttons else r
            for r in replies
        ]

    async def _context(self, incoming: Incoming) -> Context:
        arrival = await self._services.sessions.arrive(
            IdentityKey(incoming.platform, incoming.user_id),
            incoming.chat_id,
            incoming.display_name,
            incoming.session_key,
        )
        return Context(
            incoming=incoming,
            user=arrival.user,
            state=arrival.state,
            clock=self._clock,
            services=self._services,
            spawn=self._spawn,
            push=self._push,
        )


def _kept(button: Button, ids: dict[str, int]) -> Button:
    kept = ids.get(button.payload)
    return button if kept is None else Button(button.label, f"/b {kept}")
