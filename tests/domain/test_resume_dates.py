"""Dates as resumes write them."""

from __future__ import annotations

from datetime import date

import pytest

from domain.resume_dates import find_range, find_single, to_iso, years_between


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("June 2020", "2020-06"),
        ("Sept. 2019", "2019-09"),
        ("06/2020", "2020-06"),
        ("2020", "2020"),
        ("13/2020", None),
        ("Spring", None),
    ],
)
def test_to_iso(text: str, iso: str | None) -> None:
    assert to_iso(text) == iso


@pytest.mark.parametrize(
    ("line", "start", "end", "current"),
    [
        ("Product Manager, Google 2017 – Present", "2017", None, True),
        ("Senior Software Engineer Jan 2023 - Present", "2023-01", None, True),
        ("Developer, XYZ, July 2016 - June 2018", "2016-07", "2018-06", False),
        ("03/2015 to 11/2019 Analyst", "2015-03", "2019-11", False),
        ("2012—2017 Engineer", "2012", "2017", False),
    ],
)
def test_find_range(line: str, start: str, end: str | None, current: bool) -> None:
    found = find_range(line)
    assert found is not None
    assert (found.start, found.end, found.current) == (start, end, current)


def test_no_range_in_plain_numbers() -> None:
    assert find_range("Improved latency by 40% for 10M users") is None
    assert find_single("UC Berkeley | 2019") is not None


def test_years_between_merges_overlaps_and_counts_present() -> None:
    today = date(2026, 6, 15)
    assert years_between([("2020-01", "2020-12")], today) == 1.0
    # Overlapping jobs count once; a gap is not counted.
    assert (
        years_between([("2018-01", "2019-12"), ("2019-06", "2020-12"), ("2023-01", None)], today)
        == 6.5
    )
    assert years_between([("2030", None)], today) == 0.0
