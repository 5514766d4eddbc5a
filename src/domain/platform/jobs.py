"""Jobs: each context declares its own (`domain/<context>/jobs.py`, found by `load_jobs()`) with `@job(name)`
and, for work that recurs by the calendar, `periodic(...)`; a service records one as an outbox row in its
caller's transaction (sent only after it commits); `workers/` runs what is registered here and nothing else.
Also the admin's view of the outbox.

A job receives a `JobRun` (what the worker gives it: the clock, a unit of work acting as the system, the
mailer) and its payload — identifiers and flags only — and is safe to run twice."""

from __future__ import annotations

import importlib
import pkgutil
import uuid
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from tend.core.clock import Clock
from tend.core.enums import JobStatus
from tend.core.errors import Conflict, ErrorCode, NotFound
from tend.core.pages import Page, PageRequest
from tend.domain import audit
from tend.domain.context import Context
from tend.domain.platform.messaging.email import Mailer
from tend.persistence.db import DbSession
from tend.persistence.repositories.jobs import JobRepository
from tend.persistence.tables.jobs import OutboxJob

OUTBOX_SESSION_KEY = "tend_outbox_ids"


class JobRun(Protocol):
    """What a running job may use; the worker provides it."""

    @property
    def clock(self) -> Clock: ...

    @property
    def mailer(self) -> Mailer: ...

    @property
    def public_base_url(self) -> str:
        """Where the app is reached from outside (links in messages)."""
        ...

    def system_context(self) -> AbstractAsyncContextManager[Context]:
        """A unit of work acting as the system: committed when the block ends, rolled back on an error."""
        ...


Payload = Mapping[str, Any]
# What a job is told when it is recorded: ids and flags only (nothing a queue should not hold).
JobFields = dict[str, str | int | bool | None]
# The targets of a periodic job: the target's part of the dedupe key -> that target's payload.
Targets = dict[str, JobFields]
JobFunction = Callable[[JobRun, Payload], Awaitable[None]]
JOBS: dict[str, JobFunction] = {}


def job(name: str) -> Callable[[JobFunction], JobFunction]:
    """Declares a job under `name` (the name the outbox stores; never rename one that may be pending)."""

    def register(function: JobFunction) -> JobFunction:
        if JOBS.setdefault(name, function) is not function:
            raise RuntimeError(f"two jobs are declared as {name!r}")
        return function

    return register


@dataclass(frozen=True)
class Periodic:
    """A job recorded once per local day (the practice's zone) for each target."""

    job_name: str
    key_prefix: str
    # (context, local date) -> payload of each target, keyed by the target's part of the dedupe key.
    targets: Callable[[Context, date], Awaitable[Targets]]


async def the_practice(ctx: Context, day: date) -> Targets:
    """One target: the practice as a whole."""
    return {"practice": {}}


PERIODIC: list[Periodic] = []


def periodic(
    job_name: str,
    key_prefix: str,
    targets: Callable[[Context, date], Awaitable[Targets]] = the_practice,
) -> None:
    """Declares that `job_name` runs once per local day for each of `targets` (the practice by default)."""
    PERIODIC.append(Periodic(job_name, key_prefix, targets))


def load_jobs() -> dict[str, JobFunction]:
    """Imports every context's `jobs` module (and the platform's own jobs), which declares its jobs."""
    import tend.domain

    for module in pkgutil.iter_modules(tend.domain.__path__):
        if module.ispkg and importlib.util.find_spec(f"tend.domain.{module.name}.jobs") is not None:
            importlib.import_module(f"tend.domain.{module.name}.jobs")
    return JOBS


def _check_payload(payload: Mapping[str, object]) -> None:
    # Payloads carry identifiers only; anything else could leak personal data into the queue.
    for key, value in payload.items():
        if not isinstance(value, str | int | bool | None):
            raise TypeError(f"job payload field {key!r} must be an id or flag, not {type(value).__name__}")


def _dispatch_after_commit(session: DbSession, job_id: uuid.UUID) -> None:
    session.info.setdefault(OUTBOX_SESSION_KEY, []).append(job_id)


async def record_job(
    session: DbSession,
    clock: Clock,
    job_name: str,
    payload: Mapping[str, str | int | bool | None],
    *,
    dedupe_key: str | None = None,
    run_after: datetime | None = None,
    max_attempts: int = 5,
) -> uuid.UUID | None:
    """Adds a job to the outbox. With a dedupe_key, a second call for the same effect adds nothing."""
    _check_payload(payload)
    now = clock.now()
    job_id = await JobRepository(session).record(
        job_name=job_name,
        payload=dict(payload),
        dedupe_key=dedupe_key,
        max_attempts=max_attempts,
        now=now,
        run_after=run_after or now,
    )
    if job_id is not None:
        _dispatch_after_commit(session, job_id)
    return job_id


async def list_jobs(ctx: Context, page: PageRequest, status: JobStatus | None) -> Page[OutboxJob]:
    return await JobRepository(ctx.session).page(page, status=status)


async def retry_dead_job(ctx: Context, job_id: uuid.UUID) -> OutboxJob:
    """Gives a dead job a fresh set of attempts; it runs after this transaction commits."""
    job = await JobRepository(ctx.session).get_for_update(job_id)
    if job is None:
        raise NotFound("No such job.")
    if job.status is not JobStatus.dead:
        raise Conflict(
            f"Only dead jobs can be retried; this one is {job.status.value}.",
            code=ErrorCode.job_not_dead,
            next_step="Wait for it to finish; it is retried automatically while it has attempts left.",
        )
    job.status, job.attempts, job.run_after = JobStatus.pending, 0, ctx.clock.now()
    job.finished_at, job.lease_until = None, None
    # The admin's decision: an e-mail whose delivery is unknown (an interrupted send) may go out again.
    job.resend_unknown = True
    _dispatch_after_commit(ctx.session, job.id)
    audit.record(ctx, "job.retried", object_type="job", object_id=job.id, job_name=job.job_name)
    return job


def daily(name: str, key_prefix: str, work: Callable[[Context], Awaitable[object]]) -> None:
    """Declares housekeeping that runs once per local day for the practice: `work(ctx)` in a unit of work
    acting as the system (the job `name`, recorded under `key_prefix:practice:<day>`)."""

    async def run_daily(run: JobRun, payload: Payload) -> None:
        async with run.system_context() as ctx:
            await work(ctx)

    run_daily.__doc__ = work.__doc__
    job(name)(run_daily)
    periodic(name, key_prefix)


# The platform's own daily housekeeping: stored Idempotency-Key answers are kept two days (at least the
# promised 24 hours); public links are dropped a month after they expired.
PRUNE_IDEMPOTENCY_RECORDS = "prune_idempotency_records"
PRUNE_PUBLIC_LINKS = "prune_public_links"


def _declare_platform_jobs() -> None:
    from tend.domain.platform import idempotency, public_links

    daily(PRUNE_IDEMPOTENCY_RECORDS, "prune-idempotency-records", idempotency.prune)
    daily(PRUNE_PUBLIC_LINKS, "prune-public-links", public_links.prune)


_declare_platform_jobs()
