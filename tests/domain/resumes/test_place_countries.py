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
        ("Remote", set()),
        ("Nowhere Special", set()),
    ],
)
def test_countries_of(place: str, countries: set[str]) -> None:
    assert place_names().countries_of(place) == countries
