"""/tailor: asks for the job, and explains what it cannot find."""

from __future__ import annotations

from tests.handlers.conversation_kit import Chat, texts


async def test_tailor_asks_for_the_job_and_can_be_cancelled(chat: Chat) -> None:
    assert "Paste the job description here" in texts(await chat.say("/tailor"))
    assert texts(await chat.say("/cancel")) == "Okay, cancelled. Nothing else was changed."
    assert "couldn't find tailoring job 4" in texts(await chat.say("/tailor retry 4"))
