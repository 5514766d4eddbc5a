"""What every job needs (settings, a session factory, the clock, the mailer), built in one place for the
API process, `tend worker`, the CLI and tests."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tend.core.clock import Clock, SystemClock
from tend.settings import Settings
from tend.workers.mail import Mailer


@dataclass
class JobDeps:
    settings: Settings
    sessions: async_sessionmaker[AsyncSession]
    clock: Clock
    mailer: Mailer


def build_job_deps(
    settings: Settings, sessions: async_sessionmaker[AsyncSession], clock: Clock | None = None
) -> JobDeps:
    clock = clock or SystemClock()
    return JobDeps(
        settings=settings, sessions=sessions, clock=clock, mailer=Mailer(settings, sessions, clock)
    )
