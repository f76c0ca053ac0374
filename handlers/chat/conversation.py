"""The conversation: turns one `Incoming` into the list of `Reply`s, whatever the platform."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from domain.accounts import IdentityKey, LastIdentity, LinkCodeInvalid, LinkToSelf
from domain.ai import (
    AIBudgetExceeded,
    AIError,
    AIOutputInvalid,
    AIOutputTruncated,
    AIRateLimited,
    AIUnavailable,
)
from domain.clock import Clock
from domain.errors import DomainError, InvalidField, NotFound
from domain.pushes import EmptySearch, TooManyAlerts
from domain.resumes import ResumeRejected
from handlers.chat.commands import CommandTable, split_command
from handlers.chat.context import Context, Handler, Push, Spawn
from handlers.chat.intents import route_free_text
from handlers.chat.messages import Incoming, Reply
from handlers.chat.services import Services
from handlers.resumes.messages import describe_rejection

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 20_000
FALLBACK = (
    "I'm not sure what you mean. Here are a few things to try:\n"
    "/start — set up your profile\n"
    "/profile — see what I know about you\n"
    "/help — everything I can do"
)
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
            return [Reply(describe_error(exc))]
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
        if incoming.attachments:
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
            commands=self.commands,
            services=self._services,
            spawn=self._spawn,
            push=self._push,
        )


def describe_error(exc: DomainError) -> str:
    """A friendly sentence for each named domain error."""
    if isinstance(exc, InvalidField):
        if exc.reason == "unknown field":
            return f"I don't have a field called '{exc.field}'. See /profile fields."
        return f"That value for {exc.field} doesn't work: {exc.reason}."
    if isinstance(exc, ResumeRejected):
        return describe_rejection(exc)
    if isinstance(exc, AIError):
        return describe_ai_error(exc)
    if isinstance(exc, NotFound):
        return f"I couldn't find {exc.kind} {exc.ref}. Check the number with the list command."
    if isinstance(exc, LinkCodeInvalid):
        return (
            "That code doesn't work — it may be mistyped, used or older than 10 minutes. "
            "Send /link on your other account for a new one."
        )
    if isinstance(exc, LinkToSelf):
        return (
            "That code is from this same account. Send it from your other account "
            "(Telegram or Discord)."
        )
    if isinstance(exc, LastIdentity):
        return "This account isn't linked to another platform, so there is nothing to unlink."
    if isinstance(exc, TooManyAlerts):
        return f"You have {exc.limit} alerts already — stop one first (/alerts, /alert off N)."
    if isinstance(exc, EmptySearch):
        return "Tell me what to watch for, e.g. /alert python berlin"
    return str(exc) or "That didn't work."


def describe_ai_error(exc: AIError) -> str:
    """Why a language-model request gave nothing, in the user's terms."""
    if isinstance(exc, AIBudgetExceeded):
        return (
            f"You've used today's AI allowance ({exc.limit:,} tokens). It renews at midnight "
            "UTC. Everything that works offline is still available — see /help."
        )
    if isinstance(exc, AIRateLimited):
        return (
            "You're asking faster than I'm allowed to think — please wait about "
            f"{exc.retry_after_seconds} seconds and try again."
        )
    if isinstance(exc, AIUnavailable):
        return "That needs a language model, and none is configured for this bot."
    if isinstance(exc, AIOutputInvalid | AIOutputTruncated):
        return "The language model gave me an answer I couldn't use. Please try again."
    return "The language model isn't answering right now. Please try again in a few minutes."
