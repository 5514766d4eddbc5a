"""Practice setup and client records: settings, practitioners, services, locations, rooms, programs,
custom fields, clients, client practitioners, relationships, enrollments.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 18:45:33.940244
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "clients",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("preferred_name", sa.String(length=100), nullable=True),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("id_number", sa.String(length=40), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("preferred_language", sa.String(length=40), nullable=True),
        sa.Column("reminder_consent_email", sa.Boolean(), nullable=False),
        sa.Column("reminder_consent_sms", sa.Boolean(), nullable=False),
        sa.Column("reminder_consent_voice", sa.Boolean(), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("custom_fields", sa.JSON(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("sort_key", sa.String(length=220), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clients")),
    )
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.create_index("ix_clients_sort_key_id", ["sort_key", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_clients_status"), ["status"], unique=False)

    op.create_table(
        "custom_field_definitions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("field_type", sa.String(length=40), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_field_definitions")),
        sa.UniqueConstraint("key", name=op.f("uq_custom_field_definitions_key")),
    )
    op.create_table(
        "locations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("pos_code", sa.String(length=2), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_locations")),
        sa.UniqueConstraint("name", name=op.f("uq_locations_name")),
    )
    op.create_table(
        "practice_settings",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("singleton", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("currencies", sa.JSON(), nullable=False),
        sa.Column("default_currency", sa.String(length=3), nullable=False),
        sa.Column("no_show_fees", sa.JSON(), nullable=False),
        sa.Column("late_cancel_fees", sa.JSON(), nullable=False),
        sa.Column("late_cancel_window_hours", sa.Integer(), nullable=False),
        sa.Column("fees_count_toward_commission", sa.Boolean(), nullable=False),
        sa.Column("reminder_send_hour", sa.Integer(), nullable=False),
        sa.Column("monthly_survey_enabled", sa.Boolean(), nullable=False),
        sa.Column("monthly_survey_day", sa.Integer(), nullable=False),
        sa.Column("default_locale", sa.String(length=40), nullable=False),
        sa.Column("client_label", sa.String(length=40), nullable=False),
        sa.Column("rating_anonymity_floor", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "late_cancel_window_hours >= 0", name=op.f("ck_practice_settings_window_not_negative")
        ),
        sa.CheckConstraint(
            "monthly_survey_day >= 1 AND monthly_survey_day <= 28",
            name=op.f("ck_practice_settings_survey_day"),
        ),
        sa.CheckConstraint(
            "reminder_send_hour >= 0 AND reminder_send_hour <= 23",
            name=op.f("ck_practice_settings_reminder_hour"),
        ),
        sa.CheckConstraint("singleton = 1", name=op.f("ck_practice_settings_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_settings")),
        sa.UniqueConstraint("singleton", name=op.f("uq_practice_settings_singleton")),
    )
    op.create_table(
        "practitioners",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("credentials", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("color", sa.String(length=7), nullable=False),
        sa.Column("commission_rate_bp", sa.Integer(), nullable=False),
        sa.Column("default_prices", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_key", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "commission_rate_bp >= 0 AND commission_rate_bp <= 10000",
            name=op.f("ck_practitioners_commission_range"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practitioners")),
    )
    with op.batch_alter_table("practitioners", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_practitioners_sort_key"), ["sort_key"], unique=False)

    op.create_table(
        "programs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programs")),
        sa.UniqueConstraint("name", name=op.f("uq_programs_name")),
    )
    op.create_table(
        "services",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("default_duration_minutes", sa.Integer(), nullable=False),
        sa.Column("prices", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("default_duration_minutes > 0", name=op.f("ck_services_duration_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_services")),
        sa.UniqueConstraint("code", name=op.f("uq_services_code")),
    )
    op.create_table(
        "client_practitioners",
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("practitioner_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_client_practitioners_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["practitioner_id"],
            ["practitioners.id"],
            name=op.f("fk_client_practitioners_practitioner_id_practitioners"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("client_id", "practitioner_id", name=op.f("pk_client_practitioners")),
    )
    with op.batch_alter_table("client_practitioners", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_client_practitioners_practitioner_id"), ["practitioner_id"], unique=False
        )

    op.create_table(
        "client_relationships",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("pair_id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("related_client_id", sa.Uuid(), nullable=False),
        sa.Column("relationship_type", sa.String(length=40), nullable=False),
        sa.Column("legal_guardian", sa.Boolean(), nullable=False),
        sa.Column("responsible_for_billing", sa.Boolean(), nullable=False),
        sa.Column("emergency_contact", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("client_id <> related_client_id", name=op.f("ck_client_relationships_not_self")),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_client_relationships_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["related_client_id"],
            ["clients.id"],
            name=op.f("fk_client_relationships_related_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_relationships")),
        sa.UniqueConstraint(
            "client_id", "related_client_id", name=op.f("uq_client_relationships_client_id_related_client_id")
        ),
    )
    with op.batch_alter_table("client_relationships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_relationships_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_client_relationships_pair_id"), ["pair_id"], unique=False)

    op.create_table(
        "enrollments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("program_id", sa.Uuid(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_enrollments_ends_after_start")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_enrollments_client_id_clients"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_enrollments_program_id_programs"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrollments")),
    )
    with op.batch_alter_table("enrollments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_enrollments_client_id_program_id", ["client_id", "program_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_enrollments_program_id"), ["program_id"], unique=False)

    op.create_table(
        "rooms",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["locations.id"],
            name=op.f("fk_rooms_location_id_locations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rooms")),
        sa.UniqueConstraint("location_id", "name", name=op.f("uq_rooms_location_id_name")),
    )
    with op.batch_alter_table("rooms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rooms_location_id"), ["location_id"], unique=False)

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_practitioner_id"), ["practitioner_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_users_practitioner_id_practitioners"),
            "practitioners",
            ["practitioner_id"],
            ["id"],
            ondelete="RESTRICT",
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_users_practitioner_id_practitioners"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_users_practitioner_id"))

    with op.batch_alter_table("rooms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rooms_location_id"))

    op.drop_table("rooms")
    with op.batch_alter_table("enrollments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrollments_program_id"))
        batch_op.drop_index("ix_enrollments_client_id_program_id")

    op.drop_table("enrollments")
    with op.batch_alter_table("client_relationships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_relationships_pair_id"))
        batch_op.drop_index(batch_op.f("ix_client_relationships_client_id"))

    op.drop_table("client_relationships")
    with op.batch_alter_table("client_practitioners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_practitioners_practitioner_id"))

    op.drop_table("client_practitioners")
    op.drop_table("services")
    op.drop_table("programs")
    with op.batch_alter_table("practitioners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practitioners_sort_key"))

    op.drop_table("practitioners")
    op.drop_table("practice_settings")
    op.drop_table("locations")
    op.drop_table("custom_field_definitions")
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clients_status"))
        batch_op.drop_index("ix_clients_sort_key_id")

    op.drop_table("clients")
