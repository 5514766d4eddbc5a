"""0012: the English words the ledger stored for its own entries become codes + parameters (and back on a
downgrade), staff's own words stay as typed, and the ledger is insert-only again afterwards, on both
engines."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from tend.cli import alembic_config
from tend.persistence.db import create_engine
from tests.conftest import reset_postgres_database
from tests.harness import database_url, is_postgres

NOW = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
CLIENT, STAFF = uuid.uuid4(), uuid.uuid4()
FEE, REVERSAL, SERVICE_FEE, PAYMENT, TYPED_FEE = (uuid.uuid4() for _ in range(5))
CANCELLED_BILL, OPEN_BILL = uuid.uuid4(), uuid.uuid4()

clients = sa.table(
    "clients",
    *(sa.column(name, sa.Uuid if name == "id" else sa.String) for name in ("id", "first_name", "last_name")),
    sa.column("status", sa.String),
    sa.column("reminder_consent_email", sa.Boolean),
    sa.column("reminder_consent_sms", sa.Boolean),
    sa.column("reminder_consent_voice", sa.Boolean),
    sa.column("registered_on", sa.Date),
    sa.column("custom_fields", sa.JSON),
    sa.column("search_text", sa.String),
    sa.column("sort_key", sa.String),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)
entries = sa.table(
    "ledger_entries",
    sa.column("id", sa.Uuid),
    sa.column("client_id", sa.Uuid),
    sa.column("kind", sa.String),
    sa.column("charge_type", sa.String),
    sa.column("payment_method", sa.String),
    sa.column("amount_minor", sa.BigInteger),
    sa.column("delta_minor", sa.BigInteger),
    sa.column("currency", sa.String),
    sa.column("effective_date", sa.Date),
    sa.column("memo", sa.String),
    sa.column("bill_id", sa.Uuid),
    sa.column("reverses_id", sa.Uuid),
    sa.column("status_round", sa.Integer),
    sa.column("author_user_id", sa.Uuid),
    sa.column("created_at", sa.DateTime(timezone=True)),
)
bills = sa.table(
    "bills",
    sa.column("id", sa.Uuid),
    sa.column("client_id", sa.Uuid),
    sa.column("currency", sa.String),
    sa.column("total_minor", sa.BigInteger),
    sa.column("paid_minor", sa.BigInteger),
    sa.column("status", sa.String),
    sa.column("issued_on", sa.Date),
    sa.column("cancel_reason", sa.String),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)
lines = sa.table(
    "bill_lines",
    sa.column("id", sa.Uuid),
    sa.column("bill_id", sa.Uuid),
    sa.column("position", sa.Integer),
    sa.column("description", sa.String),
    sa.column("modifiers", sa.JSON),
    sa.column("amount_minor", sa.BigInteger),
)


@pytest.fixture
async def at_0011(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    url = database_url(str(tmp_path), "memo_codes")
    if is_postgres():
        await reset_postgres_database(url)
    await asyncio.to_thread(command.upgrade, alembic_config(url), "0011")  # type: ignore[arg-type]
    engine = create_engine(url)
    try:
        yield engine
    finally:
        await engine.dispose()


def _entry(entry_id: uuid.UUID, kind: str, memo: str, delta: int, **more: Any) -> dict[str, Any]:
    values = {"charge_type": None, "payment_method": None, "bill_id": None, "reverses_id": None}
    values |= {"status_round": None, "author_user_id": None, **more}
    return {
        "id": entry_id,
        "client_id": CLIENT,
        "kind": kind,
        "amount_minor": abs(delta),
        "delta_minor": delta,
        "currency": "PEN",
        "effective_date": date(2026, 12, 1),
        "memo": memo,
        "created_at": NOW,
        **values,
    }


async def _seed(engine: AsyncEngine) -> None:
    """A ledger as 0011 stored it: the ledger's own English words beside staff's and a service's."""
    async with engine.begin() as connection:
        await connection.execute(
            clients.insert().values(
                id=CLIENT,
                first_name="Ana",
                last_name="Quispe",
                status="active",
                reminder_consent_email=False,
                reminder_consent_sms=False,
                reminder_consent_voice=False,
                registered_on=date(2026, 1, 5),
                custom_fields={},
                search_text="ana quispe",
                sort_key="quispe ana",
                created_at=NOW,
                updated_at=NOW,
            )
        )
        bill = {"client_id": CLIENT, "currency": "PEN", "paid_minor": 0, "issued_on": date(2026, 12, 1)}
        bill |= {"created_at": NOW, "updated_at": NOW}
        await connection.execute(
            bills.insert(),
            [
                {**bill, "id": CANCELLED_BILL, "total_minor": 5000, "status": "cancelled"}
                | {"cancel_reason": "Session marked late cancelled"},
                {**bill, "id": OPEN_BILL, "total_minor": 15000, "status": "open", "cancel_reason": None},
            ],
        )
        await connection.execute(
            lines.insert(),
            [
                {"id": uuid.uuid4(), "bill_id": CANCELLED_BILL, "position": 0, "description": "No-show fee"}
                | {"modifiers": [], "amount_minor": 5000},
                {
                    "id": uuid.uuid4(),
                    "bill_id": OPEN_BILL,
                    "position": 0,
                    "description": "Evaluación psicológica",
                }
                | {"modifiers": [], "amount_minor": 15000},
            ],
        )
        await connection.execute(
            entries.insert(),
            [
                _entry(FEE, "charge", "No-show fee", 5000, charge_type="no_show_fee", status_round=1)
                | {"bill_id": CANCELLED_BILL},
                _entry(REVERSAL, "reversal", "Session marked late cancelled", -5000, reverses_id=FEE),
                _entry(SERVICE_FEE, "charge", "Evaluación psicológica", 15000, charge_type="session_fee")
                | {"status_round": 1, "bill_id": OPEN_BILL},
                _entry(PAYMENT, "payment", "Pagó en efectivo", -2000, payment_method="cash")
                | {"author_user_id": STAFF},
                _entry(TYPED_FEE, "charge", "No-show fee", 3000, charge_type="other", author_user_id=STAFF),
            ],
        )


async def _memos(engine: AsyncEngine) -> dict[uuid.UUID, tuple[Any, ...]]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            sa.text("SELECT id, memo, memo_code, memo_params FROM ledger_entries")
        )
        return {_uuid(row[0]): (row[1], row[2], _json(row[3])) for row in rows}


def _uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


async def _refuses_updates(engine: AsyncEngine) -> bool:
    try:
        async with engine.begin() as connection:
            await connection.execute(sa.text("UPDATE ledger_entries SET memo = 'changed'"))
    except DBAPIError as error:
        return "insert-only" in str(error)
    return False


async def test_the_ledger_s_own_english_memos_become_codes_and_come_back_on_downgrade(
    at_0011: AsyncEngine,
) -> None:
    engine = at_0011
    await _seed(engine)
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    await asyncio.to_thread(command.upgrade, config, "0012")  # type: ignore[arg-type]

    memos = await _memos(engine)
    assert memos[FEE] == (None, "no_show_fee", {})
    assert memos[REVERSAL] == (None, "session_marked", {"status": "late_cancelled"})
    assert memos[SERVICE_FEE] == ("Evaluación psicológica", None, None)  # the practice's own words
    assert memos[PAYMENT] == ("Pagó en efectivo", None, None)
    assert memos[TYPED_FEE] == ("No-show fee", None, None)  # typed by staff: kept as typed
    async with engine.connect() as connection:
        bill = (
            await connection.execute(
                sa.text(
                    "SELECT cancel_reason, cancel_reason_code, cancel_reason_params FROM bills"
                    " WHERE status = 'cancelled'"
                )
            )
        ).one()
        described = dict(
            (await connection.execute(sa.text("SELECT description_code, description FROM bill_lines"))).all()
        )
    assert (bill[0], bill[1], _json(bill[2])) == (None, "session_marked", {"status": "late_cancelled"})
    assert described == {"no_show_fee": None, None: "Evaluación psicológica"}
    assert await _refuses_updates(engine)  # the triggers are back

    await asyncio.to_thread(command.downgrade, config, "0011")  # type: ignore[arg-type]
    async with engine.connect() as connection:
        restored = dict((await connection.execute(sa.text("SELECT id, memo FROM ledger_entries"))).all())
        reason = (
            await connection.execute(sa.text("SELECT cancel_reason FROM bills WHERE status = 'cancelled'"))
        ).scalar_one()
        descriptions = set(
            (await connection.execute(sa.text("SELECT description FROM bill_lines"))).scalars()
        )
    assert {_uuid(k): v for k, v in restored.items()} == {
        FEE: "No-show fee",
        REVERSAL: "Session marked late cancelled",
        SERVICE_FEE: "Evaluación psicológica",
        PAYMENT: "Pagó en efectivo",
        TYPED_FEE: "No-show fee",
    }
    assert reason == "Session marked late cancelled"
    assert descriptions == {"No-show fee", "Evaluación psicológica"}
    assert await _refuses_updates(engine)
