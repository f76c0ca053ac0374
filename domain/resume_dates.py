"""Dates and date ranges as resumes write them, as partial ISO strings."""

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
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = rf"(?:{_MONTH}\.?,?\s+(?:19|20)\d{{2}}|\d{{1,2}}/(?:19|20)\d{{2}}|(?:19|20)\d{{2}})"
_OPEN_END = r"(?:present|current|now|today|ongoing|date)"
RANGE = re.compile(
    rf"(?P<start>{_DATE})\s*(?:[–—-]+|\bto\b|\buntil\b)\s*(?P<end>{_DATE}|{_OPEN_END})",
    re.IGNORECASE,
)
SINGLE = re.compile(rf"(?<![\d/])(?P<date>{_DATE})(?![\d/])", re.IGNORECASE)


def to_iso(text: str) -> str | None:
    """ "June 2020" → "2020-06", "06/2020" → "2020-06", "2020" → "2020"."""
    text = text.strip().casefold()
    match = re.fullmatch(rf"({_MONTH})\.?,?\s+((?:19|20)\d{{2}})", text)
    if match:
        return f"{match.group(2)}-{_MONTHS[match.group(1)[:3]]:02d}"
    match = re.fullmatch(r"(\d{1,2})/((?:19|20)\d{2})", text)
    if match and 1 <= int(match.group(1)) <= 12:
        return f"{match.group(2)}-{int(match.group(1)):02d}"
    match = re.fullmatch(r"(?:19|20)\d{2}", text)
    return match.group(0) if match else None


@dataclass(frozen=True, slots=True)
class DateRange:
    """A span found in a line; `end` is None for "present"."""

    start: str | None
    end: str | None
    current: bool
    span: tuple[int, int]


def find_range(line: str) -> DateRange | None:
    """The first date range in `line` ("Jan 2023 - Present", "2012 – 2017"), if any."""
    match = RANGE.search(line)
    if match is None:
        return None
    end_text = match.group("end")
    current = re.fullmatch(_OPEN_END, end_text, re.IGNORECASE) is not None
    return DateRange(
        start=to_iso(match.group("start")),
        end=None if current else to_iso(end_text),
        current=current,
        span=match.span(),
    )


def find_single(line: str) -> DateRange | None:
    """A lone date ("UC Berkeley | 2019") as a range that ends then."""
    match = SINGLE.search(line)
    if match is None:
        return None
    iso = to_iso(match.group("date"))
    return DateRange(start=None, end=iso, current=False, span=match.span())


def month_index(iso: str, *, end: bool) -> int:
    """Months since year 0; a year alone counts from January (start) or to December (end)."""
    year, _, month = iso.partition("-")
    return int(year) * 12 + (int(month) if month else (12 if end else 1)) - 1


def years_between(ranges: list[tuple[str, str | None]], today: date) -> float:
    """Total years covered by (start, end) ranges, overlaps counted once; None end = today."""
    spans = []
    now = today.year * 12 + today.month - 1
    for start, end in ranges:
        first = month_index(start, end=False)
        last = now if end is None else month_index(end, end=True)
        if last >= first:
            spans.append((first, min(last, now)))
    spans.sort()
    total, cur_start, cur_end = 0, None, None
    for first, last in spans:
        if cur_end is None or first > cur_end + 1:
            if cur_start is not None and cur_end is not None:
                total += cur_end - cur_start + 1
            cur_start, cur_end = first, last
        else:
            cur_end = max(cur_end, last)
    if cur_start is not None and cur_end is not None:
        total += cur_end - cur_start + 1
    return round(total / 12, 1)
