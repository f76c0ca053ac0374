"""What the scheduler queues, on a real database with an injected clock: one digest per
local day (across restarts and DST days), only new jobs, follow-ups at most twice, weekly
plan check-ins, and alerts for new jobs matching a saved search."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.delivery.dispatcher import OutboxDispatcher
from bot.delivery.rate_limits import PlatformLimits
from domain.accounts import IdentityKey, resolve_user
from domain.jobs import Job
from domain.plans import PlanInputs, offline_plan
from domain.profiles import Profile, set_field
from domain.pushes import (
    JobAlerts,
    OutboxMessage,
    PushKind,
    PushPlanner,
    PushPreferences,
    PushRules,
)
from domain.taxonomy import bundled_taxonomy
from handlers.chat.messages import replies_from_payload
from handlers.pushes.wording import PushMessages
from tests.conftest import DemoEngine
from tests.domain.jobs.test_job_matching import World as MatchingWorld
from tests.fake_platform import FakePlatform

JUNE_MORNING = datetime(2026, 6, 1, 6, 30, tzinfo=UTC)  # 08:30 in Berlin (CEST)


class World(MatchingWorld):
    """The job-matching world of tests/domain/test_job_matching.py, plus pushes."""

    def __init__(self, engine: AsyncEngine, start: datetime = JUNE_MORNING) -> None:
        super().__init__(engine)
        self.clock.current = start
        self.preferences = PushPreferences(self.uow)
        self.alerts = JobAlerts(self.uow, self.clock)
        self.planner = self.restart()
        self.platform = FakePlatform(self.clock)

    def restart(self) -> PushPlanner:
        """A planner as a newly started process builds it (nothing kept in memory)."""
        return PushPlanner(self.uow, self.matcher, PushMessages(), self.clock)

    async def user(self, name: str = "Ann", tz: str = "Europe/Berlin", **fields: str) -> int:
        async with self.uow() as uow:
            key = IdentityKey("telegram", name)
            user = await resolve_user(uow, key, f"chat-{name}", name, self.clock.now())
            profile = set_field(Profile(), "timezone", tz)
            for field, value in fields.items():
                profile = set_field(profile, field, value)
            await uow.profiles.save(user.id, profile, self.clock.now())
            settings = await uow.push_settings.get(user.id)
            settings.timezone = tz
            await uow.push_settings.save(settings)
            await uow.commit()
        return user.id

    async def queued(self, kind: PushKind | None = None) -> list[OutboxMessage]:
        async with self.uow() as uow:
            rows = []
            for user_id in range(1, 50):
                rows += await uow.outbox.for_user(user_id)
        return sorted((r for r in rows if kind is None or r.kind is kind), key=lambda r: r.id)

    async def add_jobs(self, *titles: str) -> None:
        jobs = [
            Job(
                source="test",
                external_id=f"{title}-{self.clock.now().isoformat()}",
                title=title,
                company="Newco",
                description=f"{title}: Python, SQL, Airflow pipelines.",
                skills=["Python", "SQL", "Apache Airflow"],
            )
            for title in titles
        ]
        await self.catalog.import_jobs(jobs)


@pytest.fixture
async def world(demo_engine: DemoEngine) -> World:
    return World(await demo_engine(JUNE_MORNING))


def text_of(message: OutboxMessage) -> str:
    return "\n".join(r.text for r in replies_from_payload(message.payload))


async def test_one_digest_per_local_day_across_a_restart_at_the_fire_time(world: World) -> None:
    ann = await world.user("ann", target_roles="Data Engineer", skills="Python, SQL, Airflow")
    await world.preferences.change(ann, digest_time=time(8, 30))
    world.clock.current = JUNE_MORNING - timedelta(minutes=1)
    assert await world.planner.digests() == 0  # 08:29 in Berlin
    world.clock.current = JUNE_MORNING
    assert await world.planner.digests() == 1
    assert await world.restart().digests() == 0  # the process restarted at 08:30
    world.clock.advance(hours=12)
    assert await world.restart().digests() == 0
    (digest,) = await world.queued(PushKind.DIGEST)
    assert digest.key == f"digest:{ann}:2026-06-01"
    assert (digest.platform, digest.chat_id) == ("telegram", "ann")  # their private chat
    first = text_of(digest)
    assert first.startswith("Your digest for Monday 01 June: 5 new matches.")
    assert "Data Engineer" in first

    # The next morning: only jobs imported since, none shown twice.
    await world.add_jobs("Senior Data Engineer", "Analytics Engineer")
    world.clock.current = JUNE_MORNING + timedelta(days=1)
    assert await world.planner.digests() == 1
    second = text_of((await world.queued(PushKind.DIGEST))[1])
    assert "Senior Data Engineer — Newco" in second
    shown_before = {line.split(" ")[0] for line in first.splitlines() if line.startswith("#")}
    assert not any(line.split(" ")[0] in shown_before for line in second.splitlines())


@pytest.mark.parametrize(
    ("day", "utc_start"),
    [
        ("2026-03-29", datetime(2026, 3, 28, 23, 0, tzinfo=UTC)),  # spring forward
        ("2026-10-25", datetime(2026, 10, 24, 22, 0, tzinfo=UTC)),  # fall back
    ],
)
async def test_dst_days_get_exactly_one_digest(world: World, day: str, utc_start: datetime) -> None:
    ann = await world.user("ann", target_roles="Data Engineer", skills="Python, SQL")
    await world.preferences.change(ann, digest_time=time(2, 30), digest_when_empty=True)
    world.clock.current = utc_start
    for _ in range(24 * 12):  # a tick every 5 minutes through the local day
        await world.planner.digests()
        world.clock.advance(minutes=5)
    digests = await world.queued(PushKind.DIGEST)
    assert [d.key for d in digests] == [f"digest:{ann}:{day}"]


async def test_a_quiet_day_sends_nothing_unless_asked(world: World) -> None:
    ann = await world.user("ann", target_roles="Data Engineer", skills="Python, SQL, Airflow")
    bob = await world.user("bob", target_roles="Data Engineer", skills="Python, SQL, Airflow")
    eve = await world.user("eve")  # an empty profile
    for user in (ann, bob, eve):
        await world.preferences.change(user, digest_time=time(8, 0), digest_when_empty=True)
    await world.preferences.change(ann, digest_when_empty=False)
    await world.planner.digests()
    world.clock.advance(days=1)  # nothing imported since
    assert await world.planner.digests() == 2  # bob and eve asked to hear about quiet days
    messages = {m.user_id: text_of(m) for m in (await world.queued(PushKind.DIGEST))[-2:]}
    assert "nothing new matches your profile today" in messages[bob]
    assert "I can't match jobs yet" in messages[eve]
    assert ann not in messages


async def test_inactive_users_and_users_without_a_time_get_no_digest(world: World) -> None:
    ann = await world.user("ann", target_roles="Data Engineer", skills="Python")
    await world.user("bob", target_roles="Data Engineer", skills="Python")
    await world.preferences.change(ann, digest_time=time(7, 0))
    async with world.uow() as uow:
        await uow.users.set_active(ann, False)  # blocked the bot
        await uow.commit()
    assert await world.planner.digests() == 0
    assert await world.planner.digests(only_user=ann, force=True) == 1  # an operator insists


async def test_follow_ups_after_a_week_at_most_twice_in_daytime(world: World) -> None:
    ann = await world.user("ann")
    await world.applications.add(ann, "Acme", "Data Analyst", None)
    world.clock.advance(days=6)
    assert await world.planner.followups() == 0
    world.clock.advance(days=1)
    world.clock.current = world.clock.current.replace(hour=22)  # midnight in Berlin
    assert await world.planner.followups() == 0
    world.clock.current = world.clock.current.replace(hour=8)  # 10:00 in Berlin
    assert await world.planner.followups() == 1
    assert await world.restart().followups() == 0
    world.clock.advance(days=7)
    assert await world.planner.followups() == 1
    world.clock.advance(days=7)
    assert await world.planner.followups() == 0  # twice is enough
    first, second = await world.queued(PushKind.FOLLOWUP)
    assert "It's been 7 days since your last update on Data Analyst at Acme" in text_of(first)
    assert "Still no news on Data Analyst at Acme" in text_of(second)
    labels = [b.payload for b in replies_from_payload(first.payload)[0].buttons]
    assert labels == ["/status 1 interviewing", "/status 1 rejected", "/reminders off"]

    # A status change starts the clock again; /reminders off stops them.
    await world.applications.set_status(ann, 1, "interviewing")
    world.clock.advance(days=7)
    assert await world.planner.followups() == 1
    await world.preferences.change(ann, reminders=False)
    world.clock.advance(days=7)
    assert await world.planner.followups() == 0


async def test_follow_ups_can_be_switched_off_for_a_deployment(world: World) -> None:
    ann = await world.user("ann")
    await world.applications.add(ann, "Acme", "Data Analyst", None)
    world.clock.advance(days=8)
    world.clock.current = world.clock.current.replace(hour=8)
    planner = PushPlanner(
        world.uow, world.matcher, PushMessages(), world.clock, PushRules(followup_limit=0)
    )
    assert await planner.followups() == 0
    assert await world.planner.followups() == 1


async def test_weekly_check_ins_follow_the_plan(world: World) -> None:
    world.clock.current = world.clock.current.replace(hour=8)  # 10:00 in Berlin
    ann = await world.user("ann", skills="Excel, SQL", title="Teacher")
    plan = offline_plan(
        PlanInputs("become a data analyst", Profile(skills=["Excel"]), 6), bundled_taxonomy()
    )
    async with world.uow() as uow:
        await uow.plans.add(
            ann, "become a data analyst", plan, "offline", 0, 0, 1, world.clock.now()
        )
        await uow.commit()
    assert await world.planner.checkins() == 0  # week 1 has only just begun
    world.clock.advance(days=7)
    assert await world.planner.checkins() == 1
    assert await world.planner.checkins() == 0
    world.clock.advance(days=3)
    assert await world.planner.checkins() == 0  # still week 2
    world.clock.advance(days=4)
    assert await world.planner.checkins() == 1
    first, second = await world.queued(PushKind.CHECKIN)
    assert text_of(first).startswith("Week 2 of your plan to become")
    assert "Last week you finished 0 of" in text_of(second)


async def test_alerts_report_new_matching_jobs_once(world: World) -> None:
    world.clock.current = world.clock.current.replace(hour=8)  # 10:00 in Berlin
    ann = await world.user("ann")
    await world.alerts.add(ann, "data engineer")
    assert await world.planner.alerts() == 0  # the demo jobs were there before the alert
    await world.add_jobs("Data Engineer", "Data Engineer II", "Product Designer")
    assert await world.planner.alerts() == 1
    assert await world.planner.alerts() == 0
    (alert,) = await world.queued(PushKind.ALERT)
    text = text_of(alert)
    assert text.startswith("New jobs for your alert “data engineer” (2):")
    assert "Product Designer" not in text
    world.clock.current = world.clock.current.replace(hour=21)  # 23:00 in Berlin
    await world.add_jobs("Lead Data Engineer")
    assert await world.planner.alerts() == 0  # it waits for the morning
    world.clock.advance(hours=10)
    assert await world.planner.alerts() == 1


async def test_the_digest_reaches_the_platform(world: World) -> None:
    ann = await world.user("ann", target_roles="Data Engineer", skills="Python, SQL")
    await world.preferences.change(ann, digest_time=time(8, 30))
    await world.planner.digests()
    dispatcher = OutboxDispatcher(world.uow, world.clock)
    limits = PlatformLimits(messages_per_second=1000, seconds_between_messages_in_chat=0)
    dispatcher.register("telegram", world.platform.send, limits)
    assert (await dispatcher.drain()).sent == 1
    ((chat, text, _),) = world.platform.delivered
    assert chat == "ann"
    assert text.startswith("Your digest for Monday 01 June")
