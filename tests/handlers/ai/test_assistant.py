"""/ask, with and without a language model, and the friendly AI errors."""

from __future__ import annotations

from typing import Any

from domain.ai import AIProviderError, Completion, Message
from tests.fakes import FakeClock, MemoryServices
from tests.handlers.conversation_kit import Chat, texts
from tests.memory_storage import MemoryUnitOfWorkFactory


class EchoChat:
    def __init__(self, fail: bool = False) -> None:
        self.calls: list[list[Message]] = []
        self.fail = fail

    async def complete(self, model: str, messages: list[Message], **_: Any) -> Completion:
        self.calls.append(messages)
        if self.fail:
            raise AIProviderError("http_500", "boom")
        return Completion("Start with a portfolio project.", "stop", model, 900, 100)


def chat_with(model: EchoChat | None) -> tuple[Chat, MemoryServices]:
    fakes = MemoryServices(MemoryUnitOfWorkFactory(), FakeClock(), chat=model)
    return Chat(fakes.conversation()), fakes


async def test_offline_is_honest_and_points_to_offline_commands() -> None:
    chat, _ = chat_with(None)
    reply = texts(await chat.say("/ask how do I get into UX?"))
    assert "no language model is configured" in reply
    assert "/profile" in reply


async def test_answer_uses_the_profile_as_fenced_context() -> None:
    model = EchoChat()
    chat, fakes = chat_with(model)
    await chat.say("/profile set title Nurse")
    assert texts(await chat.say("/ask how do I move into health tech?")) == (
        "Start with a portfolio project."
    )
    user_message = model.calls[0][-1].content
    assert "<profile>\\nCurrent title: Nurse" in user_message.replace("\n", "\\n")
    assert "<question>\nhow do I move into health tech?\n</question>" in user_message
    assert fakes.ai_store.records[0].feature == "assistant"


async def test_budget_exhausted_gets_a_friendly_reply() -> None:
    model = EchoChat()
    chat, fakes = chat_with(model)
    for n in range(200):  # 1,000 tokens each; the default budget is 200,000
        assert texts(await chat.say(f"/ask question {n}")) == "Start with a portfolio project."
        fakes.clock.advance(seconds=10)  # stay under 10 requests a minute
    reply = texts(await chat.say("/ask one more"))
    assert "today's AI allowance (200,000 tokens)" in reply
    assert len(model.calls) == 200


async def test_rate_limit_gets_a_friendly_reply() -> None:
    chat, _ = chat_with(EchoChat())
    for n in range(10):
        await chat.say(f"/ask question {n}")
    assert "please wait about 60 seconds" in texts(await chat.say("/ask again"))


async def test_provider_failure_is_explained() -> None:
    chat, _ = chat_with(EchoChat(fail=True))
    assert "isn't answering right now" in texts(await chat.say("/ask hello?"))


async def test_empty_question_gets_an_example() -> None:
    chat, _ = chat_with(EchoChat())
    assert "/ask how do I move into product management?" in texts(await chat.say("/ask"))
