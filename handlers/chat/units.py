"""The unit of work the conversation layer opens: accounts, profiles and jobs together."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from domain.accounts import AccountsUnitOfWork
from domain.jobs import JobsUnitOfWork
from domain.profiles import ProfilesUnitOfWork


class HandlerUnitOfWork(AccountsUnitOfWork, ProfilesUnitOfWork, JobsUnitOfWork, Protocol):
    """What a conversation turn reads and writes directly."""


HandlerUnitOfWorkFactory = Callable[[], HandlerUnitOfWork]
