"""Queries of sent e-mail: the once-per-dedupe-key claim, its outcome, and the dev mailbox."""

from __future__ import annotations

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

    async def take_over_failed(self, dedupe_key: str) -> bool:
        """Claims a message whose earlier attempt failed; only one caller wins."""
        result = await self.session.execute(
            update(EmailMessage)
            .where(EmailMessage.dedupe_key == dedupe_key, EmailMessage.status == EmailStatus.failed)
            .values(status=EmailStatus.sending, error=None)
        )
        return bool(getattr(result, "rowcount", 0))

    async def finish(self, dedupe_key: str, now: datetime, error: str | None) -> None:
        email = await self.session.scalar(select(EmailMessage).where(EmailMessage.dedupe_key == dedupe_key))
        if email is None:
            return
        if error is None:
            email.status, email.sent_at, email.error = EmailStatus.sent, now, None
        else:
            email.status, email.error = EmailStatus.failed, error
