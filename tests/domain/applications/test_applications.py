"""What people type for a status, and when two postings are the same."""

from __future__ import annotations

import pytest

from domain.applications import ApplicationStatus, parse_status, same_posting


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("Interviewing", ApplicationStatus.INTERVIEWING),
        (" interview ", ApplicationStatus.INTERVIEWING),
        ("offered", ApplicationStatus.OFFER),
        ("declined", ApplicationStatus.REJECTED),
        ("withdraw", ApplicationStatus.WITHDRAWN),
        ("hired", None),
        ("", None),
    ],
)
def test_status_words(typed: str, status: ApplicationStatus | None) -> None:
    assert parse_status(typed) is status


def test_same_posting_ignores_case_and_punctuation() -> None:
    assert same_posting("ACME, Inc.", "Data Engineer (m/f/d)", "acme inc", "data engineer m f d")
    assert not same_posting("Acme", "Data Engineer", "Acme", "Data Analyst")
