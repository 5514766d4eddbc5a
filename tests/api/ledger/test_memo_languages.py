"""The ledger's own memos are codes + parameters, read in the reader's language: the signed-in user's own,
else the practice's default (also for API keys); staff's words stay as typed. The clock: 2026-03-10."""

from __future__ import annotations

from typing import Any

from tests.api.ledger.test_sessions import _money, _past_session, _status
from tests.api.scheduling.test_appointments import _practice


async def _no_show_then_attended(admin: Any, run_jobs: Any) -> dict[str, Any]:
    """A session marked no-show (its fee posted) and then attended (the fee reversed, the session charged)."""
    p = await _practice(admin)
    appointment = await _past_session(admin, p)
    await _status(admin, appointment, "no_show")
    await run_jobs()
    await _status(admin, appointment, "attended")
    await run_jobs()
    return p


def _memos(lines: list[dict[str, Any]]) -> list[tuple[str, str | None, str | None, Any]]:
    return [(x["kind"], x["memo"], x["memo_code"], x["memo_params"]) for x in lines]


async def test_the_ledger_s_own_memos_read_in_each_reader_s_language(client_as: Any, run_jobs: Any) -> None:
    admin = await client_as("admin")  # no language of her own: the practice's (English)
    p = await _no_show_then_attended(admin, run_jobs)
    client_id = p["ana"]["id"]
    front_desk = await client_as("front_desk")
    chose_spanish = await admin.patch(f"/api/v1/users/{front_desk.user.id}", json={"locale": "es"})
    assert chose_spanish.status_code == 200, chose_spanish.text

    lines, _ = await _money(admin, client_id)
    assert _memos(lines) == [
        ("charge", "No-show fee", "no_show_fee", {}),
        ("charge", "Psicoterapia 45", None, None),  # the service's name, as the practice wrote it
        ("reversal", "Session marked: Attended", "session_marked", {"status": "attended"}),
    ]
    lines, _ = await _money(front_desk, client_id)
    assert [memo for _, memo, _, _ in _memos(lines)] == [
        "Cargo por inasistencia",
        "Psicoterapia 45",
        "Sesión marcada: Asistió",
    ]

    fee_bill = next(
        b
        for b in (await front_desk.get(f"/api/v1/clients/{client_id}/bills")).json()
        if b["status"] == "cancelled"
    )
    assert (fee_bill["cancel_reason"], fee_bill["cancel_reason_code"], fee_bill["cancel_reason_params"]) == (
        "Sesión marcada: Asistió",
        "session_marked",
        {"status": "attended"},
    )
    assert [(x["description"], x["description_code"]) for x in fee_bill["lines"]] == [
        ("Cargo por inasistencia", "no_show_fee")
    ]
    one = await admin.get(f"/api/v1/bills/{fee_bill['id']}")
    assert one.json()["lines"][0]["description"] == "No-show fee"

    statement = await front_desk.get(f"/api/v1/clients/{client_id}/ledger.csv")
    assert "Cargo por inasistencia" in statement.text and "Sesión marcada: Asistió" in statement.text


async def test_api_keys_read_the_practice_s_language_and_typed_memos_stay_as_typed(
    client_as: Any, client_with_key: Any, run_jobs: Any
) -> None:
    admin = await client_as("admin")
    p = await _no_show_then_attended(admin, run_jobs)
    client_id = p["ana"]["id"]
    typed = await admin.post(
        f"/api/v1/clients/{client_id}/charges",
        json={"amount_minor": 5000, "currency": "PEN", "memo": "No-show fee"},
    )
    assert typed.status_code == 201, typed.text
    assert (typed.json()["memo"], typed.json()["memo_code"]) == ("No-show fee", None)

    integration = await client_with_key("read")
    lines, _ = await _money(integration, client_id)
    assert lines[0]["memo"] == "No-show fee"
    spanish = await admin.patch("/api/v1/practice", json={"default_locale": "es"})
    assert spanish.status_code == 200, spanish.text
    lines, _ = await _money(integration, client_id)
    assert [x["memo"] for x in lines] == [
        "Cargo por inasistencia",
        "Psicoterapia 45",
        "Sesión marcada: Asistió",
        "No-show fee",  # typed by staff: never translated
    ]
    entries = await integration.get(
        "/api/v1/ledger/entries", params={"from": "2026-03-01", "to": "2026-03-10"}
    )
    assert entries.status_code == 200, entries.text
    assert entries.json()["items"][0]["memo"] == "Cargo por inasistencia"
    unpaid = await integration.get("/api/v1/ledger/unpaid-bills.csv")
    assert "Psicoterapia 45" in unpaid.text
