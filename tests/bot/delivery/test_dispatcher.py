"""The outbox dispatcher on a real database: crash recovery without double sends, 429s,
blocked users, timeouts — and, on PostgreSQL, two dispatchers sharing one outbox."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.delivery.dispatcher import DispatchPolicy, OutboxDispatcher
from bot.delivery.rate_limits import PlatformLimits
from domain.accounts import IdentityKey, resolve_user
from domain.pushes import NewOutboxMessage, OutboxStatus, PushKind, enqueue
from handlers.chat.messages import Reply, replies_to_payload
from storage.unit_of_work import SqlUnitOfWorkFactory
from tests.fake_platform import FakePlatform, ProcessDied
from tests.fakes import FakeClock

FAST = PlatformLimits(messages_per_second=100_000, seconds_between_messages_in_chat=0)
POLICY = DispatchPolicy(batch_size=25)


class Outbox:
    def __init__(self, engine: AsyncEngine) -> None:
        self.uow = SqlUnitOfWorkFactory(engine)
        self.clock = FakeClock()
        self.platform = FakePlatform(self.clock)

    def dispatcher(self, policy: DispatchPolicy = POLICY) -> OutboxDispatcher:
        """A fresh dispatcher, as in a newly started process."""
        dispatcher = OutboxDispatcher(self.uow, self.clock, policy)
        dispatcher.register("telegram", self.platform.send, FAST)
        return dispatcher

    async def fill(self, users: int, per_user: int = 1) -> list[int]:
        ids = []
        async with self.uow() as uow:
            for n in range(users):
                key = IdentityKey("telegram", str(1000 + n))
                user = await resolve_user(uow, key, f"chat{n}", f"user {n}", self.clock.now())
                ids.append(user.id)
                for m in range(per_user):
                    text = f"message {m} for user {n}"
                    payload = replies_to_payload([Reply(text)])
                    message = NewOutboxMessage(user.id, PushKind.DIGEST, f"k{n}-{m}", payload)
                    assert await enqueue(uow, message, self.clock.now())
            await uow.commit()
        return ids

    async def statuses(self) -> dict[OutboxStatus, int]:
        async with self.uow() as uow:
            return await uow.outbox.counts()


@pytest.fixture
async def outbox(engine: AsyncEngine) -> Outbox:
    return Outbox(engine)


async def test_everything_queued_is_sent_once(outbox: Outbox) -> None:
    await outbox.fill(30, per_user=2)
    report = await outbox.dispatcher().drain()
    assert report.sent == 60
    assert len(outbox.platform.delivered) == 60
    assert outbox.platform.duplicates() == []
    assert await outbox.statuses() == {OutboxStatus.SENT: 60}
    # One chat's messages arrive in the order they were queued.
    chat0 = [text for chat, text, _ in outbox.platform.delivered if chat == "1000"]
    assert chat0 == ["message 0 for user 0", "message 1 for user 0"]


async def test_a_crash_after_40_of_100_sends_resumes_with_the_rest_only(outbox: Outbox) -> None:
    await outbox.fill(100)
    outbox.platform.die_after = 40
    one_at_a_time = DispatchPolicy(batch_size=25, concurrency=1)
    with pytest.raises((ProcessDied, BaseExceptionGroup)):
        await outbox.dispatcher(one_at_a_time).drain()
    assert len(outbox.platform.delivered) == 41  # the 41st arrived; its sender never knew
    outbox.platform.die_after = None

    outbox.clock.advance(minutes=5)  # the dead process's claims have expired
    restarted = outbox.dispatcher()
    _released, unknown = await restarted.recover()
    assert unknown == 1  # the interrupted send: reported, not repeated
    report = await restarted.drain()
    assert report.sent == 59
    assert len(outbox.platform.delivered) == 100
    assert outbox.platform.duplicates() == []
    assert await outbox.statuses() == {OutboxStatus.SENT: 99, OutboxStatus.UNKNOWN: 1}


async def test_a_crash_with_sends_in_flight_never_repeats_one(outbox: Outbox) -> None:
    await outbox.fill(100)
    outbox.platform.die_after = 40
    with pytest.raises((ProcessDied, BaseExceptionGroup)):
        await outbox.dispatcher().drain()  # 8 chats at a time
    outbox.platform.die_after = None
    outbox.clock.advance(minutes=5)
    restarted = outbox.dispatcher()
    _, unknown = await restarted.recover()
    assert 1 <= unknown <= POLICY.concurrency  # at most the sends that were in flight
    await restarted.drain()
    assert outbox.platform.duplicates() == []
    statuses = await outbox.statuses()
    assert statuses[OutboxStatus.SENT] + statuses[OutboxStatus.UNKNOWN] == 100


async def test_a_429_storm_slows_down_and_loses_nothing(outbox: Outbox) -> None:
    await outbox.fill(60)
    outbox.platform.rate_limit_every = 7
    dispatcher = outbox.dispatcher()
    rounds = 0
    while (await outbox.statuses()).get(OutboxStatus.SENT, 0) < 60:
        await dispatcher.drain()
        outbox.clock.advance(seconds=1)
        rounds += 1
        assert rounds < 500
    assert sorted(outbox.platform.texts()) == sorted(f"message 0 for user {n}" for n in range(60))
    assert outbox.platform.rate_limited_at  # it really was limited…
    for limited in outbox.platform.rate_limited_at:  # …and waited each time before sending again
        after = [t for _, _, t in outbox.platform.delivered if t > limited]
        assert all(t >= limited + timedelta(seconds=3) for t in after)


async def test_a_blocked_user_is_deactivated_and_their_queue_cancelled(outbox: Outbox) -> None:
    ann, bob = await outbox.fill(2, per_user=3)
    outbox.platform.blocked.add("1000")
    report = await outbox.dispatcher().drain()
    assert report.deactivated == [ann]
    assert report.sent == 3  # bob's
    async with outbox.uow() as uow:
        user = await uow.users.get(ann)
        assert user is not None
        assert not user.active
        statuses = [m.status for m in await uow.outbox.for_user(ann)]
        assert statuses == [OutboxStatus.FAILED] * 3
        # Writing to the bot again makes them reachable again.
        await resolve_user(uow, IdentityKey("telegram", "1000"), "chat0", "", outbox.clock.now())
        await uow.commit()
        user = await uow.users.get(ann)
    assert outbox.platform.attempts == 4  # one try for ann, three sends for bob
    async with outbox.uow() as uow:
        user = await uow.users.get(ann)
    assert user is not None
    assert user.active
    del bob


async def test_a_timed_out_send_is_unknown_and_not_repeated(outbox: Outbox) -> None:
    await outbox.fill(2)
    outbox.platform.timeouts.add("1001")
    report = await outbox.dispatcher().drain()
    assert (report.sent, report.unknown) == (1, 1)
    outbox.clock.advance(hours=1)
    assert (await outbox.dispatcher().drain()).sent == 0
    assert await outbox.statuses() == {OutboxStatus.SENT: 1, OutboxStatus.UNKNOWN: 1}


async def test_platforms_without_an_adapter_keep_their_rows(outbox: Outbox) -> None:
    await outbox.fill(3)
    idle = OutboxDispatcher(outbox.uow, outbox.clock, POLICY)
    idle.register("discord", outbox.platform.send, FAST)
    assert (await idle.drain()).sent == 0
    assert await outbox.statuses() == {OutboxStatus.PENDING: 3}


async def test_the_run_loop_sends_what_is_queued_after_a_wake_up(outbox: Outbox) -> None:
    dispatcher = outbox.dispatcher()
    stop = asyncio.Event()
    loop = asyncio.create_task(dispatcher.run(stop))
    await outbox.fill(3)
    dispatcher.wake()
    for _ in range(200):
        if len(outbox.platform.delivered) == 3:
            break
        await asyncio.sleep(0.01)
    stop.set()
    await loop
    assert len(outbox.platform.delivered) == 3


@pytest.mark.postgres
async def test_two_dispatchers_on_postgresql_send_each_row_once(pg_engine: AsyncEngine) -> None:
    outbox = Outbox(pg_engine)
    await outbox.fill(200)
    first, second = outbox.dispatcher(), outbox.dispatcher()
    one, two = await asyncio.gather(first.drain(), second.drain())
    assert one.sent + two.sent == 200
    assert one.sent
    assert two.sent
    assert len(outbox.platform.delivered) == 200
    assert outbox.platform.duplicates() == []


async def test_rows_this_process_cannot_reach_wait_untried(outbox: Outbox) -> None:
    await outbox.fill(3)  # chats 1000, 1001, 1002
    console_like = OutboxDispatcher(outbox.uow, outbox.clock, POLICY)
    console_like.register("telegram", outbox.platform.send, FAST, lambda chat: chat == "1001")
    assert (await console_like.drain()).sent == 1
    outbox.clock.advance(minutes=5)
    assert (await console_like.drain()).sent == 0  # still nobody to reach them; never failed
    assert await outbox.statuses() == {OutboxStatus.SENT: 1, OutboxStatus.PENDING: 2}
    outbox.clock.advance(minutes=2)
    assert (await outbox.dispatcher().drain()).sent == 2  # a process that reaches them
