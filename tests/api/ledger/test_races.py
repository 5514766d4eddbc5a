"""Money under concurrency, on PostgreSQL (SQLite has one writer at a time, so these races cannot happen
there): parallel payments lose nothing, replays of one Idempotency-Key post once, the fee job run
twice at the same moment posts one fee, and a bill equals its live allocations whatever is applied and
taken off at once. The requests run concurrently through the in-process app (each its own transaction on
its own pooled connection), which is how the issue's drift reproduces here."""

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


# Bills and the payments applied to them. Every round gets its own bill of 15000 PEN (a past session marked
# attended), so one test runs many independent races; the bill must always equal its live allocations.

PRICE = 15000


async def _billed_sessions(admin: Any, run_jobs: Any, p: dict[str, Any], count: int) -> list[dict[str, Any]]:
    """`count` past sessions of Ana at 15000, attended and billed by the job: [{appointment, bill}]."""
    booked = []
    for i in range(count):
        day, hour = 2 + i // 8, 8 + i % 8
        response = await admin.post(
            APPOINTMENTS, json=session(p, at(day, hour), at(day, hour, 45), price_minor=PRICE)
        )
        assert response.status_code == 201, response.text
        booked.append(response.json())
        status = await admin.post(f"{APPOINTMENTS}/{booked[-1]['id']}/status", json={"status": "attended"})
        assert status.status_code == 200, status.text
    await run_jobs()
    by_session = {
        b["appointment_id"]: b for b in (await admin.get(f"/api/v1/clients/{p['ana']['id']}/bills")).json()
    }
    return [{"appointment": a, "bill": by_session[a["id"]]} for a in booked]


async def _pay(admin: Any, p: dict[str, Any], amount: int, bill_id: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"amount_minor": amount, "currency": "PEN", "payment_method": "cash"}
    if bill_id is not None:
        body["allocations"] = [{"bill_id": bill_id, "amount_minor": amount}]
    response = await admin.post(f"/api/v1/clients/{p['ana']['id']}/payments", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _bill(admin: Any, bill_id: str) -> dict[str, Any]:
    response = await admin.get(f"/api/v1/bills/{bill_id}")
    assert response.status_code == 200, response.text
    return dict(response.json())


def _allocation_of(bill: dict[str, Any], payment: dict[str, Any]) -> str:
    (allocation,) = [a for a in bill["allocations"] if a["payment_id"] == payment["id"]]
    return str(allocation["id"])


def _consistent(bill: dict[str, Any]) -> None:
    """What the issue saw drift: the bill's paid amount and state against its live allocations."""
    live = sum(a["amount_minor"] for a in bill["allocations"])
    assert bill["paid_minor"] == live <= bill["total_minor"], bill
    expected = "paid" if live >= bill["total_minor"] else "partially_paid" if live else "open"
    assert bill["status"] == expected, bill


ROUNDS = 20


async def test_two_payments_taken_off_one_bill_at_once_leave_it_open(client_as: Any, run_jobs: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    for billed in await _billed_sessions(admin, run_jobs, p, ROUNDS):
        bill_id = billed["bill"]["id"]
        first, second = await _pay(admin, p, 10000, bill_id), await _pay(admin, p, 5000, bill_id)
        bill = await _bill(admin, bill_id)
        assert bill["status"] == "paid"
        a1, a2 = _allocation_of(bill, first), _allocation_of(bill, second)
        responses = await asyncio.gather(
            admin.delete(f"/api/v1/allocations/{a1}"), admin.delete(f"/api/v1/allocations/{a2}")
        )
        assert [r.status_code for r in responses] == [204, 204], [r.text for r in responses]
        bill = await _bill(admin, bill_id)
        _consistent(bill)
        assert (bill["paid_minor"], bill["status"], bill["allocations"]) == (0, "open", [])


async def test_taking_one_payment_off_while_applying_another_keeps_the_bill_equal_to_its_allocations(
    client_as: Any, run_jobs: Any
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    for billed in await _billed_sessions(admin, run_jobs, p, ROUNDS):
        bill_id = billed["bill"]["id"]
        first, second = await _pay(admin, p, 10000, bill_id), await _pay(admin, p, 5000)
        a1 = _allocation_of(await _bill(admin, bill_id), first)
        body = {"allocations": [{"bill_id": bill_id, "amount_minor": 5000}]}
        taken_off, applied = await asyncio.gather(
            admin.delete(f"/api/v1/allocations/{a1}"),
            admin.post(f"/api/v1/ledger-entries/{second['id']}/allocations", json=body),
        )
        assert (taken_off.status_code, applied.status_code) == (204, 201), (taken_off.text, applied.text)
        bill = await _bill(admin, bill_id)
        _consistent(bill)
        assert [(a["payment_id"], a["amount_minor"]) for a in bill["allocations"]] == [(second["id"], 5000)]
        assert (bill["paid_minor"], bill["status"]) == (5000, "partially_paid")
    # The last bill owes 10000: a third payment cannot put 15000 more on it.
    third = await _pay(admin, p, PRICE)
    too_much = await admin.post(
        f"/api/v1/ledger-entries/{third['id']}/allocations",
        json={"allocations": [{"bill_id": bill_id, "amount_minor": PRICE}]},
    )
    assert too_much.status_code == 409 and too_much.json()["code"] == "conflict.allocation_exceeds"
    assert "At most 10000" in too_much.json()["detail"]


async def test_twenty_deletes_of_one_allocation_at_once_take_it_off_once(
    client_as: Any, run_jobs: Any
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    for billed in await _billed_sessions(admin, run_jobs, p, 3):
        bill_id = billed["bill"]["id"]
        payment = await _pay(admin, p, 10000, bill_id)
        allocation = _allocation_of(await _bill(admin, bill_id), payment)
        responses = await asyncio.gather(
            *[admin.delete(f"/api/v1/allocations/{allocation}") for _ in range(20)]
        )
        statuses = sorted(r.status_code for r in responses)
        assert statuses == [204] + [404] * 19, [r.text for r in responses if r.status_code not in (204, 404)]
        assert {r.json()["detail"] for r in responses if r.status_code == 404} == {"No such allocation."}
        bill = await _bill(admin, bill_id)
        _consistent(bill)
        assert (bill["paid_minor"], bill["status"]) == (0, "open")
        # The payment is whole credit again: all of it can be refunded, once.
        refund = await admin.post(
            f"/api/v1/ledger-entries/{payment['id']}/refund", json={"amount_minor": 10000}
        )
        assert refund.status_code == 201, refund.text


async def test_whole_payments_and_single_allocations_taken_off_twice_at_once_leave_the_bill_open(
    client_as: Any, run_jobs: Any
) -> None:
    """Un-applying a whole payment has nothing to do the second time (204); a single allocation is gone
    the second time (404); all at once, the bill ends with neither."""
    admin = await client_as("admin")
    p = await _practice(admin)
    for billed in await _billed_sessions(admin, run_jobs, p, 10):
        bill_id = billed["bill"]["id"]
        first, second = await _pay(admin, p, 10000, bill_id), await _pay(admin, p, 5000, bill_id)
        a2 = _allocation_of(await _bill(admin, bill_id), second)
        whole = f"/api/v1/ledger-entries/{first['id']}/allocations"
        responses = await asyncio.gather(
            admin.delete(whole),
            admin.delete(f"/api/v1/allocations/{a2}"),
            admin.delete(whole),
            admin.delete(f"/api/v1/allocations/{a2}"),
        )
        statuses = [r.status_code for r in responses]
        assert statuses[0] == statuses[2] == 204 and sorted(statuses[1::2]) == [204, 404], [
            r.text for r in responses
        ]
        bill = await _bill(admin, bill_id)
        _consistent(bill)
        assert (bill["paid_minor"], bill["status"], bill["allocations"]) == (0, "open", [])


async def test_a_no_show_after_concurrent_unapplies_posts_its_fee(client_as: Any, run_jobs: Any) -> None:
    """The issue's knock-on: a bill that had drifted from its allocations made the fee job fail on
    `ck_bills_paid_within_total` until it was dead, and the session kept its 15000 charge."""
    admin = await client_as("admin")
    p = await _practice(admin)
    billed = await _billed_sessions(admin, run_jobs, p, 8)
    for item in billed:
        bill_id = item["bill"]["id"]
        first, second = await _pay(admin, p, 10000, bill_id), await _pay(admin, p, 5000)
        a1 = _allocation_of(await _bill(admin, bill_id), first)
        body = {"allocations": [{"bill_id": bill_id, "amount_minor": 5000}]}
        await asyncio.gather(
            admin.delete(f"/api/v1/allocations/{a1}"),
            admin.post(f"/api/v1/ledger-entries/{second['id']}/allocations", json=body),
        )
        # A third payment pays what is left of the bill, and no more.
        owed = PRICE - (await _bill(admin, bill_id))["paid_minor"]
        await _pay(admin, p, owed, bill_id)
        assert (await _bill(admin, bill_id))["status"] == "paid"
        flipped = await admin.post(
            f"{APPOINTMENTS}/{item['appointment']['id']}/status", json={"status": "no_show"}
        )
        assert flipped.status_code == 200, flipped.text
    await run_jobs()
    lines = (await admin.get(f"/api/v1/clients/{p['ana']['id']}/ledger")).json()["lines"]
    live = sorted(
        (x["appointment_id"], x["charge_type"], x["amount_minor"])
        for x in lines
        if x["kind"] == "charge" and not x["reversed"]
    )
    assert live == sorted((item["appointment"]["id"], "no_show_fee", 2500) for item in billed)
    for item in billed:
        bill = await _bill(admin, item["bill"]["id"])
        assert (bill["status"], bill["paid_minor"], bill["allocations"]) == ("cancelled", 0, [])
