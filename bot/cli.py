"""The `careerbot` command line."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.adapters.console import ConsoleAdapter, run_console
from bot.app import open_app
from bot.config import Config, ConfigError, load_config
from bot.logs import configure_logging
from storage import migrate
from storage.ai_store import SqlAIRequestLog
from storage.database import create_engine


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="careerbot", description="CareerBot, a career assistant.")
    parser.add_argument("--config", type=Path, help="config file (default: ./config.yaml)")
    commands = parser.add_subparsers(dest="command", required=True)

    console = commands.add_parser("console", help="chat with the bot in this terminal")
    console.add_argument("--user", default=None, help="who you are in the chat (default: $USER)")
    console.add_argument("--json", action="store_true", help="print each reply as a JSON line")

    ai_log = commands.add_parser("ai-log", help="recent AI requests, or totals per feature")
    ai_log.add_argument("--limit", type=int, default=20, help="how many recent requests")
    ai_log.add_argument(
        "--summary",
        action="store_true",
        help="per feature and model: count, tokens, p50/p95 latency, errors",
    )
    ai_log.add_argument("--days", type=float, default=None, help="only the last N days")

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
        elif args.command == "ai-log":
            asyncio.run(_ai_log(config, args.limit, args.summary, args.days))
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


async def _ai_log(config: Config, limit: int, summary: bool, days: float | None) -> None:
    engine = create_engine(config.database_url())
    try:
        await migrate.upgrade(engine)
        log = SqlAIRequestLog(engine)
        if summary:
            since = datetime.now(UTC) - timedelta(days=days) if days else None
            rows = await log.summary(since)
            print(
                f"{'feature':12} {'model':28} {'requests':>8} {'cached':>6} {'tokens':>9} "
                f"{'p50 ms':>7} {'p95 ms':>7} {'errors':>6}"
            )
            for row in rows:
                print(
                    f"{row.feature:12} {row.model[:28]:28} {row.requests:8d} "
                    f"{row.cache_hits:6d} {row.tokens:9d} {row.p50_ms:7.0f} "
                    f"{row.p95_ms:7.0f} {row.error_rate:6.0%}"
                )
            if not rows:
                print("no AI requests logged yet")
            return
        records = await log.recent(limit)
        for r in records:
            tokens = f"{r.prompt_tokens}+{r.completion_tokens}"
            flag = " cache" if r.cache_hit else ""
            error = f"  {r.error}" if r.error else ""
            print(
                f"{r.created_at:%Y-%m-%d %H:%M:%S} user={r.user_id} {r.feature} {r.model} "
                f"{r.status}{flag} tokens={tokens} {r.latency_ms}ms{error}"
            )
        if not records:
            print("no AI requests logged yet")
    finally:
        await engine.dispose()
