"""When a digest is due in a user's local time, including the two DST days of a year."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from domain.errors import InvalidField
from domain.pushes import PushSettings, parse_clock_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [("8:30", time(8, 30)), ("08:30", time(8, 30)), ("8.30", time(8, 30)), ("23h05", time(23, 5))],
)
def test_clock_times(text: str, expected: time) -> None:
    assert parse_clock_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "8", "8:3", "noon", "", "07:60"])
def test_bad_clock_times(text: str) -> None:
    with pytest.raises(InvalidField):
        parse_clock_time(text)


def due_days(settings: PushSettings, start: datetime, hours: int) -> dict[date, datetime]:
    """Step through time minute by minute; the first moment each local date became due."""
    first: dict[date, datetime] = {}
    now = start
    while now < start + timedelta(hours=hours):
        due = settings.digest_due(now)
        if due is not None and due not in first:
            first[due] = now
        now += timedelta(minutes=1)
    return first


def test_due_at_the_local_time_not_utc() -> None:
    berlin = PushSettings(1, timezone="Europe/Berlin", digest_time=time(8, 30))
    first = due_days(berlin, datetime(2026, 6, 1, 0, 0, tzinfo=UTC), 48)
    assert first == {
        date(2026, 6, 1): datetime(2026, 6, 1, 6, 30, tzinfo=UTC),  # CEST is UTC+2
        date(2026, 6, 2): datetime(2026, 6, 2, 6, 30, tzinfo=UTC),
    }


def test_spring_forward_a_missing_time_is_due_once_after_the_gap() -> None:
    # 2026-03-29 in Berlin: 02:00 jumps to 03:00, so 02:30 never happens on the wall clock.
    berlin = PushSettings(1, timezone="Europe/Berlin", digest_time=time(2, 30))
    first = due_days(berlin, datetime(2026, 3, 28, 23, 0, tzinfo=UTC), 24)
    assert list(first) == [date(2026, 3, 29)]
    assert first[date(2026, 3, 29)] == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST


def test_fall_back_a_repeated_time_is_due_once_at_its_first_occurrence() -> None:
    # 2026-10-25 in Berlin: 03:00 falls back to 02:00, so 02:30 happens twice.
    berlin = PushSettings(1, timezone="Europe/Berlin", digest_time=time(2, 30))
    first = due_days(berlin, datetime(2026, 10, 24, 22, 30, tzinfo=UTC), 24)
    assert list(first) == [date(2026, 10, 25)]
    assert first[date(2026, 10, 25)] == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST


def test_no_digest_time_is_never_due_and_daytime_is_local() -> None:
    tokyo = PushSettings(1, timezone="Asia/Tokyo")
    assert tokyo.digest_due(datetime(2026, 6, 1, 12, tzinfo=UTC)) is None
    assert tokyo.is_daytime(datetime(2026, 6, 1, 1, tzinfo=UTC))  # 10:00 in Tokyo
    assert not tokyo.is_daytime(datetime(2026, 6, 1, 13, tzinfo=UTC))  # 22:00 in Tokyo
