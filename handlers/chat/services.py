"""The domain services handlers use, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from domain.accounts import AccountLinker, PersonalData, Sessions
from domain.ai import AIGateway
from domain.jobs import ApplicationTracker, JobActions, JobCatalog, JobMatcher
from domain.plans import PlanService
from domain.profiles import Profiles
from domain.pushes import JobAlerts, PushPreferences
from domain.resumes import ResumeIntake, ResumeLibrary
from domain.tailoring import DocumentWriter, TailoringService


@dataclass(frozen=True, slots=True)
class Services:
    """Domain services with their ports already plugged in."""

    sessions: Sessions
    profiles: Profiles
    intake: ResumeIntake
    resumes: ResumeLibrary
    ai: AIGateway
    matcher: JobMatcher
    actions: JobActions
    applications: ApplicationTracker
    catalog: JobCatalog
    plans: PlanService
    tailoring: TailoringService
    documents: DocumentWriter
    privacy: PersonalData
    preferences: PushPreferences
    alerts: JobAlerts
    links: AccountLinker
