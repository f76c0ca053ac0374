"""Command lines, and the commands each feature declares."""

from __future__ import annotations

import re

import pytest

from handlers.chat.commands import split_command
from handlers.chat.setup import build_command_table
from tests.handlers.conversation_kit import Chat, texts


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


def test_every_declared_command_fits_the_platform_menus() -> None:
    table = build_command_table()
    names = [c.name for c in table]
    assert len(names) == len(set(names))
    for command in table:
        assert re.fullmatch(r"[a-z0-9_]{1,32}", command.name), command.name  # Telegram's rule
        assert 3 <= len(command.summary) <= 100, command.name  # Discord's description limit
        assert all(re.fullmatch(r"[a-z0-9_]{1,32}", a) for a in command.aliases)
        assert command.detail().startswith(f"/{command.name}")
    assert table.get("help") is not None


async def test_help_comes_from_the_declarations_and_aliases_run_the_command(chat: Chat) -> None:
    # `chat` talks to the conversation over SQLite (tests/handlers/conftest.py): every
    # feature's storage is there, so an alias's answer is the command's, not an apology.
    overview = texts(await chat.say("/help"))
    assert "/plan — a 12-week plan towards a new role" in overview
    assert "Also: " in overview  # commands kept out of the menus are still listed
    detail = texts(await chat.say("/help plan"))
    assert detail.startswith("/plan <goal> | show N | export — a 12-week plan")
    assert "/tasks — this week's tasks" in detail
    assert "Also written: /apps" in texts(await chat.say("/help applications"))
    (listing,) = await chat.say("/apps")
    assert listing.text.startswith("You're not tracking any applications yet")
    assert listing.text == texts(await chat.say("/applications"))
    assert texts(await chat.say("/jobs")).startswith("To find matching jobs I need to know")
    assert "There is no /nope" in texts(await chat.say("/help nope"))
