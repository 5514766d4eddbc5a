"""Practice settings: defaults, admin-only edits, validation naming the field."""

from __future__ import annotations

from typing import Any

import pytest

PRACTICE = "/api/v1/practice"


async def test_new_installation_reads_defaults(client_as: Any) -> None:
    desk = await client_as("front_desk")
    body = (await desk.get(PRACTICE)).json()
    assert body["currencies"] == ["USD"] and body["no_show_fees"] == {"USD": 2500}
    assert body["late_cancel_window_hours"] == 24 and body["rating_anonymity_floor"] == 3


async def test_admin_sets_up_a_lima_practice(client_as: Any) -> None:
    admin = await client_as("admin")
    response = await admin.patch(
        PRACTICE,
        json={
            "name": "Psicotrec", "time_zone": "America/Lima", "currencies": ["PEN", "USD"],
            "default_currency": "PEN", "no_show_fees": {"PEN": 2500, "USD": 2000},
            "late_cancel_fees": {"PEN": 1500}, "default_locale": "es", "client_label": "paciente",
            "fees_count_toward_commission": True, "monthly_survey_enabled": True, "monthly_survey_day": 2,
        },
    )  # fmt: skip
    assert response.status_code == 200, response.text
    body = (await admin.get(PRACTICE)).json()
    assert body["time_zone"] == "America/Lima" and body["default_currency"] == "PEN"
    assert body["no_show_fees"] == {"PEN": 2500, "USD": 2000}
    assert body["client_label"] == "paciente" and body["fees_count_toward_commission"] is True


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"time_zone": "EST5EDTX"}, "time_zone"),
        ({"currencies": ["PEN", "XYZ"], "default_currency": "PEN"}, "currencies.1"),
        ({"currencies": ["USD", "USD"]}, "currencies"),
        ({"default_currency": "EUR"}, "default_currency"),
        ({"no_show_fees": {"EUR": 100}}, "no_show_fees.EUR"),
        ({"no_show_fees": {"USD": -1}}, "no_show_fees.USD"),
        ({"no_show_fees": {"USD": 25.5}}, "no_show_fees.USD"),
        ({"reminder_send_hour": 24}, "reminder_send_hour"),
        ({"monthly_survey_day": 31}, "monthly_survey_day"),
        ({"default_locale": "fr"}, "default_locale"),
        ({"slot_minutes": 7}, "slot_minutes"),
        ({"slot_minutes": 15.0}, "slot_minutes"),
        ({"week_starts_on": "friday"}, "week_starts_on"),
        ({"client_labels": {"es": "x" * 41}}, "client_labels.es"),
        ({"colour": "red"}, "colour"),
    ],
)
async def test_bad_settings_are_refused_naming_the_field(
    client_as: Any, change: dict[str, Any], field: str
) -> None:
    admin = await client_as("admin")
    response = await admin.patch(PRACTICE, json=change)
    assert response.status_code == 422, response.text
    assert field in [e["field"] for e in response.json()["errors"]]
    assert (await admin.get(PRACTICE)).json()["time_zone"] == "UTC"  # nothing half-saved


async def test_only_admins_change_settings(client_as: Any, client_with_key: Any) -> None:
    for role in ("front_desk", "clinician"):
        http = await client_as(role)
        assert (await http.patch(PRACTICE, json={"name": "X"})).status_code == 403
    integration = await client_with_key("read", "write")
    assert (await integration.get(PRACTICE)).status_code == 200
    assert (await integration.patch(PRACTICE, json={"name": "X"})).status_code == 403


async def test_calendar_conventions_default_to_15_minute_slots_and_monday(client_as: Any) -> None:
    body = (await (await client_as("front_desk")).get(PRACTICE)).json()
    assert body["slot_minutes"] == 15 and body["week_starts_on"] == "monday"
    assert body["client_labels"] == {} and body["client_label"] == "client"


async def test_admin_sets_slot_size_and_first_day_of_week(client_as: Any) -> None:
    admin = await client_as("admin")
    response = await admin.patch(PRACTICE, json={"slot_minutes": 30, "week_starts_on": "sunday"})
    assert response.status_code == 200, response.text
    body = (await (await client_as("clinician")).get(PRACTICE)).json()
    assert body["slot_minutes"] == 30 and body["week_starts_on"] == "sunday"


async def test_the_client_word_is_kept_per_language(client_as: Any) -> None:
    admin = await client_as("admin")
    response = await admin.patch(
        PRACTICE, json={"default_locale": "es", "client_labels": {"es": " paciente ", "en": "patient"}}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["client_labels"] == {"es": "paciente", "en": "patient"}
    assert body["client_label"] == "paciente"  # the default language's word
    # An empty word (or the built-in "client") hands that language back to the UI's own word.
    body = (await admin.patch(PRACTICE, json={"client_labels": {"es": "paciente", "en": ""}})).json()
    assert body["client_labels"] == {"es": "paciente"}
    # The one-word form sets the default language's word and leaves the others.
    await admin.patch(PRACTICE, json={"client_labels": {"es": "paciente", "en": "patient"}})
    body = (await admin.patch(PRACTICE, json={"client_label": "consultante"})).json()
    assert body["client_labels"] == {"es": "consultante", "en": "patient"}
