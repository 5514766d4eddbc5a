"""The outbox relay: runs recorded jobs after their transaction commits, in-process or through arq."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from tend.core.enums import JobStatus
from tend.persistence.db import unit_of_work
from tend.persistence.repositories.jobs import JobRepository
from tend.workers.deps import JobDeps
from tend.workers.jobs import JOBS
from tend.workers.mail import TransientSendError

log = logging.getLogger(__name__)

ARQ_FUNCTION = "run_outbox_job"
STALE_AFTER = timedelta(minutes=10)


def backoff_seconds(attempt: int) -> int:
    return int(min(3600, 5 * 4 ** (attempt - 1)))


@dataclass(frozen=True)
class Outcome:
    status: str  # "done", "skipped", "retry", "dead"
    retry_in: int | None = None


async def execute(deps: JobDeps, outbox_id: uuid.UUID) -> Outcome:
    """Runs one outbox job once. The claim is a conditional UPDATE, so two runners never run it together."""
    now = deps.clock.now()
    async with unit_of_work(deps.sessions) as session:
        claimed = await JobRepository(session).claim(outbox_id, now)
    if claimed is None:
        return Outcome("skipped")
    job_name, payload, attempts, max_attempts = (
        claimed.job_name,
        claimed.payload,
        claimed.attempts,
        claimed.max_attempts,
    )

    function = JOBS.get(job_name)
    error: str | None = None
    try:
        if function is None:
            raise LookupError(f"unknown job {job_name!r}")
        await function(deps, payload)
    except TransientSendError as exc:
        error = f"TransientSendError: {exc}"
    except Exception as exc:
        log.exception("job failed", extra={"job_name": job_name, "outbox_id": str(outbox_id)})
        error = f"{type(exc).__name__}"

    async with unit_of_work(deps.sessions) as session:
        job = await JobRepository(session).get(outbox_id)
        assert job is not None
        done_at = deps.clock.now()
        if error is None:
            job.status, job.finished_at, job.last_error = JobStatus.done, done_at, None
            return Outcome("done")
        job.last_error = error
        if attempts >= max_attempts:
            job.status, job.finished_at = JobStatus.dead, done_at
            log.error("job dead", extra={"job_name": job_name, "outbox_id": str(outbox_id)})
            return Outcome("dead")
        delay = backoff_seconds(attempts)
        job.status, job.run_after = JobStatus.enqueued, done_at + timedelta(seconds=delay)
        return Outcome("retry", retry_in=delay)


class Dispatcher(Protocol):
    async def dispatch(self, outbox_ids: Iterable[uuid.UUID]) -> None: ...


class InProcessRunner:
    """Runs jobs as asyncio tasks in this process (the embedded setup without Redis)."""

    def __init__(self, deps: JobDeps, concurrency: int = 4) -> None:
        self.deps = deps
        self._semaphore = asyncio.Semaphore(concurrency)
        self._tasks: set[asyncio.Task[Any]] = set()

    async def dispatch(self, outbox_ids: Iterable[uuid.UUID]) -> None:
        for outbox_id in outbox_ids:
            self._spawn(self._run(outbox_id))

    def _spawn(self, coroutine: Any) -> None:
        task = asyncio.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, outbox_id: uuid.UUID, delay: float = 0) -> None:
        if delay:
            await asyncio.sleep(delay)
        async with self._semaphore:
            outcome = await execute(self.deps, outbox_id)
        if outcome.retry_in is not None:
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
            async with unit_of_work(self.deps.sessions) as session:
                attempts = await JobRepository(session).mark_enqueued(outbox_id, self.deps.clock.now())
            if attempts is None:
                continue
            job_key = f"outbox:{outbox_id}:{attempts}"
            await self.pool.enqueue_job(ARQ_FUNCTION, str(outbox_id), _job_id=job_key)


async def due_job_ids(deps: JobDeps) -> list[uuid.UUID]:
    """Jobs that should run now: never dispatched, retry time reached, or lost by a dead worker/queue."""
    async with unit_of_work(deps.sessions) as session:
        return await JobRepository(session).due_ids(deps.clock.now(), STALE_AFTER)


async def sweep(deps: JobDeps, dispatcher: Dispatcher) -> int:
    ids = await due_job_ids(deps)
    if ids:
        await dispatcher.dispatch(ids)
    return len(ids)
