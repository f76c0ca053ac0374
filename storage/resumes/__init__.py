"""Resumes in SQL."""
