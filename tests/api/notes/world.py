"""One session of Dra. Carmen's with every kind of caller the notes rules tell apart: an admin, the front
desk, the treating clinician (Carmen's user), another clinician (Jorge's), a read key, a write key (with
read, as integrations that write have) and nobody signed in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from tests.api.scheduling.test_appointments import APPOINTMENTS, _practice, at, session

CALLERS = ("admin", "front_desk", "treating", "other_clinician", "read_key", "write_key", "anonymous")


@dataclass
class World:
    note: str  # /api/v1/appointments/{id}/note
    appointment: dict[str, Any]
    callers: dict[str, httpx.AsyncClient]
    names: dict[str, str]

    @property
    def admin(self) -> httpx.AsyncClient:
        return self.callers["admin"]

    @property
    def treating(self) -> httpx.AsyncClient:
        return self.callers["treating"]


async def build_world(client_as: Any, client_with_key: Any, anonymous: httpx.AsyncClient) -> World:
    names = {"admin": "Ada Admin", "treating": "Dra. Carmen Vega", "front_desk": "Rosa Recepción"}
    admin = await client_as("admin", name=names["admin"])
    p = await _practice(admin)
    booked = await admin.post(APPOINTMENTS, json=session(p, at(9, 9), at(9, 10)))
    assert booked.status_code == 201, booked.text
    callers = {
        "admin": admin,
        "front_desk": await client_as("front_desk", name=names["front_desk"]),
        "treating": await client_as("clinician", name=names["treating"], practitioner_id=p["carmen"]["id"]),
        "other_clinician": await client_as("clinician", name="Dr. Jorge", practitioner_id=p["jorge"]["id"]),
        "read_key": await client_with_key("read"),
        "write_key": await client_with_key("read", "write"),
        "anonymous": anonymous,
    }
    return World(
        note=f"{APPOINTMENTS}/{booked.json()['id']}/note",
        appointment=booked.json(),
        callers=callers,
        names=names,
    )


async def ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    return dict(response.json())
