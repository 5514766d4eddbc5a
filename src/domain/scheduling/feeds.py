"""A practitioner's calendar as an ICS feed, so she can subscribe from Google or Apple Calendar.

The URL carries a random token (stored hashed, shown once, revocable). The feed holds times and places
and the client's initials only: a phone's calendar is no place for names or clinical details."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from tend.core.enums import AppointmentKind
from tend.core.errors import ErrorCode, Forbidden, NotFound
from tend.domain import audit
from tend.domain.context import Context
from tend.domain.practice.catalog import PRACTITIONERS
from tend.domain.security import sha256_hex
from tend.persistence.repositories.scheduling import CalendarFeedRepository, CalendarRow
from tend.persistence.tables.scheduling import CalendarFeed

PAST, AHEAD = timedelta(days=30), timedelta(days=180)
_KIND_WORDS = {
    AppointmentKind.client_session: "Sesión",
    AppointmentKind.client_contact: "Contacto",
    AppointmentKind.collateral_contact: "Contacto colateral",
}


@dataclass(frozen=True)
class NewFeed:
    feed: CalendarFeed
    token: str


def _may_manage(ctx: Context, practitioner_id: uuid.UUID) -> None:
    actor = ctx.actor
    if actor.is_api_key:
        raise Forbidden("Calendar feeds are managed by signed-in staff.")
    if actor.is_clinician and actor.practitioner_id != practitioner_id:
        raise Forbidden("Clinicians manage their own calendar feed only.", code=ErrorCode.other_practitioner)


async def create_feed(ctx: Context, practitioner_id: uuid.UUID) -> NewFeed:
    """A new feed URL for the practitioner; any earlier one stops working."""
    _may_manage(ctx, practitioner_id)
    await PRACTITIONERS.get(ctx, practitioner_id)
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


def _initials(row: CalendarRow) -> str:
    parts = [row.client_first_name or "", row.client_last_name or ""]
    return "".join(f"{part.strip()[0].upper()}." for part in parts if part.strip())


async def render_feed(ctx: Context, token: str, *, base_url: str) -> bytes:
    feed = await CalendarFeedRepository(ctx.session).active_by_hash(sha256_hex(token))
    if feed is None:
        raise NotFound("This calendar link is not valid (it may have been replaced or revoked).")
    now = ctx.clock.now()
    rows = await CalendarFeedRepository(ctx.session).feed_rows(feed.practitioner_id, now - PAST, now + AHEAD)
    calendar = Calendar()
    calendar.add("prodid", "-//Tend//Calendar feed//ES")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Tend")
    for row in rows:
        appointment = row.appointment
        zone = ZoneInfo(appointment.time_zone)
        event = Event()
        event.add("uid", f"{appointment.id}@tend")
        event.add("dtstamp", now)
        event.add("dtstart", appointment.starts_at.astimezone(zone))
        event.add("dtend", appointment.ends_at.astimezone(zone))
        if appointment.kind is AppointmentKind.other_event:
            event.add("summary", appointment.title or "Evento")
            event.add("transp", "TRANSPARENT" if (appointment.availability or "") == "free" else "OPAQUE")
        else:
            event.add("summary", f"{_KIND_WORDS[appointment.kind]} · {_initials(row)}".strip(" ·"))
            event.add("url", f"{base_url}/calendar")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
