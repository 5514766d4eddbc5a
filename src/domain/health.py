"""Readiness: can the database answer?"""

from __future__ import annotations

from tend.persistence.db import DbSession
from tend.persistence.repositories.health import HealthRepository


async def database_ready(session: DbSession) -> None:
    """Returns when the database answered; raises whatever the driver raised otherwise."""
    await HealthRepository(session).ping()
