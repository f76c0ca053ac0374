"""Named errors raised by domain services; the handler layer maps each to a friendly reply."""

from __future__ import annotations


class DomainError(Exception):
    """Base class of every expected, user-facing failure."""


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
