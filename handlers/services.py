"""The domain services handlers use, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from domain.account_links import AccountLinker
from domain.ai_gateway import AIGateway
from domain.alert_service import JobAlerts
from domain.job_catalog import JobCatalog
from domain.job_matching import ApplicationTracker, JobActions, JobMatcher
from domain.plan_service import PlanService
from domain.ports import DocumentWriter
from domain.privacy import PersonalData
from domain.push_preferences import PushPreferences
from domain.resumes import ResumeIntake, ResumeLibrary
from domain.tailoring_service import TailoringService


@dataclass(frozen=True, slots=True)
class Services:
    """Domain services with their ports already plugged in."""

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
