"""AI request log, response cache and stored embedding vectors.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.tables import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "ai_requests",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("user_id", Id, nullable=True),
        sa.Column("feature", sa.String(40), nullable=False),
        sa.Column("model", sa.String(120), nullable=False),
        sa.Column("prompt_tokens", sa.Integer(), nullable=False),
        sa.Column("completion_tokens", sa.Integer(), nullable=False),
        sa.Column("latency_ms", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("error", sa.String(500), nullable=True),
        sa.Column("cache_hit", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_ai_requests_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ai_requests"),
    )
    op.create_index("ix_ai_requests_user_id_created_at", "ai_requests", ["user_id", "created_at"])
    op.create_table(
        "ai_cache",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("model", sa.String(120), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_ai_cache"),
    )
    op.create_index("ix_ai_cache_expires_at", "ai_cache", ["expires_at"])
    op.create_table(
        "embeddings",
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("ref_id", Id, nullable=False),
        sa.Column("model", sa.String(120), nullable=False),
        sa.Column("dimensions", sa.Integer(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "ref_id", name="pk_embeddings"),
    )


def downgrade() -> None:
    op.drop_table("embeddings")
    op.drop_index("ix_ai_cache_expires_at", table_name="ai_cache")
    op.drop_table("ai_cache")
    op.drop_index("ix_ai_requests_user_id_created_at", table_name="ai_requests")
    op.drop_table("ai_requests")
