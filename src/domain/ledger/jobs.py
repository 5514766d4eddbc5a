"""The ledger context's jobs: what an appointment's status means for the client's account."""

from __future__ import annotations

import uuid

from tend.domain.ledger import charges
from tend.domain.platform.jobs import JobRun, Payload, job
from tend.domain.scheduling.appointments import APPOINTMENT_CHANGED_JOB


@job(APPOINTMENT_CHANGED_JOB)
async def appointment_changed(run: JobRun, payload: Payload) -> None:
    """An appointment moved or changed status: the ledger posts (or reverses) what its status implies —
    the session charge and bill, a no-show or late-cancel fee — exactly once, however often this runs."""
    if payload.get("event") != "status_changed":
        return
    async with run.system_context() as ctx:
        await charges.settle_appointment(ctx, uuid.UUID(payload["appointment_id"]))
