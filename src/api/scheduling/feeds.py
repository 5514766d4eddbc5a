"""A practitioner's calendar feed (ICS): create or replace its secret link, revoke it, and the public
feed itself (for Google or Apple Calendar subscriptions)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Response
from pydantic import Field

from tend.api.deps import AnonymousContextDep, ContextDep, SettingsDep, UserOnlyDep
from tend.api.errors import problem_responses
from tend.api.schemas import OutputModel
from tend.domain.scheduling import feeds

router = APIRouter(tags=["calendar-feeds"])


class CalendarFeedOut(OutputModel):
    url: str = Field(description="The subscription link. Shown only now: it is the feed's password.")
    created_at: datetime


@router.post(
    "/api/v1/practitioners/{practitioner_id:uuid}/calendar-feed",
    status_code=201,
    responses=problem_responses(401, 403, 404),
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
    "/api/v1/practitioners/{practitioner_id:uuid}/calendar-feed",
    status_code=204,
    response_class=Response,
    responses=problem_responses(401, 403, 404),
)
async def revoke_calendar_feed(practitioner_id: uuid.UUID, _user: UserOnlyDep, ctx: ContextDep) -> Response:
    await feeds.revoke_feeds(ctx, practitioner_id)
    return Response(status_code=204)


@router.get(
    "/public/v1/calendar/{token}.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}, **problem_responses(404)},
)
async def calendar_feed(
    token: Annotated[str, Path(min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")],
    ctx: AnonymousContextDep,
    settings: SettingsDep,
) -> Response:
    """The feed: the last 30 days and the next 180, times with their zone, clients by initials only."""
    body = await feeds.render_feed(ctx, token, base_url=settings.public_base_url)
    return Response(content=body, media_type="text/calendar; charset=utf-8")
