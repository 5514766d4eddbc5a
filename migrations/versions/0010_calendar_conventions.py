"""The practice's calendar conventions: the slot a drag snaps to (`slot_minutes`, 15 by default), the first
day of the week (`week_starts_on`, Monday by default, as in Peru), and its word for clients per language
(`client_labels`, e.g. {"es": "paciente", "en": "patient"}), which replaces the single `client_label`: a
Spanish word on English screens read "Back to pacientes". A custom label moves to the practice's default
language; the built-in "client" means "the UI language's own word" and moves nowhere.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 14:00:00
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SETTINGS = sa.table(
    "practice_settings",
    sa.column("id", sa.Uuid()),
    sa.column("default_locale", sa.String()),
    sa.column("client_label", sa.String()),
    sa.column("client_labels", sa.JSON()),
)


def upgrade() -> None:
    with op.batch_alter_table("practice_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("slot_minutes", sa.Integer(), nullable=False, server_default="15"))
        batch_op.add_column(
            sa.Column("week_starts_on", sa.String(length=40), nullable=False, server_default="monday")
        )
        batch_op.add_column(sa.Column("client_labels", sa.JSON(), nullable=True))
    bind = op.get_bind()
    for row in bind.execute(sa.select(SETTINGS.c.id, SETTINGS.c.default_locale, SETTINGS.c.client_label)):
        label = (row.client_label or "").strip()
        labels = {row.default_locale: label} if label and label.lower() != "client" else {}
        bind.execute(SETTINGS.update().where(SETTINGS.c.id == row.id).values(client_labels=labels))
    with op.batch_alter_table("practice_settings", schema=None) as batch_op:
        batch_op.alter_column("client_labels", existing_type=sa.JSON(), nullable=False)
        batch_op.drop_column("client_label")
        batch_op.create_check_constraint(
            op.f("ck_practice_settings_slot_minutes"), "slot_minutes IN (5, 10, 15, 20, 30, 60)"
        )
        batch_op.create_check_constraint(
            op.f("ck_practice_settings_week_starts_on"), "week_starts_on IN ('monday', 'sunday', 'saturday')"
        )


def downgrade() -> None:
    with op.batch_alter_table("practice_settings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("client_label", sa.String(length=40), nullable=False, server_default="client")
        )
    bind = op.get_bind()
    for row in bind.execute(sa.select(SETTINGS.c.id, SETTINGS.c.default_locale, SETTINGS.c.client_labels)):
        labels = (
            row.client_labels
            if isinstance(row.client_labels, dict)
            else json.loads(row.client_labels or "{}")
        )
        label = labels.get(row.default_locale) or "client"
        bind.execute(SETTINGS.update().where(SETTINGS.c.id == row.id).values(client_label=label))
    with op.batch_alter_table("practice_settings", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_practice_settings_week_starts_on"), type_="check")
        batch_op.drop_constraint(op.f("ck_practice_settings_slot_minutes"), type_="check")
        batch_op.drop_column("client_labels")
        batch_op.drop_column("week_starts_on")
        batch_op.drop_column("slot_minutes")
