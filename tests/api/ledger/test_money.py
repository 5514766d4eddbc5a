"""Recording money through HTTP: payments, charges, adjustments, refunds and reversals; balances per
currency (never netted); the statement with running balances; Idempotency-Key. The clock: 2026-03-10
15:00 UTC (10:00 in Lima)."""

from __future__ import annotations

import uuid
from typing import Any

from tend.domain.ledger import reports
from tests.api.helpers import client_record, lima_practice, practitioner


async def _client(client_as: Any) -> tuple[Any, str]:
    admin = await client_as("admin")
    await lima_practice(admin)
    return admin, (await client_record(admin, "Rosa", "Quispe"))["id"]


def pay(amount: int, currency: str = "PEN", **extra: Any) -> dict[str, Any]:
    return {"amount_minor": amount, "currency": currency, "payment_method": "cash", **extra}


async def _post(http: Any, path: str, body: dict[str, Any], status: int = 201, **kw: Any) -> dict[str, Any]:
    response = await http.post(path, json=body, **kw)
    assert response.status_code == status, response.text
    return dict(response.json())


async def test_balances_are_per_currency_and_equal_the_entries(client_as: Any) -> None:
    admin, client_id = await _client(client_as)
    base = f"/api/v1/clients/{client_id}"
    await _post(admin, f"{base}/charges", {"amount_minor": 15000, "currency": "PEN", "memo": "Informe"})
    await _post(admin, f"{base}/payments", pay(10000, reference="Boleta 001"))
    await _post(admin, f"{base}/payments", pay(4000, "USD", payment_method="card"))
    await _post(
        admin,
        f"{base}/adjustments",
        {"direction": "credit", "amount_minor": 1000, "currency": "PEN", "reason": "Descuento"},
    )
    balances = (await admin.get(f"{base}/balance")).json()
    assert balances == [
        {"currency": "PEN", "amount_minor": 4000},
        {"currency": "USD", "amount_minor": -4000},
    ]
    statement = (await admin.get(f"{base}/ledger")).json()
    assert [line["balance_after_minor"] for line in statement["lines"] if line["currency"] == "PEN"] == [
        15000,
        5000,
        4000,
    ]
    assert statement["balances"] == balances
    summary = (await admin.get(base)).json()
    assert summary["balances"] == balances
    listed = (await admin.get("/api/v1/clients", params={"q": "Quispe"})).json()["items"]
    assert listed[0]["balances"] == balances


async def test_refunds_at_most_what_remains_and_reversals_once(client_as: Any) -> None:
    admin, client_id = await _client(client_as)
    base = f"/api/v1/clients/{client_id}"
    payment = await _post(admin, f"{base}/payments", pay(10000))
    refund = await _post(admin, f"/api/v1/ledger-entries/{payment['id']}/refund", {"amount_minor": 6000})
    assert refund["kind"] == "refund" and refund["refund_of_id"] == payment["id"]
    too_much = await _post(
        admin, f"/api/v1/ledger-entries/{payment['id']}/refund", {"amount_minor": 4001}, status=409
    )
    assert too_much["code"] == "conflict.refund_exceeds_payment" and too_much["next_step"]
    assert too_much["refundable_minor"] == 4000

    blocked = await _post(
        admin, f"/api/v1/ledger-entries/{payment['id']}/reverse", {"reason": "Error"}, status=409
    )
    assert blocked["code"] == "conflict.not_reversible" and "refunds first" in blocked["next_step"]
    await _post(admin, f"/api/v1/ledger-entries/{refund['id']}/reverse", {"reason": "Refund by mistake"})
    again = await _post(
        admin, f"/api/v1/ledger-entries/{refund['id']}/reverse", {"reason": "Twice"}, status=409
    )
    assert again["code"] == "conflict.already_reversed"
    balance = (await admin.get(f"{base}/balance")).json()
    assert balance == [{"currency": "PEN", "amount_minor": -10000}]


async def test_bad_money_is_refused_naming_the_field(client_as: Any) -> None:
    admin, client_id = await _client(client_as)
    base = f"/api/v1/clients/{client_id}"
    for body, field in (
        (pay(0), "amount_minor"),
        (pay(-5), "amount_minor"),
        ({**pay(100), "amount_minor": 1.5}, "amount_minor"),
        (pay(100, "EUR"), "currency"),
        (pay(100, "pen"), "currency"),
        (pay(100, effective_date="2026-03-11"), "effective_date"),
        ({**pay(100), "payment_method": "bitcoin"}, "payment_method"),
    ):
        refused = await admin.post(f"{base}/payments", json=body)
        assert refused.status_code == 422, (body, refused.text)
        assert any(e["field"].endswith(field) for e in refused.json()["errors"]), (body, refused.json())
    assert (await admin.get(f"{base}/balance")).json() == []


async def test_clinicians_read_their_clients_money_but_do_not_record_it(client_as: Any) -> None:
    admin, _ = await _client(client_as)
    carmen = await practitioner(admin, "Carmen")
    own = await client_record(admin, "Propia", "Cliente", practitioner_ids=[carmen["id"]])
    other = await client_record(admin, "Ajena", "Cliente")
    payment = await _post(admin, f"/api/v1/clients/{other['id']}/payments", pay(500))
    clinician = await client_as("clinician", practitioner_id=carmen["id"])
    assert (await clinician.get(f"/api/v1/clients/{own['id']}/ledger")).status_code == 200
    refused = await clinician.post(f"/api/v1/clients/{own['id']}/payments", json=pay(500))
    assert refused.status_code == 403
    for path in (
        f"/api/v1/clients/{other['id']}/ledger",
        f"/api/v1/clients/{other['id']}/balance",
        f"/api/v1/clients/{other['id']}/bills",
        f"/api/v1/ledger-entries/{payment['id']}",
    ):
        assert (await clinician.get(path)).status_code == 404, path
    assert (await clinician.get("/api/v1/ledger/daily-close")).status_code == 403
    theirs = await clinician.delete(f"/api/v1/ledger-entries/{payment['id']}/allocations")
    assert theirs.status_code == 404
    mine = await _post(admin, f"/api/v1/clients/{own['id']}/payments", pay(700))
    assert (await clinician.delete(f"/api/v1/ledger-entries/{mine['id']}/allocations")).status_code == 403


async def test_an_idempotency_key_replays_the_first_answer_and_refuses_another_body(client_as: Any) -> None:
    admin, client_id = await _client(client_as)
    path = f"/api/v1/clients/{client_id}/payments"
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = await admin.post(path, json=pay(2500), headers=key)
    second = await admin.post(path, json=pay(2500), headers=key)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json() and second.headers["Idempotent-Replayed"] == "true"
    other = await admin.post(path, json=pay(2600), headers=key)
    assert other.status_code == 409 and other.json()["code"] == "conflict.idempotency_key_reused"
    entries = (await admin.get(f"/api/v1/clients/{client_id}/ledger")).json()["lines"]
    assert len(entries) == 1
    # Keys are per caller: someone else's identical key is their own request.
    desk = await client_as("front_desk")
    assert (await desk.post(path, json=pay(2500), headers=key)).status_code == 201
    bad_key = await admin.post(path, json=pay(1), headers={"Idempotency-Key": "tab\there"})
    assert bad_key.status_code == 422


async def test_the_statement_exports_as_csv_without_formulas(client_as: Any) -> None:
    admin, client_id = await _client(client_as)
    await _post(
        admin,
        f"/api/v1/clients/{client_id}/charges",
        {"amount_minor": 100, "currency": "PEN", "memo": "=HYPERLINK(1)"},
    )
    response = await admin.get(f"/api/v1/clients/{client_id}/ledger.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = response.text.strip().splitlines()
    assert rows[0].startswith("date,kind") and "'=HYPERLINK(1)" in rows[1]


async def test_aging_splits_each_balance_over_its_newest_charges_per_currency(client_as: Any) -> None:
    admin, rosa = await _client(client_as)
    luis = (await client_record(admin, "Luis", "Apaza"))["id"]

    def charge(amount: int, day: str, currency: str = "PEN") -> dict[str, Any]:
        return {"amount_minor": amount, "currency": currency, "memo": "Sesión", "effective_date": day}

    # Rosa: charges 100 days, 45 days and 5 days before 2026-03-10; a payment covers the oldest and part
    # of the next (older charges count as paid first).
    for amount, day in ((10000, "2025-11-30"), (8000, "2026-01-24"), (6000, "2026-03-05")):
        await _post(admin, f"/api/v1/clients/{rosa}/charges", charge(amount, day))
    await _post(admin, f"/api/v1/clients/{rosa}/payments", pay(13000))
    # Luis owes in dollars (70 days) and has credit in soles: the credit does not lower the dollars.
    await _post(admin, f"/api/v1/clients/{luis}/charges", charge(5000, "2025-12-30", "USD"))
    await _post(admin, f"/api/v1/clients/{luis}/payments", pay(2000))

    rows = (await admin.get("/api/v1/ledger/aging")).json()
    assert [(r["client_id"], r["currency"], r["balance_minor"], r["buckets"]) for r in rows] == [
        (rosa, "PEN", 11000, [6000, 5000, 0, 0]),
        (luis, "USD", 5000, [0, 0, 5000, 0]),
    ]


async def test_the_practice_entries_download_refuses_rather_than_stops_short(
    client_as: Any, monkeypatch: Any
) -> None:
    admin, client_id = await _client(client_as)
    for n in range(4):
        await _post(admin, f"/api/v1/clients/{client_id}/payments", pay(100 + n, reference=f"=cmd{n}"))
    monkeypatch.setattr(reports, "CSV_ROW_LIMIT", 3)
    week = {"from": "2026-03-04", "to": "2026-03-10"}
    too_many = await admin.get("/api/v1/ledger/entries.csv", params=week)
    assert too_many.status_code == 422, too_many.text
    error = too_many.json()["errors"][0]
    assert (error["field"], error["code"], error["message"]) == (
        "to",
        "validation.too_many_rows",
        "More than 3 entries in this range: download a shorter range at a time.",
    )
    monkeypatch.setattr(reports, "CSV_ROW_LIMIT", 4)
    download = await admin.get("/api/v1/ledger/entries.csv", params=week)
    assert download.status_code == 200
    rows = download.text.strip().splitlines()
    assert len(rows) == 5 and all("'=cmd" in row for row in rows[1:])  # formulas kept as text

    years = await admin.get("/api/v1/ledger/entries", params={"from": "2025-01-01", "to": "2026-03-10"})
    assert years.status_code == 422 and years.json()["errors"][0]["code"] == "validation.range_too_long"


async def test_money_days_are_plausible_and_a_refund_follows_its_payment(client_as: Any) -> None:
    admin, client_id = await _client(client_as)
    base = f"/api/v1/clients/{client_id}"
    typo = await admin.post(f"{base}/payments", json=pay(100, effective_date="0026-03-01"))
    assert typo.status_code == 422 and typo.json()["errors"][0]["field"] == "effective_date"
    payment = await _post(admin, f"{base}/payments", pay(1000, effective_date="2026-03-05"))
    early = await admin.post(
        f"/api/v1/ledger-entries/{payment['id']}/refund",
        json={"amount_minor": 100, "effective_date": "2026-03-04"},
    )
    assert early.status_code == 422, early.text
    assert (early.json()["errors"][0]["field"], early.json()["errors"][0]["code"]) == (
        "effective_date",
        "validation.date",
    )
    same_day = await admin.post(
        f"/api/v1/ledger-entries/{payment['id']}/refund",
        json={"amount_minor": 100, "effective_date": "2026-03-05"},
    )
    assert same_day.status_code == 201, same_day.text
