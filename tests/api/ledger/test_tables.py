"""The practice's ledger tables as CSV: the aging and the entries of a range with the screen's filters and
order, formulas kept as text, for admins and the front desk only. The clock: 2026-03-10 15:00 UTC."""

from __future__ import annotations

import csv
import io
from typing import Any

from tests.api.helpers import client_record, lima_practice


async def _post(http: Any, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await http.post(path, json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


def _rows(response: Any) -> list[list[str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.text)))


async def _owing(admin: Any) -> dict[str, str]:
    """Rosa owes S/ 60 (5 days) + S/ 50 (45 days); Luis US$ 50 (70 days); "=cmd" S/ 20 (100 days)."""
    await lima_practice(admin)
    ids = {
        "rosa": (await client_record(admin, "Rosa", "Quispe"))["id"],
        "luis": (await client_record(admin, "Luis", "Apaza"))["id"],
        "cmd": (await client_record(admin, "Ana", "=cmd|' /C calc'!A0"))["id"],
    }
    charges = (
        ("rosa", 6000, "2026-03-05", "PEN"),
        ("rosa", 5000, "2026-01-24", "PEN"),
        ("luis", 5000, "2025-12-30", "USD"),
        ("cmd", 2000, "2025-11-30", "PEN"),
    )
    for who, amount, day, currency in charges:
        body = {"amount_minor": amount, "currency": currency, "memo": "Sesión", "effective_date": day}
        await _post(admin, f"/api/v1/clients/{ids[who]}/charges", body)
    return ids


async def test_the_aging_csv_holds_the_rows_shown_with_formulas_kept_as_text(client_as: Any) -> None:
    admin = await client_as("admin")
    await _owing(admin)
    rows = _rows(await admin.get("/api/v1/ledger/aging.csv"))
    assert rows == [
        [
            "client",
            "currency",
            "balance_minor",
            "days_0_30_minor",
            "days_31_60_minor",
            "days_61_90_minor",
            "over_90_minor",
        ],
        ["Quispe, Rosa", "PEN", "11000", "6000", "5000", "0", "0"],
        ["'=cmd|' /C calc'!A0, Ana", "PEN", "2000", "0", "0", "0", "2000"],
        ["Apaza, Luis", "USD", "5000", "0", "0", "5000", "0"],
    ]


async def test_the_aging_csv_applies_the_screens_filters_and_order(client_as: Any) -> None:
    front_desk = await client_as("front_desk")
    admin = await client_as("admin")
    await _owing(admin)
    base = "/api/v1/ledger/aging.csv"

    def names(response: Any) -> list[str]:
        return [row[0] for row in _rows(response)[1:]]

    assert names(await front_desk.get(base, params={"q": "rósa QUIS"})) == ["Quispe, Rosa"]
    assert names(await front_desk.get(base, params={"currency": "USD"})) == ["Apaza, Luis"]
    assert names(await front_desk.get(base, params={"over_days": 60})) == [
        "'=cmd|' /C calc'!A0, Ana",
        "Apaza, Luis",
    ]
    assert names(await front_desk.get(base, params={"over_days": 90})) == ["'=cmd|' /C calc'!A0, Ana"]
    by_name = await front_desk.get(base, params={"sort": "client", "order": "desc"})
    assert names(by_name) == ["Quispe, Rosa", "Apaza, Luis", "'=cmd|' /C calc'!A0, Ana"]
    # Amounts compare within a currency, and the currencies stay in order whichever way the amounts go.
    by_balance = await front_desk.get(base, params={"sort": "balance", "order": "asc"})
    assert names(by_balance) == ["'=cmd|' /C calc'!A0, Ana", "Quispe, Rosa", "Apaza, Luis"]
    largest = await front_desk.get(base, params={"sort": "balance", "order": "desc"})
    assert names(largest) == ["Quispe, Rosa", "'=cmd|' /C calc'!A0, Ana", "Apaza, Luis"]
    by_oldest = await front_desk.get(base, params={"sort": "days90", "order": "desc", "currency": "PEN"})
    assert names(by_oldest) == ["'=cmd|' /C calc'!A0, Ana", "Quispe, Rosa"]

    for bad in ({"over_days": 45}, {"sort": "phone"}, {"currency": "soles"}, {"order": "up"}):
        refused = await front_desk.get(base, params=bad)
        assert refused.status_code == 422, (bad, refused.text)
        assert refused.json()["errors"][0]["field"] == next(iter(bad))


async def test_the_aging_csv_is_for_admins_and_the_front_desk_only(client_as: Any, client: Any) -> None:
    admin = await client_as("admin")
    await _owing(admin)
    clinician = await client_as("clinician")
    refused = await clinician.get("/api/v1/ledger/aging.csv")
    assert refused.status_code == 403 and refused.headers["content-type"].startswith(
        "application/problem+json"
    )
    assert "Apaza" not in refused.text
    anonymous = await client.get("/api/v1/ledger/aging.csv")
    assert anonymous.status_code == 401 and "Apaza" not in anonymous.text


async def test_the_entries_csv_keeps_only_the_chosen_kind_method_currency_and_client(
    client_as: Any,
) -> None:
    admin = await client_as("admin")
    ids = await _owing(admin)
    payment = {"currency": "PEN", "payment_method": "card", "reference": "=SUM(A1)"}
    await _post(admin, f"/api/v1/clients/{ids['rosa']}/payments", {**payment, "amount_minor": 3000})
    await _post(
        admin,
        f"/api/v1/clients/{ids['luis']}/payments",
        {**payment, "amount_minor": 1000, "currency": "USD", "payment_method": "cash"},
    )
    base = "/api/v1/ledger/entries.csv"
    window = {"from": "2025-11-01", "to": "2026-03-10"}

    async def pick(**filters: str) -> list[tuple[str, str, str, str]]:
        rows = _rows(await admin.get(base, params={**window, **filters}))
        assert rows[0][:4] == ["date", "client", "kind", "type"]
        return [(row[1], row[2], row[3], row[6]) for row in rows[1:]]

    assert len(await pick()) == 6
    assert await pick(kind="payment") == [
        ("Quispe, Rosa", "payment", "card", "PEN"),
        ("Apaza, Luis", "payment", "cash", "USD"),
    ]
    assert await pick(kind="payment", payment_method="card") == [("Quispe, Rosa", "payment", "card", "PEN")]
    assert await pick(currency="USD", q="luis") == [
        ("Apaza, Luis", "charge", "other", "USD"),
        ("Apaza, Luis", "payment", "cash", "USD"),
    ]
    assert await pick(q="ana =cmd") == [("'=cmd|' /C calc'!A0, Ana", "charge", "other", "PEN")]
    refused = await admin.get(base, params={**window, "kind": "gift"})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "kind"


async def test_the_unpaid_bills_csv_lists_what_is_owed_by_client_and_currency(
    client_as: Any, run_jobs: Any, monkeypatch: Any
) -> None:
    from tend.domain.ledger import reports
    from tests.api.ledger.test_sessions import _past_session, _status
    from tests.api.scheduling.test_appointments import _practice

    admin = await client_as("admin")
    p = await _practice(admin)
    for day in (5, 9):
        await _status(admin, await _past_session(admin, p, day=day), "attended")
    await run_jobs()
    oldest = (await admin.get(f"/api/v1/clients/{p['ana']['id']}/bills")).json()[-1]  # newest first
    await _post(
        admin,
        f"/api/v1/clients/{p['ana']['id']}/payments",
        {"amount_minor": 5000, "currency": "PEN", "payment_method": "cash", "allocations": [
            {"bill_id": oldest["id"], "amount_minor": 5000}]},
    )  # fmt: skip
    base = "/api/v1/ledger/unpaid-bills.csv"
    rows = _rows(await admin.get(base))
    assert rows[0] == [
        "issued_on",
        "client",
        "description",
        "status",
        "currency",
        "total_minor",
        "paid_minor",
        "owed_minor",
    ]
    assert [(r[1], r[3], r[4], r[5], r[6], r[7]) for r in rows[1:]] == [
        ("Ruiz, Ana", "partially_paid", "PEN", "18000", "5000", "13000"),
        ("Ruiz, Ana", "open", "PEN", "18000", "0", "18000"),
    ]
    assert rows[1][0] < rows[2][0]  # oldest first
    assert len(_rows(await admin.get(base, params={"q": "ana ruiz", "currency": "PEN"}))) == 3
    assert _rows(await admin.get(base, params={"currency": "USD"}))[1:] == []
    assert _rows(await admin.get(base, params={"q": "luis"}))[1:] == []

    monkeypatch.setattr(reports, "CSV_ROW_LIMIT", 1)
    too_many = await admin.get(base)
    assert too_many.status_code == 422, too_many.text
    error = too_many.json()["errors"][0]
    assert (error["field"], error["code"]) == ("q", "validation.too_many_rows")
    assert error["message"] == "More than 1 unpaid bills: narrow the download by currency or name."
    assert len(_rows(await admin.get(base, params={"currency": "PEN", "q": "nobody"}))) == 1
    clinician = await client_as("clinician")
    assert (await clinician.get(base)).status_code == 403
