"""`careerbot run`: the platform adapters whose tokens are set, the scheduler and the
outbox dispatcher, in one process until it is told to stop."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from telegram import Update
from telegram.ext import Updater

from bot.adapters.discord import PLATFORM as DISCORD
from bot.adapters.discord import DiscordAdapter, build_client
from bot.adapters.telegram import PLATFORM as TELEGRAM
from bot.adapters.telegram import TelegramAdapter, build_application
from bot.app import App
from bot.delivery.rate_limits import PlatformLimits
from domain.taxonomy import bundled_occupation_index, bundled_taxonomy

log = logging.getLogger(__name__)


@asynccontextmanager
async def telegram_running(app: App) -> AsyncIterator[TelegramAdapter]:
    """Start the Telegram bot (polling or webhook) and stop it at the end of the block."""
    settings, secrets = app.config.settings.telegram, app.config.secrets
    assert secrets.telegram_bot_token is not None
    application = build_application(
        secrets.telegram_bot_token.get_secret_value(),
        base_url=secrets.telegram_api_base_url,
        base_file_url=secrets.telegram_file_base_url,
        concurrent_updates=settings.concurrent_updates,
        timeout_seconds=settings.request_timeout_seconds,
    )
    adapter = TelegramAdapter(application, app.conversation.handle)
    rate = app.config.settings.pushes.telegram_messages_per_second
    async with application:
        await adapter.register_commands(app.conversation.commands)
        app.dispatcher.register(TELEGRAM, adapter.deliver, PlatformLimits(rate, 1.0))
        await application.start()
        updater = application.updater
        assert updater is not None
        try:
            await _receive_updates(app, updater)
            log.info("telegram: serving @%s (%s)", application.bot.username, settings.mode)
            yield adapter
        finally:
            if updater.running:
                await updater.stop()
            await application.stop()


async def _receive_updates(app: App, updater: Updater) -> None:
    """Long polling, or a webhook server for Telegram to post to."""
    settings, secrets = app.config.settings.telegram, app.config.secrets
    if settings.mode == "webhook":
        secret = secrets.telegram_webhook_secret
        await updater.start_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=settings.webhook_path,
            webhook_url=settings.webhook_url,
            secret_token=secret.get_secret_value() if secret else None,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        await updater.start_polling(allowed_updates=Update.ALL_TYPES)


@asynccontextmanager
async def discord_running(app: App) -> AsyncIterator[DiscordAdapter]:
    """Connect the Discord bot and disconnect it at the end of the block."""
    settings, secrets = app.config.settings.discord, app.config.secrets
    assert secrets.discord_bot_token is not None
    client = build_client()
    adapter = DiscordAdapter(
        client, app.conversation.handle, app.conversation.commands, settings.command_prefix
    )
    rate = app.config.settings.pushes.discord_messages_per_second
    app.dispatcher.register(DISCORD, adapter.deliver, PlatformLimits(rate, 1.0))
    await client.login(secrets.discord_bot_token.get_secret_value())
    connection = asyncio.create_task(client.connect())
    try:
        await client.wait_until_ready()
        if settings.sync_commands:
            await adapter.sync_commands()
        log.info("discord: serving %s", client.user)
        yield adapter
    finally:
        await client.close()
        await asyncio.gather(connection, return_exceptions=True)


@asynccontextmanager
async def bots_running(app: App) -> AsyncIterator[list[str]]:
    """Every adapter with a token, plus pushes; yields the platforms served."""
    async with AsyncExitStack() as stack:
        served = []
        if app.config.secrets.telegram_bot_token is not None:
            await stack.enter_async_context(telegram_running(app))
            served.append(TELEGRAM)
        if app.config.secrets.discord_bot_token is not None:
            await stack.enter_async_context(discord_running(app))
            served.append(DISCORD)
        await stack.enter_async_context(app.pushes_running())
        await app.resume_unfinished_work()
        # The bundled taxonomy takes seconds to load: load it now, not on a first /matches.
        warming = asyncio.create_task(asyncio.to_thread(_load_taxonomy))
        yield served
        await warming


def _load_taxonomy() -> None:
    bundled_occupation_index()
    bundled_taxonomy()


async def run_until_stopped(app: App) -> None:
    """Serve until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with bots_running(app) as served:
        log.info("careerbot running: %s", ", ".join(served))
        await stop.wait()
    log.info("careerbot stopped")
