"""An e-mail as a job hands it to the mailer, and the mailer as jobs see it. The worker provides the
mailer (`workers/mail.py`: the dev mailbox or SMTP, each message claimed once by its dedupe key)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class OutgoingEmail:
    """One message: plain text always; with `body_html` it is sent as multipart/alternative (text first, so
    a client that shows no HTML reads the same words). `dedupe_key` names the event: a second message with
    the same key is never sent."""

    dedupe_key: str
    to_address: str
    subject: str
    body_text: str
    body_html: str | None = None


class Mailer(Protocol):
    async def send_once(self, message: OutgoingEmail) -> bool:
        """Sends `message` unless one with the same dedupe_key was sent; True if this call sent it."""
        ...
