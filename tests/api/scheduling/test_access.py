"""A clinician works on her own appointments and series only: every route that takes an appointment id
answers 404 for a colleague's (the route list comes from the app's OpenAPI document, so a new route is
covered or this test fails asking for its example body), and booking or creating a series for a colleague
is 403. Colleagues' time shows only as busy blocks, series occurrences included."""

from __future__ import annotations

from typing import Any

from tests.api.scheduling.test_appointments import APPOINTMENTS, _practice
from tests.api.scheduling.test_series import SERIES

# A valid body for each appointment operation that takes one, so a 404 cannot be a 422 in disguise.
EXAMPLE_BODIES: dict[str, Any] = {
    "appointments-update_appointment": {"instructions": "Traer el cuaderno"},
    "appointments-change_status": {"status": "cancelled", "reason": "Viaje"},
    "series-change_series": {"scope": "following", "action": "edit", "dry_run": True, "changes": {}},
    "notes-write_note": {"text": "Notas de la sesión"},
    "notes-add_amendment": {"text": "Adenda"},
    "notes-unlock_note": {"reason": "Corregir"},
}


def _appointment_operations(app: Any) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, item in app.openapi()["paths"].items()
        if "{appointment_id}" in path
        for method, operation in item.items()
    ]


def _series_body(p: dict[str, Any], practitioner: str, client: str) -> dict[str, Any]:
    return {
        "kind": "client_session", "practitioner_id": p[practitioner]["id"], "client_id": p[client]["id"],
        "service_id": p["service"]["id"], "location_id": p["office"]["id"], "room_id": p["room"]["id"],
        "start_date": "2026-03-16", "local_time": "10:00" if practitioner == "carmen" else "15:00",
        "duration_minutes": 50, "rule": {"freq": "weekly", "by_weekday": ["WE"], "count": 4},
        "allow_conflicts": True,
    }  # fmt: skip


async def _first_occurrence(admin: Any, p: dict[str, Any], client: str) -> dict[str, Any]:
    listed = await admin.get(
        APPOINTMENTS,
        params={
            "start": "2026-03-16T00:00:00Z",
            "end": "2026-04-16T00:00:00Z",
            "client_id": p[client]["id"],
        },
    )
    return dict(listed.json()[0])


async def test_clinician_gets_404_on_every_route_of_a_colleagues_appointment_and_series(
    app: Any, client_as: Any
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    assert (await admin.post(SERIES, json=_series_body(p, "jorge", "luis"))).status_code == 201
    assert (await admin.post(SERIES, json=_series_body(p, "carmen", "ana"))).status_code == 201
    theirs = await _first_occurrence(admin, p, "luis")
    own = await _first_occurrence(admin, p, "ana")
    assert theirs["series_id"] and own["series_id"] and theirs["series_id"] != own["series_id"]
    clinician = await client_as("clinician", practitioner_id=p["carmen"]["id"])

    operations = _appointment_operations(app)
    assert len(operations) >= 10  # detail, update, delete, status, series-change, note x5
    for method, path, operation in operations:
        body = None
        if "requestBody" in operation:
            operation_id = operation["operationId"]
            assert operation_id in EXAMPLE_BODIES, f"add an example body for {operation_id}"
            body = EXAMPLE_BODIES[operation_id]
        refused = await clinician.request(method, path.replace("{appointment_id}", theirs["id"]), json=body)
        assert refused.status_code == 404, f"{method} {path} -> {refused.status_code} {refused.text}"
        assert refused.json()["title"] == "Not found"
        if method == "DELETE":
            continue  # deleting would remove what the next calls use; covered in tests/api/ledger
        allowed = await clinician.request(method, path.replace("{appointment_id}", own["id"]), json=body)
        assert allowed.status_code < 300, f"{method} {path} -> {allowed.status_code} {allowed.text}"

    untouched = await admin.get(f"{APPOINTMENTS}/{theirs['id']}")
    assert untouched.json()["status"] == "scheduled" and untouched.json()["instructions"] is None


async def test_clinician_cannot_create_a_series_for_a_colleague(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    clinician = await client_as("clinician", practitioner_id=p["carmen"]["id"])
    refused = await clinician.post(SERIES, json=_series_body(p, "jorge", "ana"))
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden.other_practitioner"
    mine = await clinician.post(SERIES, json=_series_body(p, "carmen", "ana"))
    assert mine.status_code == 201, mine.text


async def test_colleagues_series_show_as_busy_blocks_without_series_or_client(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    assert (await admin.post(SERIES, json=_series_body(p, "jorge", "luis"))).status_code == 201
    clinician = await client_as("clinician", practitioner_id=p["carmen"]["id"])
    window = {"start": "2026-03-16T00:00:00Z", "end": "2026-04-16T00:00:00Z"}
    blocks = [e for e in (await clinician.get(APPOINTMENTS, params=window)).json() if e["busy_only"]]
    assert len(blocks) == 4
    assert all(
        b["series_id"] is None and b["client"] is None and b["practitioner_id"] == p["jorge"]["id"]
        for b in blocks
    )


async def test_clinicians_record_outcomes_but_prices_and_fees_are_the_front_desks(client_as: Any) -> None:
    """A price or fee typed by a clinician would put money on a client's account around the ledger's 403."""
    from tests.api.scheduling.test_appointments import at, session

    admin = await client_as("admin")
    p = await _practice(admin)
    clinician = await client_as("clinician", practitioner_id=p["carmen"]["id"])
    refused = [
        await clinician.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10), price_minor=10**12)),
        await clinician.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10), currency="USD")),
        await clinician.post(
            APPOINTMENTS, json=session(p, at(9, 9), at(9, 10), status="no_show", fee_minor=999_999_999)
        ),
        await clinician.post(SERIES, json={**_series_body(p, "carmen", "ana"), "price_minor": 1}),
    ]
    mine = await clinician.post(APPOINTMENTS, json=session(p, at(9, 11), at(9, 12)))
    assert mine.status_code == 201 and mine.json()["price_minor"] == 18000  # the service's price
    path = f"{APPOINTMENTS}/{mine.json()['id']}"
    refused += [
        await clinician.patch(path, json={"price_minor": 1}),
        await clinician.post(f"{path}/status", json={"status": "no_show", "waive_fee_reason": "Amiga"}),
    ]
    for response in refused:
        assert response.status_code == 403, response.text
        assert response.json()["code"] == "forbidden.money_is_front_desk"
    recorded = await clinician.post(f"{path}/status", json={"status": "no_show"})  # the practice's fee
    assert recorded.status_code == 200 and recorded.json()["status"] == "no_show"
    balance = (await admin.get(f"/api/v1/clients/{p['ana']['id']}/balance")).json()
    assert all(b["amount_minor"] < 10**6 for b in balance)
    upcoming = await clinician.post(APPOINTMENTS, json=session(p, at(13, 9), at(13, 10)))
    front_desk = await admin.patch(f"{APPOINTMENTS}/{upcoming.json()['id']}", json={"price_minor": 9000})
    assert front_desk.status_code == 200 and front_desk.json()["price_minor"] == 9000, front_desk.text


async def test_filters_do_not_turn_busy_blocks_into_answers(client_as: Any) -> None:
    """Filtering by status, kind or client would tell a clinician who missed a colleague's session or which
    of her clients a colleague sees; with those filters she gets her own appointments only."""
    from tests.api.scheduling.test_appointments import at, session

    admin = await client_as("admin")
    p = await _practice(admin)
    theirs = await admin.post(
        APPOINTMENTS,
        json=session(p, at(9, 9), at(9, 10), practitioner_id=p["jorge"]["id"], client_id=p["ana"]["id"]),
    )
    assert theirs.status_code == 201, theirs.text
    assert (
        await admin.post(f"{APPOINTMENTS}/{theirs.json()['id']}/status", json={"status": "no_show"})
    ).status_code == 200
    mine = await admin.post(APPOINTMENTS, json=session(p, at(9, 11), at(9, 12)))
    assert (
        await admin.post(f"{APPOINTMENTS}/{mine.json()['id']}/status", json={"status": "no_show"})
    ).status_code == 200
    clinician = await client_as("clinician", practitioner_id=p["carmen"]["id"])
    day = {"start": at(9, 0), "end": at(10, 0)}
    unfiltered = (await clinician.get(APPOINTMENTS, params=day)).json()
    assert {e["id"]: e["busy_only"] for e in unfiltered} == {
        theirs.json()["id"]: True,
        mine.json()["id"]: False,
    }
    for extra in ({"status": "no_show"}, {"kind": "client_session"}, {"client_id": p["ana"]["id"]}):
        filtered = (await clinician.get(APPOINTMENTS, params={**day, **extra})).json()
        assert [e["id"] for e in filtered] == [mine.json()["id"]], extra


async def test_hiding_cancellations_keeps_colleagues_busy_blocks(client_as: Any) -> None:
    """The calendar hides cancelled appointments with `include_cancelled=false`, not with a status filter
    (which leaves out every busy block): a colleague's scheduled session still shows as busy, without its
    client, and her cancelled one shows neither way."""
    from tests.api.scheduling.test_appointments import at, session

    admin = await client_as("admin")
    p = await _practice(admin)

    async def booked(start: str, end: str, status: str | None, **extra: Any) -> str:
        made = await admin.post(APPOINTMENTS, json=session(p, start, end, **extra))
        assert made.status_code == 201, made.text
        if status is not None:
            changed = await admin.post(
                f"{APPOINTMENTS}/{made.json()['id']}/status", json={"status": status, "reason": "Viaje"}
            )
            assert changed.status_code == 200, changed.text
        return str(made.json()["id"])

    colleague = {"practitioner_id": p["jorge"]["id"], "client_id": p["luis"]["id"]}
    busy = await booked(at(9, 9), at(9, 10), None, **colleague)
    their_cancelled = await booked(at(9, 11), at(9, 12), "cancelled", **colleague)
    mine = await booked(at(9, 13), at(9, 14), None)
    my_cancelled = await booked(at(9, 15), at(9, 16), "late_cancelled")
    clinician = await client_as("clinician", practitioner_id=p["carmen"]["id"])
    day = {"start": at(9, 0), "end": at(10, 0)}

    hidden = (await clinician.get(APPOINTMENTS, params={**day, "include_cancelled": "false"})).json()
    assert [(e["id"], e["busy_only"]) for e in hidden] == [(busy, True), (mine, False)]
    assert hidden[0]["client"] is None and hidden[0]["status"] is None and hidden[0]["kind"] is None
    shown = (await clinician.get(APPOINTMENTS, params={**day, "include_cancelled": "true"})).json()
    assert [(e["id"], e["busy_only"]) for e in shown] == [(busy, True), (mine, False), (my_cancelled, False)]
    assert their_cancelled not in {e["id"] for e in shown}
    everyone = (await admin.get(APPOINTMENTS, params={**day, "include_cancelled": "false"})).json()
    assert [e["id"] for e in everyone] == [busy, mine]


async def test_include_cancelled_must_be_a_boolean(client_as: Any) -> None:
    admin = await client_as("admin")
    params = {"start": "2026-03-09T00:00:00Z", "end": "2026-03-10T00:00:00Z", "include_cancelled": "maybe"}
    refused = await admin.get(APPOINTMENTS, params=params)
    assert refused.status_code == 422
    assert "include_cancelled" in refused.text
