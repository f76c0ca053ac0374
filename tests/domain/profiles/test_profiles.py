"""Profile fields: parsing user text, validation, and what counts as set by hand."""

from __future__ import annotations

import pytest

from domain.errors import InvalidField
from domain.profiles import (
    Profile,
    clear_field,
    display_value,
    find_field,
    parse_location_answer,
    parse_timezone,
    set_field,
)


@pytest.mark.parametrize(
    ("field", "raw", "attr", "expected"),
    [
        ("title", "  Senior   Data Analyst ", "title", "Senior Data Analyst"),
        ("experience", "4.5 years", "experience_years", 4.5),
        ("experience_years", "3", "experience_years", 3.0),
        ("salary", "85k", "salary_floor", 85_000),
        ("salary_floor", "120,000", "salary_floor", 120_000),
        ("remote", "Yes", "remote", "remote"),
        ("remote", "on-site", "remote", "onsite"),
        (
            "skills",
            "Python, SQL; python,  Airflow, k8s",
            "skills",
            ["Python", "SQL", "Apache Airflow", "Kubernetes"],
        ),
        ("target role", "Product Manager", "target_roles", ["Product Manager"]),
        ("tz", "europe/berlin", "timezone", "Europe/Berlin"),
        ("timezone", "Tokyo", "timezone", "Asia/Tokyo"),
        ("timezone", "utc", "timezone", "UTC"),
    ],
)
def test_set_field_parses_user_text(field: str, raw: str, attr: str, expected: object) -> None:
    profile = set_field(Profile(), field, raw)
    assert getattr(profile, attr) == expected
    assert profile.manual_fields == [attr]


@pytest.mark.parametrize(
    ("field", "raw", "reason"),
    [
        ("experience", "lots", "number of years"),
        ("experience", "90", "working life"),
        ("salary", "a lot", "yearly amount"),
        ("remote", "sometimes", "choose one of"),
        ("timezone", "Mars/Olympus", "IANA"),
        ("title", "   ", "empty"),
        ("title", "x" * 300, "under 200"),
        ("skills", ", ,", "at least one"),
    ],
)
def test_set_field_rejects_bad_values(field: str, raw: str, reason: str) -> None:
    with pytest.raises(InvalidField, match=reason):
        set_field(Profile(), field, raw)


def test_unknown_field_is_named() -> None:
    with pytest.raises(InvalidField) as info:
        set_field(Profile(), "shoe_size", "42")
    assert info.value.field == "shoe_size"
    assert info.value.reason == "unknown field"


def test_set_does_not_mutate_and_clear_unmarks() -> None:
    original = Profile()
    edited = set_field(original, "skills", "Python")
    assert original.skills == []
    cleared = clear_field(edited, "skills")
    assert cleared.skills == []
    assert cleared.manual_fields == []
    assert cleared.is_empty()
    assert not edited.is_empty()


def test_display_values() -> None:
    profile = set_field(set_field(Profile(), "salary", "85000"), "experience", "4")
    assert display_value(profile, find_field("salary")) == "85,000"
    assert display_value(profile, find_field("experience")) == "4"
    assert display_value(profile, find_field("skills")) is None


@pytest.mark.parametrize(
    ("answer", "locations", "remote"),
    [
        ("Berlin, remote", ["Berlin"], "remote"),
        ("Berlin or London", ["Berlin", "London"], None),
        ("remote only", [], "remote"),
        ("hybrid in Paris", ["Paris"], "hybrid"),
        ("New York or Boston, fully remote", ["New York", "Boston"], "remote"),
        ("anywhere", [], "any"),
    ],
)
def test_location_answer(answer: str, locations: list[str], remote: str | None) -> None:
    assert parse_location_answer(answer) == (locations, remote)


def test_ambiguous_city_is_not_guessed() -> None:
    with pytest.raises(ValueError, match="IANA"):
        parse_timezone("Nowhere")
