"""The AI gateway with a scripted model: no model, one repair round, truncation, the cache
and the daily budget — every request logged."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from domain.ai import (
    AIBudgetExceeded,
    AIGateway,
    AIOutputInvalid,
    AIOutputTruncated,
    AIPolicy,
    AIUnavailable,
    Completion,
    Message,
    Prompt,
)
from tests.fakes import FakeClock, MemoryAIStore

PROMPT = Prompt("You help people plan careers.", "Name one role.", {"resume": "Nurse, 6 years"})


class Role(BaseModel):
    title: str


class Scripted:
    """A chat model that gives the answers it was given, in order."""

    def __init__(self, *answers: tuple[str, str]) -> None:
        self.answers = list(answers)
        self.calls: list[list[Message]] = []

    async def complete(self, model: str, messages: list[Message], **_: Any) -> Completion:
        self.calls.append(messages)
        text, finish = self.answers.pop(0)
        return Completion(text, finish, model, 100, 20)


def gateway(chat: Scripted | None, **policy: Any) -> tuple[AIGateway, MemoryAIStore, FakeClock]:
    store, clock = MemoryAIStore(), FakeClock()
    rules = AIPolicy(models={"default": "test-model"}, **policy)
    return AIGateway(chat, store, clock, rules), store, clock


async def test_without_a_model_features_are_told_to_go_offline() -> None:
    ai, store, _ = gateway(None)
    assert not ai.available
    with pytest.raises(AIUnavailable):
        await ai.structured("plans", 1, PROMPT, Role)
    assert store.records == []


async def test_a_wrong_answer_is_repaired_once_and_both_attempts_count() -> None:
    chat = Scripted(('{"name": "x"}', "stop"), ('{"title": "Nurse educator"}', "stop"))
    ai, store, _ = gateway(chat)
    answer = await ai.structured_with_usage("plans", 1, PROMPT, Role)
    assert answer.value == Role(title="Nurse educator")
    assert (answer.prompt_tokens, answer.completion_tokens) == (200, 40)
    assert "does not match the schema" in chat.calls[1][-1].content
    assert "Nurse, 6 years" in chat.calls[0][-1].content  # the material, fenced in the prompt
    again = await ai.structured("plans", 1, PROMPT, Role)  # the same request: from the cache
    assert again == answer.value
    assert len(chat.calls) == 2
    assert [r.cache_hit for r in store.records] == [False, False, True]


async def test_two_wrong_answers_fail_and_nothing_is_cached() -> None:
    chat = Scripted(("not json", "stop"), ('{"name": "x"}', "stop"), ('{"title": "A"}', "stop"))
    ai, store, _ = gateway(chat)
    with pytest.raises(AIOutputInvalid):
        await ai.structured("plans", 1, PROMPT, Role)
    assert store.records[-1].status == "invalid"
    assert store.cached == {}


async def test_a_cut_off_answer_is_a_failure_not_half_an_answer() -> None:
    ai, store, _ = gateway(Scripted(('{"title": "Nur', "length")))
    with pytest.raises(AIOutputTruncated):
        await ai.text("ask", 1, PROMPT)
    assert store.records[-1].status == "truncated"


async def test_the_daily_token_budget_stops_a_user_until_the_next_day() -> None:
    chat = Scripted(*[(f"answer {n}", "stop") for n in range(4)])
    ai, _, clock = gateway(chat, daily_token_budget=200)
    await ai.text("ask", 1, Prompt("s", "first"))
    await ai.text("ask", 1, Prompt("s", "second"))  # 240 tokens used now
    with pytest.raises(AIBudgetExceeded):
        await ai.text("ask", 1, Prompt("s", "third"))
    await ai.text("ask", 2, Prompt("s", "someone else"))  # budgets are per user
    clock.advance(days=1)
    assert await ai.text("ask", 1, Prompt("s", "next day")) == "answer 3"
    assert len(chat.calls) == 4
