"""The database itself refuses to change or delete a ledger entry (a trigger on both engines), whatever
code or person sends the SQL; new entries are the only way to fix money."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.api.helpers import client_record, lima_practice


async def _one_entry(client_as: Any) -> str:
    admin = await client_as("admin")
    await lima_practice(admin)
    client = await client_record(admin, "Inmutable", "Prueba")
    posted = await admin.post(
        f"/api/v1/clients/{client['id']}/payments",
        json={"amount_minor": 5000, "currency": "PEN", "payment_method": "cash"},
    )
    assert posted.status_code == 201
    return str(posted.json()["id"])


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE ledger_entries SET amount_minor = 1 WHERE id = :id",
        "UPDATE ledger_entries SET memo = 'changed' WHERE id = :id",
        "DELETE FROM ledger_entries WHERE id = :id",
        "DELETE FROM ledger_entries",
    ],
)
async def test_raw_sql_cannot_change_or_delete_an_entry(client_as: Any, engine: Any, statement: str) -> None:
    entry_id = await _one_entry(client_as)
    bound = entry_id if engine.dialect.name == "postgresql" else entry_id.replace("-", "")
    with pytest.raises(DBAPIError, match="insert-only"):
        async with engine.begin() as connection:
            await connection.execute(text(statement), {"id": bound})
    async with engine.connect() as connection:
        count = await connection.scalar(text("SELECT count(*) FROM ledger_entries"))
        amount = await connection.scalar(text("SELECT amount_minor FROM ledger_entries"))
    assert count == 1 and amount == 5000
