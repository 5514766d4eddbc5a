"""The practice context's jobs: telling a new staff user where to sign in, and sign-in housekeeping."""

from __future__ import annotations

import uuid

from tend.core.errors import NotFound
from tend.domain import auth
from tend.domain.platform.jobs import JobRun, Payload, daily, job
from tend.domain.platform.messaging import render_message
from tend.domain.platform.messaging.email import OutgoingEmail
from tend.domain.practice import languages, users
from tend.domain.practice.settings import get_practice

PRUNE_SIGN_IN_ATTEMPTS = "prune_sign_in_attempts"


@job(users.WELCOME_EMAIL_JOB)
async def send_welcome_email(run: JobRun, payload: Payload) -> None:
    """Tells a new staff user where to sign in (no password in the e-mail), in her language. Sent once per
    user (the dedupe key), however often the job runs; not at all to a user deactivated meanwhile."""
    user_id = uuid.UUID(payload["user_id"])
    async with run.system_context() as ctx:
        try:
            user = await users.get_user(ctx, user_id)
        except NotFound:
            return
        if not user.active:
            return
        message = render_message(
            "welcome",
            await languages.user_locale(ctx, user),
            name=user.name,
            practice_name=(await get_practice(ctx)).name,
            sign_in_url=f"{run.public_base_url}/login",
        )
        to_address = user.email
    await run.mailer.send_once(
        OutgoingEmail(
            dedupe_key=f"welcome:{user_id}",
            to_address=to_address,
            subject=message.subject,
            body_text=message.text,
            body_html=message.html,
        )
    )


daily(PRUNE_SIGN_IN_ATTEMPTS, "prune-sign-in-attempts", auth.prune_sign_in_attempts)
