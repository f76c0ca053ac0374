"""Long `IN (…)` lists cut into pieces every database accepts."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
IN_LIST_LIMIT = 500  # well under SQLite's parameter limit, and cheap for PostgreSQL


def in_batches(values: Sequence[T], size: int = IN_LIST_LIMIT) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
