"""What every job needs (settings, a session factory, the clock, the mailer), built in one place for the
API process, `tend worker`, the CLI and tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tend.core.actor import Actor
from tend.core.clock import Clock, SystemClock
from tend.domain.context import Context
from tend.persistence.db import unit_of_work
from tend.settings import Settings
from tend.workers.mail import Mailer


@dataclass
class JobDeps:
    settings: Settings
    sessions: async_sessionmaker[AsyncSession]
    clock: Clock
    mailer: Mailer

    @property
    def public_base_url(self) -> str:
        return self.settings.public_base_url

    @asynccontextmanager
    async def system_context(self) -> AsyncIterator[Context]:
        """A unit of work acting as the system (what `JobRun` promises every job)."""
        async with unit_of_work(self.sessions) as session:
            yield Context(session=session, clock=self.clock, actor=Actor.system())


def build_job_deps(
    settings: Settings, sessions: async_sessionmaker[AsyncSession], clock: Clock | None = None
) -> JobDeps:
    clock = clock or SystemClock()
    return JobDeps(
        settings=settings, sessions=sessions, clock=clock, mailer=Mailer(settings, sessions, clock)
    )
