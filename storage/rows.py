"""Turning table rows into the domain's dataclasses."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


def from_row(shape: type[T], row: Any, /, **converted: Any) -> T:
    """A `shape` dataclass from a result row: each field from the column of the same name,
    except those given in `converted` (enums, documents, lists, renamed columns)."""
    columns = getattr(row, "_mapping", row)
    names = [f.name for f in fields(shape) if f.init]  # type: ignore[arg-type]
    return shape(
        **{name: converted[name] if name in converted else columns[name] for name in names}
    )
