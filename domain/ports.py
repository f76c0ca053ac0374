"""Kernel ports: a transaction, and the file stores. Each feature declares its own
repositories and the unit of work its services need in its own `ports.py`."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self, TypeVar


class Transaction(Protocol):
    """One atomic piece of work: `async with uow:` rolls back unless `commit()` was called."""

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...


T_co = TypeVar("T_co", bound=Transaction, covariant=True)


class UnitOfWorkFactory(Protocol[T_co]):
    """Opens units of work. Each feature names the repositories its unit of work holds."""

    def __call__(self) -> T_co:
        """A transaction that may write (on SQLite it takes the write lock at once)."""
        ...

    def read(self) -> T_co:
        """A read-only transaction: it takes no write lock and needs no commit."""
        ...


class FileStore(Protocol):
    """Stores file contents under generated keys."""

    async def put(self, data: bytes, suffix: str) -> str: ...

    async def get(self, key: str) -> bytes: ...

    async def delete(self, key: str) -> None: ...


class ExportStore(Protocol):
    """Writes files the user receives (plans, exports) under the data dir."""

    async def write(self, name: str, data: bytes) -> str: ...
