"""Client relationships show on both clients with the inverse type; no self-links, no duplicates."""

from __future__ import annotations

from datetime import date
from typing import Any

from tend.domain.clients import relationships
from tend.domain.clients.records import get_client
from tests.api.helpers import client_record


def _rel(client_id: str) -> str:
    return f"/api/v1/clients/{client_id}/relationships"


async def test_parent_of_one_shows_child_of_on_the_other(client_as: Any) -> None:
    desk = await client_as("front_desk")
    child = await client_record(desk, "Mateo", "Quispe", date_of_birth="2016-05-01")
    mother = await client_record(desk, "Rosa", "Quispe", email="rosa@example.com")
    added = await desk.post(
        _rel(child["id"]),
        json={
            "related_client_id": mother["id"],
            "relationship_type": "parent_guardian",
            "legal_guardian": True,
            "responsible_for_billing": True,
            "emergency_contact": True,
        },
    )
    assert added.status_code == 201, added.text
    assert added.json()["related_client"]["first_name"] == "Rosa"

    [on_child] = (await desk.get(_rel(child["id"]))).json()
    [on_mother] = (await desk.get(_rel(mother["id"]))).json()
    assert (on_child["relationship_type"], on_child["related_client"]["id"]) == (
        "parent_guardian",
        mother["id"],
    )
    assert (
        on_child["legal_guardian"] and on_child["responsible_for_billing"] and on_child["emergency_contact"]
    )
    assert (on_mother["relationship_type"], on_mother["related_client"]["id"]) == ("child", child["id"])
    assert not on_mother["legal_guardian"]  # the child is not the mother's guardian

    changed = await desk.patch(f"{_rel(child['id'])}/{on_child['id']}", json={"relationship_type": "other"})
    assert changed.json()["relationship_type"] == "other"
    assert (await desk.get(_rel(mother["id"]))).json()[0]["relationship_type"] == "other"

    removed = await desk.delete(f"{_rel(mother['id'])}/{on_mother['id']}")
    assert removed.status_code == 204
    assert (await desk.get(_rel(child["id"]))).json() == []
    assert (await desk.get(_rel(mother["id"]))).json() == []


async def test_self_and_duplicate_relationships_are_refused(client_as: Any) -> None:
    desk = await client_as("front_desk")
    one = await client_record(desk, "Uno", "Pérez")
    two = await client_record(desk, "Dos", "Pérez")
    self_link = await desk.post(
        _rel(one["id"]), json={"related_client_id": one["id"], "relationship_type": "sibling"}
    )
    assert self_link.status_code == 422 and self_link.json()["errors"][0]["field"] == "related_client_id"
    first = await desk.post(
        _rel(one["id"]), json={"related_client_id": two["id"], "relationship_type": "sibling"}
    )
    assert first.status_code == 201
    again = await desk.post(
        _rel(one["id"]), json={"related_client_id": two["id"], "relationship_type": "sibling"}
    )
    assert again.status_code == 409 and again.json()["next_step"]
    reverse = await desk.post(
        _rel(two["id"]), json={"related_client_id": one["id"], "relationship_type": "sibling"}
    )
    assert reverse.status_code == 409
    unknown = await desk.post(
        _rel(one["id"]),
        json={"related_client_id": "00000000-0000-0000-0000-000000000009", "relationship_type": "other"},
    )
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "related_client_id"
    bad_type = await desk.post(
        _rel(one["id"]), json={"related_client_id": two["id"], "relationship_type": "boss"}
    )
    assert bad_type.status_code == 422 and bad_type.json()["errors"][0]["field"] == "relationship_type"


async def test_messages_for_a_minor_without_email_go_to_the_guardian(client_as: Any, system_ctx: Any) -> None:
    desk = await client_as("front_desk")
    minor = await client_record(desk, "Mateo", "Quispe", date_of_birth="2015-01-01")
    teen_with_email = await client_record(
        desk, "Lía", "Quispe", date_of_birth="2010-01-01", email="lia@example.com"
    )
    adult = await client_record(desk, "Ana", "Ríos", date_of_birth="1980-01-01")
    aunt = await client_record(desk, "Tía", "Quispe", email="tia@example.com")
    mother = await client_record(desk, "Rosa", "Quispe", email="rosa@example.com")
    await desk.post(_rel(minor["id"]), json={"related_client_id": aunt["id"], "relationship_type": "other"})
    await desk.post(
        _rel(minor["id"]),
        json={
            "related_client_id": mother["id"],
            "relationship_type": "parent_guardian",
            "legal_guardian": True,
        },
    )

    async with system_ctx() as ctx:
        import uuid

        def load(record: dict[str, Any]) -> Any:
            return get_client(ctx, uuid.UUID(record["id"]))

        to_minor = await relationships.message_recipient(ctx, await load(minor))
        to_teen = await relationships.message_recipient(ctx, await load(teen_with_email))
        to_adult = await relationships.message_recipient(ctx, await load(adult))
    assert to_minor is not None and (to_minor.email, to_minor.via_guardian) == ("rosa@example.com", True)
    assert to_teen is not None and (to_teen.email, to_teen.via_guardian) == ("lia@example.com", False)
    assert to_adult is None  # an adult without e-mail is not written to through relatives
    assert date(2026, 3, 10)  # the frozen clock: Mateo is 11, Lía 16
