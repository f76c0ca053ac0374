"""Driving an in-process app through the console adapter, as a person would."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, NotRequired, TypedDict

from bot.adapters.console import PLATFORM, ConsoleAdapter
from bot.app import App, open_app
from bot.config import load_config
from bot.delivery.rate_limits import CONSOLE_LIMITS
from tests.fakes import FakeClock


@asynccontextmanager
async def app_without_catalog(data_dir: Path, **env: str) -> AsyncIterator[App]:
    """The app with the default configuration on `data_dir`, but no demo catalog."""
    environment = {
        "CAREERBOT_DATA_DIR": str(data_dir),
        "CAREERBOT_JOBS__DEMO_CATALOG": "false",
        **env,
    }
    async with open_app(load_config(None, env=environment), clock=FakeClock()) as app:
        yield app


class ButtonJson(TypedDict):
    label: str
    payload: str


class FileJson(TypedDict):
    name: str
    path: str


class ReplyJson(TypedDict):
    """One reply as the console prints it with `--json`."""

    text: str
    buttons: list[ButtonJson]
    files: list[FileJson]
    jobs: NotRequired[list[dict[str, Any]]]  # where the reply shows jobs


def console(app: App, user: str) -> ConsoleAdapter:
    return ConsoleAdapter(
        handle=app.conversation.handle,
        user=user,
        files_dir=app.config.data_dir / "console_files",
        out=io.StringIO(),
        err=io.StringIO(),
        json_mode=True,
    )


async def say(adapter: ConsoleAdapter, line: str) -> list[ReplyJson]:
    out = adapter.out
    assert isinstance(out, io.StringIO)
    start = len(out.getvalue())
    await adapter.send_line(line)
    return [json.loads(x) for x in out.getvalue()[start:].splitlines()]


def listen(app: App, adapter: ConsoleAdapter) -> None:
    """Let this console receive pushes (as `careerbot console` does)."""
    app.dispatcher.register(PLATFORM, adapter.deliver, CONSOLE_LIMITS, adapter.reaches)


async def settle(app: App, wait_seconds: float = 60) -> None:
    """Let background work finish and send what it queued."""
    await app.background.drain(wait_seconds=wait_seconds)
    await app.dispatcher.drain()
