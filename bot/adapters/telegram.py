"""The Telegram adapter (python-telegram-bot 22): updates in, replies out — nothing else.

A message, a document or a button press becomes an `Incoming`; each `Reply` becomes
`sendMessage` (plain text, so model output can never break a parse mode, split at 4096
characters on paragraph or line boundaries, the buttons as an inline keyboard under the
last piece) and `sendDocument` for its files. Updates are handled concurrently, one chat's
in order; requests keep within Telegram's limits (`AIORateLimiter` for the overall and
group limits, plus the per-chat limit it lacks). Scheduled pushes come through `deliver`,
which turns Telegram's errors into the dispatcher's terms."""

from __future__ import annotations

import asyncio
import io
import logging
import os
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import Any

from aiolimiter import AsyncLimiter
from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    Update,
)
from telegram.constants import ChatAction
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import (
    AIORateLimiter,
    Application,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.delivery.errors import DeliveryUncertain, RateLimited, RecipientGone, TemporaryFailure
from handlers.chat.commands import CommandTable
from handlers.chat.messages import (
    BUTTON_PAYLOAD_BYTES,
    Attachment,
    Incoming,
    Reply,
    fits_in_button,
    split_text,
)

PLATFORM = "telegram"
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
TYPING_AFTER_SECONDS = 1.0
TYPING_EVERY_SECONDS = 4.5  # the indicator fades after 5 s
log = logging.getLogger(__name__)
HandleFn = Callable[[Incoming], Awaitable[list[Reply]]]


class ChatPacedRateLimiter(AIORateLimiter):
    """`AIORateLimiter` plus a limit per private chat: bursts of 5, then one message a
    second (Telegram's guidance for a single chat, which AIORateLimiter leaves out)."""

    def __init__(self, max_retries: int = 2) -> None:
        super().__init__(max_retries=max_retries)
        self._chats: dict[int, AsyncLimiter] = {}

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        chat_id = data.get("chat_id")
        if isinstance(chat_id, int) and chat_id > 0 and endpoint.startswith("send"):
            if len(self._chats) > 10_000:
                self._chats.clear()
            limiter = self._chats.setdefault(chat_id, AsyncLimiter(5, 5))
            await limiter.acquire()
        return await super().process_request(
            callback, args, kwargs, endpoint, data, rate_limit_args
        )


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Many updates at once, but one chat's updates one after another, in order — so a
    slow AI request never holds up other users, and never reorders one user's messages.

    An update first waits for its chat's turn and only then for one of the
    `max_concurrent_updates` slots, so a chat that floods the bot cannot crowd the others
    out. (PTB's own semaphore, taken before `do_process_update`, is therefore sized to
    admit every waiting update; the real limit is applied here.)"""

    PENDING_LIMIT = 100_000  # updates that may wait at once; PTB's semaphore size

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(self.PENDING_LIMIT)
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._chats: dict[int, tuple[asyncio.Lock, int]] = {}  # chat → (lock, updates using it)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            async with self._slots:
                await coroutine
            return
        lock, users = self._chats.get(chat.id, (asyncio.Lock(), 0))
        self._chats[chat.id] = (lock, users + 1)
        try:
            async with lock, self._slots:
                await coroutine
        finally:
            lock, users = self._chats[chat.id]
            if users == 1:
                del self._chats[chat.id]  # nobody else waits: forget the chat
            else:
                self._chats[chat.id] = (lock, users - 1)

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None


class TelegramAdapter:
    """Translates between Telegram and the conversation; owns no business rules."""

    def __init__(
        self, application: Application[Any, Any, Any, Any, Any, Any], handle: HandleFn
    ) -> None:
        self.application = application
        self._handle = handle
        application.add_handler(CallbackQueryHandler(self._on_button))
        application.add_handler(
            MessageHandler(filters.ALL & ~filters.UpdateType.EDITED, self._on_message)
        )
        application.add_error_handler(self._on_error)

    async def register_commands(self, commands: CommandTable) -> None:
        """Fill the bot's command menu from the command table."""
        await self.application.bot.set_my_commands(
            [BotCommand(c.name, c.summary[:256]) for c in commands.menu()]
        )

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        """Send a scheduled push; Telegram's errors in the dispatcher's terms."""
        try:
            await self.send(int(chat_id), replies)
        except RetryAfter as exc:
            raise RateLimited(_seconds(exc)) from exc
        except Forbidden as exc:
            raise RecipientGone(exc.message) from exc
        except BadRequest as exc:
            if "chat not found" in exc.message.casefold():
                raise RecipientGone(exc.message) from exc
            raise
        except TimedOut as exc:
            raise DeliveryUncertain(str(exc)) from exc
        except NetworkError as exc:
            raise TemporaryFailure(str(exc)) from exc

    async def send(self, chat_id: int, replies: list[Reply]) -> None:
        bot = self.application.bot
        for reply in replies:
            pieces = split_text(reply.text, TEXT_LIMIT)
            for n, piece in enumerate(pieces):
                last = n == len(pieces) - 1
                markup = _keyboard(reply) if last else None
                if piece or markup is not None:
                    await bot.send_message(chat_id, piece or "…", reply_markup=markup)
            for file in reply.files:
                await bot.send_document(
                    chat_id,
                    InputFile(io.BytesIO(file.content), filename=file.name),
                    caption=file.name[:CAPTION_LIMIT],
                )

    async def _on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        user = update.effective_user
        if message is None or user is None or user.is_bot:
            return
        incoming = Incoming(
            platform=PLATFORM,
            user_id=str(user.id),
            chat_id=str(message.chat_id),
            display_name=user.full_name,
            text=message.text or message.caption or "",  # /start@Bot is understood
            attachments=self._attachments(message),
        )
        await self._answer(message.chat_id, incoming)

    async def _on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None or query.message is None:
            return
        await query.answer()  # stops the button's spinner at once
        incoming = Incoming(
            platform=PLATFORM,
            user_id=str(query.from_user.id),
            chat_id=str(query.message.chat.id),
            display_name=query.from_user.full_name,
            button_payload=query.data or "",
        )
        await self._answer(query.message.chat.id, incoming)

    async def _answer(self, chat_id: int, incoming: Incoming) -> None:
        typing = asyncio.create_task(self._keep_typing(chat_id))
        try:
            replies = await self._handle(incoming)
        finally:
            typing.cancel()
        await self.send(chat_id, replies)

    async def _keep_typing(self, chat_id: int) -> None:
        """Show "typing…" while an answer takes more than a second (AI, file reading)."""
        await asyncio.sleep(TYPING_AFTER_SECONDS)
        while True:
            try:
                await self.application.bot.send_chat_action(chat_id, ChatAction.TYPING)
            except Exception:  # the indicator is a nicety; never let it fail a reply
                log.debug("typing indicator failed", exc_info=True)
            await asyncio.sleep(TYPING_EVERY_SECONDS)

    def _attachments(self, message: Message) -> tuple[Attachment, ...]:
        bot = self.application.bot
        if message.document is not None:
            document = message.document
            file_id = document.file_id

            async def fetch_document() -> bytes:
                file = await bot.get_file(file_id)
                return bytes(await file.download_as_bytearray())

            return (
                Attachment(
                    file_name=document.file_name or "document",
                    size=document.file_size,
                    mime_type=document.mime_type,
                    fetch=fetch_document,
                ),
            )
        if message.photo:
            photo = message.photo[-1]

            async def fetch_photo() -> bytes:
                file = await bot.get_file(photo.file_id)
                return bytes(await file.download_as_bytearray())

            return (Attachment("photo.jpg", photo.file_size, "image/jpeg", fetch_photo),)
        return ()

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        update_id = update.update_id if isinstance(update, Update) else None
        log.error(
            "telegram update %s (chat %s) failed",
            update_id,
            chat.id if chat else None,
            exc_info=context.error,
        )
        if chat is not None and not isinstance(context.error, Forbidden):
            try:
                await context.bot.send_message(
                    chat.id, "Sorry — something went wrong on my side. Please try again."
                )
            except Exception:
                log.warning("could not tell chat %s about the error", chat.id)


def _keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    buttons = [
        InlineKeyboardButton(b.label, callback_data=b.payload)
        for b in reply.buttons
        if fits_in_button(b.payload)
    ]
    if len(buttons) != len(reply.buttons):
        # The conversation keeps long payloads on the server; one here is a bug, not input.
        log.error("a button payload over %d bytes was left out", BUTTON_PAYLOAD_BYTES)
    if not buttons:
        return None
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def _seconds(exc: RetryAfter) -> float:
    after = exc.retry_after  # a timedelta: see PTB_TIMEDELTA in build_application
    return after.total_seconds() if isinstance(after, timedelta) else float(after)


def build_application(
    token: str,
    *,
    base_url: str | None,
    base_file_url: str | None,
    concurrent_updates: int,
    timeout_seconds: float,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The PTB Application with our rate limiter and update processor."""
    # PTB 22 reports time periods (RetryAfter.retry_after) as timedelta when this is set,
    # and warns on every access otherwise.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    builder = (
        Application.builder()
        .token(token)
        .rate_limiter(ChatPacedRateLimiter())
        .concurrent_updates(PerChatUpdateProcessor(concurrent_updates))
        .read_timeout(timeout_seconds)
        .write_timeout(timeout_seconds)
        .connect_timeout(timeout_seconds)
        .media_write_timeout(timeout_seconds * 3)
    )
    if base_url:
        builder = builder.base_url(base_url)
    if base_file_url:
        builder = builder.base_file_url(base_file_url)
    return builder.build()
