"""Who is acting: a signed-in staff user, an integration's API key, or the system (jobs, CLI)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from tend.core.enums import ApiKeyScope, Role


@dataclass(frozen=True)
class Actor:
    role: Role | None
    user_id: uuid.UUID | None = None
    api_key_id: uuid.UUID | None = None
    practitioner_id: uuid.UUID | None = None
    scopes: frozenset[ApiKeyScope] = field(default_factory=frozenset)

    @property
    def is_api_key(self) -> bool:
        return self.api_key_id is not None

    @property
    def is_clinician(self) -> bool:
        return self.role is Role.clinician

    @property
    def is_system(self) -> bool:
        """Tend itself (a job, the CLI): no user or key behind it, so no per-user checks apply."""
        return self.role is None and self.user_id is None and self.api_key_id is None

    @classmethod
    def system(cls) -> Actor:
        return cls(role=None)
