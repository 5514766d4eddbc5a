"""Who may do what with a session note, every route x every caller (DOMAIN.md "Session notes"; issue 16):
the text, amendments and history are the treating clinician's and the admins'; the front desk and API keys
see that a note exists and whether (when, by whom) it is signed, never its content; only the treating
clinician writes, signs and amends; she or an admin unlocks; a colleague's clinician gets 404; nobody
signed in, 401. A refused call changes nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.notes.world import CALLERS, World, build_world, ok

FULL, METADATA = "full", "metadata"
AUTHOR_ONLY, UNLOCK_ONLY, SCOPE = "forbidden.note_author_only", "forbidden.note_unlock", "forbidden"

# route -> caller -> (status, what a GET shows / the 403's code). Every route x every caller, exhaustively.
TABLE: dict[str, dict[str, tuple[int, str | None]]] = {
    "GET /note": {
        "admin": (200, FULL), "front_desk": (200, METADATA), "treating": (200, FULL),
        "other_clinician": (404, None), "read_key": (200, METADATA), "write_key": (200, METADATA),
        "anonymous": (401, None),
    },
    "PUT /note": {
        "admin": (403, AUTHOR_ONLY), "front_desk": (403, AUTHOR_ONLY), "treating": (200, None),
        "other_clinician": (404, None), "read_key": (403, SCOPE), "write_key": (403, AUTHOR_ONLY),
        "anonymous": (401, None),
    },
    "POST /note/sign": {
        "admin": (403, AUTHOR_ONLY), "front_desk": (403, AUTHOR_ONLY), "treating": (200, None),
        "other_clinician": (404, None), "read_key": (403, SCOPE), "write_key": (403, AUTHOR_ONLY),
        "anonymous": (401, None),
    },
    "POST /note/amendments": {
        "admin": (403, AUTHOR_ONLY), "front_desk": (403, AUTHOR_ONLY), "treating": (201, None),
        "other_clinician": (404, None), "read_key": (403, SCOPE), "write_key": (403, AUTHOR_ONLY),
        "anonymous": (401, None),
    },
    "POST /note/unlock": {
        "admin": (200, None), "front_desk": (403, UNLOCK_ONLY), "treating": (200, None),
        "other_clinician": (404, None), "read_key": (403, SCOPE), "write_key": (403, UNLOCK_ONLY),
        "anonymous": (401, None),
    },
}  # fmt: skip

BODIES: dict[str, dict[str, str] | None] = {
    "GET /note": None,
    "PUT /note": {"text": "Texto de otra persona"},
    "POST /note/sign": None,
    "POST /note/amendments": {"text": "Adenda de otra persona"},
    "POST /note/unlock": {"reason": "Corregir la fecha"},
}
CASES = [(route, caller) for route in TABLE for caller in CALLERS]


def test_the_table_covers_every_note_route_of_the_app_and_every_caller(app: Any) -> None:
    routes = {
        f"{method.upper()} {path.split('{appointment_id}', 1)[1]}"
        for path, item in app.openapi()["paths"].items()
        if path.startswith("/api/v1/appointments/{appointment_id}/note")
        for method in item
    }
    assert routes == set(TABLE)
    assert all(set(row) == set(CALLERS) for row in TABLE.values())


async def _prepare(world: World, route: str) -> None:
    """The state in which the treating clinician's call succeeds: a draft to edit or sign, a signed note
    to amend or unlock, and for reading, a note with everything a reader could see (a signed version that
    was unlocked, the signed text now, an amendment)."""
    treating, note = world.treating, world.note
    if route == "GET /note":
        await ok(await treating.put(note, json={"text": "Primera versión"}))
        await ok(await treating.post(f"{note}/sign"))
        await ok(await treating.post(f"{note}/unlock", json={"reason": "Faltaba el plan"}))
        await ok(await treating.put(note, json={"text": "Segunda versión"}))
        await ok(await treating.post(f"{note}/sign"))
        await ok(await treating.post(f"{note}/amendments", json={"text": "Adenda: llamó la madre"}), 201)
    elif route in ("PUT /note", "POST /note/sign"):
        await ok(await treating.put(note, json={"text": "Borrador"}))
    else:
        await ok(await treating.put(note, json={"text": "Firmada"}))
        await ok(await treating.post(f"{note}/sign"))


def _assert_shows(body: dict[str, Any], shows: str, world: World) -> None:
    assert body["exists"] is True and body["signed"] is True and body["signed_at"] is not None
    assert body["signed_by_name"] == world.names["treating"] and body["amendment_count"] == 1
    if shows == FULL:
        assert body["content_visible"] is True and body["text"] == "Segunda versión"
        assert [a["text"] for a in body["amendments"]] == ["Adenda: llamó la madre"]
        assert [h["text"] for h in body["history"]] == ["Primera versión"]
    else:
        assert body["content_visible"] is False
        assert body["text"] is None and body["amendments"] == [] and body["history"] == []
        assert "versión" not in str(body) and "Adenda" not in str(body) and "plan" not in str(body)


@pytest.mark.parametrize(("route", "caller"), CASES, ids=[f"{r} as {c}" for r, c in CASES])
async def test_who_may_read_and_change_a_session_note(
    route: str, caller: str, client_as: Any, client_with_key: Any, client: httpx.AsyncClient
) -> None:
    world = await build_world(client_as, client_with_key, client)
    await _prepare(world, route)
    before = await ok(await world.treating.get(world.note))
    status, detail = TABLE[route][caller]
    method, path = route.split(" ")
    url = world.note + path.removeprefix("/note")

    response = await world.callers[caller].request(method, url, json=BODIES[route])

    assert response.status_code == status, response.text
    body = response.json()
    if status == 403:
        assert body["code"] == detail
    elif status == 404:
        assert body["title"] == "Not found" and body["code"] == "not_found"
    elif status == 401:
        assert body["code"] == "unauthenticated"
    elif method == "GET":
        assert detail is not None
        _assert_shows(body, detail, world)
        assert body["may_write"] is (caller == "treating")
        assert body["may_unlock"] is (caller in ("treating", "admin"))
    else:
        assert body["content_visible"] is True  # the callers allowed to change a note may read it
    if status >= 400 or method == "GET":
        assert await ok(await world.treating.get(world.note)) == before, "a refused call changed the note"
