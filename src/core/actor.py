"""Who is acting: a signed-in staff user, an integration's API key, the system (jobs, CLI), or the public
(a request that presented only a link's token: a calendar feed, later a survey or booking page)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from tend.core.enums import ApiKeyScope, Role

# Roles that read the whole practice (an API key acts as the front desk).
_WHOLE_PRACTICE = frozenset({Role.admin, Role.front_desk})


@dataclass(frozen=True)
class Actor:
    role: Role | None
    user_id: uuid.UUID | None = None
    api_key_id: uuid.UUID | None = None
    practitioner_id: uuid.UUID | None = None
    scopes: frozenset[ApiKeyScope] = field(default_factory=frozenset)
    is_public: bool = False

    @property
    def is_api_key(self) -> bool:
        return self.api_key_id is not None

    @property
    def is_clinician(self) -> bool:
        return self.role is Role.clinician

    @property
    def is_system(self) -> bool:
        """Tend itself (a job, the CLI): no user or key behind it, so no per-user checks apply."""
        return self.role is None and self.user_id is None and self.api_key_id is None and not self.is_public

    @property
    def reads_whole_practice(self) -> bool:
        """Admins, the front desk, API keys and the system read every record; clinicians their own; anyone
        else (the public, a role Tend does not know) nothing, unless a route grants it for a token."""
        return not self.is_public and (self.is_system or self.role in _WHOLE_PRACTICE)

    @classmethod
    def system(cls) -> Actor:
        return cls(role=None)

    @classmethod
    def public(cls) -> Actor:
        """The actor of a public route: no role, user or key; visibility predicates give it nothing."""
        return cls(role=None, is_public=True)
