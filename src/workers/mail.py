"""Sending e-mail once per event: the dev mailbox (development) or SMTP (TEND_SMTP_*).

Each message is claimed before it is handed to SMTP (a row per dedupe key, UNIQUE). A claim that never
got an outcome (the process died while sending) is not silently retried nor silently dropped: past its
lease it becomes `unknown` and the job dies visibly; an admin's retry of that job sends it again. An SMTP
server that accepted a message while the connection failed may deliver it twice: that is SMTP's limit."""

from __future__ import annotations

import contextvars
import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage as MimeMessage

import aiosmtplib
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tend.core.clock import Clock
from tend.core.enums import EmailStatus
from tend.domain.platform.messaging.email import OutgoingEmail
from tend.persistence.db import unit_of_work
from tend.persistence.repositories.mail import EmailRepository
from tend.persistence.tables.jobs import EmailMessage
from tend.settings import Settings

log = logging.getLogger(__name__)
MAIL_LEASE = timedelta(minutes=2)  # well past SMTP's own 30 s timeout


@dataclass(frozen=True)
class SendingJob:
    """The job on whose behalf a message is sent (set by the relay around each attempt)."""

    job_id: uuid.UUID | None
    resend_unknown: bool = False


current_job: contextvars.ContextVar[SendingJob | None] = contextvars.ContextVar(
    "tend_sending_job", default=None
)


class TransientSendError(Exception):
    """The message could not be handed over now; the job should try again later."""


class DeliveryUnknown(Exception):
    """A send was interrupted: the message may or may not have left. Not retried automatically."""


async def _claim(
    sessions: async_sessionmaker[AsyncSession], clock: Clock, message: OutgoingEmail, transport: str
) -> bool:
    """Takes the right to send `message`: True to send it now, False when it was sent already."""
    job, now = current_job.get() or SendingJob(job_id=None), clock.now()
    async with unit_of_work(sessions) as session:
        repository = EmailRepository(session)
        recorded = await repository.insert_sending(
            EmailMessage(
                dedupe_key=message.dedupe_key,
                to_address=message.to_address,
                subject=message.subject,
                body_text=message.body_text,
                body_html=message.body_html,
                transport=transport,
                status=EmailStatus.sending,
                job_id=job.job_id,
                claimed_at=now,
                created_at=now,
            )
        )
        if recorded:
            return True
        await repository.mark_unknown_if_abandoned(message.dedupe_key, now - MAIL_LEASE)
        if await repository.take_over(message.dedupe_key, now, job.job_id, resend_unknown=job.resend_unknown):
            return True
        status = await repository.status(message.dedupe_key)
    if status is EmailStatus.sent:
        return False
    if status is EmailStatus.sending:
        raise TransientSendError("another worker is sending this message right now")
    raise DeliveryUnknown(
        "Sending was interrupted: the e-mail may or may not have been delivered. "
        "Retry the job to send it again."
    )


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
        except Exception as exc:
            # Anything else after the claim: record it (the message is free to be sent again), then fail.
            await _finish(self.sessions, self.clock, message.dedupe_key, type(exc).__name__)
            raise
        await _finish(self.sessions, self.clock, message.dedupe_key, None)
        return True

    async def _send_smtp(self, message: OutgoingEmail) -> None:
        mime = MimeMessage()
        mime["From"] = self.settings.mail_from
        mime["To"] = message.to_address
        mime["Subject"] = message.subject
        mime.set_content(message.body_text)
        if message.body_html is not None:
            mime.add_alternative(message.body_html, subtype="html")
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
