"""Drains the outbox through each platform's adapter.

Each row is marked SENDING (and committed) before its send starts and SENT after, so a
crash in between leaves a row that is reported as UNKNOWN, never sent twice. A 429 puts the
row back with its retry-after and pauses the whole platform; a user who blocked the bot
is marked inactive and their queued messages are cancelled."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import groupby

from bot.delivery.errors import (
    DeliveryUncertain,
    RateLimited,
    RecipientGone,
    TemporaryFailure,
)
from bot.delivery.rate_limits import PlatformLimits, RateGate
from domain.clock import Clock
from domain.pushes import OutboxMessage, OutboxStatus, PushesUnitOfWorkFactory
from handlers.chat.messages import Reply, replies_from_payload

log = logging.getLogger(__name__)
Sender = Callable[[str, list[Reply]], Awaitable[None]]
UNREACHABLE_WAIT = timedelta(minutes=1)


@dataclass
class DispatchReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    unknown: int = 0
    deactivated: list[int] = field(default_factory=list)

    def add(self, other: DispatchReport) -> None:
        self.sent += other.sent
        self.retried += other.retried
        self.failed += other.failed
        self.unknown += other.unknown
        self.deactivated += other.deactivated


@dataclass(frozen=True, slots=True)
class DispatchPolicy:
    batch_size: int = 50
    concurrency: int = 8  # chats served at once; messages within a chat go in order
    max_attempts: int = 5
    lease: timedelta = timedelta(minutes=2)  # a claim older than this belongs to a dead process
    poll_seconds: float = 5.0


class OutboxDispatcher:
    """Sends pending outbox rows through the registered platform senders."""

    def __init__(
        self, uow: PushesUnitOfWorkFactory, clock: Clock, policy: DispatchPolicy | None = None
    ) -> None:
        self._uow = uow
        self._clock = clock
        self.policy = policy or DispatchPolicy()
        self._senders: dict[str, tuple[Sender, RateGate, Callable[[str], bool]]] = {}
        self._paused_until: dict[str, datetime] = {}
        self._wake = asyncio.Event()

    def register(
        self,
        platform: str,
        sender: Sender,
        limits: PlatformLimits,
        reaches: Callable[[str], bool] = lambda chat_id: True,
    ) -> None:
        """Send `platform`'s rows through `sender`. `reaches` says whether this process can
        reach a chat at all (a console reaches only its own user); rows it cannot reach
        wait, untried, for a process that can."""
        self._senders[platform] = (sender, RateGate(limits), reaches)

    @property
    def platforms(self) -> list[str]:
        return sorted(self._senders)

    def wake(self) -> None:
        """Something was queued: look now instead of at the next poll."""
        self._wake.set()

    async def recover(self) -> tuple[int, int]:
        """Hand back claims a dead process left; mark its interrupted sends UNKNOWN."""
        now = self._clock.now()
        async with self._uow() as uow:
            released, unknown = await uow.outbox.recover(now - self.policy.lease, now)
            await uow.commit()
        if unknown:
            log.warning("%d push(es) were interrupted mid-send and are not repeated", unknown)
        return released, unknown

    async def run_once(self) -> DispatchReport:
        """Claim one batch of due rows and send it; returns what happened."""
        now = self._clock.now()
        ready = [p for p in self.platforms if self._paused_until.get(p, now) <= now]
        report = DispatchReport()
        if not ready:
            return report
        async with self._uow() as uow:
            claimed = await uow.outbox.claim(ready, now, self.policy.batch_size)
            await uow.commit()
        if not claimed:
            return report
        by_chat = [
            list(rows)
            for _, rows in groupby(
                sorted(claimed, key=lambda m: (m.platform, m.chat_id, m.id)),
                key=lambda m: (m.platform, m.chat_id),
            )
        ]
        slots = asyncio.Semaphore(self.policy.concurrency)

        async def serve(rows: list[OutboxMessage]) -> None:
            async with slots:
                for message in rows:
                    if message.user_id in report.deactivated:
                        continue  # their queued messages were cancelled with them
                    report.add(await self._deliver(message))

        async with asyncio.TaskGroup() as group:  # one failing send cancels the batch
            for rows in by_chat:
                group.create_task(serve(rows))
        return report

    async def drain(self) -> DispatchReport:
        """Send until nothing is due (or every platform with work is paused)."""
        total = DispatchReport()
        while True:
            report = await self.run_once()
            total.add(report)
            if not (report.sent or report.retried or report.failed or report.unknown):
                return total

    async def run(self, stop: asyncio.Event) -> None:
        """The dispatcher loop of a bot process: drain, then wait for a wake-up, the end of
        a rate-limit pause, or the next poll."""
        await self.recover()
        while not stop.is_set():
            self._wake.clear()  # a wake-up during the drain below makes the wait return at once
            try:
                await self.drain()
                await self.recover()
            except Exception:
                log.exception("outbox dispatch failed; retrying at the next poll")
            timeout = self.policy.poll_seconds
            now = self._clock.now()
            pauses = [(until - now).total_seconds() for until in self._paused_until.values()]
            timeout = min([timeout, *(p for p in pauses if p > 0)])
            waiters = {asyncio.ensure_future(self._wake.wait()), asyncio.ensure_future(stop.wait())}
            _, pending = await asyncio.wait(
                waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
            )
            for waiter in pending:
                waiter.cancel()

    async def _deliver(self, message: OutboxMessage) -> DispatchReport:
        sender, gate, reaches = self._senders[message.platform]
        report = DispatchReport()
        if not reaches(message.chat_id):
            later = self._clock.now() + UNREACHABLE_WAIT
            await self._mark(message, OutboxStatus.PENDING, not_before=later)
            return report
        replies = replies_from_payload(message.payload)
        await gate.wait(message.chat_id, len(replies))
        paused = self._paused_until.get(message.platform)
        if paused is not None and paused > self._clock.now():
            await self._mark(message, OutboxStatus.PENDING, not_before=paused)
            return report  # handed back untried: a 429 came in while this one waited
        await self._mark(message, OutboxStatus.SENDING)
        try:
            await sender(message.chat_id, replies)
        except RateLimited as exc:
            until = self._clock.now() + timedelta(seconds=exc.retry_after)
            self._paused_until[message.platform] = until
            await self._mark(message, OutboxStatus.PENDING, str(exc), not_before=until)
            log.warning("%s: 429, pausing pushes for %.1f s", message.platform, exc.retry_after)
            report.retried += 1
        except RecipientGone as exc:
            await self._deactivate(message, str(exc) or "the user blocked the bot")
            report.failed += 1
            report.deactivated.append(message.user_id)
        except DeliveryUncertain as exc:
            await self._mark(message, OutboxStatus.UNKNOWN, f"timed out: {exc}")
            log.warning("push %s timed out; it may have arrived, so it is not repeated", message.id)
            report.unknown += 1
        except TemporaryFailure as exc:
            if message.attempts + 1 >= self.policy.max_attempts:
                await self._mark(message, OutboxStatus.FAILED, f"gave up: {exc}")
                report.failed += 1
            else:
                backoff = timedelta(seconds=min(600, 5 * 2**message.attempts))
                until = self._clock.now() + backoff
                await self._mark(message, OutboxStatus.PENDING, str(exc), not_before=until)
                report.retried += 1
        except Exception as exc:
            log.exception("push %s (%s) failed", message.id, message.kind)
            await self._mark(message, OutboxStatus.FAILED, f"{type(exc).__name__}: {exc}")
            report.failed += 1
        else:
            await self._mark(message, OutboxStatus.SENT)
            report.sent += 1
        return report

    async def _mark(
        self,
        message: OutboxMessage,
        status: OutboxStatus,
        error: str | None = None,
        not_before: datetime | None = None,
    ) -> None:
        async with self._uow() as uow:
            await uow.outbox.set_status(message.id, status, self._clock.now(), error, not_before)
            await uow.commit()

    async def _deactivate(self, message: OutboxMessage, reason: str) -> None:
        now = self._clock.now()
        async with self._uow() as uow:
            await uow.outbox.set_status(message.id, OutboxStatus.FAILED, now, reason)
            await uow.users.set_active(message.user_id, False)
            cancelled = await uow.outbox.cancel_for_user(message.user_id, reason, now)
            await uow.commit()
        log.info(
            "user %s cannot be reached (%s); pushes stop until they write again (%d cancelled)",
            message.user_id,
            reason,
            cancelled,
        )
