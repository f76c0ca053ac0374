"""/profile: show, set with validation, clear; /prefs for the job filters."""

from __future__ import annotations

from tests.handlers.conversation_kit import Chat, texts


async def test_set_validates_each_field_and_clear_forgets_it(chat: Chat) -> None:
    (empty,) = await chat.say("/profile")
    assert "• Salary floor (yearly): —" in empty.text
    assert [b.payload for b in empty.buttons] == ["/profile fields"]
    assert "Fields you can set:" in texts(await chat.say("/profile set"))
    assert "I don't have a field called 'colour'" in texts(await chat.say("/profile set colour x"))
    assert "give a yearly amount, e.g. 85000, 85k or 70k EUR" in texts(
        await chat.say("/profile set salary lots")
    )
    assert "choose one of: remote, hybrid, onsite, any" in texts(
        await chat.say("/profile set remote maybe")
    )
    assert (
        texts(await chat.say("/profile set salary 70k")) == "Saved. Salary floor (yearly): 70,000"
    )
    await chat.say("/profile set remote hybrid")
    assert "Cleared Salary floor (yearly)" in texts(await chat.say("/profile clear salary"))
    shown = texts(await chat.say("/profile"))
    assert "• Remote preference: hybrid" in shown
    assert "• Salary floor (yearly): —" in shown
    assert "• Remote preference: hybrid" in texts(await chat.say("/prefs"))


async def test_onboarding_takes_answers_and_skips(chat: Chat) -> None:
    await chat.say("/start")
    await chat.say("Teacher")
    await chat.say("skip")
    await chat.say("Berlin, remote")
    (done,) = await chat.say("Europe/Berlin")
    assert "Thanks, that's the basics." in done.text
    assert "• Current title: Teacher" in done.text
    assert "• Target roles: —" in done.text
    assert [b.payload for b in done.buttons] == ["/matches", "/digest 08:30", "/help"]
    (back,) = await chat.say("/start")
    assert back.text.startswith("Welcome back, Ann!")
