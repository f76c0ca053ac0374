"""The `careerbot` command line."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.adapters.console import ConsoleAdapter, run_console
from bot.app import open_app
from bot.config import Config, ConfigError, load_config
from bot.logs import configure_logging
from storage import migrate
from storage.database import create_engine


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="careerbot", description="CareerBot, a career assistant.")
    parser.add_argument("--config", type=Path, help="config file (default: ./config.yaml)")
    commands = parser.add_subparsers(dest="command", required=True)

    console = commands.add_parser("console", help="chat with the bot in this terminal")
    console.add_argument("--user", default=None, help="who you are in the chat (default: $USER)")
    console.add_argument("--json", action="store_true", help="print each reply as a JSON line")

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="apply pending migrations")
    db_commands.add_parser("current", help="show the schema revision")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"careerbot: {exc}", file=sys.stderr)
        return 2
    configure_logging(config.settings.logging, config.secrets.values())
    try:
        if args.command == "console":
            asyncio.run(_console(config, args.user or _default_user(), args.json))
        elif args.command == "db":
            asyncio.run(_db(config, args.db_command))
    except KeyboardInterrupt:
        return 130
    return 0


def _default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "me"


async def _console(config: Config, user: str, json_mode: bool) -> None:
    async with open_app(config) as app:
        adapter = ConsoleAdapter(
            handle=app.conversation.handle,
            user=user,
            files_dir=config.data_dir / "console_files",
            json_mode=json_mode,
        )
        await run_console(adapter)


async def _db(config: Config, action: str) -> None:
    engine = create_engine(
        config.database_url(),
        sqlite_busy_timeout_ms=config.settings.database.sqlite_busy_timeout_ms,
    )
    try:
        if action == "upgrade":
            await migrate.upgrade(engine)
        print(
            f"schema revision: {await migrate.current_revision(engine)} "
            f"(newest: {migrate.head_revision()})"
        )
    finally:
        await engine.dispose()
