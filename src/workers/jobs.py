"""Job functions. Each takes the worker's dependencies and an ID-only payload, and is safe to run twice."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from tend.core.actor import Actor
from tend.domain.context import Context
from tend.domain.ledger import charges
from tend.domain.practice.users import WELCOME_EMAIL_JOB
from tend.domain.scheduling import series
from tend.domain.scheduling.appointments import APPOINTMENT_CHANGED_JOB
from tend.persistence.db import unit_of_work
from tend.persistence.repositories.access import LoginFailureRepository, UserRepository
from tend.persistence.repositories.ledger import IdempotencyRepository
from tend.workers.deps import JobDeps
from tend.workers.mail import OutgoingEmail
from tend.workers.schedule import EXTEND_SERIES, PRUNE_IDEMPOTENCY_RECORDS, PRUNE_SIGN_IN_ATTEMPTS

JobFunction = Callable[[JobDeps, dict[str, Any]], Awaitable[None]]
JOBS: dict[str, JobFunction] = {}


def job(name: str) -> Callable[[JobFunction], JobFunction]:
    def register(function: JobFunction) -> JobFunction:
        JOBS[name] = function
        return function

    return register


@job(WELCOME_EMAIL_JOB)
async def send_welcome_email(deps: JobDeps, payload: dict[str, Any]) -> None:
    """Tells a new staff user where to sign in (no password in the e-mail)."""
    user_id = uuid.UUID(payload["user_id"])
    async with unit_of_work(deps.sessions) as session:
        user = await UserRepository(session).get(user_id)
        if user is None or not user.active:
            return
        to_address, name = user.email, user.name
    await deps.mailer.send_once(
        OutgoingEmail(
            dedupe_key=f"welcome:{user_id}",
            to_address=to_address,
            subject="Your Tend account",
            body_text=(
                f"Hello {name},\n\nAn account was created for you in Tend.\n"
                f"Sign in at {deps.settings.public_base_url}/login with this e-mail address.\n"
                "Ask your practice administrator for your first password.\n"
            ),
        )
    )


@job(PRUNE_SIGN_IN_ATTEMPTS)
async def prune_sign_in_attempts(deps: JobDeps, payload: dict[str, Any]) -> None:
    """Daily: sign-in attempts older than a day no longer count toward any throttle."""
    async with unit_of_work(deps.sessions) as session:
        await LoginFailureRepository(session).prune(deps.clock.now() - timedelta(days=1))


@job(PRUNE_IDEMPOTENCY_RECORDS)
async def prune_idempotency_records(deps: JobDeps, payload: dict[str, Any]) -> None:
    """Daily: stored Idempotency-Key answers are kept two days (at least the promised 24 hours)."""
    async with unit_of_work(deps.sessions) as session:
        await IdempotencyRepository(session).prune(deps.clock.now() - timedelta(days=2))


@job(APPOINTMENT_CHANGED_JOB)
async def appointment_changed(deps: JobDeps, payload: dict[str, Any]) -> None:
    """An appointment moved or changed status: the ledger posts (or reverses) what its status implies —
    the session charge and bill, a no-show or late-cancel fee — exactly once, however often this runs."""
    if payload.get("event") != "status_changed":
        return
    async with unit_of_work(deps.sessions) as session:
        ctx = Context(session=session, clock=deps.clock, actor=Actor.system())
        await charges.settle_appointment(ctx, uuid.UUID(payload["appointment_id"]))


@job(EXTEND_SERIES)
async def extend_series(deps: JobDeps, payload: dict[str, Any]) -> None:
    """Daily: every recurring series gets its occurrences up to the 26-week horizon (idempotent)."""
    async with unit_of_work(deps.sessions) as session:
        await series.extend_all(Context(session=session, clock=deps.clock, actor=Actor.system()))
