"""The outbox relay: runs recorded jobs after their transaction commits, in-process or through arq.

A job's life: pending -> (enqueued) -> running -> done | enqueued again (retry later) | dead. Every step is
a conditional update on the state it expects, so two relays, a late failure and an admin's retry cannot
overwrite each other. A running attempt holds a lease; one that outlives it (crash, SIGKILL, lost worker)
is reaped by the sweep and counted as a failed attempt. Jobs with no attempts left are dead and listed
for admins."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from tend.domain.platform.jobs import load_jobs
from tend.persistence.db import unit_of_work
from tend.persistence.repositories.jobs import JobRepository
from tend.workers.deps import JobDeps
from tend.workers.mail import DeliveryUnknown, SendingJob, TransientSendError, current_job
from tend.workers.schedule import tick

log = logging.getLogger(__name__)

ARQ_FUNCTION = "run_outbox_job"
STALE_AFTER = timedelta(minutes=10)  # a job the queue was given but never ran is dispatched again
LEASE_MARGIN = timedelta(seconds=60)  # at most: for short timeouts the margin is the timeout itself


def backoff_seconds(attempt: int) -> int:
    return int(min(3600, 5 * 4 ** (attempt - 1)))


def lease_for(deps: JobDeps) -> timedelta:
    timeout = timedelta(seconds=deps.settings.job_timeout_seconds)
    return timeout + min(timeout, LEASE_MARGIN)


class UnknownJob(Exception):
    """No function is registered under the job's name (e.g. a job recorded by a newer release)."""


@dataclass(frozen=True)
class Outcome:
    status: str  # "done", "skipped", "retry", "dead", "superseded"
    retry_in: int | None = None


async def execute(deps: JobDeps, outbox_id: uuid.UUID) -> Outcome:
    """Runs one attempt of an outbox job, if it is due and nobody else has it."""
    async with unit_of_work(deps.sessions) as session:
        claimed = await JobRepository(session).claim(outbox_id, deps.clock.now(), lease_for(deps))
    if claimed is None:
        return Outcome("skipped")

    function = load_jobs().get(claimed.job_name)
    error: str | None = None
    retryable = True
    timeout = deps.settings.job_timeout_seconds
    token = current_job.set(SendingJob(claimed.id, claimed.resend_unknown))
    try:
        if function is None:
            raise UnknownJob(f"unknown job {claimed.job_name!r}")
        async with asyncio.timeout(timeout):
            await function(deps, claimed.payload)
    except TransientSendError as exc:
        error = f"TransientSendError: {exc}"
    except DeliveryUnknown as exc:
        error, retryable = f"DeliveryUnknown: {exc}", False
    except TimeoutError:
        error = f"Timed out after {timeout} s."
    except UnknownJob as exc:
        error, retryable = f"UnknownJob: {exc}", False
    except Exception as exc:
        log.exception("job failed", extra={"job_name": claimed.job_name, "outbox_id": str(outbox_id)})
        error = type(exc).__name__
    finally:
        current_job.reset(token)

    now = deps.clock.now()
    async with unit_of_work(deps.sessions) as session:
        jobs = JobRepository(session)
        if error is None:
            outcome, moved = Outcome("done"), await jobs.finish(claimed.id, claimed.attempts, now)
        elif retryable and claimed.attempts < claimed.max_attempts:
            delay = backoff_seconds(claimed.attempts)
            moved = await jobs.retry_later(
                claimed.id, claimed.attempts, now + timedelta(seconds=delay), error
            )
            outcome = Outcome("retry", retry_in=delay)
        else:
            outcome, moved = Outcome("dead"), await jobs.give_up(claimed.id, claimed.attempts, now, error)
            log.error("job dead", extra={"job_name": claimed.job_name, "outbox_id": str(outbox_id)})
    if not moved:
        # Its lease ran out and the sweep (or an admin) moved it on meanwhile: that decision stands.
        log.warning(
            "job outcome superseded", extra={"job_name": claimed.job_name, "outbox_id": str(outbox_id)}
        )
        return Outcome("superseded")
    return outcome


class Dispatcher(Protocol):
    async def dispatch(self, outbox_ids: Iterable[uuid.UUID]) -> None: ...


async def _take_for_dispatch(deps: JobDeps, outbox_id: uuid.UUID) -> bool:
    async with unit_of_work(deps.sessions) as session:
        return await JobRepository(session).mark_enqueued(outbox_id, deps.clock.now(), STALE_AFTER)


class InProcessRunner:
    """Runs jobs as asyncio tasks in this process (the embedded setup without Redis): the same claims,
    leases, timeouts and retries as the arq workers, a bounded number at a time."""

    def __init__(self, deps: JobDeps, concurrency: int = 4) -> None:
        self.deps = deps
        self._semaphore = asyncio.Semaphore(concurrency)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._in_flight: set[uuid.UUID] = set()

    async def dispatch(self, outbox_ids: Iterable[uuid.UUID]) -> None:
        for outbox_id in outbox_ids:
            if outbox_id in self._in_flight or not await _take_for_dispatch(self.deps, outbox_id):
                continue
            self._in_flight.add(outbox_id)
            self._spawn(self._run(outbox_id))

    def _spawn(self, coroutine: Any) -> None:
        task = asyncio.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, outbox_id: uuid.UUID, delay: float = 0) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            async with self._semaphore:
                outcome = await execute(self.deps, outbox_id)
        finally:
            self._in_flight.discard(outbox_id)
        if outcome.retry_in is not None:
            self._in_flight.add(outbox_id)
            self._spawn(self._run(outbox_id, delay=outcome.retry_in))

    async def drain(self, include_delayed: bool = False) -> None:
        """Waits until the jobs started so far have finished (tests, shutdown)."""
        while True:
            pending = [t for t in self._tasks if not t.done()]
            if not pending:
                return
            await asyncio.wait(pending, timeout=None if include_delayed else 10)
            if not include_delayed:
                return

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


class ArqDispatcher:
    """Hands jobs to Redis; `tend worker` processes run them."""

    def __init__(self, deps: JobDeps, pool: Any) -> None:
        self.deps = deps
        self.pool = pool

    async def dispatch(self, outbox_ids: Iterable[uuid.UUID]) -> None:
        for outbox_id in outbox_ids:
            if not await _take_for_dispatch(self.deps, outbox_id):
                continue
            # A fresh arq id per hand-over: arq silently ignores an id it has seen, and a retried or
            # re-dispatched job must run again.
            job = await self.pool.enqueue_job(
                ARQ_FUNCTION, str(outbox_id), _job_id=f"outbox:{outbox_id}:{uuid.uuid4().hex}"
            )
            if job is None:
                log.warning(
                    "arq refused the job; the sweep will hand it over again",
                    extra={"outbox_id": str(outbox_id)},
                )


async def due_job_ids(deps: JobDeps) -> list[uuid.UUID]:
    """Reaps expired attempts, then lists jobs that should run now."""
    async with unit_of_work(deps.sessions) as session:
        jobs = JobRepository(session)
        await jobs.reap(deps.clock.now())
        return await jobs.due_ids(deps.clock.now(), STALE_AFTER)


async def sweep(deps: JobDeps, dispatcher: Dispatcher) -> int:
    """Every few seconds in every setup: record this period's scheduled jobs, reap, dispatch what is due."""
    await tick(deps)
    ids = await due_job_ids(deps)
    if ids:
        await dispatcher.dispatch(ids)
    return len(ids)
