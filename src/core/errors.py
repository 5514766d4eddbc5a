"""Domain exceptions and their stable machine codes. Services raise these; the API turns them into
problem+json in one place. Clients (the SPA among them) choose their own wording by `code`; `detail` and
`message` are English fallbacks."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    """Every code a problem+json (or one of its `errors[]` items) can carry. Add, never rename."""

    # The request as a whole.
    validation_failed = "validation.failed"
    bad_request = "bad_request"
    not_found = "not_found"
    unauthenticated = "unauthenticated"
    forbidden = "forbidden"
    too_many_attempts = "too_many_attempts"
    rate_limited = "rate_limited"
    method_not_allowed = "method_not_allowed"
    payload_too_large = "payload_too_large"
    internal_error = "internal_error"
    # Conflicts (409): the request was fine, the state of things refuses it; `next_step` says what to do.
    relationship_exists = "conflict.relationship_exists"
    enrollment_overlap = "conflict.enrollment_overlap"
    in_use = "conflict.in_use"
    duplicate = "conflict.duplicate"
    email_taken = "conflict.email_taken"
    last_admin = "conflict.last_admin"
    practitioner_linked = "conflict.practitioner_linked"
    custom_field_key_taken = "conflict.custom_field_key_taken"
    job_not_dead = "conflict.job_not_dead"
    client_has_records = "conflict.client_has_records"
    merge_same_client = "conflict.merge_same_client"
    scheduling_clash = "conflict.scheduling_clash"
    not_started = "conflict.not_started"
    outcome_recorded = "conflict.outcome_recorded"
    idempotency_key_reused = "conflict.idempotency_key_reused"
    idempotency_in_progress = "conflict.idempotency_in_progress"
    already_reversed = "conflict.already_reversed"
    not_reversible = "conflict.not_reversible"
    refund_exceeds_payment = "conflict.refund_exceeds_payment"
    allocation_exceeds = "conflict.allocation_exceeds"
    bill_cancelled = "conflict.bill_cancelled"
    bill_has_payments = "conflict.bill_has_payments"
    payment_applied = "conflict.payment_applied"
    bill_not_cancelled = "conflict.bill_not_cancelled"
    note_signed = "conflict.note_signed"
    note_empty = "conflict.note_empty"
    session_has_note = "conflict.session_has_note"
    note_not_signed = "conflict.note_not_signed"
    session_billed = "conflict.session_billed"
    merge_has_money = "conflict.merge_has_money"
    day_closed = "conflict.day_closed"
    # A record merged into another: `merged_into` names the survivor.
    merged = "not_found.merged"
    # Refusals (403) with a reason the caller can act on.
    own_password = "forbidden.own_password"
    reassign_clients = "forbidden.reassign_clients"
    role_may_not_delete = "forbidden.role_may_not_delete"
    other_practitioner = "forbidden.other_practitioner"
    money_is_front_desk = "forbidden.money_is_front_desk"
    practice_wide_event = "forbidden.practice_wide_event"
    note_author_only = "forbidden.note_author_only"
    note_unlock = "forbidden.note_unlock"
    # One field (`errors[].code`).
    required = "validation.required"
    unknown_field = "validation.unknown_field"
    invalid_json = "validation.invalid_json"
    too_short = "validation.too_short"
    too_long = "validation.too_long"
    out_of_range = "validation.out_of_range"
    wrong_type = "validation.wrong_type"
    choice = "validation.choice"
    email = "validation.email"
    date = "validation.date"
    future_date = "validation.future_date"
    unknown_reference = "validation.unknown_reference"
    inactive_reference = "validation.inactive_reference"
    currency = "validation.currency"
    currency_not_enabled = "validation.currency_not_enabled"
    currency_mismatch = "validation.currency_mismatch"
    bad_format = "validation.format"
    duplicate_value = "validation.duplicate_value"
    characters = "validation.characters"
    phone = "validation.phone"
    no_consent = "validation.no_consent"
    window_too_long = "validation.window_too_long"
    range_too_long = "validation.range_too_long"
    too_many_rows = "validation.too_many_rows"
    country = "validation.country"
    too_large = "validation.too_large"
    password_too_short = "validation.password_too_short"
    wrong_password = "validation.wrong_password"
    cursor = "validation.cursor"
    invalid = "validation.invalid"


@dataclass
class FieldProblem:
    field: str
    message: str
    code: ErrorCode = ErrorCode.invalid


class DomainError(Exception):
    status = 400
    title = "Bad request"
    code = ErrorCode.bad_request
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
    code = ErrorCode.validation_failed

    def __init__(
        self,
        detail: str,
        *,
        field: str | None = None,
        code: ErrorCode = ErrorCode.invalid,
        errors: list[FieldProblem] | None = None,
    ) -> None:
        problems = list(errors or [])
        if field is not None:
            problems.append(FieldProblem(field=field, message=detail, code=code))
        super().__init__(detail, errors=problems)


class NotFound(DomainError):
    status = 404
    title = "Not found"
    code = ErrorCode.not_found


class MergedAway(NotFound):
    """The record was merged into another; clients follow `merged_into`."""

    code = ErrorCode.merged

    def __init__(self, merged_into: str) -> None:
        super().__init__("This record was merged into another one.", merged_into=merged_into)


class Conflict(DomainError):
    status = 409
    title = "Conflict"

    def __init__(self, detail: str, *, code: ErrorCode, next_step: str, **extra: Any) -> None:
        super().__init__(detail, **extra)
        self.code = code
        self.next_step = next_step


class Unauthenticated(DomainError):
    status = 401
    title = "Not authenticated"
    code = ErrorCode.unauthenticated


class Forbidden(DomainError):
    status = 403
    title = "Forbidden"
    code = ErrorCode.forbidden

    def __init__(self, detail: str, *, code: ErrorCode = ErrorCode.forbidden) -> None:
        super().__init__(detail)
        self.code = code


class TooManyAttempts(DomainError):
    status = 429
    title = "Too many attempts"
    code = ErrorCode.too_many_attempts

    def __init__(self, retry_after_seconds: int, detail: str | None = None) -> None:
        minutes = max(1, -(-retry_after_seconds // 60))
        super().__init__(detail or f"Too many failed attempts. Try again in {minutes} minute(s).")
        self.retry_after_seconds = retry_after_seconds


class RateLimited(TooManyAttempts):
    """Too many requests with one secret link in a short time (answered 429 with Retry-After)."""

    title = "Too many requests"
    code = ErrorCode.rate_limited

    def __init__(self, retry_after_seconds: int) -> None:
        super().__init__(
            retry_after_seconds,
            f"Too many requests for this link. Try again in {retry_after_seconds} second(s).",
        )
