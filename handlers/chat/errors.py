"""One registry from domain errors to what the user is told.

Each feature registers a sentence for each of its errors next to its commands: a fixed one
with `explain({SomeError: "…"})`, or one worded from the error with `@explains(SomeError)`.
An error nobody registered becomes a generic apology and a log line with the details: no
exception text, ours or a provider's, ever reaches a user.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from domain.errors import DomainError, InvalidField, NotFound

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., str])
GENERIC = "Sorry, that didn't work. Your data is safe — please try again, or see /help."

_EXPLAIN: dict[type[DomainError], Callable[[Any], str]] = {}


def explains(kind: type[DomainError]) -> Callable[[F], F]:
    """Register the function that words errors of `kind` (and its subclasses) for a user."""

    def register(explain: F) -> F:
        if kind in _EXPLAIN:
            raise ValueError(f"{kind.__name__} is explained twice")
        _EXPLAIN[kind] = explain
        return explain

    return register


def explain(texts: Mapping[type[DomainError], str]) -> None:
    """Register fixed sentences for errors whose wording needs nothing from the error."""
    for kind, text in texts.items():
        explains(kind)(lambda exc, text=text: text)


def tell(exc: DomainError) -> str:
    """What the user is told about `exc`: the nearest registered explanation, else an
    apology (and the details in the log)."""
    for kind in type(exc).__mro__:
        explain = _EXPLAIN.get(kind)
        if explain is not None:
            return explain(exc)
    log.error("no reply registered for %s", type(exc).__name__, exc_info=exc)
    return GENERIC


def registered() -> set[type[DomainError]]:
    """The error types with a registered explanation (for tests)."""
    return set(_EXPLAIN)


@explains(InvalidField)
def _invalid_field(exc: InvalidField) -> str:
    if exc.reason == "unknown field":
        return f"I don't have a field called '{exc.field}'. See /profile fields."
    return f"That value for {exc.field} doesn't work: {exc.reason}."


@explains(NotFound)
def _not_found(exc: NotFound) -> str:
    return f"I couldn't find {exc.kind} {exc.ref}. Check the number with the list command."
