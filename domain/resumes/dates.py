"""Dates and date ranges as resumes write them, as partial ISO strings ("2019", "2019-06").

Every common form: "07/2014", "7/14" (in a range), "Jul 2014", "July, 2014", "Sept. 2014",
"2014, July", "2014 july", "2014-07", "Summer 2014", "2014"; ranges joined by a dash, "to",
"through", "until", "till", a slash between years ("2004/2013") or only by space where a
dash was lost ("2019  2021"); open ends written "Present", "Current", "Now", "to date",
"till date", "currently working", "ongoing", "---". A range split over lines ("July 2012" /
"to" / "December 2013") is rejoined by `join_split_ranges`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
SEASON = r"(?:spring|summer|fall|autumn|winter)\b"
YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_NUM_MONTH = r"(?:0?[1-9]|1[0-2])"
# One date, most specific form first. Named groups say which form matched.
_DATE = (
    rf"(?:(?P<mdy>{_NUM_MONTH})/(?:0?[1-9]|[12]\d|3[01])/(?P<mdy_y>{YEAR})"
    rf"|(?P<my>{_NUM_MONTH})\s?[/.-]\s?(?P<my_y>{YEAR})"
    rf"|(?P<mon>{MONTH})(?:\s*\d{{1,2}},)?[\s,]*(?P<mon_y>{YEAR})"
    rf"|(?P<sea>{SEASON})[\s,]*(?P<sea_y>{YEAR})"
    rf"|(?P<ym_y>{YEAR})[\s,]+(?P<ym>{MONTH})"
    rf"|(?P<iso_y>{YEAR})-(?P<iso>0[1-9]|1[0-2])(?![\d/])"
    rf"|(?P<y>{YEAR}))"
)
_SHORT = rf"(?P<s_m>{_NUM_MONTH})/(?P<s_y>\d{{2}})(?![\d/])"  # "09/13": only inside a range
OPEN_END = (
    r"(?:present|current(?:ly(?:\s+working)?)?|now|today|ongoing|till\s+(?:date|now|present)"
    r"|to\s+date|date|-{2,}|—)"
)
_SEP = r"\s*(?:[-–—‒~]+|\bto\b|\btill\b|\buntil\b|\bthrough\b|\bthru\b)\s*"
_GAP = r"(?:\t|\s{2,}|\s*[-–—]\s*|\s)"  # a lost dash: only space (or a cell break) between


def _named(pattern: str, prefix: str) -> str:
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{prefix}{m.group(1)}>", pattern)


_A = _named(_DATE, "a_")
_B = _named(_DATE, "b_")
RANGE = re.compile(
    rf"(?<![\w/.])(?:{_A})(?:{_SEP}|\s*/\s*(?=\d{{4}}|-)|{_GAP})"
    rf"(?:(?P<open>{OPEN_END})|(?:{_B}))(?![\w/]|\.\d)",
    re.IGNORECASE,
)
SHORT_RANGE = re.compile(
    rf"(?<![\w/.]){_named(_SHORT, 'a_')}{_SEP}(?:(?P<open>{OPEN_END})|{_named(_SHORT, 'b_')})",
    re.IGNORECASE,
)
SINCE = re.compile(rf"\b(?:since|from)\s+(?:{_A})(?![\w/])", re.IGNORECASE)
SINGLE = re.compile(rf"(?<![\w/.])(?:{_A})(?![\w/]|\.\d)", re.IGNORECASE)
OPEN_ONLY = re.compile(rf"^\s*(?:{_SEP})?(?:{OPEN_END})\s*$", re.IGNORECASE)
_LEADING_NUMBER_DATE = re.compile(rf"^(?P<m>{_NUM_MONTH})\s+(?P<y>{YEAR})\b")


@dataclass(frozen=True, slots=True)
class DateRange:
    """A span found in a line: `start` and `end` as partial ISO dates, `current` when the
    end is "present"; `span` is where in the line it was written."""

    start: str | None
    end: str | None
    current: bool
    span: tuple[int, int]


def _iso(groups: dict[str, str | None], prefix: str) -> str | None:
    def g(name: str) -> str | None:
        return groups.get(prefix + name)

    if g("mdy_y"):
        return f"{g('mdy_y')}-{int(g('mdy') or 0):02d}"
    if g("my_y"):
        return f"{g('my_y')}-{int(g('my') or 0):02d}"
    if g("mon_y"):
        return f"{g('mon_y')}-{_MONTHS[(g('mon') or '')[:3].casefold()]:02d}"
    if g("sea_y"):
        return g("sea_y")
    if g("ym_y"):
        return f"{g('ym_y')}-{_MONTHS[(g('ym') or '')[:3].casefold()]:02d}"
    if g("iso_y"):
        return f"{g('iso_y')}-{g('iso')}"
    if g("s_y"):
        return f"{_century(g('s_y') or '00')}-{int(g('s_m') or 0):02d}"
    return g("y")


def _century(two_digits: str) -> str:
    year = int(two_digits)
    return str(2000 + year if year <= 40 else 1900 + year)


def to_iso(text: str) -> str | None:
    """ "June 2020" → "2020-06", "06/2020" → "2020-06", "2020" → "2020"; None otherwise."""
    match = SINGLE.fullmatch(text.strip())
    return _iso(match.groupdict(), "a_") if match else None


def find_range(line: str) -> DateRange | None:
    """The first date range in `line` ("Jan 2023 - Present", "2012 – 2017", "since 2019")."""
    found = [m for m in (RANGE.search(line), SHORT_RANGE.search(line)) if m is not None]
    if found:
        match = min(found, key=lambda m: m.start())
        groups = match.groupdict()
        start = _iso(groups, "a_")
        end = None if groups.get("open") else _iso(groups, "b_")
        if start is not None and (end is not None or groups.get("open")):
            return DateRange(start, end, groups.get("open") is not None, match.span())
    since = SINCE.search(line)
    if since is not None:
        return DateRange(_iso(since.groupdict(), "a_"), None, True, since.span())
    return None


def find_single(line: str) -> DateRange | None:
    """A lone date ("UC Berkeley | 2019"), as a range that ends then; a month number before
    a year at the start of a line ("5 2007") counts too."""
    leading = _LEADING_NUMBER_DATE.match(line)
    if leading is not None:
        iso = f"{leading.group('y')}-{int(leading.group('m')):02d}"
        return DateRange(None, iso, False, leading.span())
    match = SINGLE.search(line)
    if match is None:
        return None
    return DateRange(None, _iso(match.groupdict(), "a_"), False, match.span())


def is_open_end(text: str) -> bool:
    """ "Present", "to Current", "- now": the end of a range that started on the line above."""
    return OPEN_ONLY.match(text) is not None


def month_index(iso: str) -> int:
    """Months since year 0. A year alone counts from its middle (July), as a reader would
    when no month is given."""
    year, _, month = iso.partition("-")
    return int(year) * 12 + (int(month) - 1 if month else 6)


def years_between(ranges: list[tuple[str, str | None]], today: date) -> float:
    """Years covered by (start, end) ranges, overlaps counted once; a None end is today.

    A range counts the months from its start to its end (March to June is three months);
    a range that ends before it starts counts nothing; nothing counts past today.
    """
    now = today.year * 12 + today.month - 1
    spans = []
    for start, end in ranges:
        first = month_index(start)
        last = now if end is None else min(month_index(end), now)
        if last > first:
            spans.append((first, last))
    spans.sort()
    total, current_start, current_end = 0, -1, -1
    for first, last in spans:
        if first > current_end:
            total += current_end - current_start
            current_start, current_end = first, last
        else:
            current_end = max(current_end, last)
    total += current_end - current_start
    return round(total / 12, 1)
