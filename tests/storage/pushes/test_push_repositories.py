"""Push settings and job alerts in SQL, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.accounts import IdentityKey, PlatformIdentity
from domain.pushes import NewOutboxMessage, PushKind, PushSettings
from storage.unit_of_work import SqlUnitOfWorkFactory

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def test_push_settings_default_until_saved_and_subscribers_are_active(
    engine: AsyncEngine,
) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        ann = (await tx.users.add("Ann", NOW)).id
        bob = (await tx.users.add("Bob", NOW)).id
        gone = (await tx.users.add("Gone", NOW)).id
        assert await tx.push_settings.get(ann) == PushSettings(ann)
        for user in (ann, gone):
            await tx.push_settings.save(
                PushSettings(
                    user,
                    timezone="Europe/Berlin",
                    digest_time=time(8, 30),
                    reminders=False,
                    digest_cursor=42,
                    last_digest_on=date(2026, 3, 1),
                )
            )
        await tx.users.set_active(gone, False)
        await tx.commit()
    async with uow.read() as tx:
        saved = await tx.push_settings.get(ann)
        assert (saved.timezone, saved.digest_time, saved.reminders) == (
            "Europe/Berlin",
            time(8, 30),
            False,
        )
        assert (saved.digest_cursor, saved.last_digest_on) == (42, date(2026, 3, 1))
        many = await tx.push_settings.get_many([ann, bob])
        assert many[bob] == PushSettings(bob)
        assert [s.user_id for s in await tx.push_settings.digest_subscribers()] == [ann]


async def test_alerts_advance_past_checked_jobs(engine: AsyncEngine) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        ann = (await tx.users.add("Ann", NOW)).id
        python = await tx.alerts.add(ann, "python berlin", 10, NOW)
        nurse = await tx.alerts.add(ann, "nurse", 12, NOW)
        await tx.commit()
    async with uow() as tx:
        assert [s.query for s in await tx.alerts.list_for_user(ann)] == ["python berlin", "nurse"]
        assert {s.id for s in await tx.alerts.behind(12)} == {python.id}
        await tx.alerts.advance(python.id, 12)
        await tx.alerts.delete(nurse.id)
        await tx.commit()
    async with uow.read() as tx:
        assert await tx.alerts.behind(12) == []
        (left,) = await tx.alerts.list_for_user(ann)
        assert (left.query, left.job_cursor) == ("python berlin", 12)


async def test_a_digest_batch_is_written_in_a_few_statements(engine: AsyncEngine) -> None:
    """Settings saved many at once (updated and inserted), users reached where last seen,
    messages queued at once with keys already queued left alone."""
    uow = SqlUnitOfWorkFactory(engine)
    async with uow() as tx:
        ann, bob, cid = [(await tx.users.add(n, NOW)).id for n in ("Ann", "Bob", "Cid")]
        await tx.push_settings.save(PushSettings(ann, digest_cursor=1))
        for platform, seen in (("telegram", NOW), ("discord", NOW.replace(hour=10))):
            identity = PlatformIdentity(IdentityKey(platform, f"{platform}-ann"), ann, "c", seen)
            await tx.users.add_identity(identity)
        await tx.users.add_identity(PlatformIdentity(IdentityKey("telegram", "bob"), bob, "c"))
        await tx.push_settings.save_many(
            [PushSettings(ann, digest_cursor=7), PushSettings(bob, digest_cursor=9)]
        )
        reach = await tx.users.reachable_at([ann, bob, cid])
        assert reach == {  # Ann was last seen on Discord; Cid never
            ann: IdentityKey("discord", "discord-ann"),
            bob: IdentityKey("telegram", "bob"),
        }
        first = NewOutboxMessage(ann, PushKind.DIGEST, "digest:ann", {"replies": []})
        assert await tx.outbox.enqueue_many([(first, "discord", "discord-ann")], NOW) == {
            "digest:ann"
        }
        again = NewOutboxMessage(ann, PushKind.DIGEST, "digest:ann", {"replies": ["x"]})
        other = NewOutboxMessage(bob, PushKind.DIGEST, "digest:bob", {"replies": []})
        queued = await tx.outbox.enqueue_many(
            [(again, "discord", "discord-ann"), (other, "telegram", "bob")], NOW
        )
        assert queued == {"digest:bob"}
        await tx.commit()
    async with uow.read() as tx:
        saved = await tx.push_settings.get_many([ann, bob])
        assert (saved[ann].digest_cursor, saved[bob].digest_cursor) == (7, 9)
        assert await tx.outbox.existing_keys(["digest:ann", "digest:bob"]) == {
            "digest:ann",
            "digest:bob",
        }
