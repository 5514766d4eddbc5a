"""Queries for sent e-mail (the dev mailbox)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tend.persistence.repositories.pagination import Page, PageRequest, paginate
from tend.persistence.tables import EmailMessage


class EmailRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def list(self, page: PageRequest) -> Page[EmailMessage]:
        return await paginate(
            self.session,
            select(EmailMessage),
            sort_column=EmailMessage.created_at,
            id_column=EmailMessage.id,
            page=page,
            descending=True,
        )
