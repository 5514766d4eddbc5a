"""Whom a message or a screen's words are for: a language (the user's own, else the practice's default),
the practice's country (how money and dates are written there) and its zone. Server-side texts (e-mails,
the ledger's own memos) are rendered for this `MessageLocale` by the platform's messaging."""

from __future__ import annotations

from tend.core.enums import Locale
from tend.domain.context import Context
from tend.domain.platform.messaging import MessageLocale
from tend.domain.practice.settings import get_practice
from tend.persistence.repositories.access import UserRepository
from tend.persistence.tables.access import User


async def practice_locale(ctx: Context, language: Locale | None = None) -> MessageLocale:
    """`language` (the practice's default when None) in the practice's country and zone."""
    practice = await get_practice(ctx)
    chosen = Locale(language or practice.default_locale)
    return MessageLocale.of(chosen.value, practice.country, practice.time_zone)


async def user_locale(ctx: Context, user: User) -> MessageLocale:
    """What `user` reads: her own language if she chose one, else the practice's."""
    return await practice_locale(ctx, user.locale)


async def reader_locale(ctx: Context) -> MessageLocale:
    """The signed-in user's language, else the practice's default (API keys, the system, the public)."""
    user = await UserRepository(ctx.session).get(ctx.actor.user_id) if ctx.actor.user_id else None
    return await practice_locale(ctx, user.locale if user is not None else None)
