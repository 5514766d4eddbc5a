"""The practice's days can be closed: `daily_closes` keeps, once per local day (UNIQUE, so two people
closing at once cannot both succeed), who closed it, when, the totals it showed and the entries it counted.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 14:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "daily_closes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by_user_id", sa.Uuid(), nullable=True),
        sa.Column("closed_by_api_key_id", sa.Uuid(), nullable=True),
        sa.Column("totals", sa.JSON(), nullable=False),
        sa.Column("entry_ids", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_closes")),
        sa.UniqueConstraint("day", name=op.f("uq_daily_closes_day")),
    )


def downgrade() -> None:
    op.drop_table("daily_closes")
