"""What an adapter raises when a push could not be delivered, in platform-neutral terms.

Adapters translate their SDK's exceptions into these; the dispatcher decides what each
means for the outbox row."""

from __future__ import annotations


class DeliveryError(Exception):
    """Base of every delivery failure."""


class RateLimited(DeliveryError):
    """The platform said "too many requests"; nothing was delivered. Wait `retry_after`."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited; retry after {retry_after:g} s")
        self.retry_after = retry_after


class RecipientGone(DeliveryError):
    """The user blocked the bot, closed their DMs or deleted their account."""


class DeliveryUncertain(DeliveryError):
    """The request timed out: the message may or may not have arrived. Not repeated."""


class TemporaryFailure(DeliveryError):
    """A network failure before the platform took the message; safe to try again."""
