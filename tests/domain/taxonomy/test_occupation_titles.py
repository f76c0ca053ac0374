"""Job titles as people write them, to O*NET occupations."""

from __future__ import annotations

import pytest

from domain.taxonomy import bundled_occupation_index, title_words


def test_title_words_drop_level_contract_and_place_and_expand_abbreviations() -> None:
    assert title_words("Sr. Software Eng. III (Remote) - Full Time") == ["software", "engineer"]
    assert title_words("Dev Ops Eng") == ["devops", "engineer"]
    assert title_words("HR Mgr, 2nd shift") == ["human", "resource", "manager"]
    assert title_words("Krankenpfleger/in (m/w/d)") == ["krankenpfleger"]


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Sr. Acct", "13-2011.00"),
        ("Staff Accountant", "13-2011.00"),
        ("HR Generalist", "13-1071.00"),
        ("Data Scientist", "15-2051.00"),
        ("Marketing Manager", "11-2021.00"),
        ("Barista", "35-3023.01"),
        ("Information Security Engineer", "15-1299.05"),
        ("Sr. Software Engineer - Remote (US)", "15-1252.00"),
        ("Nurse Practitioner / Family Medicine", "29-1171.00"),
    ],
)
def test_messy_titles_find_their_occupation_first(title: str, code: str) -> None:
    (first, *_) = bundled_occupation_index().match(title)
    assert first.occupation.onet_code == code


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Dev Ops Eng III", "15-12"),  # software and computer occupations
        ("Registered Nurse - ICU", "29-1141"),
        ("Truck Driver CDL-A", "53-303"),
        ("Forklift Operator 2nd shift", "53-7051"),
    ],
)
def test_hard_titles_find_their_occupation_in_the_top_three(title: str, family: str) -> None:
    matches = bundled_occupation_index().match(title)
    assert any(m.occupation.onet_code.startswith(family) for m in matches), matches


def test_three_matches_best_first_with_names_and_crosswalked_esco_uris() -> None:
    matches = bundled_occupation_index().match("Senior Accountant")
    assert len(matches) == 3
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert all(0 < m.score <= 1 for m in matches)
    best = matches[0].occupation
    assert best.name == "Accountants and Auditors"
    assert best.esco_uri is not None
    assert best.esco_uri.startswith("http://data.europa.eu/esco/occupation/")


@pytest.mark.parametrize("title", ["", "   ", "zzz qqq", "Senior (Remote) - Full Time"])
def test_a_title_that_names_no_occupation_gets_no_matches(title: str) -> None:
    assert bundled_occupation_index().match(title) == []
