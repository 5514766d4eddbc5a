"""Public links: what lets a client without an account confirm a session or answer a survey from an e-mail.

A link is a random token (256 bits, URL-safe) that grants one `purpose` on one `subject_id`, until it
expires or — if single-use — is spent. Only the token's SHA-256 is stored, so the database (or a backup)
opens nothing. Unknown, expired, spent, revoked and wrong-purpose tokens all get the same `NotFound`, with the
same words, so a guesser learns nothing about which links exist. A page shows the link with `resolve`
(nothing changes: mail scanners follow links) and acts with `redeem`, which spends a single-use link by a
conditional update: of two clicks at once, one acts and the other is told the link no longer works."""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from tend.core.errors import NotFound
from tend.domain.context import Context
from tend.domain.security import sha256_hex
from tend.persistence.repositories.platform import PublicLinkRepository
from tend.persistence.tables.platform import PublicLink

# secrets.token_urlsafe(32): 43 characters of [A-Za-z0-9_-]. Anything else is refused before any query.
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")
MAX_LIFETIME = timedelta(days=120)
PRUNE_AFTER = timedelta(
    days=30
)  # an expired link is kept a while (an audit of when it was used), then dropped
GONE = "This link is no longer valid. Ask the practice for a new one."


@dataclass(frozen=True)
class IssuedLink:
    token: str  # shown once, in the URL; never stored
    link: PublicLink


@dataclass(frozen=True)
class Grant:
    """What a presented token grants."""

    purpose: str
    subject_id: uuid.UUID
    expires_at: datetime
    link_id: uuid.UUID


async def issue(
    ctx: Context, purpose: str, subject_id: uuid.UUID, *, lifetime: timedelta, single_use: bool
) -> IssuedLink:
    """A new link for `purpose` on `subject_id`, valid for `lifetime` (at most MAX_LIFETIME)."""
    if not timedelta(0) < lifetime <= MAX_LIFETIME:
        raise ValueError(f"a public link lives between a moment and {MAX_LIFETIME.days} days, not {lifetime}")
    token = secrets.token_urlsafe(32)
    now = ctx.clock.now()
    link = PublicLink(
        id=uuid.uuid4(),
        token_hash=sha256_hex(token),
        purpose=purpose,
        subject_id=subject_id,
        single_use=single_use,
        created_at=now,
        expires_at=now + lifetime,
        used_at=None,
    )
    await PublicLinkRepository(ctx.session).add(link)
    return IssuedLink(token=token, link=link)


async def _live(ctx: Context, purpose: str, token: str) -> PublicLink:
    if not _TOKEN.fullmatch(token):
        raise NotFound(GONE)
    link = await PublicLinkRepository(ctx.session).live(sha256_hex(token), purpose, ctx.clock.now())
    if link is None:
        raise NotFound(GONE)
    return link


def _grant(link: PublicLink) -> Grant:
    return Grant(link.purpose, link.subject_id, link.expires_at, link.id)


async def resolve(ctx: Context, purpose: str, token: str) -> Grant:
    """What the token grants, without spending it (showing a page; a mail scanner's visit)."""
    return _grant(await _live(ctx, purpose, token))


async def redeem(ctx: Context, purpose: str, token: str) -> Grant:
    """What the token grants, spending it if it is single-use (the action itself). Exactly one of two
    concurrent redeems of a single-use link succeeds; the other gets the same NotFound as any dead link."""
    link = await _live(ctx, purpose, token)
    if link.single_use and not await PublicLinkRepository(ctx.session).spend(link.id, ctx.clock.now()):
        raise NotFound(GONE)
    return _grant(link)


async def revoke(ctx: Context, purpose: str, subject_id: uuid.UUID) -> int:
    """Ends the live links for `purpose` on `subject_id` (a cancelled session's confirm links)."""
    return await PublicLinkRepository(ctx.session).revoke(purpose, subject_id, ctx.clock.now())


async def prune(ctx: Context) -> int:
    return await PublicLinkRepository(ctx.session).prune(ctx.clock.now() - PRUNE_AFTER)
