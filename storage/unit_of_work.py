"""The SQL unit of work: one connection, one transaction, repositories bound to it."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncTransaction

from domain.accounts import (
    ButtonRepository,
    ConversationRepository,
    LinkCodeRepository,
    UserRepository,
)
from domain.applications import ApplicationRepository
from domain.jobs import JobRepository, RecommendationRepository
from domain.plans import PlanRepository
from domain.profiles import ProfileRepository
from domain.pushes import AlertRepository, OutboxRepository, PushSettingsRepository
from domain.resumes import ResumeRepository
from domain.tailoring import TailoringRepository
from storage.accounts.repositories import (
    SqlButtonRepository,
    SqlConversationRepository,
    SqlLinkCodeRepository,
    SqlUserRepository,
)
from storage.applications.repository import SqlApplicationRepository
from storage.database import READ_ONLY
from storage.jobs.repository import (
    SqlJobRepository,
    SqlRecommendationRepository,
)
from storage.plans.repository import SqlPlanRepository
from storage.profiles.repository import SqlProfileRepository
from storage.pushes.outbox import SqlOutboxRepository
from storage.pushes.repository import SqlAlertRepository, SqlPushSettingsRepository
from storage.resumes.repository import SqlResumeRepository
from storage.tailoring.repository import SqlTailoringRepository


class SqlUnitOfWork:
    """`async with uow:` opens a transaction; it is rolled back unless `commit()` was called."""

    # Typed as the domain's ports, so the unit of work is every feature's unit of work.
    users: UserRepository
    profiles: ProfileRepository
    conversations: ConversationRepository
    resumes: ResumeRepository
    jobs: JobRepository
    recommendations: RecommendationRepository
    applications: ApplicationRepository
    plans: PlanRepository
    tailoring: TailoringRepository
    push_settings: PushSettingsRepository
    alerts: AlertRepository
    outbox: OutboxRepository
    link_codes: LinkCodeRepository
    buttons: ButtonRepository

    def __init__(self, engine: AsyncEngine, *, read_only: bool = False) -> None:
        self._engine = engine
        self._read_only = read_only
        self._conn: AsyncConnection | None = None
        self._tx: AsyncTransaction | None = None

    async def __aenter__(self) -> Self:
        self._conn = await self._engine.connect()
        try:
            if self._read_only:
                await self._conn.execution_options(**{READ_ONLY: True})
            self._tx = await self._conn.begin()
        except BaseException:
            await self._conn.close()
            raise
        self.users = SqlUserRepository(self._conn)
        self.profiles = SqlProfileRepository(self._conn)
        self.conversations = SqlConversationRepository(self._conn)
        self.resumes = SqlResumeRepository(self._conn)
        self.jobs = SqlJobRepository(self._conn)
        self.recommendations = SqlRecommendationRepository(self._conn)
        self.applications = SqlApplicationRepository(self._conn)
        self.plans = SqlPlanRepository(self._conn)
        self.tailoring = SqlTailoringRepository(self._conn)
        self.push_settings = SqlPushSettingsRepository(self._conn)
        self.alerts = SqlAlertRepository(self._conn)
        self.outbox = SqlOutboxRepository(self._conn)
        self.link_codes = SqlLinkCodeRepository(self._conn)
        self.buttons = SqlButtonRepository(self._conn)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self._tx is not None and self._tx.is_active:
                await self._tx.rollback()
        finally:
            if self._conn is not None:
                await self._conn.close()
            self._conn = None
            self._tx = None

    async def commit(self) -> None:
        if self._tx is None:
            raise RuntimeError("commit() outside `async with`")
        await self._tx.commit()

    async def rollback(self) -> None:
        if self._tx is not None and self._tx.is_active:
            await self._tx.rollback()


class SqlUnitOfWorkFactory:
    """Makes a fresh unit of work per use; the handler layer holds one of these."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    def __call__(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine)

    def read(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine, read_only=True)
