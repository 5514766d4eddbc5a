"""A session always has a price: sent, or the default (the service's in that currency, else the
practitioner's). `price_minor: null` means the default, on POST and PATCH alike: before, a PATCH with null
stored a session without a price, which was then attended and never charged (found probing issue 16)."""

from __future__ import annotations

from typing import Any

from tests.api.scheduling.test_appointments import APPOINTMENTS, _practice, at, session


async def test_a_null_price_puts_the_default_back_and_attending_charges_it(
    client_as: Any, run_jobs: Any
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    booked = (await admin.post(APPOINTMENTS, json=session(p, at(2, 9), at(2, 10), price_minor=22000))).json()
    assert booked["price_minor"] == 22000
    patched = await admin.patch(f"{APPOINTMENTS}/{booked['id']}", json={"price_minor": None})
    assert patched.status_code == 200, patched.text
    assert patched.json()["price_minor"] == 18000  # the service's price in PEN
    attended = await admin.post(f"{APPOINTMENTS}/{booked['id']}/status", json={"status": "attended"})
    assert attended.status_code == 200, attended.text
    await run_jobs()
    ledger = (await admin.get(f"/api/v1/clients/{p['ana']['id']}/ledger")).json()
    assert ledger["balances"] == [{"currency": "PEN", "amount_minor": 18000}]


async def test_a_session_with_no_price_to_be_found_is_refused_naming_the_price(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    settings = await admin.patch("/api/v1/practice", json={"currencies": ["PEN", "USD"]})
    assert settings.status_code == 200, settings.text
    # Neither the service (PEN only) nor Dra. Carmen (PEN only) has a price in dollars.
    refused = await admin.post(APPOINTMENTS, json=session(p, at(2, 9), at(2, 10), currency="USD"))
    assert refused.status_code == 422, refused.text
    assert [(e["field"], e["code"]) for e in refused.json()["errors"]] == [
        ("price_minor", "validation.required")
    ]
    free = await admin.post(APPOINTMENTS, json=session(p, at(2, 9), at(2, 10), currency="USD", price_minor=0))
    assert free.status_code == 201 and free.json()["price_minor"] == 0, free.text
