"""/digest, /timezone, /reminders and /alert: settings in the user's own time."""

from __future__ import annotations

from tests.handlers.conversation_kit import Chat, texts


async def test_digest_and_time_zone(chat: Chat) -> None:
    assert "Daily digest: off" in texts(await chat.say("/digest"))
    assert "I don't know the time zone “Mars/Olympus”" in texts(
        await chat.say("/timezone Mars/Olympus")
    )
    zone = texts(await chat.say("/timezone tokyo"))  # the clock says 09:00 UTC
    assert "Time zone: Asia/Tokyo (your time now: 18:00)" in zone
    assert "Give a time like 08:30" in texts(await chat.say("/digest 25:00"))
    assert texts(await chat.say("/digest 7:45")).startswith("Daily digest at 07:45")
    assert "Time zone: Asia/Tokyo" in texts(await chat.say("/profile"))  # one time zone
    assert texts(await chat.say("/digest off")).startswith("Daily digest off.")
    assert "reminders and plan check-ins: off" in texts(await chat.say("/reminders off"))


async def test_alerts_are_numbered_and_stopped(chat: Chat) -> None:
    assert "/alert python berlin" in texts(await chat.say("/alert"))
    assert "new jobs mention “python”" in texts(await chat.say("/alert Python!"))
    await chat.say("/alert python")  # the same alert again is kept once
    assert "Your alerts (1 of 10):\n1. python" in texts(await chat.say("/alerts"))
    assert "couldn't find alert 5" in texts(await chat.say("/alert off 5"))
    assert "Which alert?" in texts(await chat.say("/alert off"))
    assert texts(await chat.say("/alert off 1")) == "Alert “python” stopped."
    assert "No alerts yet" in texts(await chat.say("/alerts"))
