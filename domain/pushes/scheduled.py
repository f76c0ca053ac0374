"""What is due now: digests, job alerts, application follow-ups and plan check-ins.

The scheduler calls these on every tick. Each asks the database what is due, renders the
message (through a `PushRenderer` the handler layer provides) and queues it in the
outbox together with the state change that marks it done, in one transaction. Running a
tick twice, or in two processes, queues nothing twice: every message has a unique key."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from domain.applications import Application, ApplicationStatus
from domain.clock import Clock
from domain.jobs import ALGORITHM, Job, JobMatcher, Match
from domain.plans import WEEKS, StoredPlan, current_week, progress, weekly_checkin
from domain.pushes.alerts import SavedSearch
from domain.pushes.outbox import (
    NewOutboxMessage,
    PushKind,
    alert_key,
    checkin_key,
    digest_key,
    followup_key,
)
from domain.pushes.outbox_writer import enqueue
from domain.pushes.ports import PushesUnitOfWorkFactory

Payload = dict[str, Any]
FOLLOW_UP_STATUSES = [ApplicationStatus.APPLIED, ApplicationStatus.INTERVIEWING]
ALERT_SCAN_LIMIT = 5_000
DIGEST_BATCH = 200


@dataclass(frozen=True, slots=True)
class Digest:
    user_id: int
    local_date: date
    matches: list[Match]
    profile_too_thin: bool = False


@dataclass(frozen=True, slots=True)
class FollowUp:
    application: Application
    number: int  # as the user sees it in /applications
    ordinal: int  # 1 for the first reminder, 2 for the second
    days: int


@dataclass(frozen=True, slots=True)
class CheckIn:
    plan: StoredPlan
    text: str


@dataclass(frozen=True, slots=True)
class AlertHit:
    search: SavedSearch
    number: int  # as the user sees it in /alerts
    jobs: list[Job]


class PushRenderer(Protocol):
    """Turns what is due into a message payload (the handler layer's wording)."""

    def digest(self, digest: Digest) -> Payload: ...

    def followup(self, followup: FollowUp) -> Payload: ...

    def checkin(self, checkin: CheckIn) -> Payload: ...

    def alert(self, hit: AlertHit) -> Payload: ...


@dataclass(frozen=True, slots=True)
class PushRules:
    digest_size: int = 5
    digest_min_score: int = 30
    followup_after: timedelta = timedelta(days=7)
    followup_limit: int = 2


@dataclass(frozen=True, slots=True)
class PushPlanner:
    """Queues every scheduled message that is due at the clock's now."""

    uow: PushesUnitOfWorkFactory
    matcher: JobMatcher
    renderer: PushRenderer
    clock: Clock
    rules: PushRules = field(default_factory=PushRules)

    async def digests(self, only_user: int | None = None, force: bool = False) -> int:
        """Queue today's digest for every subscriber whose local digest time has passed
        (with `force`, whatever the time, for `careerbot digest --now`). Returns how many
        digests were queued; a day with nothing new is marked done without a message
        unless the user asked to hear about quiet days too. Users are handled in batches:
        their matches computed together, their messages queued in one transaction."""
        now = self.clock.now()
        async with self.uow.read() as uow:
            if only_user is None:
                subscribers = await uow.push_settings.digest_subscribers()
            else:
                subscribers = [await uow.push_settings.get(only_user)]
            newest = await uow.jobs.newest_id()
        due: dict[int, tuple[date, int]] = {}
        for settings in subscribers:
            local_date = settings.local_date(now) if force else settings.digest_due(now)
            if local_date is not None and settings.last_digest_on != local_date:
                due[settings.user_id] = (local_date, settings.digest_cursor)
        queued = 0
        users = sorted(due)
        for start in range(0, len(users), DIGEST_BATCH):
            batch = {u: due[u] for u in users[start : start + DIGEST_BATCH]}
            queued += await self._digest_batch(batch, newest, now)
        return queued

    async def _digest_batch(
        self, due: dict[int, tuple[date, int]], newest: int, now: datetime
    ) -> int:
        rules = self.rules
        cursors = {user_id: cursor for user_id, (_, cursor) in due.items()}
        found = await self.matcher.fresh(cursors, rules.digest_size, rules.digest_min_score)
        async with self.uow() as uow:
            current = await uow.push_settings.get_many(sorted(due))
            reach = await uow.users.reachable_at(sorted(due))
            outgoing: list[tuple[NewOutboxMessage, str, str]] = []
            offered: dict[str, tuple[int, list[Match]]] = {}  # message key → its matches
            changed = []
            for user_id, (local_date, _) in due.items():
                settings = current[user_id]
                if settings.last_digest_on == local_date:
                    continue  # another run got here first
                matches = found[user_id] or []
                target = reach.get(user_id)  # where they were last seen
                if target is not None and (matches or settings.digest_when_empty):
                    digest = Digest(user_id, local_date, matches, found[user_id] is None)
                    key = digest_key(user_id, local_date)
                    payload = self.renderer.digest(digest)
                    message = NewOutboxMessage(user_id, PushKind.DIGEST, key, payload)
                    outgoing.append((message, target.platform, target.platform_user_id))
                    offered[key] = (user_id, matches)
                settings.last_digest_on = local_date
                settings.digest_cursor = max(settings.digest_cursor, newest)
                changed.append(settings)
            # A few statements for the whole batch: messages, what they offer, settings.
            sent = [offered[key] for key in await uow.outbox.enqueue_many(outgoing, now)]
            await uow.recommendations.record_many(dict(sent), ALGORITHM, now)
            await uow.push_settings.save_many(changed)
            queued = len(sent)
            await uow.commit()
        return queued

    async def followups(self) -> int:
        """Remind about applications with no news: `followup_after` after the last change,
        then once more, at most `followup_limit` times, in the user's daytime."""
        now, rules = self.clock.now(), self.rules
        if rules.followup_limit == 0:
            return 0  # follow-ups switched off for this deployment
        window = (
            now - rules.followup_after * (rules.followup_limit + 1),
            now - rules.followup_after,
        )
        async with self.uow.read() as uow:
            waiting = await uow.applications.awaiting_reply(FOLLOW_UP_STATUSES, window)
            settings = await uow.push_settings.get_many(sorted({a.user_id for a in waiting}))
            due: dict[str, tuple[Application, int]] = {}
            for application in waiting:
                mine = settings[application.user_id]
                if not (mine.reminders and mine.is_daytime(now)):
                    continue
                elapsed = now - application.updated_at
                ordinal = min(rules.followup_limit, elapsed // rules.followup_after)
                key = followup_key(application.id, application.updated_at, ordinal)
                due[key] = (application, ordinal)
            fresh = set(due) - await uow.outbox.existing_keys(list(due))
        queued = 0
        for key in sorted(fresh):
            application, ordinal = due[key]
            async with self.uow() as uow:
                listed = await uow.applications.list_for_user(application.user_id)
                number = next(n for n, a in enumerate(listed, 1) if a.id == application.id)
                days = (now - application.updated_at).days
                payload = self.renderer.followup(FollowUp(application, number, ordinal, days))
                message = NewOutboxMessage(application.user_id, PushKind.FOLLOWUP, key, payload)
                queued += await enqueue(uow, message, now)
                await uow.commit()
        return queued

    async def checkins(self) -> int:
        """Once a week (from week 2 of a plan until its last week), in the user's daytime:
        how last week went and this week's tasks. Finished plans get no check-ins."""
        now = self.clock.now()
        async with self.uow.read() as uow:
            plans = await uow.plans.latest_since(now - timedelta(weeks=WEEKS))
            settings = await uow.push_settings.get_many(sorted({p.user_id for p in plans}))
            due = {}
            for plan in plans:
                week, mine = current_week(plan, now), settings[plan.user_id]
                if week >= 2 and mine.reminders and mine.is_daytime(now):
                    due[checkin_key(plan.id, week)] = plan
            fresh = set(due) - await uow.outbox.existing_keys(list(due))
        queued = 0
        for key in sorted(fresh):
            plan = due[key]
            async with self.uow() as uow:
                tasks = await uow.plans.tasks(plan.id)
                if tasks and progress(tasks) < 100:
                    payload = self.renderer.checkin(CheckIn(plan, weekly_checkin(plan, tasks, now)))
                    message = NewOutboxMessage(plan.user_id, PushKind.CHECKIN, key, payload)
                    queued += await enqueue(uow, message, now)
                    await uow.commit()
        return queued

    async def alerts(self) -> int:
        """Tell each saved search about jobs imported since it last looked, in the user's
        daytime (outside it, the jobs wait and come together in the morning)."""
        now = self.clock.now()
        async with self.uow.read() as uow:
            newest = await uow.jobs.newest_id()
            searches = await uow.alerts.behind(newest)
            if not searches:
                return 0
            settings = await uow.push_settings.get_many(sorted({s.user_id for s in searches}))
            start = max(min(s.job_cursor for s in searches), newest - ALERT_SCAN_LIMIT)
            jobs = await uow.jobs.after(start, ALERT_SCAN_LIMIT)
        queued = 0
        for search in searches:
            if not settings[search.user_id].is_daytime(now):
                continue
            hits = [j for j in jobs if (j.id or 0) > search.job_cursor and search.matches(j)]
            async with self.uow() as uow:
                if hits:
                    mine = await uow.alerts.list_for_user(search.user_id)
                    number = next(n for n, s in enumerate(mine, 1) if s.id == search.id)
                    payload = self.renderer.alert(AlertHit(search, number, hits))
                    key = alert_key(search.id, newest)
                    message = NewOutboxMessage(search.user_id, PushKind.ALERT, key, payload)
                    queued += await enqueue(uow, message, now)
                await uow.alerts.advance(search.id, newest)
                await uow.commit()
        return queued
