"""The daily close through HTTP: each payment and refund of the local day with its client, method,
reference and who recorded it, totals per method and currency, closing the day once (who, when, a
snapshot), what is recorded after the close marked as such, and who may do it. The clock: 2026-03-10
15:00 UTC (10:00 in Lima)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest

from tests.api.helpers import client_record, lima_practice, practitioner

CLOSE = "/api/v1/ledger/daily-close"
TODAY = "2026-03-10"


def pay(amount: int, currency: str = "PEN", method: str = "cash", **extra: Any) -> dict[str, Any]:
    return {"amount_minor": amount, "currency": currency, "payment_method": method, **extra}


async def _post(
    http: Any, path: str, body: dict[str, Any] | None = None, status: int = 201
) -> dict[str, Any]:
    response = await http.post(path, json=body)
    assert response.status_code == status, response.text
    return dict(response.json())


async def _setup(client_as: Any) -> tuple[Any, Any, dict[str, Any]]:
    admin = await client_as("admin", name="Ana Admin")
    await lima_practice(admin)
    desk = await client_as("front_desk", name="Rosa Caja")
    return admin, desk, await client_record(desk, "José", "Muñoz")


async def test_the_daily_close_lists_each_payment_and_refund_with_who_recorded_it(
    client_as: Any, client_with_key: Any, clock: Any
) -> None:
    admin, desk, jose = await _setup(client_as)
    maria = await client_record(desk, "María", "Quispe")
    payments = f"/api/v1/clients/{jose['id']}/payments"
    first = await _post(desk, payments, pay(15000, reference="Boleta 001"))
    clock.advance(timedelta(minutes=2))
    await _post(admin, f"/api/v1/clients/{maria['id']}/payments", pay(4000, "USD", "card"))
    clock.advance(timedelta(minutes=2))
    integration = await client_with_key("read", "write")
    await _post(integration, payments, pay(5000, method="bank_transfer", reference="OP-77"))
    clock.advance(timedelta(minutes=2))
    await _post(desk, f"/api/v1/ledger-entries/{first['id']}/refund", {"amount_minor": 2000})
    await _post(desk, payments, pay(700, effective_date="2026-03-09"))  # another day: not listed

    close = (await desk.get(CLOSE, params={"day": TODAY})).json()
    assert close["practice_name"] == "Psicotrec"
    assert [
        (e["kind"], e["client_last_name"], e["client_first_name"], e["payment_method"], e["reference"],
         e["amount_minor"], e["currency"], e["recorded_by_name"], e["after_close"])
        for e in close["entries"]
    ] == [
        ("payment", "Muñoz", "José", "cash", "Boleta 001", 15000, "PEN", "Rosa Caja", False),
        ("payment", "Quispe", "María", "card", None, 4000, "USD", "Ana Admin", False),
        ("payment", "Muñoz", "José", "bank_transfer", "OP-77", 5000, "PEN", "test key", False),
        ("refund", "Muñoz", "José", "cash", None, 2000, "PEN", "Rosa Caja", False),
    ]  # fmt: skip
    assert [e["recorded_at"] for e in close["entries"]] == sorted(e["recorded_at"] for e in close["entries"])
    assert close["payments"] == [
        {"payment_method": "bank_transfer", "currency": "PEN", "count": 1, "total_minor": 5000},
        {"payment_method": "cash", "currency": "PEN", "count": 1, "total_minor": 15000},
        {"payment_method": "card", "currency": "USD", "count": 1, "total_minor": 4000},
    ]
    assert close["refunds"] == [
        {"payment_method": "cash", "currency": "PEN", "count": 1, "total_minor": 2000}
    ]
    assert (close["closed_at"], close["closed_by_name"], close["changed_since_close"]) == (None, None, False)
    assert close["closed_payments"] is None
    today = (await desk.get(CLOSE)).json()
    assert today["day"] == TODAY and len(today["entries"]) == 4


async def test_closing_a_day_keeps_who_when_and_its_totals_and_is_audited(client_as: Any, clock: Any) -> None:
    _admin, desk, jose = await _setup(client_as)
    await _post(desk, f"/api/v1/clients/{jose['id']}/payments", pay(15000))
    clock.advance(timedelta(hours=8))  # 18:00 in Lima: the evening shift closes
    evening = await client_as("front_desk", name="Luis Cierre")
    closed = await _post(evening, f"{CLOSE}/{TODAY}/close")
    assert closed["closed_by_name"] == "Luis Cierre"
    assert closed["closed_at"] == "2026-03-10T23:00:00Z"
    assert (
        closed["closed_payments"]
        == closed["payments"]
        == [{"payment_method": "cash", "currency": "PEN", "count": 1, "total_minor": 15000}]
    )
    assert closed["closed_refunds"] == [] and closed["changed_since_close"] is False
    admin = await client_as("admin")
    shown = (await admin.get(CLOSE, params={"day": TODAY})).json()
    assert (shown["closed_by_name"], shown["closed_at"]) == ("Luis Cierre", "2026-03-10T23:00:00Z")

    again = await _post(admin, f"{CLOSE}/{TODAY}/close", status=409)
    assert again["code"] == "conflict.day_closed" and again["next_step"]
    assert (again["closed_by_name"], again["closed_at"]) == ("Luis Cierre", "2026-03-10T23:00:00+00:00")
    assert "Luis Cierre" in again["detail"]

    audit = (await admin.get("/api/v1/audit-events", params={"object_type": "daily_close"})).json()["items"]
    assert [(e["action"], e["details"]) for e in audit] == [
        ("ledger.day_closed", {"day": TODAY, "entries": 1})
    ]


async def test_what_is_recorded_for_a_closed_day_is_marked_after_the_close(
    client_as: Any, clock: Any
) -> None:
    _admin, desk, jose = await _setup(client_as)
    payments = f"/api/v1/clients/{jose['id']}/payments"
    counted = await _post(desk, payments, pay(15000))
    await _post(desk, f"{CLOSE}/{TODAY}/close")
    unchanged = (await desk.get(CLOSE, params={"day": TODAY})).json()
    assert unchanged["changed_since_close"] is False

    clock.advance(timedelta(minutes=10))
    late = await _post(desk, payments, pay(3000, "USD", "card"))
    close = (await desk.get(CLOSE, params={"day": TODAY})).json()
    assert [(e["id"], e["after_close"]) for e in close["entries"]] == [
        (counted["id"], False),
        (late["id"], True),
    ]
    assert close["changed_since_close"] is True
    assert close["closed_payments"] == [
        {"payment_method": "cash", "currency": "PEN", "count": 1, "total_minor": 15000}
    ]
    assert {(t["currency"], t["total_minor"]) for t in close["payments"]} == {("PEN", 15000), ("USD", 3000)}

    # Back-dated the next day, a payment for a closed day is after its close too.
    clock.advance(timedelta(days=1))
    desk = await client_as("front_desk")
    await _post(desk, payments, pay(500, effective_date=TODAY))
    assert [e["after_close"] for e in (await desk.get(CLOSE, params={"day": TODAY})).json()["entries"]] == [
        False,
        True,
        True,
    ]


async def test_a_reversal_after_the_close_shows_the_totals_changed(client_as: Any) -> None:
    _admin, desk, jose = await _setup(client_as)
    payment = await _post(desk, f"/api/v1/clients/{jose['id']}/payments", pay(15000))
    await _post(desk, f"{CLOSE}/{TODAY}/close")
    await _post(desk, f"/api/v1/ledger-entries/{payment['id']}/reverse", {"reason": "Tarjeta rechazada"})
    close = (await desk.get(CLOSE, params={"day": TODAY})).json()
    assert close["entries"] == [] and close["payments"] == []
    assert close["changed_since_close"] is True
    assert close["closed_payments"][0]["total_minor"] == 15000


async def test_past_days_can_be_closed_and_future_days_cannot(client_as: Any) -> None:
    _admin, desk, _jose = await _setup(client_as)
    past = await _post(desk, f"{CLOSE}/2026-03-02/close")
    assert past["day"] == "2026-03-02" and past["entries"] == [] and past["closed_by_name"] == "Rosa Caja"
    tomorrow = await _post(desk, f"{CLOSE}/2026-03-11/close", status=422)
    assert [(e["field"], e["code"]) for e in tomorrow["errors"]] == [("day", "validation.future_date")]
    nonsense = await _post(desk, f"{CLOSE}/2026-02-30/close", status=422)
    assert nonsense["errors"][0]["field"] == "day"


async def test_clinicians_neither_see_nor_close_the_day(client_as: Any, client_with_key: Any) -> None:
    admin, _desk, _jose = await _setup(client_as)
    carmen = await practitioner(admin, "Carmen Díaz")
    clinician = await client_as("clinician", practitioner_id=carmen["id"])
    assert (await clinician.get(CLOSE)).status_code == 403
    refused = await clinician.post(f"{CLOSE}/{TODAY}/close")
    assert refused.status_code == 403, refused.text
    reader = await client_with_key("read")
    assert (await reader.post(f"{CLOSE}/{TODAY}/close")).status_code == 403
    assert (await admin.get(CLOSE)).json()["closed_at"] is None  # nothing was closed


@pytest.mark.postgres_only
async def test_two_people_closing_at_once_one_closes_the_other_is_told_who(client_as: Any) -> None:
    admin, desk, jose = await _setup(client_as)
    await _post(desk, f"/api/v1/clients/{jose['id']}/payments", pay(15000))
    responses = await asyncio.gather(*[http.post(f"{CLOSE}/{TODAY}/close") for http in (desk, admin) * 3])
    assert sorted(r.status_code for r in responses) == [201, 409, 409, 409, 409, 409], [
        r.text for r in responses
    ]
    winner = next(r.json() for r in responses if r.status_code == 201)
    for refused in (r.json() for r in responses if r.status_code == 409):
        assert refused["code"] == "conflict.day_closed"
        assert refused["closed_by_name"] == winner["closed_by_name"]
    audit = (await admin.get("/api/v1/audit-events", params={"object_type": "daily_close"})).json()["items"]
    assert len(audit) == 1
