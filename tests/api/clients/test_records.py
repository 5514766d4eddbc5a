"""Client records over HTTP: registration, edits, paging, filters, accent-free search, custom fields."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.helpers import client_record, lima_practice, practitioner, program

CLIENTS = "/api/v1/clients"


async def test_register_and_read_a_client_with_summary(client_as: Any, clock: Any) -> None:
    admin = await client_as("admin")
    await lima_practice(admin)
    therapist = await practitioner(admin, color="#43a047")
    intensive = await program(admin, "Intensivo")
    desk = await client_as("front_desk")
    created = await client_record(
        desk,
        "José",
        "Muñoz Ñique",
        preferred_name="Pepe",
        date_of_birth="1990-04-02",
        phone="+51 987 654 321",
        email="jose@example.com",
        id_number="DNI 45678912",
        preferred_language="es",
        reminder_consent_email=True,
        practitioner_ids=[therapist["id"]],
    )
    assert created["status"] == "active"
    assert created["registered_on"] == "2026-03-10"  # today in Lima (the frozen clock)
    assert created["practitioners"] == [{"id": therapist["id"], "name": "María Pérez", "color": "#43a047"}]
    assert created["sessions_attended"] == 0 and created["balances"] == []
    assert created["current_programs"] == []

    enrolled = await desk.post(
        f"{CLIENTS}/{created['id']}/enrollments",
        json={"program_id": intensive["id"], "start_date": "2026-03-01"},
    )
    assert enrolled.status_code == 201
    detail = (await desk.get(f"{CLIENTS}/{created['id']}")).json()
    assert detail["current_programs"] == [{"id": intensive["id"], "name": "Intensivo"}]
    assert detail["reminder_consent_email"] is True and detail["reminder_consent_sms"] is False


async def test_registered_on_is_the_practice_local_date(client_as: Any, clock: Any) -> None:
    from datetime import UTC, datetime

    clock.set(datetime(2026, 4, 1, 3, 30, tzinfo=UTC))  # 22:30 on 31 March in Lima
    admin = await client_as("admin")
    await lima_practice(admin)
    assert (await client_record(admin))["registered_on"] == "2026-03-31"


async def test_update_changes_only_what_was_sent(client_as: Any) -> None:
    admin = await client_as("admin")
    one, two = await practitioner(admin, "Uno"), await practitioner(admin, "Dos")
    created = await client_record(admin, phone="+51 987 000 111", practitioner_ids=[one["id"]])
    response = await admin.patch(
        f"{CLIENTS}/{created['id']}", json={"status": "discharged", "practitioner_ids": [two["id"]]}
    )
    body = response.json()
    assert body["status"] == "discharged" and body["phone"] == "+51987000111"
    assert [p["name"] for p in body["practitioners"]] == ["Dos"]
    cleared = await admin.patch(f"{CLIENTS}/{created['id']}", json={"phone": None})
    assert cleared.json()["phone"] is None
    refused = await admin.patch(f"{CLIENTS}/{created['id']}", json={"first_name": None})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "first_name"


async def test_phones_are_stored_e164_with_the_practice_country_as_default(client_as: Any) -> None:
    admin = await client_as("admin")
    refused = await admin.post(
        CLIENTS, json={"first_name": "Ana", "last_name": "Ruiz", "phone": "987 654 321"}
    )
    assert refused.status_code == 422  # no country yet: the number could be from anywhere
    assert refused.json()["errors"][0] == {
        "field": "phone",
        "loc": ["phone"],
        "code": "validation.phone",
        "message": "This is not a phone number. Start with the country code (+51 ...) or set the practice's "
        "country.",
        "type": "phone",
    }
    assert (await admin.patch("/api/v1/practice", json={"country": "pe"})).json()["country"] == "PE"
    local = await client_record(admin, "Ana", "Ruiz", phone="987 654 321")
    international = await client_record(admin, "Bob", "Lee", phone="+1 (212) 555-0100")
    assert (local["phone"], international["phone"]) == ("+51987654321", "+12125550100")
    too_short = await admin.post(CLIENTS, json={"first_name": "C", "last_name": "D", "phone": "12"})
    assert too_short.status_code == 422
    bad_country = await admin.patch("/api/v1/practice", json={"country": "XX"})
    assert bad_country.json()["errors"][0]["code"] == "validation.country"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"first_name": ""}, "first_name"),
        ({"email": "not-an-email"}, "email"),
        ({"date_of_birth": "2030-01-01"}, "date_of_birth"),
        ({"date_of_birth": "31/12/1990"}, "date_of_birth"),
        ({"status": "deceased"}, "status"),
        ({"practitioner_ids": ["00000000-0000-0000-0000-000000000001"]}, "practitioner_ids.0"),
        ({"favourite_colour": "blue"}, "favourite_colour"),
    ],
)
async def test_bad_client_input_names_the_field(client_as: Any, body: dict[str, Any], field: str) -> None:
    desk = await client_as("front_desk")
    response = await desk.post(CLIENTS, json={"first_name": "Ana", "last_name": "Ríos", **body})
    assert response.status_code == 422, response.text
    assert field in [e["field"] for e in response.json()["errors"]]


async def test_search_ignores_case_and_accents(client_as: Any) -> None:
    desk = await client_as("front_desk")
    munoz = await client_record(
        desk, "José", "Muñoz", email="pepe@example.com", phone="+51 (987) 111-222", id_number="45678912"
    )
    await client_record(desk, "Ana", "Ríos")
    await client_record(desk, "María José", "Álvarez")

    async def found(query: str) -> list[str]:
        response = await desk.get(CLIENTS, params={"q": query})
        assert response.status_code == 200
        return [f"{c['first_name']} {c['last_name']}" for c in response.json()["items"]]

    assert await found("munoz") == ["José Muñoz"]
    assert await found("MUÑOZ") == ["José Muñoz"]
    assert await found("jose munoz") == ["José Muñoz"]
    assert await found("alvarez") == ["María José Álvarez"]
    assert await found("josé") == ["María José Álvarez", "José Muñoz"]  # sorted by last name
    assert await found("987111") == ["José Muñoz"]  # phone digits, whatever the formatting
    assert await found("PEPE@EXAMPLE") == ["José Muñoz"]
    assert await found("4567") == ["José Muñoz"]
    assert await found("100%_") == []  # LIKE wildcards are literal
    assert munoz["id"]


async def test_list_pages_and_filters(client_as: Any) -> None:
    admin = await client_as("admin")
    therapist = await practitioner(admin)
    intensive = await program(admin, "Intensivo")
    names = [f"Cliente{n:02d}" for n in range(7)]
    ids = {}
    for n, last in enumerate(names):
        extra: dict[str, Any] = {"status": "inactive"} if n == 0 else {}
        if n % 2:
            extra["practitioner_ids"] = [therapist["id"]]
        ids[last] = (await client_record(admin, "Ana", last, **extra))["id"]
    await admin.post(
        f"{CLIENTS}/{ids['Cliente03']}/enrollments",
        json={"program_id": intensive["id"], "start_date": "2026-01-01"},
    )
    await admin.post(
        f"{CLIENTS}/{ids['Cliente05']}/enrollments",
        json={"program_id": intensive["id"], "start_date": "2025-01-01", "end_date": "2025-06-30"},
    )

    seen, cursor = [], None
    while True:
        params: dict[str, Any] = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = (await admin.get(CLIENTS, params=params)).json()
        seen += [c["last_name"] for c in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == names

    async def names_for(**params: Any) -> list[str]:
        return [c["last_name"] for c in (await admin.get(CLIENTS, params=params)).json()["items"]]

    assert await names_for(status="inactive") == ["Cliente00"]
    assert await names_for(practitioner_id=therapist["id"]) == ["Cliente01", "Cliente03", "Cliente05"]
    assert await names_for(program_id=intensive["id"]) == ["Cliente03"]  # only current enrollments
    assert (await admin.get(CLIENTS, params={"status": "gone"})).status_code == 422


async def test_client_writes_are_audited_without_personal_data(client_as: Any, sessions: Any) -> None:
    from sqlalchemy import select

    from tend.persistence.tables.audit import AuditEvent

    desk = await client_as("front_desk")
    created = await client_record(desk, "Secreta", "Persona")
    await desk.patch(f"{CLIENTS}/{created['id']}", json={"phone": "+1 212 555 0101"})
    async with sessions() as session:
        events = (
            await session.scalars(select(AuditEvent).where(AuditEvent.object_id == created["id"]))
        ).all()
    assert sorted(e.action for e in events) == ["client.created", "client.updated"]
    assert all(e.actor_user_id == desk.user.id for e in events)
    assert "Secreta" not in str([e.details for e in events]) and "555" not in str([e.details for e in events])
