"""Sending e-mail once per event: the dev mailbox (development) or SMTP (TEND_SMTP_*)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from email.message import EmailMessage as MimeMessage

import aiosmtplib
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tend.core.clock import Clock
from tend.core.enums import EmailStatus
from tend.persistence.db import unit_of_work
from tend.persistence.repositories.mail import EmailRepository
from tend.persistence.tables.jobs import EmailMessage
from tend.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OutgoingEmail:
    dedupe_key: str
    to_address: str
    subject: str
    body_text: str


class TransientSendError(Exception):
    """The message could not be handed over now; the job should try again later."""


async def _claim(
    sessions: async_sessionmaker[AsyncSession], clock: Clock, message: OutgoingEmail, transport: str
) -> bool:
    """Takes the right to send `message`. False when it was already sent (or is being sent)."""
    async with unit_of_work(sessions) as session:
        repository = EmailRepository(session)
        recorded = await repository.insert_sending(
            EmailMessage(
                dedupe_key=message.dedupe_key,
                to_address=message.to_address,
                subject=message.subject,
                body_text=message.body_text,
                transport=transport,
                status=EmailStatus.sending,
                created_at=clock.now(),
            )
        )
        # Recorded before: only a previous failed attempt may be taken over, and only by one worker.
        return recorded or await repository.take_over_failed(message.dedupe_key)


async def _finish(
    sessions: async_sessionmaker[AsyncSession], clock: Clock, dedupe_key: str, error: str | None
) -> None:
    async with unit_of_work(sessions) as session:
        await EmailRepository(session).finish(dedupe_key, clock.now(), error)


class Mailer:
    def __init__(self, settings: Settings, sessions: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        self.settings = settings
        self.sessions = sessions
        self.clock = clock

    @property
    def transport(self) -> str:
        return "smtp" if self.settings.smtp_host else "dev"

    async def send_once(self, message: OutgoingEmail) -> bool:
        """Sends `message` unless one with the same dedupe_key was sent. True if this call sent it."""
        if not await _claim(self.sessions, self.clock, message, self.transport):
            return False
        if self.transport == "dev":
            await _finish(self.sessions, self.clock, message.dedupe_key, None)
            return True
        try:
            await self._send_smtp(message)
        except (aiosmtplib.SMTPException, OSError) as exc:
            await _finish(self.sessions, self.clock, message.dedupe_key, type(exc).__name__)
            raise TransientSendError(type(exc).__name__) from exc
        await _finish(self.sessions, self.clock, message.dedupe_key, None)
        return True

    async def _send_smtp(self, message: OutgoingEmail) -> None:
        mime = MimeMessage()
        mime["From"] = self.settings.mail_from
        mime["To"] = message.to_address
        mime["Subject"] = message.subject
        mime.set_content(message.body_text)
        password = self.settings.smtp_password.get_secret_value() if self.settings.smtp_password else None
        await aiosmtplib.send(
            mime,
            hostname=self.settings.smtp_host,
            port=self.settings.smtp_port,
            username=self.settings.smtp_username,
            password=password,
            start_tls=self.settings.smtp_starttls and not self.settings.smtp_use_tls,
            use_tls=self.settings.smtp_use_tls,
            timeout=30,
        )
        log.info("email sent", extra={"transport": "smtp"})
