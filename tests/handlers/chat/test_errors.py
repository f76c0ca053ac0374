"""Every domain error has words for the user; anything else is an apology and a log line."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import domain
from domain.errors import DomainError, NotFound
from handlers.chat.errors import GENERIC, registered, tell
from handlers.chat.setup import build_command_table


def _all_subclasses(cls: type) -> set[type]:
    found: set[type] = set(cls.__subclasses__())
    return found.union(*(_all_subclasses(c) for c in found)) if found else found


def test_every_domain_error_has_a_reply() -> None:
    for module in pkgutil.walk_packages(domain.__path__, "domain."):
        importlib.import_module(module.name)
    build_command_table()  # imports every feature's handlers, where the replies are registered
    explained = registered()
    errors = {c for c in _all_subclasses(DomainError) if c.__module__.startswith("domain.")}
    assert len(errors) > 25
    missing = [
        c.__name__
        for c in errors
        if not any(k in explained for k in c.__mro__ if k is not DomainError)
    ]
    assert missing == []


def test_an_unregistered_error_is_an_apology_and_a_log_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class Surprise(DomainError):
        pass

    assert tell(Surprise("secret provider text")) == GENERIC
    assert "Surprise" in caplog.text
    assert "secret provider text" in caplog.text  # the details go to the log only
    assert tell(NotFound("plan", 3)).startswith("I couldn't find plan 3.")
