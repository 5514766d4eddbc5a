"""Work that recurs by the calendar (daily clean-ups now; reminders, monthly surveys and the series
horizon as they land). `tick()` runs from the sweep in every setup, in every process, as often as the
sweep does: each period's job is recorded once per target because its dedupe key names the period
(`prune-sign-in-attempts:2026-11-30`, later `survey:{client}:{month}`) and the database refuses a
second row with the same key. No process needs to be "the" scheduler."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from tend.core.actor import Actor
from tend.domain.context import Context
from tend.domain.jobs import record_job
from tend.domain.practice.settings import get_practice
from tend.persistence.db import unit_of_work
from tend.workers.deps import JobDeps


@dataclass(frozen=True)
class Periodic:
    """A job recorded once per local day (the practice's zone) for each target."""

    job_name: str
    key_prefix: str
    # (context, local date) -> payload of each target, keyed by the target's part of the dedupe key.
    targets: Callable[[Context, date], Awaitable[dict[str, dict[str, Any]]]]


async def _the_practice(ctx: Context, day: date) -> dict[str, dict[str, Any]]:
    return {"practice": {}}


PRUNE_SIGN_IN_ATTEMPTS = "prune_sign_in_attempts"
EXTEND_SERIES = "extend_series"
PRUNE_IDEMPOTENCY_RECORDS = "prune_idempotency_records"
PERIODIC: list[Periodic] = [
    Periodic(PRUNE_SIGN_IN_ATTEMPTS, "prune-sign-in-attempts", _the_practice),
    Periodic(EXTEND_SERIES, "extend-series", _the_practice),
    Periodic(PRUNE_IDEMPOTENCY_RECORDS, "prune-idempotency-records", _the_practice),
]


async def tick(deps: JobDeps, periodic: list[Periodic] | None = None) -> int:
    """Records the current period's jobs that are not recorded yet; returns how many this call added."""
    added = 0
    async with unit_of_work(deps.sessions) as session:
        ctx = Context(session=session, clock=deps.clock, actor=Actor.system())
        practice = await get_practice(ctx)
        today = deps.clock.now().astimezone(ZoneInfo(practice.time_zone)).date()
        for item in PERIODIC if periodic is None else periodic:
            for target, payload in (await item.targets(ctx, today)).items():
                key = f"{item.key_prefix}:{target}:{today.isoformat()}"
                if await record_job(session, deps.clock, item.job_name, payload, dedupe_key=key) is not None:
                    added += 1
    return added
