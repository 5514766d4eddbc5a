"""Real `tend worker` processes against real Redis: killed mid-job (SIGKILL), and outliving a Redis outage.
PostgreSQL pass only (the embedded setup has no worker process)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from tend.core.enums import EmailStatus, JobStatus, Role
from tend.domain.practice import users
from tend.persistence.tables.jobs import EmailMessage, OutboxJob
from tests.harness import TEST_SECRET

pytestmark = pytest.mark.postgres_only
TEND = str(Path(sys.executable).with_name("tend"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _worker_env(settings: Any, redis_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "TEND_ENV": "test",
        "TEND_DATABASE_URL": settings.database_url,
        "TEND_REDIS_URL": redis_url,
        "TEND_SECRET_KEY": TEST_SECRET,
        "TEND_JOB_TIMEOUT_SECONDS": "2",  # a lease of 4 s: a killed attempt is taken over quickly
        "TEND_PUBLIC_BASE_URL": "http://testserver",
    }


def _start_worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [TEND, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


async def _wait_for(condition: Any, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await condition():
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


async def _job_states(sessions: Any) -> list[tuple[JobStatus, int]]:
    async with sessions() as session:
        rows = (
            await session.scalars(select(OutboxJob).where(OutboxJob.job_name == "send_welcome_email"))
        ).all()
        return [(job.status, job.attempts) for job in rows]


async def _sent(sessions: Any) -> list[EmailStatus]:
    async with sessions() as session:
        return [e.status for e in (await session.scalars(select(EmailMessage))).all()]


async def _new_staff(system_ctx: Any, n: int) -> None:
    async with system_ctx() as ctx:
        await users.create_user(
            ctx, email=f"staff{n}@example.com", name="Staff", role=Role.front_desk, password="a-long-password"
        )


async def test_a_worker_killed_mid_job_leaves_it_to_the_next_worker_which_completes_it_once(
    settings: Any, sessions: Any, engine: Any, system_ctx: Any, redis: Any
) -> None:
    await _new_staff(system_ctx, 1)
    env = _worker_env(settings, settings.redis_url)
    # Hold the users table so the job blocks inside its attempt (claimed, before any e-mail is claimed).
    async with engine.connect() as blocker:
        await blocker.execute(text("BEGIN"))
        await blocker.execute(text("LOCK TABLE users IN ACCESS EXCLUSIVE MODE"))
        first = _start_worker(env)
        try:
            await _wait_for(lambda: _running(sessions), 30, "the first worker to claim the job (running)")
            os.killpg(first.pid, signal.SIGKILL)  # no shutdown, no cleanup: a crash or an OOM kill
            first.wait(timeout=10)
        finally:
            _stop(first)
            await blocker.execute(text("ROLLBACK"))
    assert await _job_states(sessions) == [(JobStatus.running, 1)]

    await asyncio.sleep(4.5)  # the dead worker's lease runs out
    second = _start_worker(env)
    try:
        await _wait_for(lambda: _done(sessions), 45, "the second worker to complete the job")
    finally:
        _stop(second)
    assert await _job_states(sessions) == [(JobStatus.done, 2)]
    assert await _sent(sessions) == [EmailStatus.sent]


async def _running(sessions: Any) -> bool:
    return [state for state, _ in await _job_states(sessions)] == [JobStatus.running]


async def _done(sessions: Any) -> bool:
    return [state for state, _ in await _job_states(sessions)] == [JobStatus.done]


@pytest.fixture
def own_redis() -> Iterator[tuple[str, Any]]:
    """A Redis server of this test's own, which the test can stop and start again on the same port."""
    port = _free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    state: dict[str, subprocess.Popen[bytes] | None] = {"process": None}

    def start() -> None:
        state["process"] = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.1)
        raise AssertionError("redis-server did not start")

    def stop() -> None:
        process = state["process"]
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(timeout=10)

    start()
    try:
        yield (
            f"redis://127.0.0.1:{port}/0",
            type("Control", (), {"start": staticmethod(start), "stop": staticmethod(stop)}),
        )
    finally:
        stop()


async def test_jobs_recorded_while_redis_is_down_are_delivered_once_it_is_back(
    settings: Any, sessions: Any, system_ctx: Any, own_redis: Any
) -> None:
    redis_url, control = own_redis
    worker = _start_worker(_worker_env(settings, redis_url))
    try:
        await asyncio.sleep(3)  # connected and idle
        control.stop()
        for n in range(3):
            await _new_staff(system_ctx, n)  # recorded in the outbox; nobody can hand them to Redis now
        await asyncio.sleep(3)
        assert worker.poll() is None, "the worker must outlive the outage"
        assert await _sent(sessions) == []

        control.start()
        await _wait_for(lambda: _all_sent(sessions, 3), 120, "the jobs to be delivered after Redis came back")
        assert worker.poll() is None
    finally:
        _stop(worker)
    assert sorted(await _job_states(sessions)) == [(JobStatus.done, 1)] * 3
    assert await _sent(sessions) == [EmailStatus.sent] * 3


async def _all_sent(sessions: Any, count: int) -> bool:
    return await _sent(sessions) == [EmailStatus.sent] * count
