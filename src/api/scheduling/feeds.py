"""A practitioner's calendar feed (ICS): create or replace its secret link, revoke it, and the public
feed itself (for Google or Apple Calendar subscriptions)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Header, Path, Request, Response
from pydantic import Field

from tend.api.deps import AnonymousContextDep, ClockDep, ContextDep, SettingsDep, UserOnlyDep
from tend.api.errors import problem_responses
from tend.api.rate_limit import limits_for
from tend.api.schemas import OutputModel
from tend.domain.scheduling import feeds
from tend.domain.security import sha256_hex

router = APIRouter(tags=["calendar-feeds"])
# The feed itself is fetched by calendar apps, outside /api/v1, with the link's token as its only key.
public_router = APIRouter(prefix="/public/v1", tags=["calendar-feeds"])

# Per link and API process: a burst of 12 fetches, then one every 30 s, and at most 2 running at once
# (calendar apps poll every few minutes to every few hours; a phone, a laptop and Google stay well inside).
FEED_BURST, FEED_REFILL_SECONDS, FEED_AT_ONCE = 12, 30.0, 2
# Calendar apps mostly poll on their own schedule; an HTTP cache in between (private only: the URL is a
# password) may keep it five minutes.
FEED_CACHE_CONTROL = "private, max-age=300"


class CalendarFeedOut(OutputModel):
    url: str = Field(description="The subscription link. Shown only now: it is the feed's password.")
    created_at: datetime


@router.post(
    "/practitioners/{practitioner_id:uuid}/calendar-feed",
    status_code=201,
    responses=problem_responses(401, 403, 404, 422),
)
async def create_calendar_feed(
    practitioner_id: uuid.UUID, _user: UserOnlyDep, ctx: ContextDep, settings: SettingsDep
) -> CalendarFeedOut:
    """A new subscription link (an earlier one stops working). Admins and front desk for anyone; a
    clinician for herself."""
    created = await feeds.create_feed(ctx, practitioner_id)
    url = f"{settings.public_base_url}/public/v1/calendar/{created.token}.ics"
    return CalendarFeedOut(url=url, created_at=created.feed.created_at)


@router.delete(
    "/practitioners/{practitioner_id:uuid}/calendar-feed",
    status_code=204,
    response_class=Response,
    responses=problem_responses(401, 403, 404),
)
async def revoke_calendar_feed(practitioner_id: uuid.UUID, _user: UserOnlyDep, ctx: ContextDep) -> Response:
    await feeds.revoke_feeds(ctx, practitioner_id)
    return Response(status_code=204)


def _etags(if_none_match: str | None) -> frozenset[str]:
    """The entity tags of an If-None-Match header (weak ones compared by their opaque part, RFC 9110)."""
    if not if_none_match:
        return frozenset()
    return frozenset(tag.strip().removeprefix("W/") for tag in if_none_match.split(",") if tag.strip())


@public_router.get(
    "/calendar/{token}.ics",
    response_class=Response,
    responses={
        200: {"content": {"text/calendar": {}}, "description": "The feed, with its `ETag`."},
        304: {"description": "Not modified: the `If-None-Match` tag is the current one (no body)."},
        **problem_responses(404, 429),
    },
)
async def calendar_feed(
    token: Annotated[str, Path(min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")],
    request: Request,
    ctx: AnonymousContextDep,
    clock: ClockDep,
    settings: SettingsDep,
    if_none_match: Annotated[str | None, Header(max_length=2000)] = None,
) -> Response:
    """The feed: the last 30 days and the next 180 (at most 2,000 events, the farthest future left out
    first), times with their zone, clients by initials only. Answers 304 to a current `If-None-Match`;
    too many fetches of one link (more than 12 in a burst, then one per 30 s, or more than 2 at once) are
    429 with `Retry-After`."""
    limits = limits_for(
        request, "calendar_feed", burst=FEED_BURST, refill_seconds=FEED_REFILL_SECONDS, at_once=FEED_AT_ONCE
    )
    key = sha256_hex(token)
    limits.buckets.take(key, clock.now().timestamp())
    with limits.in_flight.hold(key):
        feed = await feeds.fetch_feed(
            ctx, token, base_url=settings.public_base_url, known_etags=_etags(if_none_match)
        )
    headers = {"ETag": feed.etag, "Cache-Control": FEED_CACHE_CONTROL}
    if feed.body is None:
        return Response(status_code=304, headers=headers)
    return Response(content=feed.body, media_type="text/calendar; charset=utf-8", headers=headers)
