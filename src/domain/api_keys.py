"""API keys for integrations: shown once, stored as a hash, scoped, revocable."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass

from tend.core.enums import ApiKeyScope
from tend.core.errors import Invalid, NotFound
from tend.core.pages import Page, PageRequest
from tend.domain import audit
from tend.domain.context import Context
from tend.domain.security import API_KEY_PREFIX, new_api_key, sha256_hex
from tend.persistence.repositories.access import ApiKeyRepository
from tend.persistence.tables.access import ApiKey


@dataclass(frozen=True)
class CreatedApiKey:
    key: ApiKey
    secret: str


async def create_api_key(ctx: Context, name: str, scopes: list[ApiKeyScope]) -> CreatedApiKey:
    if not scopes:
        raise Invalid("Choose at least one scope.", field="scopes")
    secret = new_api_key()
    key = ApiKey(
        name=name.strip(),
        prefix=secret[len(API_KEY_PREFIX) : len(API_KEY_PREFIX) + 8],
        key_hash=sha256_hex(secret),
        scopes=sorted({scope.value for scope in scopes}),
        created_by_id=ctx.actor.user_id,
        created_at=ctx.clock.now(),
    )
    await ApiKeyRepository(ctx.session).add(key)
    audit.record(ctx, "api_key.created", object_type="api_key", object_id=key.id, scopes=key.scopes)
    return CreatedApiKey(key=key, secret=secret)


async def list_api_keys(ctx: Context, page: PageRequest, include_revoked: bool) -> Page[ApiKey]:
    return await ApiKeyRepository(ctx.session).page(page, include_revoked=include_revoked)


async def revoke_api_key(ctx: Context, key_id: uuid.UUID) -> ApiKey:
    key = await ApiKeyRepository(ctx.session).get(key_id)
    if key is None:
        raise NotFound("No such API key.")
    if key.revoked_at is None:
        key.revoked_at = ctx.clock.now()
        audit.record(ctx, "api_key.revoked", object_type="api_key", object_id=key.id)
    return key


async def names_of(ctx: Context, key_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The names of these keys, revoked ones too (other contexts show which integration did something)."""
    return {key.id: key.name for key in await ApiKeyRepository(ctx.session).get_many(list(set(key_ids)))}
