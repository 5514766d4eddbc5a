"""The ledger's own memos become codes + parameters, read in each reader's language: `memo_code` and
`memo_params` on ledger entries, `cancel_reason_code`/`_params` on bills, `description_code` on bill lines
(whose description may then be empty). The English words stored so far ("No-show fee", "Session marked
attended") are converted; e-mails keep their HTML part (`email_messages.body_html`).

Ledger entries are insert-only (0008's triggers): the conversion lifts the triggers for its own UPDATE and
puts them back before the migration ends, on both engines.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-16 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept here (not imported) so this migration means the same thing forever.
LEDGER_IMMUTABLE_MESSAGE = "ledger entries are insert-only: post a reversal or an adjustment instead"
FEE_WORDS = {
    "Session": "session_fee",
    "No-show fee": "no_show_fee",
    "Late cancellation fee": "late_cancel_fee",
}
STATUSES = ("scheduled", "attended", "no_show", "late_cancelled", "cancelled")

entries = sa.table(
    "ledger_entries",
    sa.column("kind", sa.String),
    sa.column("memo", sa.String),
    sa.column("memo_code", sa.String),
    sa.column("memo_params", sa.JSON),
    sa.column("status_round", sa.Integer),
    sa.column("author_user_id", sa.Uuid),
    sa.column("author_api_key_id", sa.Uuid),
)
bills = sa.table(
    "bills",
    sa.column("cancel_reason", sa.String),
    sa.column("cancel_reason_code", sa.String),
    sa.column("cancel_reason_params", sa.JSON),
)
lines = sa.table("bill_lines", sa.column("description", sa.String), sa.column("description_code", sa.String))


def _marked(status: str) -> str:
    return f"Session marked {status.replace('_', ' ')}"


def upgrade() -> None:
    op.add_column("ledger_entries", sa.Column("memo_code", sa.String(length=40), nullable=True))
    op.add_column("ledger_entries", sa.Column("memo_params", sa.JSON(), nullable=True))
    op.add_column("bills", sa.Column("cancel_reason_code", sa.String(length=40), nullable=True))
    op.add_column("bills", sa.Column("cancel_reason_params", sa.JSON(), nullable=True))
    with op.batch_alter_table("bill_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("description_code", sa.String(length=40), nullable=True))
        batch_op.alter_column("description", existing_type=sa.String(length=200), nullable=True)
    with op.batch_alter_table("email_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("body_html", sa.Text(), nullable=True))
    _lift_immutability()
    _words_to_codes()
    _restore_immutability()


def _words_to_codes() -> None:
    # Only what Tend itself posted (no user or API key behind it); staff's own words stay as typed.
    by_tend = sa.and_(entries.c.author_user_id.is_(None), entries.c.author_api_key_id.is_(None))
    for words, code in FEE_WORDS.items():
        op.execute(
            entries.update()
            .where(
                by_tend,
                entries.c.kind == "charge",
                entries.c.status_round.isnot(None),
                entries.c.memo == words,
            )
            .values(memo_code=code, memo_params={}, memo=None)
        )
        op.execute(
            lines.update().where(lines.c.description == words).values(description_code=code, description=None)
        )
    for status in STATUSES:
        op.execute(
            entries.update()
            .where(by_tend, entries.c.kind == "reversal", entries.c.memo == _marked(status))
            .values(memo_code="session_marked", memo_params={"status": status}, memo=None)
        )
        op.execute(
            bills.update()
            .where(bills.c.cancel_reason == _marked(status))
            .values(
                cancel_reason_code="session_marked",
                cancel_reason_params={"status": status},
                cancel_reason=None,
            )
        )


def _codes_to_words() -> None:
    for words, code in FEE_WORDS.items():
        op.execute(entries.update().where(entries.c.memo_code == code).values(memo=words))
        op.execute(lines.update().where(lines.c.description_code == code).values(description=words))
    for status in STATUSES:
        # The parameter is read back by its text, the same on both engines' JSON.
        marked = sa.cast(entries.c.memo_params, sa.Text).like(f'%"{status}"%')
        op.execute(
            entries.update()
            .where(entries.c.memo_code == "session_marked", marked)
            .values(memo=_marked(status))
        )
        cancelled = sa.cast(bills.c.cancel_reason_params, sa.Text).like(f'%"{status}"%')
        op.execute(
            bills.update()
            .where(bills.c.cancel_reason_code == "session_marked", cancelled)
            .values(cancel_reason=_marked(status))
        )


def _lift_immutability() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_immutable")
    else:
        op.execute("DROP TRIGGER ledger_entries_no_update")


def _restore_immutability() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_immutable")
    else:
        op.execute(
            "CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries "
            f"BEGIN SELECT RAISE(ABORT, '{LEDGER_IMMUTABLE_MESSAGE}'); END"
        )


def downgrade() -> None:
    _lift_immutability()
    _codes_to_words()
    _restore_immutability()
    with op.batch_alter_table("email_messages", schema=None) as batch_op:
        batch_op.drop_column("body_html")
    with op.batch_alter_table("bill_lines", schema=None) as batch_op:
        batch_op.alter_column("description", existing_type=sa.String(length=200), nullable=False)
        batch_op.drop_column("description_code")
    # Plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35): rebuilding these tables would drop 0008's triggers
    # and trip the foreign keys that point at them.
    op.drop_column("bills", "cancel_reason_params")
    op.drop_column("bills", "cancel_reason_code")
    op.drop_column("ledger_entries", "memo_params")
    op.drop_column("ledger_entries", "memo_code")
