"""arq settings for `tend worker`: the outbox job runner and the periodic outbox sweep."""

from __future__ import annotations

import uuid
from typing import Any

from arq import Retry, cron
from arq.connections import RedisSettings

from tend.persistence.db import create_engine, create_sessionmaker
from tend.settings import get_settings
from tend.workers.deps import build_job_deps
from tend.workers.outbox import ArqDispatcher, execute, sweep


async def startup(ctx: dict[str, Any]) -> None:
    settings = get_settings()
    engine = create_engine(settings.database_url)
    ctx["engine"] = engine
    ctx["deps"] = build_job_deps(settings, create_sessionmaker(engine))


async def shutdown(ctx: dict[str, Any]) -> None:
    await ctx["engine"].dispose()


async def run_outbox_job(ctx: dict[str, Any], outbox_id: str) -> str:
    outcome = await execute(ctx["deps"], uuid.UUID(outbox_id))
    if outcome.retry_in is not None:
        raise Retry(defer=outcome.retry_in)
    return outcome.status


async def sweep_outbox(ctx: dict[str, Any]) -> int:
    return await sweep(ctx["deps"], ArqDispatcher(ctx["deps"], ctx["redis"]))


def redis_settings() -> RedisSettings:
    url = get_settings().redis_url
    if not url:
        raise SystemExit("TEND_REDIS_URL is not set: the embedded setup runs jobs in the API process.")
    return RedisSettings.from_dsn(url)


class WorkerSettings:
    functions = [run_outbox_job]
    cron_jobs = [cron(sweep_outbox, second={0, 30}, run_at_startup=True)]
    on_startup = startup
    on_shutdown = shutdown
    max_tries = 20  # the outbox row's max_attempts decides when a job is dead
    # The relay times attempts out itself (TEND_JOB_TIMEOUT_SECONDS); this is arq's backstop.
    job_timeout = int(get_settings().job_timeout_seconds) + 60
    keep_result = 0  # a finished arq id is forgotten at once: an outbox job handed over again runs again
    job_completion_wait = 30  # on SIGTERM (deploys), let running attempts finish before stopping
