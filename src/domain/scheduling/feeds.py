"""A practitioner's calendar as an ICS feed, so she can subscribe from Google or Apple Calendar.

The URL carries a random token (stored hashed, shown once, revocable). The feed holds times and places
and the client's initials only: a phone's calendar is no place for names or clinical details.

A feed is bounded (a window around today and at most `MAX_EVENTS` events), rendered on a small thread pool
of its own after the rows are read and the connection handed back (never on the event loop), and tagged
with a strong ETag computed from the rows, so an unchanged feed is answered 304 without rendering at all.
A link ends with what it was made for: the practitioner deactivated, or the user linked to her deactivated,
given another role or linked elsewhere (`end_feeds`, called by the practice's services)."""

from __future__ import annotations

import asyncio
import functools
import hashlib
import secrets
import uuid
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

from icalendar import Timezone

from tend.core.enums import AppointmentKind
from tend.core.errors import ErrorCode, Forbidden, Invalid, NotFound
from tend.domain import audit
from tend.domain.context import Context
from tend.domain.practice.catalog import PRACTITIONERS
from tend.domain.security import sha256_hex
from tend.persistence.db import end_transaction
from tend.persistence.repositories.scheduling import CalendarFeedRepository, FeedEvent, FeedWindow
from tend.persistence.tables.scheduling import CalendarFeed

PAST, AHEAD = timedelta(days=30), timedelta(days=180)
# At most this many events per feed (~0.5 MB); past ones at most MAX_PAST_EVENTS, the latest kept. What
# does not fit is the farthest future, which the feed shows once it comes nearer.
MAX_EVENTS = 2000
MAX_PAST_EVENTS = 500
# Hashing and rendering run here, at most two at a time per process: a burst of fetches queues instead of
# taking every core, and the default executor stays free for password hashing.
_RENDERERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="tend-ics")
_FORMAT = "tend-ics-1"  # part of every ETag: bump when the rendering changes
_KIND_WORDS = {
    AppointmentKind.client_session: "Sesión",
    AppointmentKind.client_contact: "Contacto",
    AppointmentKind.collateral_contact: "Contacto colateral",
}
_NOT_VALID = "This calendar link is not valid (it may have been replaced or revoked)."


@dataclass(frozen=True)
class NewFeed:
    feed: CalendarFeed
    token: str


@dataclass(frozen=True)
class FeedBody:
    """A feed as fetched: its ETag, and its ICS bytes unless the caller already holds this version."""

    etag: str
    body: bytes | None


def _may_manage(ctx: Context, practitioner_id: uuid.UUID) -> None:
    actor = ctx.actor
    if actor.is_api_key:
        raise Forbidden("Calendar feeds are managed by signed-in staff.")
    if actor.is_clinician and actor.practitioner_id != practitioner_id:
        raise Forbidden("Clinicians manage their own calendar feed only.", code=ErrorCode.other_practitioner)


async def create_feed(ctx: Context, practitioner_id: uuid.UUID) -> NewFeed:
    """A new feed URL for the practitioner; any earlier one stops working."""
    _may_manage(ctx, practitioner_id)
    practitioner = await PRACTITIONERS.get(ctx, practitioner_id)
    if not practitioner.active:
        # A link made now would start working the day she is reactivated, outliving what ended it.
        raise Invalid(
            "This practitioner is inactive: reactivate her first, then make a calendar link.",
            field="practitioner_id",
            code=ErrorCode.inactive_reference,
        )
    repository = CalendarFeedRepository(ctx.session)
    await repository.revoke_all(practitioner_id, ctx.clock.now())
    token = secrets.token_urlsafe(32)
    feed = await repository.add(
        CalendarFeed(
            practitioner_id=practitioner_id, token_hash=sha256_hex(token), created_at=ctx.clock.now()
        )
    )
    audit.record(ctx, "calendar_feed.created", object_type="practitioner", object_id=practitioner_id)
    return NewFeed(feed, token)


async def revoke_feeds(ctx: Context, practitioner_id: uuid.UUID) -> None:
    _may_manage(ctx, practitioner_id)
    await PRACTITIONERS.get(ctx, practitioner_id)
    if await CalendarFeedRepository(ctx.session).revoke_all(practitioner_id, ctx.clock.now()):
        audit.record(ctx, "calendar_feed.revoked", object_type="practitioner", object_id=practitioner_id)


async def end_feeds(ctx: Context, practitioner_id: uuid.UUID, reason: str) -> None:
    """Revokes the practitioner's feed links because what they were made for ended (she or her user was
    deactivated, the user's role or link changed). Called by the practice's services, which checked the
    caller; a new link must be asked for, reactivating brings no old one back."""
    if await CalendarFeedRepository(ctx.session).revoke_all(practitioner_id, ctx.clock.now()):
        audit.record(
            ctx, "calendar_feed.revoked", object_type="practitioner", object_id=practitioner_id, reason=reason
        )


def _initials(event: FeedEvent) -> str:
    parts = [event.client_first_name or "", event.client_last_name or ""]
    return "".join(f"{part.strip()[0].upper()}." for part in parts if part.strip())


def _etag(events: list[FeedEvent], base_url: str) -> str:
    """Strong: the body is a function of exactly these values, so equal tags mean equal bytes."""
    digest = hashlib.sha256(f"{_FORMAT}\n{base_url}\n".encode())
    for event in events:
        digest.update(repr(tuple(vars(event).values())).encode())
        digest.update(b"\n")
    return f'"{digest.hexdigest()[:40]}"'


def _text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped, no controls."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return "".join(char if (char >= " " and char != "\x7f") or char == "\t" else " " for char in value)


def _line(content: str) -> bytes:
    """One content line, folded at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    data = content.encode()
    if len(data) <= 75:
        return data + b"\r\n"
    pieces, piece, room = [], b"", 75
    for char in content:
        encoded = char.encode()
        if len(piece) + len(encoded) > room:
            pieces.append(piece)
            piece, room = b"", 74  # a continuation line starts with a space
        piece += encoded
    pieces.append(piece)
    return b"\r\n ".join(pieces) + b"\r\n"


@functools.lru_cache(maxsize=128)
def _vtimezone(zone: str) -> bytes:
    """The VTIMEZONE of an IANA zone (icalendar builds it; the same bytes every time, so kept)."""
    return bytes(Timezone.from_tzid(zone).to_ical())


def _render(events: list[FeedEvent], base_url: str) -> bytes:
    """The ICS text (CPU only: runs on the renderers' threads). Events are written directly, a few
    microseconds each (icalendar's objects cost ~0.5 ms an event); DTSTAMP is the event's last change, so
    the same rows always give the same bytes."""
    out = [
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tend//Calendar feed//ES\r\nX-WR-CALNAME:Tend\r\n",
        *(_vtimezone(zone) for zone in sorted({event.time_zone for event in events})),
    ]
    for item in events:
        zone = ZoneInfo(item.time_zone)
        if item.kind is AppointmentKind.other_event:
            summary = item.title or "Evento"
            extra = "TRANSP:TRANSPARENT" if (item.availability or "") == "free" else "TRANSP:OPAQUE"
        else:
            summary = f"{_KIND_WORDS[item.kind]} · {_initials(item)}".strip(" ·")
            extra = f"URL:{base_url}/calendar"
        out += [
            b"BEGIN:VEVENT\r\n",
            _line(f"SUMMARY:{_text(summary)}"),
            _line(f"DTSTART;TZID={item.time_zone}:{item.starts_at.astimezone(zone):%Y%m%dT%H%M%S}"),
            _line(f"DTEND;TZID={item.time_zone}:{item.ends_at.astimezone(zone):%Y%m%dT%H%M%S}"),
            f"DTSTAMP:{item.updated_at.astimezone(UTC):%Y%m%dT%H%M%SZ}\r\n".encode(),
            f"UID:{item.id}@tend\r\n".encode(),
            _line(extra),
            b"END:VEVENT\r\n",
        ]
    out.append(b"END:VCALENDAR\r\n")
    return b"".join(out)


async def fetch_feed(
    ctx: Context, token: str, *, base_url: str, known_etags: Collection[str] = ()
) -> FeedBody:
    """The feed a token opens: the last 30 days and the next 180, capped. Reads only that practitioner's
    appointments, reached from the validated feed record: the public actor may read nothing else.
    `known_etags`: versions the caller holds; if the current one is among them, no body is rendered."""
    repository = CalendarFeedRepository(ctx.session)
    feed = await repository.active_by_hash(sha256_hex(token))
    if feed is None:
        raise NotFound(_NOT_VALID)  # unknown, replaced, revoked or ended: one answer
    now = ctx.clock.now()
    events = await repository.feed_events(
        feed.practitioner_id,
        FeedWindow(start=now - PAST, now=now, end=now + AHEAD),
        limit=MAX_EVENTS,
        past_limit=MAX_PAST_EVENTS,
    )
    await end_transaction(ctx.session)  # nothing was written; no connection is held from here on
    loop = asyncio.get_running_loop()
    etag = await loop.run_in_executor(_RENDERERS, _etag, events, base_url)
    if etag in known_etags or "*" in known_etags:
        return FeedBody(etag, None)
    return FeedBody(etag, await loop.run_in_executor(_RENDERERS, _render, events, base_url))
