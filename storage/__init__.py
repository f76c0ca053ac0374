"""Persistence: SQLAlchemy async tables, repositories and the unit of work (SQLite | PostgreSQL)."""
