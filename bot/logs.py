"""Logging setup: one format, secrets redacted from every record, chatty HTTP loggers quiet."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable
from typing import TextIO

from bot.config import LoggingSettings

REDACTED = "[REDACTED]"


class RedactSecrets(logging.Filter):
    """Replaces every known secret value in a record's final message (and traceback)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if self._secrets:
            record.msg = self.redact(record.getMessage())
            record.args = None
            if record.exc_info and record.exc_info[1] is not None:
                record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
                record.exc_info = None
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            payload["exception"] = record.exc_text
        return json.dumps(payload, ensure_ascii=False)


def configure_logging(
    settings: LoggingSettings, secrets: Iterable[str], stream: TextIO | None = None
) -> None:
    """Install the root handler. HTTP client request lines (which carry bot tokens in their
    URLs) are kept at WARNING."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(RedactSecrets(secrets))
    if settings.format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.level)
    for noisy in ("httpx", "httpcore", "aiosqlite", "asyncio", "alembic", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
