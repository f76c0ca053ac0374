"""/apply, /applications, /status, /note and /history."""

from __future__ import annotations

from tests.handlers.conversation_kit import Chat, texts


async def test_track_an_application_through_its_statuses(chat: Chat) -> None:
    assert "/apply Acme | Data Analyst" in texts(await chat.say("/apply Acme"))
    tracked = texts(await chat.say("/apply Acme | Data Engineer | https://acme.example/1"))
    assert tracked.startswith("Tracking Data Engineer — Acme as applied.")
    listed = texts(await chat.say("/applications"))
    assert "1. Data Engineer — Acme · applied · since 2026-03-02" in listed
    unknown = texts(await chat.say("/status 1 hired"))
    assert "'hired' isn't a status I know" in unknown
    assert "saved, applied, interviewing, offer, rejected, withdrawn" in unknown
    assert "couldn't find application 7" in texts(await chat.say("/status 7 interviewing"))
    assert "interviewing" in texts(await chat.say("/status 1 interviewing"))
    assert texts(await chat.say("/note 1")).startswith("Use: /note <number> <text>")
    assert "Noted on Data Engineer — Acme" in texts(await chat.say("/note 1 Called Anna"))
    history = texts(await chat.say("/history 1"))
    assert "applied" in history
    assert "interviewing" in history
    assert "Called Anna" in history


async def test_numbers_are_the_users_own(chat: Chat) -> None:
    await chat.say("/apply Acme | Data Engineer")
    bob = Chat(chat.conversation, user_id="bob")
    assert "couldn't find application 1" in texts(await bob.say("/status 1 offer"))
    assert "Acme" not in texts(await bob.say("/applications"))
