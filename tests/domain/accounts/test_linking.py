"""Linking two accounts: the merged user's scheduled messages follow the merged time zone."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.accounts import AccountLinker, IdentityKey, Sessions
from domain.profiles import Profiles, set_field
from domain.pushes import PushPreferences
from storage.unit_of_work import SqlUnitOfWorkFactory
from tests.fakes import FakeClock, MemoryFileStore


async def test_the_merged_time_zone_reaches_the_push_settings(engine: AsyncEngine) -> None:
    uow, clock = SqlUnitOfWorkFactory(engine), FakeClock()
    sessions, profiles = Sessions(uow, clock), Profiles(uow, clock)
    owner = (await sessions.arrive(IdentityKey("telegram", "1"), "1", "Ann", "t")).user
    other = (await sessions.arrive(IdentityKey("discord", "2"), "2", "Ann", "d")).user
    await PushPreferences(uow).change(owner.id, reminders=True)  # the owner's settings: UTC
    await profiles.edit(other.id, lambda p: set_field(p, "timezone", "Asia/Tokyo"))

    linker = AccountLinker(uow, MemoryFileStore(), clock)
    await linker.link(other.id, await linker.new_code(owner.id))

    assert (await profiles.get(owner.id)).timezone == "Asia/Tokyo"  # filled from the other
    settings = await PushPreferences(uow).get(owner.id)
    assert settings.timezone == "Asia/Tokyo"
    assert settings.reminders
