"""Who is acting, in which transaction, at what time: passed to every service call."""

from __future__ import annotations

from dataclasses import dataclass

from tend.core.actor import Actor
from tend.core.clock import Clock
from tend.persistence.db import DbSession

__all__ = ["Actor", "Context"]


@dataclass
class Context:
    session: DbSession
    clock: Clock
    actor: Actor
    request_id: str | None = None
