"""One-time codes that link a Telegram and a Discord account into one user.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.tables import UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "link_codes",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("user_id", Id, nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_link_codes_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("code", name="pk_link_codes"),
    )
    op.create_index("ix_link_codes_user_id", "link_codes", ["user_id"])


def downgrade() -> None:
    op.drop_table("link_codes")
