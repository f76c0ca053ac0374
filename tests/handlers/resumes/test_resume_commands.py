"""Uploading resumes and /resumes, /resume use|show|delete."""

from __future__ import annotations

from handlers.chat.messages import Attachment
from tests.conftest import SHARED_DATA
from tests.handlers.conversation_kit import Chat, texts


def upload(name: str) -> Attachment:
    data = (SHARED_DATA / "resumes" / name).read_bytes()

    async def fetch() -> bytes:
        return data

    return Attachment(name, len(data), "application/pdf", fetch)


async def test_without_resumes_every_command_says_what_to_do(chat: Chat) -> None:
    assert "You haven't sent me a resume yet" in texts(await chat.say("/resumes"))
    assert "couldn't find resume 3" in texts(await chat.say("/resume use 3"))
    assert "couldn't find resume 1" in texts(await chat.say("/resume delete 1"))
    assert "/resume use N — make resume N the active one" in texts(await chat.say("/resume"))


async def test_two_uploads_switch_and_delete(chat: Chat) -> None:
    (read, *_) = await chat.say(attachments=(upload("barry_allen_fe.pdf"),))
    assert "Barry Allen" in read.text
    await chat.say(attachments=(upload("harvey_dent_mle.pdf"),))
    listed = await chat.say("/resumes")
    # The newest upload is the active one: a button to switch back to the other.
    assert "/resume use 1" in [b.payload for r in listed for b in r.buttons]
    assert "/resume use 2" not in [b.payload for r in listed for b in r.buttons]
    switched = texts(await chat.say("/resume use 1"))
    assert switched.startswith("Resume 1 (barry_allen_fe.pdf) is your active resume now")
    assert "• Name: Barry Allen" in texts(await chat.say("/profile"))
    (ask,) = await chat.say("/resume delete 2")
    assert [b.payload for b in ask.buttons] == ["/resume delete 2 confirm", "/resumes"]
    await chat.press("Yes, delete it")
    assert "harvey_dent_mle.pdf" not in texts(await chat.say("/resumes"))
