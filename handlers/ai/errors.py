"""What the user is told when a language-model request gave nothing."""

from __future__ import annotations

from domain.ai import (
    AIBudgetExceeded,
    AIError,
    AIOutputInvalid,
    AIOutputTruncated,
    AIRateLimited,
    AIUnavailable,
)
from handlers.chat.errors import explain, explains


@explains(AIBudgetExceeded)
def _budget(exc: AIBudgetExceeded) -> str:
    return (
        f"You've used today's AI allowance ({exc.limit:,} tokens). It renews at midnight "
        "UTC. Everything that works offline is still available — see /help."
    )


@explains(AIRateLimited)
def _rate_limited(exc: AIRateLimited) -> str:
    return (
        "You're asking faster than I'm allowed to think — please wait about "
        f"{exc.retry_after_seconds} seconds and try again."
    )


UNUSABLE = "The language model gave me an answer I couldn't use. Please try again."
explain(
    {
        AIUnavailable: "That needs a language model, and none is configured for this bot.",
        AIOutputInvalid: UNUSABLE,
        AIOutputTruncated: UNUSABLE,
        AIError: (
            "The language model isn't answering right now. Please try again in a few minutes."
        ),
    }
)
