"""When a user wants to hear from the bot unprompted: digest time, time zone, reminders."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from domain.errors import InvalidField

DAYTIME = (time(9, 0), time(21, 0))  # reminders and alerts wait for these local hours
_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")


@dataclass(slots=True)
class PushSettings:
    """A user's choices for scheduled messages. `digest_cursor` is the newest job id the
    last digest looked at, so the next one only shows jobs imported since."""

    user_id: int
    timezone: str = "UTC"
    digest_time: time | None = None
    digest_when_empty: bool = False
    reminders: bool = True
    digest_cursor: int = 0
    last_digest_on: date | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local_date(self, now: datetime) -> date:
        return now.astimezone(self.zone).date()

    def digest_due(self, now: datetime) -> date | None:
        """The local date whose digest is due at `now`, if its time has come today.

        The digest time is read as a wall-clock time on the user's local date. On a
        spring-forward day a time that does not exist (02:30 in Berlin) falls after the gap;
        on a fall-back day a time that happens twice counts at its first occurrence —
        either way there is exactly one local date, hence one digest."""
        if self.digest_time is None:
            return None
        today = self.local_date(now)
        due = datetime.combine(today, self.digest_time, tzinfo=self.zone)
        return today if now >= due else None

    def is_daytime(self, now: datetime) -> bool:
        local = now.astimezone(self.zone).time()
        return DAYTIME[0] <= local < DAYTIME[1]


def parse_clock_time(text: str) -> time:
    """ "8:30", "08:30", "8.30" or "8h30" → 08:30 (24-hour clock)."""
    match = _CLOCK.match(text.strip())
    if match is None:
        raise InvalidField("digest", f"{text!r} is not a time like 08:30")
    return time(int(match.group(1)), int(match.group(2)))
