"""Small builders the API tests share (through HTTP, like a user or integration would)."""

from __future__ import annotations

from typing import Any

import httpx


async def lima_practice(admin: httpx.AsyncClient) -> None:
    body = {
        "name": "Psicotrec", "time_zone": "America/Lima", "country": "PE", "currencies": ["PEN", "USD"],
        "default_currency": "PEN", "no_show_fees": {"PEN": 2500, "USD": 2500},
    }  # fmt: skip
    response = await admin.patch("/api/v1/practice", json=body)
    assert response.status_code == 200, response.text


async def practitioner(admin: httpx.AsyncClient, name: str = "María Pérez", **extra: Any) -> dict[str, Any]:
    response = await admin.post(
        "/api/v1/practitioners", json={"name": name, "commission_rate_bp": 4000, **extra}
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def program(admin: httpx.AsyncClient, name: str = "Terapia individual") -> dict[str, Any]:
    response = await admin.post("/api/v1/programs", json={"name": name})
    assert response.status_code == 201, response.text
    return dict(response.json())


async def client_record(
    http: httpx.AsyncClient, first: str = "José", last: str = "Muñoz", **extra: Any
) -> dict[str, Any]:
    response = await http.post("/api/v1/clients", json={"first_name": first, "last_name": last, **extra})
    assert response.status_code == 201, response.text
    return dict(response.json())
