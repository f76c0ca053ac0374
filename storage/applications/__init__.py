"""Applications in SQL."""
