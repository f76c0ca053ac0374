"""PostgreSQL only: job vectors in a pgvector column for nearest-neighbour search in SQL.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite searches vectors with the in-process numpy index
    op.execute("CREATE EXTENSION IF NOT EXISTS vector")
    op.execute(
        "CREATE TABLE job_vectors ("
        " job_id BIGINT PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,"
        " model VARCHAR(120) NOT NULL,"
        " embedding vector NOT NULL)"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE IF EXISTS job_vectors")
