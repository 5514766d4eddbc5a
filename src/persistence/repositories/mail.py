"""Queries of sent e-mail: the once-per-dedupe-key claim, its outcome, and the dev mailbox."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from tend.core.enums import EmailStatus
from tend.core.pages import Page, PageRequest
from tend.persistence.repositories.pagination import paginate
from tend.persistence.tables.jobs import EmailMessage


class EmailRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def page(self, page: PageRequest) -> Page[EmailMessage]:
        return await paginate(
            self.session, select(EmailMessage), EmailMessage.created_at, page, descending=True
        )

    async def insert_sending(self, message: EmailMessage) -> bool:
        """Records `message` as being sent; False when its dedupe key is already recorded."""
        try:
            async with self.session.begin_nested():
                self.session.add(message)
                await self.session.flush()
        except IntegrityError:
            return False  # the savepoint's rollback already dropped `message` from the session
        return True

    async def mark_unknown_if_abandoned(self, dedupe_key: str, claimed_before: datetime) -> None:
        """A claim older than the lease with no outcome: its sender died mid-send; nobody knows if it left."""
        await self.session.execute(
            update(EmailMessage)
            .where(
                EmailMessage.dedupe_key == dedupe_key,
                EmailMessage.status == EmailStatus.sending,
                EmailMessage.claimed_at < claimed_before,
            )
            .values(status=EmailStatus.unknown, error="interrupted while sending")
        )

    async def take_over(
        self, dedupe_key: str, now: datetime, job_id: uuid.UUID | None, *, resend_unknown: bool
    ) -> bool:
        """Claims a message whose last attempt failed (or, when an admin asked, whose outcome is unknown);
        only one caller wins."""
        takeable = [EmailStatus.failed, EmailStatus.unknown] if resend_unknown else [EmailStatus.failed]
        result = await self.session.execute(
            update(EmailMessage)
            .where(EmailMessage.dedupe_key == dedupe_key, EmailMessage.status.in_(takeable))
            .values(status=EmailStatus.sending, error=None, claimed_at=now, job_id=job_id)
        )
        return bool(getattr(result, "rowcount", 0))

    async def status(self, dedupe_key: str) -> EmailStatus | None:
        return await self.session.scalar(
            select(EmailMessage.status).where(EmailMessage.dedupe_key == dedupe_key)
        )

    async def finish(self, dedupe_key: str, now: datetime, error: str | None) -> None:
        email = await self.session.scalar(
            select(EmailMessage).where(
                EmailMessage.dedupe_key == dedupe_key, EmailMessage.status == EmailStatus.sending
            )
        )
        if email is None:
            return  # taken over as unknown meanwhile: that outcome stands
        if error is None:
            email.status, email.sent_at, email.error = EmailStatus.sent, now, None
        else:
            email.status, email.error = EmailStatus.failed, error
