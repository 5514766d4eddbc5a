"""Session notes keep their history: the text of each signature (`session_note_versions`, marked when it
is unlocked, by whom and why) and amendments added after signing (`session_note_amendments`). Triggers on
both engines keep them unchanged: amendments are insert-only, a version's signed text, signer and time
never change, nor does its unlock once recorded; either goes away only with its session (the session's
deletion cascades). Notes signed before this revision get their signed text stored as their first
version.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 10:12:41.503118
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept here (not imported) so this migration means the same thing forever.
HISTORY_IMMUTABLE_MESSAGE = "signed session notes and their amendments are never changed: add an amendment"


def upgrade() -> None:
    op.create_table(
        "session_note_versions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("appointment_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("signed_by", sa.Uuid(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("unlocked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("unlocked_by", sa.Uuid(), nullable=True),
        sa.Column("unlock_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.id"],
            name=op.f("fk_session_note_versions_appointment_id_appointments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_note_versions")),
        sa.UniqueConstraint(
            "appointment_id", "number", name=op.f("uq_session_note_versions_appointment_id_number")
        ),
    )
    with op.batch_alter_table("session_note_versions", schema=None) as batch_op:
        batch_op.create_index(
            "uq_session_note_versions_live",
            ["appointment_id"],
            unique=True,
            sqlite_where=sa.text("unlocked_at IS NULL"),
            postgresql_where=sa.text("unlocked_at IS NULL"),
        )

    op.create_table(
        "session_note_amendments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("appointment_id", sa.Uuid(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_user_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.id"],
            name=op.f("fk_session_note_amendments_appointment_id_appointments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["session_note_versions.id"],
            name=op.f("fk_session_note_amendments_version_id_session_note_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_note_amendments")),
        sa.UniqueConstraint(
            "appointment_id", "number", name=op.f("uq_session_note_amendments_appointment_id_number")
        ),
    )
    with op.batch_alter_table("session_note_amendments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_session_note_amendments_version_id"), ["version_id"], unique=False
        )

    _store_signed_texts()
    _create_immutability_triggers()


def _store_signed_texts() -> None:
    """A note signed before this revision: its signed text becomes its first version."""
    notes = sa.table(
        "session_notes",
        sa.column("appointment_id", sa.Uuid()),
        sa.column("text", sa.Text()),
        sa.column("signed_by", sa.Uuid()),
        sa.column("signed_at", sa.DateTime(timezone=True)),
    )
    versions = sa.table(
        "session_note_versions",
        sa.column("id", sa.Uuid()),
        sa.column("appointment_id", sa.Uuid()),
        sa.column("number", sa.Integer()),
        sa.column("text", sa.Text()),
        sa.column("signed_by", sa.Uuid()),
        sa.column("signed_at", sa.DateTime(timezone=True)),
    )
    signed = op.get_bind().execute(
        sa.select(notes.c.appointment_id, notes.c.text, notes.c.signed_by, notes.c.signed_at).where(
            notes.c.signed_at.is_not(None), notes.c.signed_by.is_not(None)
        )
    )
    rows = [
        {
            "id": uuid.uuid4(),
            "appointment_id": row.appointment_id,
            "number": 1,
            "text": row.text,
            "signed_by": row.signed_by,
            "signed_at": row.signed_at,
        }
        for row in signed
    ]
    if rows:
        op.bulk_insert(versions, rows)


def _create_immutability_triggers() -> None:
    # A row may go only when its session has gone (the session's deletion cascades to it).
    session_gone = "NOT EXISTS (SELECT 1 FROM appointments WHERE appointments.id = OLD.appointment_id)"
    # Recording an unlock is the one change a version takes, once.
    records_unlock = (
        "OLD.unlocked_at IS NULL AND NEW.id = OLD.id AND NEW.appointment_id = OLD.appointment_id "
        "AND NEW.number = OLD.number AND NEW.text = OLD.text AND NEW.signed_by = OLD.signed_by "
        "AND NEW.signed_at = OLD.signed_at"
    )
    if op.get_context().dialect.name == "postgresql":
        refuse = f"RAISE EXCEPTION '{HISTORY_IMMUTABLE_MESSAGE}' USING ERRCODE = 'restrict_violation';"
        op.execute(
            f"""
            CREATE FUNCTION session_note_amendments_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' AND {session_gone} THEN
                    RETURN OLD;
                END IF;
                {refuse}
            END $$
            """
        )
        op.execute(
            f"""
            CREATE FUNCTION session_note_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF {session_gone} THEN
                        RETURN OLD;
                    END IF;
                ELSIF {records_unlock} THEN
                    RETURN NEW;
                END IF;
                {refuse}
            END $$
            """
        )
        op.execute(
            f"""
            CREATE FUNCTION session_note_history_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                {refuse}
            END $$
            """
        )
        for table in ("session_note_amendments", "session_note_versions"):
            op.execute(
                f"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_immutable()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION session_note_history_no_truncate()"
            )
    else:
        refuse = f"BEGIN SELECT RAISE(ABORT, '{HISTORY_IMMUTABLE_MESSAGE}'); END"
        op.execute(
            f"CREATE TRIGGER session_note_amendments_no_update BEFORE UPDATE ON session_note_amendments {refuse}"
        )
        op.execute(
            f"CREATE TRIGGER session_note_versions_no_update BEFORE UPDATE ON session_note_versions "
            f"WHEN NOT ({records_unlock}) {refuse}"
        )
        for table in ("session_note_amendments", "session_note_versions"):
            op.execute(
                f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} WHEN NOT {session_gone} {refuse}"
            )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in ("session_note_amendments", "session_note_versions"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_immutable ON {table}")
        op.execute("DROP FUNCTION IF EXISTS session_note_history_no_truncate()")
        op.execute("DROP FUNCTION IF EXISTS session_note_versions_immutable()")
        op.execute("DROP FUNCTION IF EXISTS session_note_amendments_immutable()")
    else:
        for name in (
            "session_note_amendments_no_update",
            "session_note_amendments_no_delete",
            "session_note_versions_no_update",
            "session_note_versions_no_delete",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("session_note_amendments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_note_amendments_version_id"))

    op.drop_table("session_note_amendments")
    with op.batch_alter_table("session_note_versions", schema=None) as batch_op:
        batch_op.drop_index("uq_session_note_versions_live")

    op.drop_table("session_note_versions")
