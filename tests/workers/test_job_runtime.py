"""A job's life, crashed at every point: each window ends with the e-mail sent exactly once, or the job
visibly dead, never silently lost. Plus timeouts, competing relays, admin retries and the period tick."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tend.core.enums import EmailStatus, JobStatus, Role
from tend.domain.platform import jobs
from tend.domain.platform.jobs import Periodic
from tend.domain.platform.messaging.email import OutgoingEmail
from tend.domain.practice import users
from tend.persistence.tables.jobs import EmailMessage, OutboxJob
from tend.workers.deps import JobDeps
from tend.workers.mail import Mailer
from tend.workers.outbox import ArqDispatcher, InProcessRunner, execute, lease_for, sweep
from tend.workers.schedule import tick


class Crash(BaseException):
    """The process dies here (nothing below this point runs, nothing is cleaned up)."""


class CrashingMailer(Mailer):
    """Sends through the real SMTP server, and dies before or after handing the message over."""

    crash_before_smtp = False
    crash_after_smtp = False

    async def _send_smtp(self, message: OutgoingEmail) -> None:
        if self.crash_before_smtp:
            raise Crash
        await super()._send_smtp(message)
        if self.crash_after_smtp:
            raise Crash


@pytest.fixture
def smtp_deps(app: Any, settings: Any, sessions: Any, clock: Any, smtp_server: Any) -> JobDeps:
    controller, _inbox = smtp_server
    smtp = settings.model_copy(
        update={"smtp_host": "127.0.0.1", "smtp_port": controller.port, "smtp_starttls": False}
    )
    return replace(app.state.job_deps, settings=smtp, mailer=CrashingMailer(smtp, sessions, clock))


async def _welcome_job(system_ctx: Any, sessions: Any) -> OutboxJob:
    async with system_ctx() as ctx:
        await users.create_user(
            ctx, email="staff@example.com", name="New Staff", role=Role.front_desk, password="a-long-password"
        )
    async with sessions() as session:
        return (
            await session.scalars(select(OutboxJob).where(OutboxJob.job_name == "send_welcome_email"))
        ).one()


async def _state(sessions: Any, job_id: Any) -> tuple[JobStatus, list[EmailStatus]]:
    async with sessions() as session:
        job = await session.get(OutboxJob, job_id)
        emails = (await session.scalars(select(EmailMessage))).all()
        assert job is not None
        return job.status, [e.status for e in emails]


async def _recover(deps: JobDeps, clock: Any, job_id: Any) -> None:
    """What the next sweeps do once the dead process's lease has run out."""
    clock.advance(lease_for(deps) + timedelta(seconds=1))
    runner = InProcessRunner(deps)
    await sweep(deps, runner)
    await runner.drain(include_delayed=False)


async def test_crash_before_the_claim_leaves_the_job_for_the_sweep(
    smtp_deps: JobDeps, system_ctx: Any, sessions: Any, clock: Any, smtp_server: Any
) -> None:
    job = await _welcome_job(system_ctx, sessions)  # committed; the process dies before dispatching it
    await _recover(smtp_deps, clock, job.id)
    assert await _state(sessions, job.id) == (JobStatus.done, [EmailStatus.sent])
    assert len(smtp_server[1].messages) == 1


async def test_crash_after_the_job_claim_is_taken_over_after_the_lease(
    smtp_deps: JobDeps, system_ctx: Any, sessions: Any, clock: Any, smtp_server: Any, monkeypatch: Any
) -> None:
    job = await _welcome_job(system_ctx, sessions)

    async def dies(deps: Any, payload: Any) -> None:
        raise Crash

    monkeypatch.setitem(jobs.JOBS, "send_welcome_email", dies)
    with pytest.raises(Crash):
        await execute(smtp_deps, job.id)
    assert (await _state(sessions, job.id))[0] is JobStatus.running  # the claim outlived its process
    monkeypatch.undo()

    await _recover(smtp_deps, clock, job.id)
    assert await _state(sessions, job.id) == (JobStatus.done, [EmailStatus.sent])
    assert len(smtp_server[1].messages) == 1


@pytest.mark.parametrize("window", ["after_message_claim", "after_smtp_accepted"])
async def test_a_send_interrupted_mid_way_is_not_repeated_but_made_visible(
    smtp_deps: JobDeps,
    system_ctx: Any,
    sessions: Any,
    clock: Any,
    smtp_server: Any,
    client_as: Any,
    window: str,
) -> None:
    job = await _welcome_job(system_ctx, sessions)
    mailer = smtp_deps.mailer
    assert isinstance(mailer, CrashingMailer)
    mailer.crash_before_smtp = window == "after_message_claim"
    mailer.crash_after_smtp = window == "after_smtp_accepted"
    with pytest.raises(Crash):
        await execute(smtp_deps, job.id)
    mailer.crash_before_smtp = mailer.crash_after_smtp = False
    sent_before = len(smtp_server[1].messages)

    await _recover(smtp_deps, clock, job.id)
    status, emails = await _state(sessions, job.id)
    assert (status, emails) == (JobStatus.dead, [EmailStatus.unknown])  # visible, not retried blindly
    assert len(smtp_server[1].messages) == sent_before  # nothing sent twice

    # The admin sees it dead and decides to send it again: the retry runs and sends it.
    admin = await client_as("admin")
    [dead] = (await admin.get("/api/v1/jobs", params={"status": "dead"})).json()["items"]
    assert "DeliveryUnknown" in dead["last_error"]
    async with system_ctx() as ctx:  # the retry button's service (the app's own runner would use its mailer)
        await jobs.retry_dead_job(ctx, job.id)
    assert (await execute(smtp_deps, job.id)).status == "done"
    assert await _state(sessions, job.id) == (JobStatus.done, [EmailStatus.sent])
    assert len(smtp_server[1].messages) == sent_before + 1


async def test_crash_after_sending_before_done_sends_nothing_more(
    smtp_deps: JobDeps, system_ctx: Any, sessions: Any, clock: Any, smtp_server: Any, monkeypatch: Any
) -> None:
    job = await _welcome_job(system_ctx, sessions)
    original = jobs.JOBS["send_welcome_email"]

    async def sends_then_dies(deps: Any, payload: Any) -> None:
        await original(deps, payload)
        raise Crash

    monkeypatch.setitem(jobs.JOBS, "send_welcome_email", sends_then_dies)
    with pytest.raises(Crash):
        await execute(smtp_deps, job.id)
    monkeypatch.undo()
    await _recover(smtp_deps, clock, job.id)
    assert await _state(sessions, job.id) == (JobStatus.done, [EmailStatus.sent])
    assert len(smtp_server[1].messages) == 1


async def test_a_job_that_always_times_out_ends_dead_after_its_attempts(
    app: Any, settings: Any, sessions: Any, clock: Any, monkeypatch: Any, system_ctx: Any
) -> None:
    deps = replace(app.state.job_deps, settings=settings.model_copy(update={"job_timeout_seconds": 0.05}))
    job = await _welcome_job(system_ctx, sessions)

    async def hangs(deps: Any, payload: Any) -> None:
        await asyncio.sleep(60)

    monkeypatch.setitem(jobs.JOBS, "send_welcome_email", hangs)
    outcomes = []
    for _ in range(job.max_attempts):
        outcome = await execute(deps, job.id)
        outcomes.append(outcome.status)
        clock.advance(timedelta(seconds=outcome.retry_in or 0))
    assert outcomes == ["retry"] * (job.max_attempts - 1) + ["dead"]
    async with sessions() as session:
        dead = await session.get(OutboxJob, job.id)
        assert dead is not None and dead.status is JobStatus.dead and "Timed out" in (dead.last_error or "")
    assert (await execute(deps, job.id)).status == "skipped"  # no attempts left: never claimed again


async def test_a_killed_attempt_counts_and_the_last_one_ends_dead(
    app: Any, sessions: Any, clock: Any, monkeypatch: Any, system_ctx: Any
) -> None:
    deps = app.state.job_deps
    job = await _welcome_job(system_ctx, sessions)

    async def dies(deps: Any, payload: Any) -> None:
        raise Crash

    monkeypatch.setitem(jobs.JOBS, "send_welcome_email", dies)
    for _ in range(job.max_attempts):
        with pytest.raises(Crash):
            await execute(deps, job.id)
        clock.advance(lease_for(deps) + timedelta(seconds=1))
        await sweep(deps, _NoDispatch())
    assert (await _state(sessions, job.id))[0] is JobStatus.dead


class _NoDispatch:
    async def dispatch(self, outbox_ids: Any) -> None:
        return None


class _RecordingPool:
    def __init__(self) -> None:
        self.job_ids: list[str] = []

    async def enqueue_job(self, function: str, *args: Any, _job_id: str, **kwargs: Any) -> object:
        self.job_ids.append(_job_id)
        return object()


async def test_two_relays_sweeping_at_once_hand_each_job_over_once(
    app: Any, sessions: Any, system_ctx: Any
) -> None:
    for n in range(5):
        async with system_ctx() as ctx:
            await users.create_user(
                ctx, email=f"s{n}@example.com", name="S", role=Role.front_desk, password="a-long-password"
            )
    pools = [_RecordingPool(), _RecordingPool()]
    await asyncio.gather(
        *(sweep(app.state.job_deps, ArqDispatcher(app.state.job_deps, pool)) for pool in pools)
    )
    handed = [job_id.split(":")[1] for pool in pools for job_id in pool.job_ids]
    async with sessions() as session:
        recorded = (await session.scalars(select(OutboxJob.id))).all()
    assert sorted(handed) == sorted(str(i) for i in recorded)  # every job once, none twice


async def test_an_admin_retry_gets_a_fresh_queue_id(
    app: Any, settings: Any, sessions: Any, clock: Any, system_ctx: Any
) -> None:
    down = settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": 9, "smtp_starttls": False})
    deps = replace(app.state.job_deps, settings=down, mailer=Mailer(down, sessions, clock))
    job = await _welcome_job(system_ctx, sessions)
    pool = _RecordingPool()
    await ArqDispatcher(deps, pool).dispatch([job.id])
    for _ in range(job.max_attempts):
        clock.advance(timedelta(seconds=(await execute(deps, job.id)).retry_in or 0))
    async with system_ctx() as ctx:
        await jobs.retry_dead_job(ctx, job.id)
    await ArqDispatcher(deps, pool).dispatch([job.id])
    assert len(pool.job_ids) == 2 and len(set(pool.job_ids)) == 2  # arq would ignore a reused id


async def test_the_period_tick_records_one_job_per_period_and_target_however_many_call_it(
    app: Any, sessions: Any, engine: Any, settings: Any, clock: Any
) -> None:
    from tend.persistence.db import create_engine, create_sessionmaker

    async def targets(ctx: Any, day: Any) -> dict[str, dict[str, Any]]:
        return {f"client-{n}": {"client_id": f"c{n}"} for n in range(3)}

    periodic = [Periodic("demo_period_job", "demo", targets)]
    # Two "processes": separate engines (connection pools), ticking at the same moment, twice each.
    engines = [create_engine(settings.database_url) for _ in range(2)]
    try:
        depses = [replace(app.state.job_deps, sessions=create_sessionmaker(e)) for e in engines]
        added = await asyncio.gather(*(tick(d, periodic) for d in depses for _ in range(2)))
    finally:
        for e in engines:
            await e.dispose()
    assert sum(added) == 3
    async with sessions() as session:
        keys = (
            await session.scalars(select(OutboxJob.dedupe_key).where(OutboxJob.job_name == "demo_period_job"))
        ).all()
    assert sorted(keys) == [f"demo:client-{n}:2026-03-10" for n in range(3)]
    clock.advance(timedelta(days=1))
    assert await tick(app.state.job_deps, periodic) == 3  # the next day is a new period


async def test_two_processes_ticking_at_once_record_the_day_once(settings: Any, sessions: Any) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {
        **os.environ,
        "TEND_ENV": "test",
        "TEND_DATABASE_URL": settings.database_url,
        "TEND_SECRET_KEY": "x" * 40,
    }
    tend = str(Path(sys.executable).with_name("tend"))
    processes = [
        await asyncio.create_subprocess_exec(
            tend, "tick", env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    outputs = [await p.communicate() for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    said = [out.decode().strip() for out, _ in outputs]
    assert all(line.endswith("new scheduled job(s)") for line in said), said
    # One job per periodic declaration (four), however the two processes interleaved.
    assert sum(int(line.split()[0]) for line in said) == 4
    async with sessions() as session:
        keys = sorted((await session.scalars(select(OutboxJob.dedupe_key))).all())
    assert [key.rsplit(":", 1)[0] for key in keys] == [
        "extend-series:practice",
        "prune-idempotency-records:practice",
        "prune-public-links:practice",
        "prune-sign-in-attempts:practice",
    ]
