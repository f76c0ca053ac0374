"""What the domain needs from language models: chat completions and embeddings (ports),
and the errors a request can end in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from domain.errors import DomainError


@dataclass(frozen=True, slots=True)
class Message:
    """One chat message. `role` is "system", "user" or "assistant"."""

    role: str
    content: str


@dataclass(frozen=True, slots=True)
class Completion:
    """What a model returned, with the usage it reported."""

    text: str
    finish_reason: str
    model: str
    prompt_tokens: int
    completion_tokens: int


class ChatModel(Protocol):
    """An OpenAI-compatible chat endpoint (or anything that behaves like one)."""

    async def complete(
        self,
        model: str,
        messages: list[Message],
        *,
        json_schema: dict[str, Any] | None,
        schema_name: str | None,
        max_tokens: int,
        temperature: float,
    ) -> Completion: ...


class Embedder(Protocol):
    """Turns texts into unit-length vectors. `model_name` is stored with every vector."""

    model_name: str
    dimensions: int

    async def embed(self, texts: list[str]) -> list[list[float]]: ...


@dataclass(frozen=True, slots=True)
class AIRequestRecord:
    """One line of the AI request log. No prompt text, no secrets: what, how much, how long."""

    user_id: int | None
    feature: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    latency_ms: int
    status: str
    error: str | None
    cache_hit: bool
    created_at: datetime


class AIError(DomainError):
    """A language-model request did not produce a usable answer."""


class AIUnavailable(AIError):
    def __init__(self) -> None:
        super().__init__("no language model is configured")


class AIBudgetExceeded(AIError):
    def __init__(self, used: int, limit: int) -> None:
        super().__init__(f"daily AI budget used: {used} of {limit} tokens")
        self.used = used
        self.limit = limit


class AIRateLimited(AIError):
    def __init__(self, retry_after_seconds: int) -> None:
        super().__init__(f"too many AI requests; retry in {retry_after_seconds} s")
        self.retry_after_seconds = retry_after_seconds


class AIOutputInvalid(AIError):
    def __init__(self, problems: str) -> None:
        super().__init__(f"the model's answer did not match the expected shape: {problems}")
        self.problems = problems


class AIOutputTruncated(AIError):
    def __init__(self) -> None:
        super().__init__("the model's answer was cut off (token limit reached)")


class AIProviderError(AIError):
    """The endpoint failed (timeout, HTTP error, rate limit after retries)."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail
