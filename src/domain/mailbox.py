"""The development mailbox: e-mails Tend 'sent' without an SMTP server."""

from __future__ import annotations

from tend.core.pages import Page, PageRequest
from tend.domain.context import Context
from tend.persistence.repositories.mail import EmailRepository
from tend.persistence.tables.jobs import EmailMessage


async def list_messages(ctx: Context, page: PageRequest) -> Page[EmailMessage]:
    return await EmailRepository(ctx.session).page(page)
