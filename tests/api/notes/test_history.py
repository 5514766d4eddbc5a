"""A signed note is never overwritten (issue 16): a change after signing is an amendment kept beside the
signed text; unlocking (with a reason) returns the note to a draft so the session can change again, and the
text that was signed stays in the note's history; the audit says who changed what when, without the text;
the database itself refuses to change signed text or amendments."""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.api.notes.world import World, build_world, ok
from tests.api.scheduling.test_appointments import APPOINTMENTS


@pytest.fixture
async def world(client_as: Any, client_with_key: Any, client: httpx.AsyncClient) -> World:
    return await build_world(client_as, client_with_key, client)


async def test_the_front_desk_sees_that_a_note_is_signed_but_never_its_text(world: World) -> None:
    """Written against the old behaviour, where the front desk read the whole note."""
    await ok(await world.treating.put(world.note, json={"text": "Ideación pasiva; plan de seguridad."}))
    await ok(await world.treating.post(f"{world.note}/sign"))

    seen = await ok(await world.callers["front_desk"].get(world.note))

    assert "Ideación" not in str(seen)
    assert seen["text"] is None and seen["signed_at"] is not None


async def test_a_signed_note_is_never_overwritten_a_later_change_is_an_amendment_beside_it(
    world: World,
) -> None:
    treating, note = world.treating, world.note
    await ok(await treating.put(note, json={"text": "Sesión 4: avances en exposición."}))
    signed = await ok(await treating.post(f"{note}/sign"))
    assert signed["signed"] and signed["signed_by_user_id"] == str(treating.user.id)  # type: ignore[attr-defined]
    assert signed["signed_by_name"] == world.names["treating"] and signed["may_unlock"] is True

    overwrite = await treating.put(note, json={"text": "Otro texto"})
    assert overwrite.status_code == 409 and overwrite.json()["code"] == "conflict.note_signed"
    assert "amendment" in overwrite.json()["next_step"]
    first = await ok(
        await treating.post(f"{note}/amendments", json={"text": "Adenda 1: dosis corregida"}), 201
    )
    second = await ok(await treating.post(f"{note}/amendments", json={"text": "Adenda 2"}), 201)

    assert second["text"] == "Sesión 4: avances en exposición." and second["signed"] is True
    assert [a["text"] for a in second["amendments"]] == ["Adenda 1: dosis corregida", "Adenda 2"]
    assert second["amendments"][0]["id"] == first["amendments"][0]["id"]
    assert {a["author_name"] for a in second["amendments"]} == {world.names["treating"]}
    assert second["amendment_count"] == 2 and second["history"] == []
    # Signing again changes nothing, and the session stays locked.
    again = await ok(await treating.post(f"{note}/sign"))
    assert again["signed_at"] == signed["signed_at"] and again["amendment_count"] == 2
    patched = await world.admin.patch(note.removesuffix("/note"), json={"instructions": "Traer diario"})
    assert patched.status_code == 409 and patched.json()["code"] == "conflict.note_signed"


async def test_unlocking_returns_a_draft_and_keeps_the_signed_text_in_the_history(world: World) -> None:
    treating, admin, note = world.treating, world.admin, world.note
    await ok(await treating.put(note, json={"text": "Versión firmada"}))
    await ok(await treating.post(f"{note}/sign"))
    await ok(await treating.post(f"{note}/amendments", json={"text": "Adenda"}), 201)

    unlocked = await ok(await admin.post(f"{note}/unlock", json={"reason": "  Fecha equivocada "}))

    assert unlocked["signed"] is False and unlocked["signed_at"] is None and unlocked["may_unlock"] is False
    assert unlocked["text"] == "Versión firmada"  # the draft starts from what was signed
    [version] = unlocked["history"]
    assert version["text"] == "Versión firmada" and version["signed_by_name"] == world.names["treating"]
    assert (
        version["unlocked_by_name"] == world.names["admin"] and version["unlock_reason"] == "Fecha equivocada"
    )
    # The amendment stays with the text it amended: in the history, not on the draft.
    assert unlocked["amendments"] == [] and unlocked["amendment_count"] == 0
    assert [a["text"] for a in version["amendments"]] == ["Adenda"]
    # A draft: the session is free again, the text editable, amendments are for signed notes.
    patched = await admin.patch(note.removesuffix("/note"), json={"instructions": "Traer diario"})
    assert patched.status_code == 200, patched.text
    refused = await treating.post(f"{note}/amendments", json={"text": "Adenda 2"})
    assert refused.status_code == 409 and refused.json()["code"] == "conflict.note_not_signed"
    assert refused.json()["next_step"]
    await ok(await treating.put(note, json={"text": "Versión corregida"}))
    resigned = await ok(await treating.post(f"{note}/sign"))
    assert resigned["text"] == "Versión corregida" and resigned["signed"] is True
    assert [h["text"] for h in resigned["history"]] == ["Versión firmada"]
    # An amendment written against the first text never reads as one to the second (probe of issue 16).
    assert resigned["amendments"] == [] and resigned["amendment_count"] == 0
    assert [a["text"] for a in resigned["history"][0]["amendments"]] == ["Adenda"]
    desk = await ok(await world.callers["front_desk"].get(note))
    assert desk["amendment_count"] == 0 and desk["history"] == [] and desk["amendments"] == []
    # Unlocking a draft changes nothing.
    await ok(await treating.post(f"{note}/unlock", json={"reason": "Otra vez"}))
    draft = await ok(await treating.post(f"{note}/unlock", json={"reason": "Otra vez"}))
    assert [h["unlock_reason"] for h in draft["history"]] == ["Fecha equivocada", "Otra vez"]


async def test_an_empty_note_is_not_signed_and_a_missing_one_reads_as_not_existing(world: World) -> None:
    empty = await ok(await world.treating.get(world.note))
    assert empty["exists"] is False and empty["text"] == "" and empty["updated_at"] is None
    assert empty["signed"] is False and empty["may_write"] is True and empty["may_unlock"] is False
    hidden = await ok(await world.callers["front_desk"].get(world.note))
    assert hidden["exists"] is False and hidden["text"] is None and hidden["may_write"] is False
    for sent in (None, {"text": "   "}):
        if sent is not None:
            await ok(await world.treating.put(world.note, json=sent))
        refused = await world.treating.post(f"{world.note}/sign")
        assert refused.status_code == 409 and refused.json()["code"] == "conflict.note_empty"
        assert "Write the note" in refused.json()["next_step"]


@pytest.mark.parametrize(
    ("path", "body", "field", "code"),
    [
        ("", {"text": "a\x07b"}, "text", "validation.characters"),
        ("", {"text": "x" * 20_001}, "text", "validation.too_long"),
        ("/amendments", {"text": "  "}, "text", "validation.too_short"),
        ("/amendments", {"text": "\x1b[31m"}, "text", "validation.characters"),
        ("/unlock", {"reason": " \u200b"}, "reason", "validation.required"),
        ("/unlock", {"reason": "a\u202eb"}, "reason", "validation.characters"),
        ("/unlock", {"reason": "x" * 501}, "reason", "validation.too_long"),
        ("/unlock", {}, "reason", "validation.required"),
    ],
)
async def test_note_text_amendments_and_reasons_are_checked(
    world: World, path: str, body: dict[str, str], field: str, code: str
) -> None:
    await ok(await world.treating.put(world.note, json={"text": "Firmada"}))
    await ok(await world.treating.post(f"{world.note}/sign"))
    method = "PUT" if path == "" else "POST"
    if path == "":
        await ok(await world.treating.post(f"{world.note}/unlock", json={"reason": "Editar"}))
    refused = await world.treating.request(method, world.note + path, json=body)
    assert refused.status_code == 422, refused.text
    assert [(e["field"], e["code"]) for e in refused.json()["errors"]] == [(field, code)]


async def test_line_breaks_and_tabs_are_kept_and_text_is_stored_composed(world: World) -> None:
    written = await ok(await world.treating.put(world.note, json={"text": "Lí\u0301nea 1\r\n\tLínea 2"}))
    assert written["text"] == "Lí\u0301nea 1\n\tLínea 2".replace("i\u0301", "í")


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


async def test_the_audit_says_who_changed_what_when_without_the_notes_text(world: World) -> None:
    treating, admin, note = world.treating, world.admin, world.note
    await ok(await treating.put(note, json={"text": "Texto clínico A"}))
    await ok(await treating.post(f"{note}/sign"))
    amended = await ok(await treating.post(f"{note}/amendments", json={"text": "Adenda clínica B"}), 201)
    await ok(await admin.post(f"{note}/unlock", json={"reason": "Firmó en la sesión equivocada"}))

    listed = await ok(
        await admin.get("/api/v1/audit-events", params={"object_type": "appointment", "limit": 50})
    )
    events = {
        e["action"]: e
        for e in listed["items"]
        if e["object_id"] == world.appointment["id"] and e["action"].startswith("session_note.")
    }
    assert set(events) == {"session_note.written", "session_note.signed", "session_note.amended",
                           "session_note.unlocked"}  # fmt: skip
    treating_id, admin_id = str(treating.user.id), str(admin.user.id)  # type: ignore[attr-defined]
    written, signed = events["session_note.written"], events["session_note.signed"]
    assert written["actor_user_id"] == treating_id and written["details"]["text_sha256"] == _sha256(
        "Texto clínico A"
    )
    assert signed["actor_user_id"] == treating_id and signed["details"]["text_sha256"] == _sha256(
        "Texto clínico A"
    )
    assert events["session_note.amended"]["details"]["amendment_id"] == amended["amendments"][0]["id"]
    assert events["session_note.amended"]["details"]["text_sha256"] == _sha256("Adenda clínica B")
    assert events["session_note.amended"]["details"]["version_id"] == signed["details"]["version_id"]
    unlocked = events["session_note.unlocked"]
    assert unlocked["actor_user_id"] == admin_id and unlocked["occurred_at"]
    assert unlocked["details"]["reason"] == "Firmó en la sesión equivocada"
    assert unlocked["details"]["version_id"] == signed["details"]["version_id"]
    assert unlocked["details"]["signed_by"] == treating_id
    assert "clínico A" not in str(listed) and "clínica B" not in str(listed)


async def test_the_database_refuses_to_change_signed_text_or_amendments(world: World, sessions: Any) -> None:
    treating, note = world.treating, world.note
    await ok(await treating.put(note, json={"text": "Firmada"}))
    await ok(await treating.post(f"{note}/sign"))
    await ok(await treating.post(f"{note}/amendments", json={"text": "Adenda"}), 201)
    for statement in (
        "UPDATE session_note_versions SET text = 'otra'",
        "UPDATE session_note_amendments SET text = 'otra'",
        "DELETE FROM session_note_amendments",
        "DELETE FROM session_note_versions",
    ):
        async with sessions() as session:
            with pytest.raises(DBAPIError, match="never changed"):
                await session.execute(text(statement))
            await session.rollback()
    unlocked = await ok(await world.admin.post(f"{note}/unlock", json={"reason": "Sesión duplicada"}))
    assert unlocked["history"][0]["text"] == "Firmada"
    async with sessions() as session:  # an unlock is recorded once
        with pytest.raises(DBAPIError, match="never changed"):
            await session.execute(text("UPDATE session_note_versions SET unlock_reason = 'otra'"))
        await session.rollback()
    # Unlocked, the session still carries a clinical record, so it is not deleted (cancel it instead).
    deleted = await world.admin.delete(note.removesuffix("/note"))
    assert deleted.status_code == 409 and deleted.json()["code"] == "conflict.session_has_note", deleted.text
    async with sessions() as session:
        left = await session.scalar(text("SELECT count(*) FROM session_note_amendments"))
        assert left == 1


async def test_a_colleagues_appointment_stays_404_and_an_unknown_one_too(world: World) -> None:
    unknown = f"{APPOINTMENTS}/00000000-0000-4000-8000-000000000000/note"
    for caller in ("admin", "treating", "front_desk"):
        response = await world.callers[caller].get(unknown)
        assert response.status_code == 404, (caller, response.text)
