"""A clinical note is never deleted, and so neither is its session: once a note has text, a signed version
or an amendment, `DELETE /appointments/{id}` and a series change that would delete the session refuse or
keep it, also after the note was unlocked (the signed text lives on in the note's history). Cancelling the
session is the way out, and the note stays readable."""

from __future__ import annotations

from typing import Any

from tests.api.scheduling.test_appointments import APPOINTMENTS
from tests.api.scheduling.test_signed_lock import SIGNED, _sign, _signed_series


async def test_an_unlocked_note_keeps_its_session_from_being_deleted(client_as: Any) -> None:
    admin, p, occurrences = await _signed_series(client_as)
    target = occurrences[SIGNED]["id"]
    carmen = await _sign(client_as, p, target)
    unlocked = await carmen.post(f"{APPOINTMENTS}/{target}/note/unlock", json={"reason": "Fecha equivocada"})
    assert unlocked.status_code == 200, unlocked.text

    refused = await admin.delete(f"{APPOINTMENTS}/{target}")
    assert refused.status_code == 409, refused.text
    assert refused.json()["code"] == "conflict.session_has_note" and refused.json()["next_step"]
    for scope in ("this", "following", "all"):
        body = {"scope": scope, "action": "delete", "changes": {}, "dry_run": False}
        answer = await admin.post(f"{APPOINTMENTS}/{target}/series-change", json=body)
        if scope == "this":
            assert answer.status_code == 409 and answer.json()["code"] == "conflict.session_has_note"
        else:
            assert answer.status_code == 200, answer.text
            kept = {k["appointment_id"]: k["reason_code"] for k in answer.json()["kept"]}
            assert kept.get(target) == "has_note", answer.json()
            assert target not in {d["appointment_id"] for d in answer.json()["deletes"]}

    note = (await carmen.get(f"{APPOINTMENTS}/{target}/note")).json()
    assert [version["text"] for version in note["history"]] == ["Avances en la sesión"]
    cancelled = await admin.post(f"{APPOINTMENTS}/{target}/status", json={"status": "cancelled"})
    assert cancelled.status_code == 200, cancelled.text
    assert (await carmen.get(f"{APPOINTMENTS}/{target}/note")).json()["history"] == note["history"]


async def test_a_draft_note_keeps_its_session_but_an_empty_one_does_not(client_as: Any) -> None:
    admin, p, occurrences = await _signed_series(client_as)
    drafted, empty = occurrences[SIGNED]["id"], occurrences[SIGNED + 1]["id"]
    carmen = await client_as("clinician", practitioner_id=p["carmen"]["id"])
    for appointment_id, text in ((drafted, "Borrador"), (empty, "")):
        written = await carmen.put(f"{APPOINTMENTS}/{appointment_id}/note", json={"text": text})
        assert written.status_code == 200, written.text

    assert (await admin.delete(f"{APPOINTMENTS}/{drafted}")).json()["code"] == "conflict.session_has_note"
    assert (await admin.get(f"{APPOINTMENTS}/{drafted}")).status_code == 200
    assert (await admin.delete(f"{APPOINTMENTS}/{empty}")).status_code == 204
    assert (await admin.get(f"{APPOINTMENTS}/{empty}")).status_code == 404
