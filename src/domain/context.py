"""Who is acting, in which transaction, at what time: passed to every service call."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from tend.domain.clock import Clock
from tend.persistence.tables import ApiKeyScope, Role


@dataclass(frozen=True)
class Actor:
    """A signed-in staff user or an integration's API key."""

    role: Role | None
    user_id: uuid.UUID | None = None
    api_key_id: uuid.UUID | None = None
    practitioner_id: uuid.UUID | None = None
    scopes: frozenset[ApiKeyScope] = field(default_factory=frozenset)

    @property
    def is_api_key(self) -> bool:
        return self.api_key_id is not None

    @classmethod
    def system(cls) -> Actor:
        return cls(role=None)


@dataclass
class Context:
    session: AsyncSession
    clock: Clock
    actor: Actor
    request_id: str | None = None
