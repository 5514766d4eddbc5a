"""Readiness: can the database answer?"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from tend.persistence.repositories.health import HealthRepository


async def database_ready(session: AsyncSession) -> None:
    """Returns when the database answered; raises whatever the driver raised otherwise."""
    await HealthRepository(session).ping()
