"""Money under concurrency, on PostgreSQL (SQLite has one writer at a time, so these races cannot happen
there): parallel payments lose nothing, replays of one Idempotency-Key post once, and the fee job run
twice at the same moment posts one fee."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest

from tend.domain.ledger.charges import settle_appointment
from tests.api.helpers import client_record, lima_practice
from tests.api.scheduling.test_appointments import APPOINTMENTS, _practice, at, session

pytestmark = pytest.mark.postgres_only


async def test_a_hundred_concurrent_payments_all_count(client_as: Any) -> None:
    desk = await client_as("admin")
    await lima_practice(desk)
    client = await client_record(desk, "Concurrente", "Pagos")
    path = f"/api/v1/clients/{client['id']}/payments"
    body = {"amount_minor": 100, "currency": "PEN", "payment_method": "cash"}
    responses = await asyncio.gather(*[desk.post(path, json=body) for _ in range(100)])
    assert sorted({r.status_code for r in responses}) == [201], [
        r.text for r in responses if r.status_code != 201
    ]
    ledger = (await desk.get(f"/api/v1/clients/{client['id']}/ledger")).json()
    assert len(ledger["lines"]) == 100
    assert ledger["balances"] == [{"currency": "PEN", "amount_minor": -10000}]
    assert (await desk.get(f"/api/v1/clients/{client['id']}/balance")).json() == ledger["balances"]


async def test_fifty_concurrent_replays_of_one_key_post_once(client_as: Any) -> None:
    desk = await client_as("admin")
    await lima_practice(desk)
    client = await client_record(desk, "Doble", "Clic")
    path = f"/api/v1/clients/{client['id']}/payments"
    body = {"amount_minor": 5000, "currency": "PEN", "payment_method": "card"}
    key = {"Idempotency-Key": str(uuid.uuid4())}
    responses = await asyncio.gather(*[desk.post(path, json=body, headers=key) for _ in range(50)])
    assert {r.status_code for r in responses} <= {201, 409}, [
        r.text for r in responses if r.status_code >= 500
    ]
    created = [r for r in responses if r.status_code == 201]
    assert len({r.json()["id"] for r in created}) == 1 and created
    waiting = [r.json()["code"] for r in responses if r.status_code == 409]
    assert set(waiting) <= {"conflict.idempotency_in_progress"}
    lines = (await desk.get(f"/api/v1/clients/{client['id']}/ledger")).json()["lines"]
    assert len(lines) == 1


async def test_the_fee_job_twice_at_once_posts_one_fee(client_as: Any, system_ctx: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    missed = (await admin.post(APPOINTMENTS, json=session(p, at(9, 9), at(9, 10)))).json()
    assert (
        await admin.post(f"{APPOINTMENTS}/{missed['id']}/status", json={"status": "no_show"})
    ).status_code == 200

    async def settle() -> None:
        async with system_ctx() as ctx:
            await settle_appointment(ctx, uuid.UUID(missed["id"]))

    await asyncio.gather(*[settle() for _ in range(5)])
    lines = (await admin.get(f"/api/v1/clients/{p['ana']['id']}/ledger")).json()["lines"]
    assert [(x["kind"], x["charge_type"], x["amount_minor"]) for x in lines] == [
        ("charge", "no_show_fee", 2500)
    ]
