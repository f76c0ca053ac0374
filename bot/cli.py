"""The `careerbot` command line."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bot.adapters.console import PLATFORM, ConsoleAdapter, run_console
from bot.app import App, open_app
from bot.config import Config, ConfigError, load_config
from bot.delivery.rate_limits import CONSOLE_LIMITS
from bot.logs import configure_logging
from bot.occupation_command import match_titles
from domain.accounts import IdentityKey
from domain.pushes import OutboxStatus
from domain.resumes import LooksLikeJobDescription, ResumeRejected
from handlers.chat.errors import tell
from handlers.resumes.messages import understood
from storage import migrate
from storage.ai.store import SqlAIRequestLog
from storage.database import create_engine


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="careerbot", description="CareerBot, a career assistant.")
    parser.add_argument("--config", type=Path, help="config file (default: ./config.yaml)")
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser(
        "run", help="serve Telegram and/or Discord (TELEGRAM_BOT_TOKEN, DISCORD_BOT_TOKEN)"
    )
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

    jobs = commands.add_parser("jobs", help="the job catalog")
    job_commands = jobs.add_subparsers(dest="jobs_command", required=True)
    importer = job_commands.add_parser("import", help="import jobs from JSON, JSONL or CSV")
    importer.add_argument("file", type=Path)
    importer.add_argument("--source", help="source name stored with the jobs (default: file)")
    job_commands.add_parser("sync", help="fetch the job-board feeds listed in config.yaml")
    job_commands.add_parser("count", help="how many jobs the catalog holds")

    digest = commands.add_parser("digest", help="queue today's digests now")
    digest.add_argument(
        "--now", action="store_true", required=True, help="whatever each user's digest time"
    )
    digest.add_argument(
        "--user", help="only this user: an id, or PLATFORM:ID such as telegram:12345"
    )
    outbox = commands.add_parser("outbox", help="scheduled messages by status, recent failures")
    outbox.add_argument("--failures", type=int, default=10, help="how many failures to list")

    resume = commands.add_parser("resume", help="read resumes as a chat upload does")
    resume_commands = resume.add_subparsers(dest="resume_command", required=True)
    parse = resume_commands.add_parser(
        "parse", help="what CareerBot reads from resume files (nothing is stored)"
    )
    parse.add_argument("files", type=Path, nargs="+", metavar="FILE")
    parse.add_argument(
        "--jsonl",
        action="store_true",
        help="one JSON line per file: the JSON Resume document, years of experience and "
        "whether it reads like a job ad (or the error the chat would show)",
    )

    occupations = commands.add_parser("occupations", help="O*NET occupations of job titles")
    occupation_commands = occupations.add_subparsers(dest="occupations_command", required=True)
    matching = occupation_commands.add_parser(
        "match", help="the best three occupations for each title ('-': titles from stdin)"
    )
    matching.add_argument("titles", nargs="+", metavar="TITLE")
    matching.add_argument("--jsonl", action="store_true", help="one JSON line per title")

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
        if args.command == "run":
            return asyncio.run(_run(config))
        if args.command == "console":
            asyncio.run(_console(config, args.user or _default_user(), args.json))
        elif args.command == "db":
            asyncio.run(_db(config, args.db_command))
        elif args.command == "jobs":
            return asyncio.run(_jobs(config, args))
        elif args.command == "digest":
            return asyncio.run(_digest_now(config, args.user))
        elif args.command == "outbox":
            asyncio.run(_outbox(config, args.failures))
        elif args.command == "resume":
            return asyncio.run(_resume_parse(config, args.files, args.jsonl))
        elif args.command == "occupations":
            return match_titles(args.titles, args.jsonl)
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
        app.dispatcher.register(PLATFORM, adapter.deliver, CONSOLE_LIMITS, adapter.reaches)
        async with app.pushes_running():
            await app.resume_unfinished_work()
            await run_console(adapter)


async def _run(config: Config) -> int:
    from bot.runner import run_until_stopped

    if config.secrets.telegram_bot_token is None and config.secrets.discord_bot_token is None:
        print(
            "careerbot: set TELEGRAM_BOT_TOKEN and/or DISCORD_BOT_TOKEN to serve a platform "
            "(or try `careerbot console`)",
            file=sys.stderr,
        )
        return 2
    telegram = config.settings.telegram
    if (
        config.secrets.telegram_bot_token is not None
        and telegram.mode == "webhook"
        and config.secrets.telegram_webhook_secret is None
    ):
        print(
            "careerbot: webhook mode needs TELEGRAM_WEBHOOK_SECRET (a random string Telegram "
            "sends with every update, so nobody else can post updates to the bot)",
            file=sys.stderr,
        )
        return 2
    async with open_app(config) as app:
        await run_until_stopped(app)
    return 0


async def _digest_now(config: Config, user: str | None) -> int:
    async with open_app(_without_demo(config)) as app:
        user_id = None
        if user is not None:
            user_id = await _find_user(app, user)
            if user_id is None:
                print(f"careerbot: no user {user!r}", file=sys.stderr)
                return 2
        queued = await app.planner.digests(only_user=user_id, force=True)
    print(
        f"{queued} digest(s) queued; running bots send them within seconds "
        "(users who already had today's digest, or have nothing new, get none)"
    )
    return 0


async def _find_user(app: App, text: str) -> int | None:
    async with app.uow() as uow:
        if text.isdigit():
            found = await uow.users.get(int(text))
            return found.id if found else None
        platform, _, platform_user_id = text.partition(":")
        identity = await uow.users.find_identity(IdentityKey(platform, platform_user_id))
        return identity.user_id if identity else None


async def _outbox(config: Config, failures: int) -> None:
    async with open_app(_without_demo(config)) as app, app.uow() as uow:
        counts = await uow.outbox.counts()
        recent = await uow.outbox.recent_failures(failures)
    print("outbox: " + (", ".join(f"{s.value} {counts.get(s, 0)}" for s in OutboxStatus)))
    for failure in recent:
        print(
            f"  {failure.updated_at:%Y-%m-%d %H:%M:%S} #{failure.id} user={failure.user_id} "
            f"{failure.kind} {failure.status.value}: {failure.error or ''}"
        )


async def _resume_parse(config: Config, files: list[Path], jsonl: bool) -> int:
    """Each file through the upload path (limits, isolated reading, parser, job-ad check)
    without storing anything. Exit code 1 when a file could not be read."""
    failed = False
    async with open_app(_without_demo(config)) as app:
        for path in files:
            try:
                read = await app.services.intake.read(None, path.read_bytes())
            except ResumeRejected as exc:
                failed = True
                message = tell(exc)
                print(json.dumps({"file": str(path), "error": message}) if jsonl else message)
                continue
            except OSError as exc:
                failed = True
                message = f"Can't open {path}: {exc.strerror or exc}"
                print(json.dumps({"file": str(path), "error": message}) if jsonl else message)
                continue
            if jsonl:
                line = {
                    "file": str(path),
                    "resume": read.document.json_resume(),
                    "years_experience": read.document.years_of_experience,
                    "looks_like_job_description": read.looks_like_job_description,
                }
                print(json.dumps(line, ensure_ascii=False), flush=True)
            else:
                print(f"== {path}")
                if read.looks_like_job_description:
                    print(tell(LooksLikeJobDescription()))
                print("\n".join(understood(read.document)), end="\n\n", flush=True)
    return 1 if failed else 0


def _without_demo(config: Config) -> Config:
    """Operator commands never seed the demo catalog."""
    quiet = config.settings.jobs.model_copy(update={"demo_catalog": False})
    return Config(
        settings=config.settings.model_copy(update={"jobs": quiet}), secrets=config.secrets
    )


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


async def _jobs(config: Config, args: argparse.Namespace) -> int:
    from rich.progress import Progress

    from bot.jobs.feeds import Feed, FeedError, fetch_records
    from bot.jobs.importing import ImportOutcome, import_file, import_jobs, jobs_from_records
    from domain.jobs import InvalidJobRecord
    from domain.taxonomy import bundled_taxonomy

    async with open_app(_without_demo(config)) as app:
        catalog = app.services.catalog
        if args.jobs_command == "count":
            async with app.uow() as uow:
                print(f"{await uow.jobs.count()} jobs in the catalog")
            return 0
        outcomes: list[tuple[str, ImportOutcome]] = []
        with Progress(transient=True) as progress:
            if args.jobs_command == "import":
                if not args.file.is_file():
                    print(f"careerbot: no file at {args.file}", file=sys.stderr)
                    return 2
                task = progress.add_task(f"importing {args.file.name}", total=None)
                try:
                    outcome = await import_file(
                        args.file,
                        catalog,
                        bundled_taxonomy(),
                        _advance(progress, task),
                        args.source,
                    )
                except InvalidJobRecord as exc:
                    print(f"careerbot: {exc}", file=sys.stderr)
                    return 2
                outcomes.append((args.file.name, outcome))
            else:
                feeds = config.settings.jobs.feeds
                if not feeds:
                    print("no feeds configured: add them under jobs.feeds in config.yaml")
                    return 0
                timeout = config.settings.jobs.feed_timeout_seconds
                async with httpx.AsyncClient(timeout=timeout, follow_redirects=True) as client:
                    for item in feeds:
                        feed = Feed(item.kind, item.board, item.company, item.url)
                        task = progress.add_task(f"syncing {feed.source}", total=None)
                        outcome = ImportOutcome()
                        try:
                            records = await fetch_records(client, feed)
                        except FeedError as exc:
                            print(f"feed failed: {exc}", file=sys.stderr)
                            continue
                        jobs = jobs_from_records(records, feed.source, bundled_taxonomy(), outcome)
                        await import_jobs(jobs, catalog, outcome, _advance(progress, task))
                        outcomes.append((feed.source, outcome))
    for name, outcome in outcomes:
        print(
            f"{name}: {outcome.read} read, {outcome.inserted} new, {outcome.updated} updated, "
            f"{outcome.unchanged} unchanged or duplicate, {len(outcome.problems)} skipped"
        )
        for problem in outcome.problems[:50]:
            print(f"  row {problem.row}: {problem.reason}")
        if len(outcome.problems) > 50:
            print(f"  … and {len(outcome.problems) - 50} more")
    return 0


def _advance(progress: Any, task: Any) -> Callable[[int], None]:
    def step(count: int) -> None:
        progress.advance(task, count)

    return step
