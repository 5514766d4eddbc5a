"""The outbox path end to end: a job recorded in a transaction runs after commit, once, in-process
(SQLite pass) or through Redis + an arq worker (PostgreSQL pass); e-mail goes to the dev mailbox or SMTP."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from tend.core.enums import EmailStatus, JobStatus, Role
from tend.domain.platform.jobs import PERIODIC, load_jobs, record_job
from tend.domain.practice import users
from tend.persistence.tables.jobs import EmailMessage, OutboxJob
from tend.workers.mail import Mailer
from tend.workers.outbox import execute, sweep
from tests.harness import is_postgres


async def _create_user(system_ctx: Any, email: str = "new.staff@example.com") -> Any:
    async with system_ctx() as ctx:
        user = await users.create_user(
            ctx, email=email, name="New Staff", role=Role.front_desk, password="a-long-password"
        )
    return user


async def _jobs(sessions: Any) -> list[OutboxJob]:
    async with sessions() as session:
        return list((await session.scalars(select(OutboxJob))).all())


async def _emails(sessions: Any) -> list[EmailMessage]:
    async with sessions() as session:
        return list((await session.scalars(select(EmailMessage))).all())


async def test_job_is_recorded_in_the_same_transaction_and_vanishes_on_rollback(
    sessions: Any, clock: Any
) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        async with sessions() as session, session.begin():
            await record_job(session, clock, "send_welcome_email", {"user_id": "x"})
            raise Boom
    assert await _jobs(sessions) == []


async def test_payloads_carry_ids_only(sessions: Any, clock: Any) -> None:
    async with sessions() as session:
        with pytest.raises(TypeError, match="id or flag"):
            await record_job(session, clock, "send_welcome_email", {"user": {"email": "a@b.c"}})


async def test_welcome_email_is_sent_once_after_commit(
    app: Any, system_ctx: Any, sessions: Any, run_jobs: Any
) -> None:
    user = await _create_user(system_ctx)
    [job] = await _jobs(sessions)
    assert job.status is JobStatus.pending and job.payload == {"user_id": str(user.id)}

    await app.state.dispatcher.dispatch([job.id])
    await run_jobs()

    [email] = await _emails(sessions)
    assert email.to_address == "new.staff@example.com"
    assert email.status is EmailStatus.sent and email.transport == "dev"
    assert "/login" in email.body_text
    [job] = await _jobs(sessions)
    assert job.status is JobStatus.done and job.attempts == 1

    # Running it again (a redelivery, a second worker) sends nothing more.
    assert (await execute(app.state.job_deps, job.id)).status == "skipped"
    await app.state.job_deps.mailer.send_once(
        replace_message(email)  # the mailer itself also refuses a second send of the same event
    )
    assert len(await _emails(sessions)) == 1


def replace_message(email: EmailMessage) -> Any:
    from tend.domain.platform.messaging.email import OutgoingEmail

    return OutgoingEmail(email.dedupe_key, email.to_address, email.subject, email.body_text)


async def test_sweep_sends_jobs_that_were_committed_but_never_dispatched(
    app: Any, system_ctx: Any, sessions: Any, run_jobs: Any
) -> None:
    await _create_user(system_ctx)  # recorded, not dispatched: as if the process died right after commit
    # The welcome e-mail, and the day's scheduled jobs the sweep's tick records.
    load_jobs()
    assert await sweep(app.state.job_deps, app.state.dispatcher) == 1 + len(PERIODIC)
    await run_jobs()
    assert [e.status for e in await _emails(sessions)] == [EmailStatus.sent]
    assert await sweep(app.state.job_deps, app.state.dispatcher) == 0


async def test_cli_user_creation_dispatches_through_the_configured_path(
    app: Any, settings: Any, sessions: Any, run_jobs: Any, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tend import operations

    monkeypatch.setattr(operations, "get_settings", lambda: settings)
    monkeypatch.setattr(operations, "SystemClock", lambda: clock)  # one time line with the test's worker
    await operations.create_user_now(
        email="cli.user@example.com", name="Cli User", role="front_desk", password="a-long-password"
    )
    await run_jobs()  # PostgreSQL pass: the CLI enqueued into Redis; an arq worker delivers it
    [email] = await _emails(sessions)
    assert email.to_address == "cli.user@example.com" and email.status is EmailStatus.sent
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(OutboxJob)) == 1


async def test_email_goes_through_a_real_smtp_server(
    app: Any, settings: Any, system_ctx: Any, sessions: Any, smtp_server: Any, clock: Any
) -> None:
    controller, inbox = smtp_server
    smtp_settings = settings.model_copy(
        update={"smtp_host": "127.0.0.1", "smtp_port": controller.port, "smtp_starttls": False}
    )
    deps = replace(app.state.job_deps, settings=smtp_settings, mailer=Mailer(smtp_settings, sessions, clock))
    await _create_user(system_ctx, email="smtp.user@example.com")
    [job] = await _jobs(sessions)
    assert (await execute(deps, job.id)).status == "done"
    assert len(inbox.messages) == 1
    envelope = inbox.messages[0]
    assert envelope.rcpt_tos == ["smtp.user@example.com"]
    assert b"Subject: Your Tend account" in envelope.content
    [email] = await _emails(sessions)
    assert email.transport == "smtp" and email.status is EmailStatus.sent


async def test_smtp_outage_retries_then_dies_visibly_without_duplicates(
    app: Any, settings: Any, system_ctx: Any, sessions: Any, clock: Any, smtp_server: Any
) -> None:
    controller, inbox = smtp_server
    down = settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": 9, "smtp_starttls": False})
    deps = replace(app.state.job_deps, settings=down, mailer=Mailer(down, sessions, clock))
    await _create_user(system_ctx, email="retry.user@example.com")
    [job] = await _jobs(sessions)

    first = await execute(deps, job.id)
    assert first.status == "retry" and first.retry_in and first.retry_in > 0
    [email] = await _emails(sessions)
    assert email.status is EmailStatus.failed
    assert (await execute(deps, job.id)).status == "skipped"  # not before its retry time
    clock.advance(timedelta(seconds=first.retry_in))

    # The server comes back: the retry delivers exactly one message.
    up = settings.model_copy(
        update={"smtp_host": "127.0.0.1", "smtp_port": controller.port, "smtp_starttls": False}
    )
    deps_up = replace(deps, settings=up, mailer=Mailer(up, sessions, clock))
    assert (await execute(deps_up, job.id)).status == "done"
    assert (await execute(deps_up, job.id)).status == "skipped"
    assert len(inbox.messages) == 1


async def test_job_is_marked_dead_after_its_last_attempt(
    app: Any, settings: Any, system_ctx: Any, sessions: Any, clock: Any
) -> None:
    down = settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": 9, "smtp_starttls": False})
    deps = replace(app.state.job_deps, settings=down, mailer=Mailer(down, sessions, clock))
    await _create_user(system_ctx, email="dead.user@example.com")
    [job] = await _jobs(sessions)
    outcomes = []
    for _ in range(job.max_attempts):
        outcome = await execute(deps, job.id)
        outcomes.append(outcome.status)
        clock.advance(timedelta(seconds=outcome.retry_in or 0))
    assert outcomes == ["retry"] * (job.max_attempts - 1) + ["dead"]
    [job] = await _jobs(sessions)
    assert job.status is JobStatus.dead and job.attempts == job.max_attempts
    assert job.last_error and "TransientSendError" in job.last_error
    assert "dead.user" not in job.last_error  # no personal data in what admins and logs see


async def test_dispatch_uses_redis_when_configured_else_the_in_process_runner(
    app: Any, redis: Any, system_ctx: Any, sessions: Any
) -> None:
    from tend.workers.outbox import ArqDispatcher, InProcessRunner

    await _create_user(system_ctx)
    [job] = await _jobs(sessions)
    await app.state.dispatcher.dispatch([job.id])
    if is_postgres():
        assert isinstance(app.state.dispatcher, ArqDispatcher)
        queued = await redis.queued_jobs()
        assert [q.args for q in queued] == [(str(job.id),)]
        [job] = await _jobs(sessions)
        assert job.status is JobStatus.enqueued
    else:
        assert isinstance(app.state.dispatcher, InProcessRunner)
        await app.state.dispatcher.drain()
        [job] = await _jobs(sessions)
        assert job.status is JobStatus.done


async def test_admin_sees_dead_jobs_and_retries_them(
    app: Any, settings: Any, system_ctx: Any, sessions: Any, clock: Any, client_as: Any, run_jobs: Any
) -> None:
    down = settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": 9, "smtp_starttls": False})
    deps = replace(app.state.job_deps, settings=down, mailer=Mailer(down, sessions, clock))
    await _create_user(system_ctx, email="revived@example.com")
    [job] = await _jobs(sessions)
    for _ in range(job.max_attempts):
        clock.advance(timedelta(seconds=(await execute(deps, job.id)).retry_in or 0))

    admin = await client_as("admin")
    dead = (await admin.get("/api/v1/jobs", params={"status": "dead"})).json()["items"]
    assert [(j["id"], j["job_name"], j["attempts"]) for j in dead] == [
        (str(job.id), "send_welcome_email", job.max_attempts)
    ]
    not_dead = await admin.post(f"/api/v1/jobs/{job.id}/retry")
    assert not_dead.status_code == 200 and not_dead.json()["status"] == "pending"
    await run_jobs()  # the app's own (dev mailbox) mailer now delivers it
    assert [e.status for e in await _emails(sessions)] == [EmailStatus.sent]
    again = await admin.post(f"/api/v1/jobs/{job.id}/retry")
    assert again.status_code == 409 and again.json()["next_step"]
    front_desk = await client_as("front_desk")
    assert (await front_desk.get("/api/v1/jobs")).status_code == 403
