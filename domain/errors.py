"""Named errors raised by domain services; the handler layer maps each to a friendly reply."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


class DomainError(Exception):
    """Base class of every expected, user-facing failure.

    Picklable with its attributes, so an error raised in a child process (document parsing)
    arrives in the parent exactly as raised.
    """

    def __reduce__(self) -> tuple[object, ...]:
        return (_restore, (type(self), str(self), dict(self.__dict__)))


def _restore(cls: type[DomainError], message: str, state: dict[str, object]) -> DomainError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class NotFound(DomainError):
    """An entity the user asked for does not exist (or is not theirs)."""

    def __init__(self, kind: str, ref: object) -> None:
        super().__init__(f"{kind} {ref!r} not found")
        self.kind = kind
        self.ref = ref


class InvalidField(DomainError):
    """A profile (or settings) field name or value was rejected."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def numbered(items: Sequence[T], number: int, kind: str) -> T:
    """Item `number` (1-based, as the user saw the list) of `items`; NotFound outside it."""
    if not 1 <= number <= len(items):
        raise NotFound(kind, number)
    return items[number - 1]
