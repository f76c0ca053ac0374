"""Recommending jobs to a user, and what they do with a recommendation."""

from __future__ import annotations

from dataclasses import dataclass

from domain.applications import (
    Application,
    ApplicationStatus,
    NewApplication,
    StatusEvent,
    parse_status,
    same_posting,
)
from domain.clock import Clock
from domain.errors import DomainError, NotFound, numbered
from domain.jobs.catalog import CatalogIndex
from domain.jobs.embeddings import EmbeddingIndexer
from domain.jobs.job_table import PersonQuery
from domain.jobs.ports import JobsUnitOfWorkFactory
from domain.jobs.ranking import (
    ALGORITHM,
    Match,
    Preferences,
    passes,
    rank,
    worth_showing,
)
from domain.profiles import Profile

PROFILE_VECTORS = "profile"

# The profile's job filters, and each one's value when it is left out.
RELAXABLE: dict[str, object] = {
    "locations": [],
    "remote": None,
    "salary_floor": None,
    "keywords": [],
}
CANDIDATES = 60  # jobs ranked exactly for /matches: a dozen pages
DIGEST_SPARE = 1  # ranked beyond a digest's size: the table's order is the exact one, ±1
KEYWORD_SPARE = 4
RESUME_QUERY_CHARS = 6_000  # the resume's words join the keyword query


class ProfileTooThin(DomainError):
    def __init__(self) -> None:
        super().__init__("the profile has no skills, title or target roles yet")


def profile_text(profile: Profile) -> str:
    parts = [", ".join(profile.target_roles), profile.title or "", ", ".join(profile.skills[:20])]
    return ". ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class JobMatcher:
    """Top jobs for a user's profile; dismissed and applied jobs never come back."""

    uow: JobsUnitOfWorkFactory
    index: CatalogIndex
    indexer: EmbeddingIndexer | None
    clock: Clock
    page_size: int = 5

    async def matches(self, user_id: int, page: int = 1) -> list[Match]:
        """One page of the best jobs for the user, recorded as shown. Dismissed and
        applied jobs never come back; the active resume's words join the keyword query."""
        async with self.uow.read() as uow:
            profile = await uow.profiles.get(user_id)
            if not profile_text(profile):
                raise ProfileTooThin()
            active = [r for r in await uow.resumes.list_for_user(user_id) if r.active]
            excluded = await uow.recommendations.excluded_job_ids(user_id)
        resume_text = active[0].text[:RESUME_QUERY_CHARS] if active else ""
        ranked = await self._rank(
            {user_id: profile}, {user_id: excluded}, {user_id: 0}, CANDIDATES, resume_text
        )
        start = (max(page, 1) - 1) * self.page_size
        shown = worth_showing(ranked[user_id])[start : start + self.page_size]
        async with self.uow() as uow:
            await uow.recommendations.record(user_id, shown, ALGORITHM, self.clock.now())
            await uow.commit()
        return shown

    async def filter_to_relax(self, user_id: int) -> str | None:
        """When the user's filters leave no match: the filter ("locations", "remote",
        "salary_floor" or "keywords") whose removal alone lets the most jobs through — the
        same ranking as `matches`, once per filter left out — or None when no single filter
        is the reason."""
        async with self.uow.read() as uow:
            profile = await uow.profiles.get(user_id)
            excluded = await uow.recommendations.excluded_job_ids(user_id)
        best, most = None, 0
        for name, cleared in RELAXABLE.items():
            if getattr(profile, name) in (None, []):
                continue
            loosened = profile.model_copy(update={name: cleared})
            ranked = await self._rank(
                {user_id: loosened}, {user_id: excluded}, {user_id: 0}, CANDIDATES
            )
            if len(ranked[user_id]) > most:
                best, most = name, len(ranked[user_id])
        return best

    async def fresh(
        self, after_job_ids: dict[int, int], limit: int, min_score: int
    ) -> dict[int, list[Match] | None]:
        """For each user (id → newest job id already considered): the best jobs newer than
        that which they were never shown — what a daily digest offers; None when the
        profile is too thin to match. Many users at once, with a handful of queries in
        all, so a digest for thousands of users stays fast. Not recorded here: the caller
        records what it sends, with the message."""
        user_ids = sorted(after_job_ids)
        async with self.uow.read() as uow:
            profiles = await uow.profiles.get_many(user_ids)
            seen = await uow.recommendations.seen_by(user_ids)
        matchable = {u: p for u, p in profiles.items() if profile_text(p)}
        ranked = await self._rank(matchable, seen, after_job_ids, limit + DIGEST_SPARE)
        return {
            u: [m for m in ranked[u] if m.score >= min_score][:limit] if u in ranked else None
            for u in user_ids
        }

    async def _rank(
        self,
        profiles: dict[int, Profile],
        hidden: dict[int, set[int]],
        after_job_ids: dict[int, int],
        candidates: int,
        resume_text: str = "",
    ) -> dict[int, list[Match]]:
        """Rank the catalog's candidates for each user: jobs in `hidden` or not newer than
        the user's `after_job_ids` are left out, preferences filter, the hybrid scores."""
        vectors: dict[int, list[float]] = {}
        if self.indexer is not None and profiles:
            texts = {u: profile_text(p) for u, p in profiles.items()}
            vectors = await self.indexer.ensure(PROFILE_VECTORS, texts)
        await self.index.refresh()
        today = self.clock.now().date()
        users = list(profiles)
        queries = [
            PersonQuery(
                profiles[u], vectors.get(u), resume_text, frozenset(hidden[u]), after_job_ids[u]
            )
            for u in users
        ]
        # Keywords are checked on the shortlist: look further for those who set them.
        spare = KEYWORD_SPARE if any(p.keywords for p in profiles.values()) else 1
        found = await self.index.candidates(queries, candidates * spare, today)
        all_ids = sorted({c.job_id for shortlist in found for c in shortlist})
        async with self.uow.read() as uow:
            jobs = await uow.jobs.get_many(all_ids) if all_ids else {}
        ranked = {}
        for user_id, shortlist in zip(users, found, strict=True):
            profile = profiles[user_id]
            prefs = Preferences.of(profile)
            kept = [c for c in shortlist if c.job_id in jobs and passes(jobs[c.job_id], prefs)]
            kept = kept[:candidates]
            ranked[user_id] = rank(
                profile,
                [jobs[c.job_id] for c in kept],
                {c.job_id: c.cosine for c in kept},
                resume_text,
                today,
                {c.job_id: c.lexical for c in kept},
            )
        return ranked


@dataclass(frozen=True, slots=True)
class ActionResult:
    job_title: str
    company: str
    application: Application | None
    already: bool


class JobActions:
    """Save, dismiss or mark applied — one job or several at once."""

    def __init__(self, uow: JobsUnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def act(self, user_id: int, job_id: int, action: str) -> ActionResult:
        now = self._clock.now()
        async with self._uow() as uow:
            job = (await uow.jobs.get_many([job_id])).get(job_id)
            if job is None:
                raise NotFound("job", job_id)
            mine = [a for a in await uow.applications.list_for_user(user_id) if a.job_id == job_id]
            existing = mine[0] if mine else None
            application, already = existing, False
            status = {"dismiss": "dismissed", "save": "saved", "applied": "applied"}.get(action)
            if status is None:
                raise ValueError(f"unknown action {action!r}")
            await uow.recommendations.set_status(user_id, job_id, status, now)
            wanted = {"save": ApplicationStatus.SAVED, "applied": ApplicationStatus.APPLIED}
            if action in wanted and existing is None:
                application = await uow.applications.add(
                    NewApplication(
                        user_id, job_id, job.company, job.title, job.url, wanted[action], now
                    )
                )
            elif (
                action == "applied"
                and existing is not None
                and (existing.status is ApplicationStatus.SAVED)
            ):
                await uow.applications.set_status(existing.id, ApplicationStatus.APPLIED, None, now)
                existing.status = ApplicationStatus.APPLIED
            elif action in wanted:
                already = True
            await uow.commit()
        return ActionResult(job.title, job.company, application, already)


class ApplicationTracker:
    """A user's applications, numbered from 1 (oldest first)."""

    def __init__(self, uow: JobsUnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def all(self, user_id: int) -> list[Application]:
        async with self._uow.read() as uow:
            return await uow.applications.list_for_user(user_id)

    async def add(
        self, user_id: int, company: str, title: str, url: str | None
    ) -> tuple[Application, bool]:
        """Track an application made outside the bot; (application, was it already there)."""
        now = self._clock.now()
        async with self._uow() as uow:
            for existing in await uow.applications.list_for_user(user_id):
                if same_posting(existing.company, existing.title, company, title):
                    return existing, True
            application = await uow.applications.add(
                NewApplication(user_id, None, company, title, url, ApplicationStatus.APPLIED, now)
            )
            await uow.commit()
        return application, False

    async def set_status(self, user_id: int, number: int, status_text: str) -> Application:
        status = parse_status(status_text)
        if status is None:
            raise InvalidStatus(status_text)
        async with self._uow() as uow:
            application = numbered(
                await uow.applications.list_for_user(user_id), number, "application"
            )
            await uow.applications.set_status(application.id, status, None, self._clock.now())
            if application.job_id is not None and status is not ApplicationStatus.SAVED:
                await uow.recommendations.set_status(
                    user_id, application.job_id, "applied", self._clock.now()
                )
            await uow.commit()
        application.status = status
        return application

    async def note(self, user_id: int, number: int, text: str) -> Application:
        async with self._uow() as uow:
            application = numbered(
                await uow.applications.list_for_user(user_id), number, "application"
            )
            await uow.applications.add_note(application.id, text[:2000], self._clock.now())
            await uow.commit()
        return application

    async def history(self, user_id: int, number: int) -> tuple[Application, list[StatusEvent]]:
        async with self._uow.read() as uow:
            application = numbered(
                await uow.applications.list_for_user(user_id), number, "application"
            )
            return application, list(await uow.applications.events(application.id))


class InvalidStatus(DomainError):
    def __init__(self, text: str) -> None:
        super().__init__(f"unknown status {text!r}")
        self.text = text
