"""The conversation layer end to end over in-memory ports: routing, flows, errors."""

from __future__ import annotations

import pytest

from domain.errors import NotFound
from domain.profiles import Profile
from handlers.chat.commands import Command, CommandTable
from handlers.chat.context import Context
from handlers.chat.conversation import MAX_MESSAGE_CHARS, Conversation
from handlers.chat.messages import Attachment, Reply
from handlers.chat.setup import build_command_table
from tests.fakes import FakeClock, MemoryServices
from tests.handlers.conversation_kit import Chat, texts
from tests.memory_storage import MemoryUnitOfWorkFactory


@pytest.fixture
def uow() -> MemoryUnitOfWorkFactory:
    return MemoryUnitOfWorkFactory()


@pytest.fixture
def chat(uow: MemoryUnitOfWorkFactory) -> Chat:
    return Chat(MemoryServices(uow, FakeClock()).conversation())


def stored_profile(uow: MemoryUnitOfWorkFactory) -> Profile:
    (profile,) = uow.data.profiles.values()
    return profile


async def test_start_asks_four_questions_and_fills_profile(
    chat: Chat, uow: MemoryUnitOfWorkFactory
) -> None:
    replies = await chat.say("/start")
    assert "Hi Ann!" in replies[0].text
    assert "1/4" in replies[1].text
    assert "2/4" in texts(await chat.say("Data Analyst"))
    assert "3/4" in texts(await chat.say("Data Scientist, ML Engineer"))
    assert "4/4" in texts(await chat.say("hybrid in Berlin"))
    final = texts(await chat.say("Berlin"))
    assert "Current title: Data Analyst" in final
    assert "Target roles: Data Scientist, ML Engineer" in final
    assert "Time zone: Europe/Berlin" in final
    profile = stored_profile(uow)
    assert (profile.locations, profile.remote) == (["Berlin"], "hybrid")
    assert uow.data.conversations == {}


async def test_bad_answer_is_explained_and_asked_again(chat: Chat) -> None:
    await chat.say("/start")
    for answer in ("Analyst", "PM", "remote"):
        await chat.say(answer)
    replies = await chat.say("Atlantis Standard Time")
    assert "IANA time zone" in replies[0].text
    assert "4/4" in replies[0].text
    assert "Time zone: Europe/Paris" in texts(await chat.say("Europe/Paris"))


async def test_skip_leaves_field_empty(chat: Chat, uow: MemoryUnitOfWorkFactory) -> None:
    await chat.say("/start")
    await chat.say("skip")
    await chat.say("Product Manager")
    await chat.say("skip")
    await chat.say("skip")
    profile = stored_profile(uow)
    assert profile.title is None
    assert profile.target_roles == ["Product Manager"]


async def test_flow_survives_a_restart(uow: MemoryUnitOfWorkFactory) -> None:
    await Chat(MemoryServices(uow, FakeClock()).conversation()).say("/start")
    await Chat(MemoryServices(uow, FakeClock()).conversation()).say("Teacher")
    restarted = Chat(MemoryServices(uow, FakeClock()).conversation())
    assert "3/4" in texts(await restarted.say("Instructional Designer"))
    assert stored_profile(uow).title == "Teacher"


async def test_cancel_leaves_flow_and_keeps_answers(
    chat: Chat, uow: MemoryUnitOfWorkFactory
) -> None:
    await chat.say("/start")
    await chat.say("Nurse")
    assert "cancelled" in texts(await chat.say("/cancel"))
    assert "nothing to cancel" in texts(await chat.say("/cancel"))
    assert stored_profile(uow).title == "Nurse"
    assert "not sure what you mean" in texts(await chat.say("UX Researcher"))


async def test_command_inside_flow_keeps_flow(chat: Chat) -> None:
    await chat.say("/start")
    assert "/profile" in texts(await chat.say("/help"))
    assert "2/4" in texts(await chat.say("Analyst"))


async def test_start_again_for_known_user_offers_redo(chat: Chat) -> None:
    await chat.say("/profile set title Chef")
    replies = await chat.say("/start")
    assert "Welcome back" in replies[0].text
    assert "Current title: Chef" in replies[0].text
    assert "1/4" in texts(await chat.press("Answer the questions again"))


async def test_profile_show_set_clear(chat: Chat, uow: MemoryUnitOfWorkFactory) -> None:
    assert "It's empty so far" in texts(await chat.say("/profile"))
    assert "Salary floor (yearly): 85,000" in texts(await chat.say("/profile set salary 85k"))
    assert "Skills: Python, SQL" in texts(await chat.say("/profile set skills Python, SQL"))
    assert "Cleared Salary floor" in texts(await chat.say("/profile clear salary"))
    profile = stored_profile(uow)
    assert profile.salary_floor is None
    assert profile.manual_fields == ["skills"]
    await chat.say("/profile")
    assert "/profile set title" in texts(await chat.press("Fields I can set"))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/profile set shoe_size 42", "I don't have a field called 'shoe_size'"),
        ("/profile set experience lots", "doesn't work: give a number of years"),
        ("/profile set title", "Tell me the field and the value"),
        ("/profile clear", "Which field"),
        ("/profile frobnicate", "I didn't get that"),
    ],
)
async def test_profile_errors_are_friendly(chat: Chat, line: str, expected: str) -> None:
    assert expected in texts(await chat.say(line))


async def test_help_is_generated_from_the_table(chat: Chat) -> None:
    text = texts(await chat.say("/help"))
    for command in build_command_table():
        if command.in_menu:
            assert f"/{command.name} — {command.summary}" in text
        else:
            assert f"/{command.name}" in text.split("Also: ")[1]
    assert "/profile set <field> <value>" in texts(await chat.say("/help profile"))
    assert "There is no /nope" in texts(await chat.say("/help nope"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/profle", "Did you mean /profile?"),
        ("/xyzzy", "I don't know the command /xyzzy."),
        ("/HELP", "Here's what I can do"),
        ("/help@CareerBot", "Here's what I can do"),
        ("what can you do?", "Here's what I can do"),
        ("show me my profile", "Your profile"),
        ("hello!", "Hi Ann!"),
        ("the weather is nice", "not sure what you mean"),
        ("should I learn SQL or Python first?", "no language model is configured"),
        ("can you tailor my resume for a job?", "Paste the job description"),
        ("I want to become a data analyst", "Happy to plan that with you"),
        ("find me some jobs", "I need to know what you do"),
        ("   ", "not sure what you mean"),
    ],
)
async def test_routing(chat: Chat, text: str, expected: str) -> None:
    assert expected in texts(await chat.say(text))


async def test_huge_message_is_refused_politely(chat: Chat, uow: MemoryUnitOfWorkFactory) -> None:
    reply = texts(await chat.say("x" * 100_000))
    assert f"{MAX_MESSAGE_CHARS:,}" in reply
    assert "too long" in reply


async def test_oversized_attachment_is_refused_before_download(chat: Chat) -> None:
    async def fetch() -> bytes:
        raise AssertionError("must not download")

    attachment = Attachment("cv.pdf", 50 * 1024 * 1024, "application/pdf", fetch)
    assert "the limit is 5.0 MB" in texts(await chat.say(attachments=(attachment,)))


async def test_unexpected_error_becomes_apology_and_domain_error_a_sentence(
    uow: MemoryUnitOfWorkFactory, caplog: pytest.LogCaptureFixture
) -> None:
    async def crash(ctx: Context, args: str) -> list[Reply]:
        raise ZeroDivisionError("secret internals")

    async def missing(ctx: Context, args: str) -> list[Reply]:
        raise NotFound("plan", 7)

    table = CommandTable([Command("crash", crash, "x"), Command("missing", missing, "y")])
    fakes = MemoryServices(uow, FakeClock())
    chat = Chat(
        Conversation(table, {}, fakes.clock, fakes.build(), crash, fakes.spawned.append, fakes.push)
    )
    reply = texts(await chat.say("/crash"))
    assert "went wrong on my side" in reply
    assert "secret internals" not in reply
    assert "ZeroDivisionError" in caplog.text
    assert texts(await chat.say("/missing")).startswith("I couldn't find plan 7.")


async def test_users_are_kept_apart(uow: MemoryUnitOfWorkFactory) -> None:
    ann = Chat(MemoryServices(uow, FakeClock()).conversation(), user_id="ann")
    bob = Chat(MemoryServices(uow, FakeClock()).conversation(), user_id="bob")
    await ann.say("/profile set title Pilot")
    assert "Current title: —" in texts(await bob.say("/profile"))
    assert "Current title: Pilot" in texts(await ann.say("/profile"))


def test_duplicate_command_names_are_refused() -> None:
    async def run(ctx: Context, args: str) -> list[Reply]:
        return []

    with pytest.raises(ValueError, match="defined twice"):
        CommandTable([Command("a", run, "x"), Command("a", run, "y")])
