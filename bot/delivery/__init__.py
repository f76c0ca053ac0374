"""Delivering the outbox through the platform adapters, within platform rate limits."""
