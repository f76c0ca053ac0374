"""Logs never carry secrets."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.config import LoggingSettings
from bot.logs import configure_logging

TOKEN = "123456:AAH-secret-token"


@pytest.fixture
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.usefixtures("restore_root_logger")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_secrets_are_redacted_in_messages_args_and_tracebacks(fmt: str) -> None:
    stream = io.StringIO()
    configure_logging(LoggingSettings(level="INFO", format=fmt), [TOKEN], stream)
    log = logging.getLogger("careerbot.test")
    log.info("calling https://api.telegram.org/bot%s/getMe", TOKEN)
    try:
        raise RuntimeError(f"bad url bot{TOKEN}/sendMessage")
    except RuntimeError:
        log.exception("send failed")
    output = stream.getvalue()
    assert TOKEN not in output
    assert output.count("[REDACTED]") >= 2
    assert "send failed" in output
    if fmt == "json":
        lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
        assert lines[1]["exception"].startswith("Traceback")


@pytest.mark.usefixtures("restore_root_logger")
def test_http_client_request_lines_are_quiet() -> None:
    configure_logging(LoggingSettings(), [], io.StringIO())
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
