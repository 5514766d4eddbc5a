"""Domain exceptions. Services raise these; the API layer turns them into problem+json once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class FieldProblem:
    field: str
    message: str
    type: str = "invalid"


class DomainError(Exception):
    status = 400
    title = "Bad request"
    # True when the work done before the error is itself the record of it (a failed login attempt,
    # a revoked token family) and must be committed although the request fails.
    keep_changes = False

    def __init__(self, detail: str, *, errors: list[FieldProblem] | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or []
        self.extra = extra


class Invalid(DomainError):
    status = 422
    title = "Validation failed"

    def __init__(
        self, detail: str, *, field: str | None = None, errors: list[FieldProblem] | None = None
    ) -> None:
        problems = list(errors or [])
        if field is not None:
            problems.append(FieldProblem(field=field, message=detail))
        super().__init__(detail, errors=problems)


class NotFound(DomainError):
    status = 404
    title = "Not found"


class Conflict(DomainError):
    status = 409
    title = "Conflict"

    def __init__(self, detail: str, *, next_step: str, **extra: Any) -> None:
        super().__init__(detail, **extra)
        self.next_step = next_step


class Unauthenticated(DomainError):
    status = 401
    title = "Not authenticated"


class Forbidden(DomainError):
    status = 403
    title = "Forbidden"


class TooManyAttempts(DomainError):
    status = 429
    title = "Too many attempts"

    def __init__(self, retry_after_seconds: int) -> None:
        minutes = max(1, -(-retry_after_seconds // 60))
        super().__init__(f"Too many failed attempts. Try again in {minutes} minute(s).")
        self.retry_after_seconds = retry_after_seconds
