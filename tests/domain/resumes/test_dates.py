"""Dates as resumes write them."""

from __future__ import annotations

from datetime import date

import pytest

from domain.resumes.dates import find_range, find_single, to_iso, years_between


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
    """One date in every written form."""
    assert to_iso(text) == iso


@pytest.mark.parametrize(
    ("line", "start", "end", "current"),
    [
        ("Product Manager, Google 2017 – Present", "2017", None, True),
        # The forms found in the shared real resumes (LiveCareer, Word CVs).
        ("Company Name July 2011 to November 2012 Accountant", "2011-07", "2012-11", False),
        ("07/2014 to Current", "2014-07", None, True),
        ("Title , 01/2010 – Current Company Name", "2010-01", None, True),
        ("2021  now Full-Stack Developer, Inetex", "2021", None, True),  # dash lost
        ("2019\t2021 Java Backend Developer", "2019", "2021", False),  # cells, no dash
        ("Pinsteps | Nov 2020 - present", "2020-11", None, True),
        ("2018 october - now: Mobile Developer", "2018-10", None, True),
        ("Company, City, Country, Title 2004/ 2013", "2004", "2013", False),
        ("Moscow 2013/---", "2013", None, True),
        ("Python Developer (Sep. 2020  Aug. 2021)", "2020-09", "2021-08", False),
        ("APRIL 2020 - PRESENT C#", "2020-04", None, True),
        ("Education 08/93-02/94", "1993-08", "1994-02", False),
        ("Summer 2022 - Fall 2022", "2022", "2022", False),
        ("2014-06 to 2016-02", "2014-06", "2016-02", False),
        ("Profile: at Accenture since March 2012", "2012-03", None, True),
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


def test_years_between_follows_the_labelling_convention() -> None:
    """Months from start to end (resumes_real/README.md): overlaps once, years mid-year,
    a present range runs to today, a backwards range counts nothing."""
    today = date(2026, 6, 15)
    assert years_between([("2020-01", "2020-12")], today) == 0.9
    assert years_between([("2013", "2017")], today) == 4.0  # July to July
    assert (
        years_between([("2018-01", "2019-12"), ("2019-06", "2020-12"), ("2023-01", None)], today)
        == 6.3
    )
    assert years_between([("2017-07", "2017-03")], today) == 0.0
    assert years_between([("2030", None)], today) == 0.0


def test_month_number_before_a_year_at_a_line_start() -> None:
    found = find_single("5 2007 Bachelor of Science")
    assert found is not None
    assert found.end == "2007-05"
