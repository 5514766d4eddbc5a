"""Who is acting, in which transaction, at what time: passed to every service call."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from tend.core.actor import Actor
from tend.core.clock import Clock

__all__ = ["Actor", "Context"]


@dataclass
class Context:
    session: AsyncSession
    clock: Clock
    actor: Actor
    request_id: str | None = None
