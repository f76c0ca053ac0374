"""Push settings, job alerts and the outbox in SQL."""
