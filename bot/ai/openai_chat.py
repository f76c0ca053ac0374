"""Chat completions from any OpenAI-compatible server through the official `openai` SDK.

Timeouts are explicit (never the SDK's 10-minute default). Retries with exponential backoff
are the SDK's own, which honour `Retry-After`/`retry-after-ms` up to two minutes. Servers
that reject `response_format: json_schema` are retried with `json_object`, and those that
reject that too with plain instructions; what a model accepted is remembered.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx2
import openai
from openai import AsyncOpenAI

from domain.ai import AIProviderError, Completion, Message

log = logging.getLogger(__name__)
_MODES = ("json_schema", "json_object", "none")


class OpenAIChatModel:
    """The `ChatModel` port over `AsyncOpenAI(base_url=...)`."""

    def __init__(
        self,
        api_key: str,
        base_url: str | None = None,
        timeout_seconds: float = 60.0,
        max_retries: int = 2,
        client: AsyncOpenAI | None = None,
    ) -> None:
        self._client = client or AsyncOpenAI(
            api_key=api_key,
            base_url=base_url,
            timeout=httpx2.Timeout(timeout_seconds, connect=min(10.0, timeout_seconds)),
            max_retries=max_retries,
        )
        self._json_mode: dict[str, str] = {}

    async def close(self) -> None:
        await self._client.close()

    async def complete(
        self,
        model: str,
        messages: list[Message],
        *,
        json_schema: dict[str, Any] | None,
        schema_name: str | None,
        max_tokens: int,
        temperature: float,
    ) -> Completion:
        wire = [{"role": m.role, "content": m.content} for m in messages]
        if json_schema is None:
            return await self._create(model, wire, None, max_tokens, temperature)
        start = _MODES.index(self._json_mode.get(model, "json_schema"))
        for mode in _MODES[start:]:
            response_format = _response_format(mode, json_schema, schema_name or "answer")
            try:
                completion = await self._create(
                    model, wire, response_format, max_tokens, temperature
                )
            except _FormatRejected:
                log.info("model %s rejected response_format=%s; falling back", model, mode)
                continue
            self._json_mode[model] = mode
            return completion
        raise AIProviderError("bad_request", "the server rejected every JSON output mode")

    async def _create(
        self,
        model: str,
        messages: list[dict[str, str]],
        response_format: dict[str, Any] | None,
        max_tokens: int,
        temperature: float,
    ) -> Completion:
        extra: dict[str, Any] = {}
        if response_format is not None:
            extra["response_format"] = response_format
        try:
            response = await self._client.chat.completions.create(
                model=model,
                messages=messages,  # type: ignore[arg-type]
                max_tokens=max_tokens,
                temperature=temperature,
                **extra,
            )
        except openai.BadRequestError as exc:
            if response_format is not None and "response_format" in str(exc.message).lower():
                raise _FormatRejected() from exc
            raise AIProviderError("bad_request", _short(exc.message)) from exc
        except openai.RateLimitError as exc:
            raise AIProviderError("rate_limited", _short(exc.message)) from exc
        except openai.APITimeoutError as exc:
            raise AIProviderError("timeout", "the model did not answer in time") from exc
        except openai.APIConnectionError as exc:
            raise AIProviderError("connection", "could not reach the model server") from exc
        except openai.AuthenticationError as exc:
            raise AIProviderError("auth", "the API key was refused") from exc
        except openai.APIStatusError as exc:
            raise AIProviderError(f"http_{exc.status_code}", _short(exc.message)) from exc
        if not response.choices:
            raise AIProviderError("empty", "the server returned no choices")
        choice = response.choices[0]
        usage = response.usage
        return Completion(
            text=choice.message.content or "",
            finish_reason=choice.finish_reason or "stop",
            model=response.model or model,
            prompt_tokens=usage.prompt_tokens if usage else 0,
            completion_tokens=usage.completion_tokens if usage else 0,
        )


class _FormatRejected(Exception):
    """The server does not support the requested response_format."""


def _response_format(mode: str, schema: dict[str, Any], name: str) -> dict[str, Any] | None:
    if mode == "json_schema":
        return {"type": "json_schema", "json_schema": {"name": name[:64], "schema": schema}}
    if mode == "json_object":
        return {"type": "json_object"}
    return None


def _short(message: object) -> str:
    return str(message)[:300]
