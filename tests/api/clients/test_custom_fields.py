"""Custom client fields: definitions and the values validated on every client write."""

from __future__ import annotations

from typing import Any

from tests.api.helpers import client_record

CLIENTS = "/api/v1/clients"


class TestCustomFields:
    async def _define(self, admin: Any, **body: Any) -> dict[str, Any]:
        response = await admin.post("/api/v1/custom-fields", json=body)
        assert response.status_code == 201, response.text
        return dict(response.json())

    async def test_values_are_validated_against_definitions(self, client_as: Any) -> None:
        admin = await client_as("admin")
        await self._define(
            admin, key="referral", label="Referral", field_type="select", options=["Web", "Friend"]
        )
        await self._define(admin, key="sessions_authorised", label="Sessions authorised", field_type="number")
        await self._define(admin, key="intake_date", label="Intake date", field_type="date")
        await self._define(admin, key="court_ordered", label="Court ordered", field_type="checkbox")
        await self._define(admin, key="school", label="School", field_type="text")
        good = await client_record(
            admin,
            custom_fields={
                "referral": "Web",
                "sessions_authorised": 12,
                "intake_date": "2026-03-01",
                "court_ordered": False,
                "school": "Colegio Santa Úrsula",
            },
        )
        assert (
            good["custom_fields"]["referral"] == "Web" and good["custom_fields"]["sessions_authorised"] == 12
        )

        bad = await admin.post(
            CLIENTS,
            json={
                "first_name": "A",
                "last_name": "B",
                "custom_fields": {
                    "referral": "Radio",
                    "sessions_authorised": "twelve",
                    "intake_date": "01/03/2026",
                    "court_ordered": "yes",
                    "unknown_key": 1,
                },
            },
        )
        assert bad.status_code == 422
        assert {e["field"] for e in bad.json()["errors"]} == {
            "custom_fields.referral",
            "custom_fields.sessions_authorised",
            "custom_fields.intake_date",
            "custom_fields.court_ordered",
            "custom_fields.unknown_key",
        }

    async def test_required_field_added_later_does_not_break_old_clients(self, client_as: Any) -> None:
        admin = await client_as("admin")
        old = await client_record(admin, "Antiguo", "Cliente")
        await self._define(
            admin, key="consent_form", label="Consent form", field_type="checkbox", required=True
        )
        assert (await admin.get(f"{CLIENTS}/{old['id']}")).status_code == 200
        assert [c["id"] for c in (await admin.get(CLIENTS)).json()["items"]] == [old["id"]]

        new = await admin.post(CLIENTS, json={"first_name": "Nuevo", "last_name": "Cliente"})
        assert new.status_code == 422
        assert new.json()["errors"][0] == {
            "field": "custom_fields.consent_form",
            "loc": ["custom_fields", "consent_form"],
            "code": "validation.required",
            "message": "Consent form is required.",
            "type": "missing",
        }
        edit = await admin.patch(f"{CLIENTS}/{old['id']}", json={"phone": "123"})
        assert edit.status_code == 422 and edit.json()["errors"][0]["field"] == "custom_fields.consent_form"
        fixed = await admin.patch(f"{CLIENTS}/{old['id']}", json={"custom_fields": {"consent_form": True}})
        assert fixed.status_code == 200 and fixed.json()["custom_fields"] == {"consent_form": True}

    async def test_definition_rules(self, client_as: Any) -> None:
        admin = await client_as("admin")
        no_options = await admin.post(
            "/api/v1/custom-fields", json={"key": "kind", "label": "Kind", "field_type": "select"}
        )
        assert no_options.status_code == 422 and no_options.json()["errors"][0]["field"] == "options"
        bad_key = await admin.post(
            "/api/v1/custom-fields", json={"key": "Bad Key", "label": "X", "field_type": "text"}
        )
        assert bad_key.status_code == 422 and bad_key.json()["errors"][0]["field"] == "key"
        await self._define(admin, key="school", label="School", field_type="text")
        again = await admin.post(
            "/api/v1/custom-fields", json={"key": "school", "label": "S", "field_type": "text"}
        )
        assert again.status_code == 409
        desk = await client_as("front_desk")
        assert [d["key"] for d in (await desk.get("/api/v1/custom-fields")).json()] == ["school"]
        assert (
            await desk.post("/api/v1/custom-fields", json={"key": "x", "label": "X", "field_type": "text"})
        ).status_code == 403
