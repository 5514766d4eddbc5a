"""E-mails in the reader's language, as plain text + HTML (multipart/alternative) through a real SMTP server:
the welcome e-mail in the user's own language (else the practice's), and a Spanish message that shows
Lima's local time and soles as a Peruvian practice writes them."""

from __future__ import annotations

import email
from dataclasses import replace
from datetime import UTC, datetime
from email.message import EmailMessage as ParsedEmail
from email.policy import default as default_policy
from typing import Any

from sqlalchemy import select

from tend.core.enums import Locale, Role
from tend.domain.platform.messaging import MessageLocale, render_message
from tend.domain.platform.messaging.email import OutgoingEmail
from tend.domain.practice import users
from tend.persistence.tables.jobs import EmailMessage, OutboxJob
from tend.workers.mail import Mailer
from tend.workers.outbox import execute
from tests.api.helpers import lima_practice


def _smtp_deps(app: Any, settings: Any, sessions: Any, clock: Any, port: int) -> Any:
    smtp = settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_starttls": False})
    return replace(app.state.job_deps, settings=smtp, mailer=Mailer(smtp, sessions, clock))


def _parts(envelope: Any) -> tuple[ParsedEmail, str, str]:
    message = email.message_from_bytes(envelope.content, policy=default_policy)
    assert isinstance(message, ParsedEmail)
    assert message.get_content_type() == "multipart/alternative"
    text, html = message.get_body(("plain",)), message.get_body(("html",))
    assert text is not None and html is not None
    return message, text.get_content().replace("\r\n", "\n"), html.get_content()


async def test_the_welcome_e_mail_is_written_in_the_user_s_language(
    app: Any, settings: Any, system_ctx: Any, sessions: Any, clock: Any, smtp_server: Any, client_as: Any
) -> None:
    controller, inbox = smtp_server
    await lima_practice(await client_as("admin"))  # "Psicotrec", in Peru; its own language stays English
    async with system_ctx() as ctx:
        await users.create_user(
            ctx,
            email="rosa@example.com",
            name="Rosa <Quispe>",
            role=Role.front_desk,
            password="a-long-password",
            locale=Locale.es,
        )
    async with sessions() as session:
        job = await session.scalar(select(OutboxJob).where(OutboxJob.job_name == "send_welcome_email"))
    assert job is not None
    assert (
        await execute(_smtp_deps(app, settings, sessions, clock, controller.port), job.id)
    ).status == "done"

    [envelope] = inbox.messages
    message, text, html = _parts(envelope)
    assert message["Subject"] == "Su cuenta de Tend"
    assert text.startswith("Hola, Rosa <Quispe>:\n") and "http://testserver/login" in text
    assert "Este mensaje lo envió Tend por encargo de Psicotrec." in text
    assert "Hola, Rosa &lt;Quispe&gt;:" in html and '<html lang="es-PE">' in html
    async with sessions() as session:
        stored = await session.scalar(select(EmailMessage))
    assert stored is not None and stored.subject == "Su cuenta de Tend"
    assert stored.body_text == text and stored.body_html is not None


async def test_a_spanish_e_mail_shows_lima_s_local_time_and_soles(
    app: Any, settings: Any, sessions: Any, clock: Any, smtp_server: Any
) -> None:
    controller, inbox = smtp_server
    deps = _smtp_deps(app, settings, sessions, clock, controller.port)
    rendered = render_message(
        "no_show_fee",
        MessageLocale.of("es", "PE", "America/Lima"),
        name="Ana",
        practice_name="Psicotrec",
        practitioner_name="Dra. Carmen",
        starts_at=datetime(2026, 12, 15, 21, 0, tzinfo=UTC),  # 16:00 in Lima
        fee_minor=5000,
        currency="PEN",
    )
    sent = await deps.mailer.send_once(
        OutgoingEmail("no-show:test", "ana@example.com", rendered.subject, rendered.text, rendered.html)
    )
    assert sent

    [envelope] = inbox.messages
    _, text, html = _parts(envelope)
    for body in (text, html):
        assert "martes, 15 de diciembre de 2026, 16:00" in body
        assert "S/\u00a050.00" in body
