"""/delete, /export, /link and /unlink."""

from __future__ import annotations

from tests.handlers.conversation_kit import Chat, texts


async def test_delete_asks_first_and_then_erases_everything(chat: Chat) -> None:
    await chat.say("/profile set title Nurse")
    (ask,) = await chat.say("/delete")
    assert "cannot be undone" in ask.text
    assert [b.payload for b in ask.buttons] == ["/delete confirm", "/help"]
    await chat.say("/cancel")
    assert "• Current title: Nurse" in texts(await chat.say("/profile"))
    await chat.say("/delete")
    assert "your data are deleted" in texts(await chat.press("Yes, delete everything"))
    assert "• Current title: —" in texts(await chat.say("/profile"))


async def test_export_sends_a_file(chat: Chat) -> None:
    await chat.say("/profile set title Nurse")
    (reply,) = await chat.say("/export")
    assert "everything I store about you" in reply.text
    (file,) = reply.files
    assert b"Nurse" in file.content  # what was stored, not just some file


async def test_link_codes(chat: Chat) -> None:
    code = texts(await chat.say("/link")).split("Your link code: ")[1].split()[0]
    assert len(code) == 8
    bad = "That code doesn't work — it may be mistyped, used or older than 10 minutes."
    assert bad in texts(await chat.say("/link ABCDEFGH"))
    assert "same account" in texts(await chat.say(f"/link {code}"))
    assert "nothing to unlink" in texts(await chat.say("/unlink"))
