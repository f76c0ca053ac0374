"""Profiles in SQL."""
