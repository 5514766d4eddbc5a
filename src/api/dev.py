"""The development mailbox: e-mails Tend 'sent' without an SMTP server (admin, development only)."""

from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter
from pydantic import Field

from tend.api.deps import AdminDep, ContextDep, PageDep, SettingsDep
from tend.api.errors import problem_responses
from tend.api.schemas import OutputModel, PageOut
from tend.core.enums import EmailStatus
from tend.core.errors import NotFound
from tend.domain import mailbox

router = APIRouter(prefix="/dev", tags=["dev"])


class MailboxMessageOut(OutputModel):
    id: uuid.UUID
    to_address: str
    subject: str
    body_text: str
    body_html: str | None = Field(description="The HTML alternative, when the message has one.")
    transport: str
    status: EmailStatus
    created_at: datetime
    sent_at: datetime | None


class MailboxPage(PageOut[MailboxMessageOut]):
    pass


@router.get("/mailbox", response_model=MailboxPage, responses=problem_responses(401, 403, 404, 422))
async def list_mailbox(
    _admin: AdminDep, ctx: ContextDep, settings: SettingsDep, page: PageDep
) -> MailboxPage:
    if not settings.is_development:
        raise NotFound("The dev mailbox exists only in development.")
    return MailboxPage.of(await mailbox.list_messages(ctx, page), MailboxMessageOut)
