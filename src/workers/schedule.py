"""Work that recurs by the calendar (daily clean-ups now; reminders, monthly surveys and the series
horizon as they land). `tick()` runs from the sweep in every setup, in every process, as often as the
sweep does: each period's job is recorded once per target because its dedupe key names the period
(`prune-sign-in-attempts:2026-11-30`, later `survey:{client}:{month}`) and the database refuses a
second row with the same key. No process needs to be "the" scheduler."""

from __future__ import annotations

from tend.core.actor import Actor
from tend.domain.context import Context
from tend.domain.platform import local_time
from tend.domain.platform.jobs import PERIODIC, Periodic, load_jobs, record_job
from tend.domain.practice.settings import get_practice
from tend.persistence.db import unit_of_work
from tend.workers.deps import JobDeps


async def tick(deps: JobDeps, periodic: list[Periodic] | None = None) -> int:
    """Records the current period's jobs that are not recorded yet; returns how many this call added."""
    added = 0
    load_jobs()
    async with unit_of_work(deps.sessions) as session:
        ctx = Context(session=session, clock=deps.clock, actor=Actor.system())
        practice = await get_practice(ctx)
        today = local_time.today(deps.clock, practice.time_zone)
        for item in PERIODIC if periodic is None else periodic:
            for target, payload in (await item.targets(ctx, today)).items():
                key = f"{item.key_prefix}:{target}:{today.isoformat()}"
                if await record_job(session, deps.clock, item.job_name, payload, dedupe_key=key) is not None:
                    added += 1
    return added
