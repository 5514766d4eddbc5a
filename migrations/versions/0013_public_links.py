"""Public links: a random token (stored as its SHA-256) that lets someone without an account do one thing —
confirm a session, answer a survey — until it expires or, if single-use, is spent.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 18:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "public_links",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("purpose", sa.String(length=60), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("single_use", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_links")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_public_links_token_hash")),
    )
    op.create_index(op.f("ix_public_links_subject_id"), "public_links", ["subject_id"])
    op.create_index(op.f("ix_public_links_expires_at"), "public_links", ["expires_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_public_links_expires_at"), table_name="public_links")
    op.drop_index(op.f("ix_public_links_subject_id"), table_name="public_links")
    op.drop_table("public_links")
