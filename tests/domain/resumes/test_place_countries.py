"""Which country a place a person or a posting names lies in."""

from __future__ import annotations

import pytest

from domain.resumes import place_names


@pytest.mark.parametrize(
    ("place", "countries"),
    [
        ("Chicago", {"US"}),
        ("Chicago, IL", {"US"}),  # Illinois after a US city, not Israel
        ("IL", {"IL"}),
        ("Atlanta, Georgia", {"US"}),
        ("Tbilisi, Georgia", {"GE"}),
        ("Illinois", {"US"}),
        ("Berlin, Germany", {"DE"}),
        ("Kraków", {"PL"}),
        ("Remote (US)", {"US"}),
        ("Paris, TX", {"US"}),  # a US state after a city decides, whatever the city
        ("Birmingham, AL", {"US"}),  # not Albania
        ("Cambridge, MA", {"US"}),  # not Morocco
        ("Berlin, DE", {"DE"}),  # a code that could be Delaware agrees with the city
        ("Atlanta, GA", {"US"}),  # not Gabon
        ("Toronto, Ontario", {"CA"}),  # a later part is never read as a city
        ("Melbourne, Victoria", {"AU"}),
        ("Remote", set()),
        ("Nowhere Special", set()),
    ],
)
def test_countries_of(place: str, countries: set[str]) -> None:
    assert place_names().countries_of(place) == countries
