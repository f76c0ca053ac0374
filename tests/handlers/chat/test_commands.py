"""Parsing command lines."""

from __future__ import annotations

import pytest

from handlers.chat.commands import split_command


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/start", ("start", "")),
        ("  /Profile set title  Data Analyst ", ("profile", "set title  Data Analyst")),
        ("/help@CareerBot profile", ("help", "profile")),
        ("/tasks_done 3", ("tasks_done", "3")),
        ("hello", None),
        ("/", None),
        ("/ start", None),
        ("/../etc", None),
        ("http://example.com", None),
    ],
)
def test_split_command(text: str, expected: tuple[str, str] | None) -> None:
    assert split_command(text) == expected
