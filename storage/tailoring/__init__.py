"""Tailoring jobs in SQL."""
