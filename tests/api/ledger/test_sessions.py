"""What a session's status does to money (through the `appointment_changed` job), bills and payments
applied to them, and the rules for changing a session that already happened (seed 002). Each refusal is
a 409 naming the next step. The clock: 2026-03-10 15:00 UTC (10:00 in Lima)."""

from __future__ import annotations

from typing import Any

from tests.api.scheduling.test_appointments import APPOINTMENTS, _practice, at, session

FEE_PEN = 2500  # lima_practice's no-show fee


async def _past_session(admin: Any, p: dict[str, Any], day: int = 9, **extra: Any) -> dict[str, Any]:
    booked = await admin.post(APPOINTMENTS, json=session(p, at(day, 9), at(day, 10), **extra))
    assert booked.status_code == 201, booked.text
    return dict(booked.json())


async def _status(admin: Any, appointment: dict[str, Any], status: str, **extra: Any) -> dict[str, Any]:
    response = await admin.post(
        f"{APPOINTMENTS}/{appointment['id']}/status", json={"status": status, **extra}
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _money(admin: Any, client_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    ledger = (await admin.get(f"/api/v1/clients/{client_id}/ledger")).json()
    return ledger["lines"], ledger["balances"]


def _live(lines: list[dict[str, Any]], charge_type: str) -> list[dict[str, Any]]:
    return [
        x for x in lines if x["charge_type"] == charge_type and x["kind"] == "charge" and not x["reversed"]
    ]


async def test_attending_posts_the_session_charge_and_its_bill(client_as: Any, run_jobs: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    appointment = await _past_session(admin, p)
    await _status(admin, appointment, "attended")
    await run_jobs()
    await run_jobs()  # a second run changes nothing
    lines, balances = await _money(admin, p["ana"]["id"])
    charges = _live(lines, "session_fee")
    assert (
        len(charges) == 1
        and charges[0]["amount_minor"] == 18000
        and charges[0]["effective_date"] == "2026-03-09"
    )
    assert balances == [{"currency": "PEN", "amount_minor": 18000}]
    bills = (await admin.get(f"/api/v1/clients/{p['ana']['id']}/bills")).json()
    assert len(bills) == 1
    bill = bills[0]
    assert (
        bill["status"] == "open"
        and bill["total_minor"] == 18000
        and bill["appointment_id"] == appointment["id"]
    )
    assert bill["lines"] == [
        {"description": "Psicoterapia 45", "description_code": None, "service_code": "90834", "modifiers": []}
        | {"amount_minor": 18000}
    ]


async def test_payments_applied_to_bills_and_the_cancel_rules(client_as: Any, run_jobs: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    appointment = await _past_session(admin, p)
    await _status(admin, appointment, "attended")
    await run_jobs()
    bill = (await admin.get(f"/api/v1/clients/{p['ana']['id']}/bills")).json()[0]
    payment = await admin.post(
        f"/api/v1/clients/{p['ana']['id']}/payments",
        json={"amount_minor": 10000, "currency": "PEN", "payment_method": "card",
              "allocations": [{"bill_id": bill["id"], "amount_minor": 10000}]},
    )  # fmt: skip
    assert payment.status_code == 201, payment.text
    bill = (await admin.get(f"/api/v1/bills/{bill['id']}")).json()
    assert bill["status"] == "partially_paid" and bill["paid_minor"] == 10000

    too_much = await admin.post(
        f"/api/v1/ledger-entries/{payment.json()['id']}/allocations",
        json={"allocations": [{"bill_id": bill["id"], "amount_minor": 1}]},
    )
    assert too_much.status_code == 409 and too_much.json()["code"] == "conflict.allocation_exceeds"

    refused = await admin.post(f"/api/v1/bills/{bill['id']}/cancel", json={"reason": "Error"})
    assert refused.status_code == 409 and refused.json()["code"] == "conflict.bill_has_payments"
    assert "Un-apply" in refused.json()["next_step"]
    no_refund = await admin.post(
        f"/api/v1/ledger-entries/{payment.json()['id']}/refund", json={"amount_minor": 100}
    )
    assert no_refund.status_code == 409 and "Un-apply" in no_refund.json()["next_step"]
    deleting = await admin.delete(f"{APPOINTMENTS}/{appointment['id']}")
    assert deleting.status_code == 409 and deleting.json()["code"] == "conflict.bill_not_cancelled"
    assert "Cancel the bill" in deleting.json()["next_step"]

    reversing = await admin.post(
        f"/api/v1/ledger-entries/{payment.json()['id']}/reverse", json={"reason": "Registrado dos veces"}
    )
    assert reversing.status_code == 409 and reversing.json()["code"] == "conflict.payment_applied"
    assert "Un-apply" in reversing.json()["next_step"]
    # Un-applying the payment takes it off every bill at once (here one); a second call finds nothing to do.
    path = f"/api/v1/ledger-entries/{payment.json()['id']}/allocations"
    assert (await admin.delete(path)).status_code == 204
    assert (await admin.delete(path)).status_code == 204
    assert (await admin.get(f"/api/v1/bills/{bill['id']}")).json()["status"] == "open"
    cancelled = await admin.post(f"/api/v1/bills/{bill['id']}/cancel", json={"reason": "Sesión duplicada"})
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    lines, balances = await _money(admin, p["ana"]["id"])
    assert balances == [{"currency": "PEN", "amount_minor": -10000}]  # the payment is credit now
    assert [x["kind"] for x in lines] == ["charge", "payment", "reversal"]
    assert (await admin.delete(f"{APPOINTMENTS}/{appointment['id']}")).status_code == 204
    assert (await admin.get(f"{APPOINTMENTS}/{appointment['id']}")).status_code == 404
    assert len((await _money(admin, p["ana"]["id"]))[0]) == 3  # the ledger keeps its history


async def test_no_show_fee_default_override_waiver_and_correction(client_as: Any, run_jobs: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    first = await _past_session(admin, p, day=2)
    await _status(admin, first, "no_show")
    await run_jobs()
    assert [c["amount_minor"] for c in _live((await _money(admin, p["ana"]["id"]))[0], "no_show_fee")] == [
        FEE_PEN
    ]

    second = await _past_session(admin, p, day=3)
    await _status(admin, second, "no_show", fee_minor=4000)
    third = await _past_session(admin, p, day=4)
    waived = await _status(admin, third, "no_show", waive_fee_reason="Emergencia médica")
    assert waived["status"] == "no_show"
    await run_jobs()
    lines, _ = await _money(admin, p["ana"]["id"])
    assert sorted(c["amount_minor"] for c in _live(lines, "no_show_fee")) == [FEE_PEN, 4000]

    # no_show -> attended reverses the fee and charges the session; back to no_show: one live fee again.
    await _status(admin, first, "attended")
    await run_jobs()
    lines, _ = await _money(admin, p["ana"]["id"])
    assert sorted(c["amount_minor"] for c in _live(lines, "no_show_fee")) == [4000]
    assert len(_live(lines, "session_fee")) == 1
    await _status(admin, first, "no_show")
    await run_jobs()
    await run_jobs()
    lines, balances = await _money(admin, p["ana"]["id"])
    fees = [c for c in _live(lines, "no_show_fee") if c["appointment_id"] == first["id"]]
    assert len(fees) == 1 and _live(lines, "session_fee") == []
    assert balances == [{"currency": "PEN", "amount_minor": FEE_PEN + 4000}]
    both = await admin.post(
        f"{APPOINTMENTS}/{third['id']}/status",
        json={"status": "no_show", "fee_minor": 1, "waive_fee_reason": "x"},
    )
    assert both.status_code == 422


async def test_logging_a_past_no_show_takes_its_fee_in_the_same_call(client_as: Any, run_jobs: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    body = session(p, at(5, 9), at(5, 10), status="no_show", fee_minor=3300)
    key = {"Idempotency-Key": "log-no-show-1"}
    logged = await admin.post(APPOINTMENTS, json=body, headers=key)
    assert logged.status_code == 201, logged.text
    again = await admin.post(APPOINTMENTS, json=body, headers=key)  # a retry logs nothing twice
    assert again.status_code == 201 and again.json()["id"] == logged.json()["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    waived = await admin.post(
        APPOINTMENTS, json=session(p, at(6, 9), at(6, 10), status="no_show", waive_fee_reason="Duelo")
    )
    assert waived.status_code == 201, waived.text
    await run_jobs()
    lines, balances = await _money(admin, p["ana"]["id"])
    assert [(c["amount_minor"], c["appointment_id"]) for c in _live(lines, "no_show_fee")] == [
        (3300, logged.json()["id"])
    ]
    assert balances == [{"currency": "PEN", "amount_minor": 3300}]

    for status, fee in (("attended", {"fee_minor": 100}), ("scheduled", {"waive_fee_reason": "No"})):
        refused = await admin.post(APPOINTMENTS, json=session(p, at(7, 9), at(7, 10), status=status, **fee))
        assert refused.status_code == 422, refused.text
        assert refused.json()["errors"][0]["field"] == next(iter(fee)), refused.text


async def test_a_late_cancellation_posts_the_late_cancel_fee(client_as: Any, run_jobs: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    patched = await admin.patch("/api/v1/practice", json={"late_cancel_fees": {"PEN": 3000}})
    assert patched.status_code == 200, patched.text
    tomorrow = await admin.post(APPOINTMENTS, json=session(p, at(11, 9), at(11, 10)))
    changed = await _status(admin, tomorrow.json(), "cancelled")
    assert changed["status"] == "late_cancelled"
    await run_jobs()
    lines, _ = await _money(admin, p["ana"]["id"])
    assert [c["amount_minor"] for c in _live(lines, "late_cancel_fee")] == [3000]


async def test_past_session_change_rules(client_as: Any, run_jobs: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    appointment = await _past_session(admin, p)
    path = f"{APPOINTMENTS}/{appointment['id']}"
    # No bill: editable, until its note is signed (by the treating clinician).
    carmen = await client_as("clinician", practitioner_id=p["carmen"]["id"])
    assert (await carmen.put(f"{path}/note", json={"text": "Avances"})).status_code == 200
    assert (await carmen.post(f"{path}/note/sign")).json()["signed_at"] is not None
    for method, url, body in (
        ("PATCH", path, {"instructions": "x"}),
        ("POST", f"{path}/status", {"status": "attended"}),
        ("DELETE", path, None),
    ):
        refused = await admin.request(method, url, json=body)
        assert refused.status_code == 409 and refused.json()["code"] == "conflict.note_signed", (method, url)
        assert "nlock" in refused.json()["next_step"]
    rewritten = await carmen.put(f"{path}/note", json={"text": "otra"})
    assert rewritten.status_code == 409 and rewritten.json()["code"] == "conflict.note_signed"
    unlocked = await admin.post(f"{path}/note/unlock", json={"reason": "Corregir asistencia"})
    assert unlocked.status_code == 200 and unlocked.json()["signed_at"] is None
    audit = (
        await admin.get("/api/v1/audit-events", params={"object_type": "appointment", "limit": 200})
    ).json()["items"]
    assert any(e["action"] == "session_note.unlocked" and e["object_id"] == appointment["id"] for e in audit)

    # A bill with no payment: the session's price is on the bill, whose lines may be edited.
    await _status(admin, appointment, "attended")
    await run_jobs()
    billed = await admin.patch(path, json={"price_minor": 1})
    assert billed.status_code == 409 and billed.json()["code"] == "conflict.session_billed"
    bill = (await admin.get(f"/api/v1/clients/{p['ana']['id']}/bills")).json()[0]
    edited = await admin.put(
        f"/api/v1/bills/{bill['id']}/lines",
        json={"reason": "Sesión corta", "lines": [{"description": "Psicoterapia 30", "amount_minor": 12000}]},
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["total_minor"] == 12000
    _, balances = await _money(admin, p["ana"]["id"])
    assert balances == [{"currency": "PEN", "amount_minor": 12000}]
    # Paid: the lines are locked until the payment is un-applied.
    await admin.post(
        f"/api/v1/clients/{p['ana']['id']}/payments",
        json={"amount_minor": 12000, "currency": "PEN", "payment_method": "cash",
              "allocations": [{"bill_id": bill["id"], "amount_minor": 12000}]},
    )  # fmt: skip
    assert (await admin.get(f"/api/v1/bills/{bill['id']}")).json()["status"] == "paid"
    locked = await admin.put(
        f"/api/v1/bills/{bill['id']}/lines",
        json={"reason": "x", "lines": [{"description": "x", "amount_minor": 1}]},
    )
    assert locked.status_code == 409 and locked.json()["code"] == "conflict.bill_has_payments"
    assert "Un-apply" in locked.json()["next_step"]


async def test_the_practice_ledger_lists_unpaid_bills_with_names_and_the_daily_close(
    client_as: Any, run_jobs: Any
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    await _status(admin, await _past_session(admin, p), "attended")
    await run_jobs()
    unpaid = (await admin.get("/api/v1/ledger/unpaid-bills")).json()["items"]
    assert [(b["client_first_name"], b["client_last_name"], b["total_minor"]) for b in unpaid] == [
        ("Ana", "Ruiz", 18000)
    ]
    paid = await admin.post(
        f"/api/v1/clients/{p['ana']['id']}/payments",
        json={"amount_minor": 18000, "currency": "PEN", "payment_method": "card"},
    )
    assert paid.status_code == 201
    close = (await admin.get("/api/v1/ledger/daily-close", params={"day": "2026-03-10"})).json()
    assert close["payments"] == [
        {"payment_method": "card", "currency": "PEN", "count": 1, "total_minor": 18000}
    ]
    aging = (await admin.get("/api/v1/ledger/aging")).json()
    assert aging == []  # paid in full: nothing owed


async def test_a_payment_is_never_applied_to_a_bill_in_another_currency(
    client_as: Any, run_jobs: Any
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    await _status(admin, await _past_session(admin, p), "attended")
    await run_jobs()
    bill = (await admin.get(f"/api/v1/clients/{p['ana']['id']}/bills")).json()[0]
    assert bill["currency"] == "PEN"
    dollars = await admin.post(
        f"/api/v1/clients/{p['ana']['id']}/payments",
        json={"amount_minor": 5000, "currency": "USD", "payment_method": "card",
              "allocations": [{"bill_id": bill["id"], "amount_minor": 5000}]},
    )  # fmt: skip
    assert dollars.status_code == 422, dollars.text
    error = dollars.json()["errors"][0]
    assert (error["field"], error["code"]) == ("allocations.0.bill_id", "validation.currency_mismatch")
    _, balances = await _money(admin, p["ana"]["id"])
    assert balances == [{"currency": "PEN", "amount_minor": 18000}]  # nothing was recorded


async def test_aging_follows_the_bills_that_are_still_open(client_as: Any, run_jobs: Any) -> None:
    """Paying the newest session's bill leaves the older bills open: they are what is old, not the newest."""
    admin = await client_as("admin")
    p = await _practice(admin)
    sessions = []
    for day in ("2026-01-05", "2026-02-02", "2026-03-09"):  # 64, 36 and 1 days before the clock
        booked = await admin.post(
            APPOINTMENTS, json=session(p, f"{day}T09:00:00-05:00", f"{day}T10:00:00-05:00", status="attended")
        )
        assert booked.status_code == 201, booked.text
        sessions.append(booked.json())
    await run_jobs()
    bills = {
        b["appointment_id"]: b for b in (await admin.get(f"/api/v1/clients/{p['ana']['id']}/bills")).json()
    }
    newest = bills[sessions[2]["id"]]
    paid = await admin.post(
        f"/api/v1/clients/{p['ana']['id']}/payments",
        json={"amount_minor": 18000, "currency": "PEN", "payment_method": "cash",
              "allocations": [{"bill_id": newest["id"], "amount_minor": 18000}]},
    )  # fmt: skip
    assert paid.status_code == 201, paid.text
    # Credit not applied to any bill still counts against the oldest.
    credit = {"amount_minor": 5000, "currency": "PEN", "payment_method": "cash"}
    assert (await admin.post(f"/api/v1/clients/{p['ana']['id']}/payments", json=credit)).status_code == 201
    [row] = (await admin.get("/api/v1/ledger/aging")).json()
    assert row["balance_minor"] == 31000
    assert row["buckets"] == [0, 18000, 13000, 0]
