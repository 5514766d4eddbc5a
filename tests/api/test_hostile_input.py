"""What a careless integrator or an attacker sends: crafted cursors, deep or huge bodies, non-finite
numbers, booleans for integers, invisible and direction-changing characters. Each is a clear 4xx."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.api.helpers import client_record, practitioner

CLIENTS = "/api/v1/clients"


def _cursor(raw: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(raw).encode()).decode().rstrip("=")


ROW = str(uuid.uuid4())
CRAFTED_CURSORS = [
    _cursor({"v": True, "id": ROW}),
    _cursor({"v": 10**30, "id": ROW}),
    _cursor({"v": 7, "id": ROW}),  # an int where a text or a time belongs
    _cursor({"t": "not a time", "id": ROW}),
    _cursor({"t": 5, "id": ROW}),
    _cursor({"v": "x" * 5000, "id": ROW}),
    _cursor({"v": "a", "id": 5}),
    _cursor([1, 2, 3]),
    _cursor({"after": ROW}),  # a row that does not exist
    _cursor({"after": "not-a-uuid"}),
    "%%%not-base64",
]


@pytest.mark.parametrize("path", [CLIENTS, "/api/v1/users", "/api/v1/audit-events", "/api/v1/jobs"])
async def test_crafted_cursors_are_refused_with_422(client_as: Any, path: str) -> None:
    admin = await client_as("admin")
    for cursor in CRAFTED_CURSORS:
        response = await admin.get(path, params={"cursor": cursor})
        assert response.status_code == 422, (cursor, response.text)
        error = response.json()["errors"][0]
        assert error["field"] == "cursor"
        assert error["code"] in {"validation.cursor", "validation.too_long"}


async def test_cursors_carry_no_personal_data(client_as: Any) -> None:
    admin = await client_as("admin")
    for n in range(3):
        await client_record(admin, f"Zoila{n}", "Quispe Mamani")
    first = (await admin.get(CLIENTS, params={"limit": 2})).json()
    decoded = base64.urlsafe_b64decode(first["next_cursor"] + "==").decode()
    assert "quispe" not in decoded.lower() and "zoila" not in decoded.lower()
    rest = (await admin.get(CLIENTS, params={"limit": 2, "cursor": first["next_cursor"]})).json()
    names = [c["first_name"] for c in first["items"] + rest["items"]]
    assert names == ["Zoila0", "Zoila1", "Zoila2"]


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [318, 950, 5000])
async def test_deeply_nested_custom_field_values_are_refused(client_as: Any, depth: int) -> None:
    admin = await client_as("admin")
    body = '{"first_name": "Ana", "last_name": "Ruiz", "custom_fields": {"notes": ' + _nested(depth) + "}}"
    response = await admin.post(CLIENTS, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields <= {"custom_fields.notes", "body"} and fields


async def test_too_many_custom_field_keys_are_refused(client_as: Any) -> None:
    admin = await client_as("admin")
    values = {f"k{n}": "x" for n in range(101)}
    response = await admin.post(CLIENTS, json={"first_name": "A", "last_name": "B", "custom_fields": values})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "custom_fields"


@pytest.mark.parametrize("number", ["Infinity", "-Infinity", "NaN", "1e999"])
async def test_non_finite_numbers_are_refused(client_as: Any, number: str) -> None:
    admin = await client_as("admin")
    defined = await admin.post(
        "/api/v1/custom-fields", json={"key": "weight", "label": "Weight", "field_type": "number"}
    )
    assert defined.status_code == 201
    body = '{"first_name": "Ana", "last_name": "Ruiz", "custom_fields": {"weight": ' + number + "}}"
    response = await admin.post(CLIENTS, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    assert "custom_fields.weight" in {error["field"] for error in response.json()["errors"]}


async def test_an_inactive_custom_field_keeps_old_values_but_takes_no_new_ones(client_as: Any) -> None:
    admin = await client_as("admin")
    field = (
        await admin.post(
            "/api/v1/custom-fields", json={"key": "school", "label": "School", "field_type": "text"}
        )
    ).json()
    person = await client_record(admin, custom_fields={"school": "San Marcos"})
    assert (
        await admin.patch(f"/api/v1/custom-fields/{field['id']}", json={"active": False})
    ).status_code == 200

    refused = await admin.patch(f"{CLIENTS}/{person['id']}", json={"custom_fields": {"school": "Otra"}})
    assert refused.status_code == 422
    assert refused.json()["errors"][0] == {
        "field": "custom_fields.school",
        "loc": ["custom_fields", "school"],
        "code": "validation.inactive_reference",
        "message": "School is no longer in use; it cannot take new values.",
        "type": "inactive_reference",
    }
    kept = await admin.patch(f"{CLIENTS}/{person['id']}", json={"phone": "+51 1 222 3333"})
    assert kept.status_code == 200
    assert kept.json()["custom_fields"] == {"school": "San Marcos"}


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/v1/practitioners", {"name": "Dra. X", "commission_rate_bp": False}, "commission_rate_bp"),
        ("/api/v1/practitioners", {"name": "Dra. X", "commission_rate_bp": 4000.0}, "commission_rate_bp"),
        (
            "/api/v1/services",
            {"code": "90834", "name": "P", "default_duration_minutes": True},
            "default_duration_minutes",
        ),
        (
            "/api/v1/services",
            {"code": "90834", "name": "P", "default_duration_minutes": 45, "prices": {"PEN": True}},
            "prices.PEN",
        ),
        (
            "/api/v1/custom-fields",
            {"key": "a", "label": "A", "field_type": "text", "position": True},
            "position",
        ),
    ],
)
async def test_booleans_and_floats_are_not_integers(
    client_as: Any, path: str, body: dict[str, Any], field: str
) -> None:
    admin = await client_as("admin")
    response = await admin.post(path, json=body)
    assert response.status_code == 422, response.text
    assert field in {error["field"] for error in response.json()["errors"]}


async def test_practice_settings_refuse_booleans_for_numbers(client_as: Any) -> None:
    admin = await client_as("admin")
    response = await admin.patch("/api/v1/practice", json={"late_cancel_window_hours": True})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "late_cancel_window_hours"


@pytest.mark.parametrize(
    ("first_name", "code"),
    [
        ("\u202eanA", "validation.characters"),  # right-to-left override
        ("Ana\r\nBcc: x", "validation.characters"),
        ("Ana\x1b[31m", "validation.characters"),
        ("\u200b\u200b", "validation.required"),  # nothing visible
        ("\ufeff", "validation.required"),
    ],
)
async def test_names_with_control_bidi_or_only_invisible_characters_are_refused(
    client_as: Any, first_name: str, code: str
) -> None:
    admin = await client_as("admin")
    response = await admin.post(CLIENTS, json={"first_name": first_name, "last_name": "Ruiz"})
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == "first_name"
    assert response.json()["errors"][0]["code"] == code


async def test_names_are_stored_nfc_without_invisible_characters_and_search_ignores_them(
    client_as: Any,
) -> None:
    admin = await client_as("admin")
    created = await client_record(admin, "\ufeffJose\u0301", "Mu\u200bñoz   Díaz")
    assert created["first_name"] == "José"  # NFC, BOM gone
    assert created["last_name"] == "Muñoz Díaz"
    for query in ("jose munoz", "Jo\u200bsé", "MUÑOZ"):
        found = (await admin.get(CLIENTS, params={"q": query})).json()["items"]
        assert [c["id"] for c in found] == [created["id"]], query


async def test_practitioner_and_user_names_are_cleaned_too(client_as: Any) -> None:
    admin = await client_as("admin")
    refused = await admin.post("/api/v1/practitioners", json={"name": "\u202eX", "commission_rate_bp": 0})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "name"
    made = await practitioner(admin, "Dra.\u200b Ana")
    assert made["name"] == "Dra. Ana"


@pytest.fixture
async def big_body() -> AsyncIterator[bytes]:
    yield b'{"first_name": "A", "last_name": "B", "address": "' + b"x" * 2_000_000 + b'"}'


async def test_bodies_over_the_limit_are_refused_before_parsing(client_as: Any, big_body: bytes) -> None:
    admin = await client_as("admin")
    response = await admin.post(CLIENTS, content=big_body, headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "payload_too_large"


async def test_streamed_bodies_are_counted_and_cut_at_the_limit(client_as: Any, big_body: bytes) -> None:
    admin = await client_as("admin")

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(big_body), 65536):
            yield big_body[start : start + 65536]

    response = await admin.post(CLIENTS, content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


async def test_anonymous_requests_cannot_send_large_bodies(client: Any) -> None:
    body = json.dumps({"email": "a@b.c", "password": "p" * 40_000})
    response = await client.post(
        "/api/v1/auth/login",
        content=body,
        headers={"Content-Type": "application/json", "Authorization": "Bearer forged.token.value"},
    )
    assert response.status_code == 413
    assert "Sign in" in response.json()["detail"]
