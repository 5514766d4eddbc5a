"""Idempotency-Key: a money-moving request sent again with the same key and body gets the first answer
back and moves no money twice; the same key with another body is refused.

The key is claimed by inserting it (UNIQUE per caller) in the same transaction as the money it guards:
a concurrent twin waits on that row (PostgreSQL) or on the database's single writer (SQLite), then finds
the key taken, rolls back its own attempt and replays the stored answer. Failed requests store nothing,
so a retry after a 4xx runs again."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tend.core.errors import Conflict, ErrorCode, Invalid
from tend.domain.context import Context
from tend.persistence.repositories.platform import IdempotencyRepository
from tend.persistence.tables.platform import IdempotencyRecord

MAX_KEY_LENGTH = 200


@dataclass(frozen=True)
class Answer:
    status_code: int
    body: Any
    replayed: bool


def request_hash(method: str, path: str, body: Any) -> str:
    canonical = json.dumps([method.upper(), path, body], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def check_key(key: str) -> str:
    if not 1 <= len(key) <= MAX_KEY_LENGTH or not all(33 <= ord(c) <= 126 for c in key):
        raise Invalid(
            f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} visible ASCII characters (a UUID is ideal).",
            field="Idempotency-Key",
            code=ErrorCode.bad_format,
        )
    return key


def _principal(ctx: Context) -> str:
    if ctx.actor.api_key_id is not None:
        return f"api_key:{ctx.actor.api_key_id}"
    return f"user:{ctx.actor.user_id}"


def _replay(record: IdempotencyRecord, digest: str) -> Answer:
    if record.request_hash != digest:
        raise Conflict(
            "This Idempotency-Key was already used for a different request.",
            code=ErrorCode.idempotency_key_reused,
            next_step="Send a new key for a new request; reuse a key only to retry the very same request.",
        )
    return Answer(record.status_code, record.response_body, replayed=True)


async def run_once(
    ctx: Context,
    key: str,
    digest: str,
    action: Callable[[], Awaitable[tuple[int, Any]]],
) -> Answer:
    """Runs `action` (returning status code and JSON body) once per (caller, key)."""
    repository = IdempotencyRepository(ctx.session)
    principal = _principal(ctx)
    existing = await repository.find(principal, check_key(key))
    if existing is not None:
        return _replay(existing, digest)
    record = IdempotencyRecord(
        id=uuid.uuid4(),
        principal=principal,
        key=key,
        request_hash=digest,
        status_code=0,
        response_body=None,
        created_at=ctx.clock.now(),
    )
    if not await repository.claim(record):
        existing = await repository.find(principal, key)
        if existing is None or existing.status_code == 0:
            raise Conflict(
                "A request with this Idempotency-Key is still being processed.",
                code=ErrorCode.idempotency_in_progress,
                next_step="Retry in a moment with the same key to get its answer.",
            )
        return _replay(existing, digest)
    status_code, body = await action()
    record.status_code, record.response_body = status_code, body
    await ctx.session.flush()
    return Answer(status_code, body, replayed=False)


KEPT_FOR = timedelta(days=2)  # at least the promised 24 hours


async def prune(ctx: Context) -> int:
    """Stored answers older than KEPT_FOR are dropped; returns how many."""
    return await IdempotencyRepository(ctx.session).prune(ctx.clock.now() - KEPT_FOR)
