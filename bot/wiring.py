"""The one place the domain services are put together, for the app, the CLI and the tests:
they differ only in the ports they pass in (SQL or in-memory storage, real or fake files,
models and search)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from bot.documents.docx_writer import DocxWriter
from domain.accounts import AccountLinker, AccountsUnitOfWork, PersonalData, Sessions
from domain.ai import AIGateway
from domain.applications import ApplicationsUnitOfWork
from domain.clock import Clock
from domain.jobs import (
    ApplicationTracker,
    CatalogIndex,
    EmbeddingIndexer,
    JobActions,
    JobCatalog,
    JobMatcher,
    JobsUnitOfWork,
)
from domain.plans import PlanService, PlansUnitOfWork
from domain.ports import ExportStore, FileStore, UnitOfWorkFactory
from domain.profiles import Profiles, ProfilesUnitOfWork
from domain.pushes import JobAlerts, PushesUnitOfWork, PushPreferences
from domain.resumes import (
    ResumeIntake,
    ResumeLibrary,
    ResumeLimits,
    ResumeStructurer,
    ResumesUnitOfWork,
    TextExtractor,
)
from domain.tailoring import TailoringService, TailoringUnitOfWork
from domain.taxonomy import SkillTaxonomy, bundled_taxonomy
from handlers.chat.services import Services


class AppUnitOfWork(
    AccountsUnitOfWork,
    ApplicationsUnitOfWork,
    JobsUnitOfWork,
    PlansUnitOfWork,
    ProfilesUnitOfWork,
    PushesUnitOfWork,
    ResumesUnitOfWork,
    TailoringUnitOfWork,
    Protocol,
):
    """A unit of work with every feature's repositories (what storage provides)."""


@dataclass(frozen=True, slots=True)
class Ports:
    """What the services run on."""

    uow: UnitOfWorkFactory[AppUnitOfWork]
    clock: Clock
    gateway: AIGateway
    files: FileStore
    extractor: TextExtractor
    exports: ExportStore
    index: CatalogIndex
    indexer: EmbeddingIndexer | None
    resume_limits: ResumeLimits = field(default_factory=ResumeLimits)
    taxonomy: SkillTaxonomy = field(default_factory=bundled_taxonomy)


def wire_services(ports: Ports) -> Services:
    """The domain services with their ports plugged in."""
    uow, clock, gateway, taxonomy = ports.uow, ports.clock, ports.gateway, ports.taxonomy
    embedder = ports.indexer.embedder if ports.indexer else None
    structurer = ResumeStructurer(gateway, taxonomy)
    return Services(
        sessions=Sessions(uow, clock),
        profiles=Profiles(uow, clock),
        intake=ResumeIntake(
            uow, ports.files, ports.extractor, structurer, clock, ports.resume_limits
        ),
        resumes=ResumeLibrary(uow, ports.files, clock),
        ai=gateway,
        matcher=JobMatcher(uow, ports.index, ports.indexer, clock),
        actions=JobActions(uow, clock),
        applications=ApplicationTracker(uow, clock),
        catalog=JobCatalog(uow, ports.indexer, clock),
        plans=PlanService(uow, gateway, taxonomy, ports.exports, clock),
        tailoring=TailoringService(uow, gateway, taxonomy, clock, embedder),
        documents=DocxWriter(),
        privacy=PersonalData(uow, ports.files, clock),
        preferences=PushPreferences(uow),
        alerts=JobAlerts(uow, clock),
        links=AccountLinker(uow, ports.files, clock),
    )
