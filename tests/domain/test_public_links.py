"""Public links (the platform's): random, stored hashed, expiring, single-use or not, and one answer for every
link that does not work — unknown, expired, spent, revoked or for another purpose."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tend.core.errors import NotFound
from tend.domain.platform import public_links
from tend.persistence.tables.platform import PublicLink

CONFIRM = "appointment.confirm"


async def _issue(
    system_ctx: Callable[..., Any], *, single_use: bool = True, days: int = 7
) -> tuple[str, uuid.UUID]:
    subject = uuid.uuid4()
    async with system_ctx() as ctx:
        issued = await public_links.issue(
            ctx, CONFIRM, subject, lifetime=timedelta(days=days), single_use=single_use
        )
    return issued.token, subject


async def _gone(system_ctx: Callable[..., Any], token: str, purpose: str = CONFIRM) -> str:
    async with system_ctx() as ctx:
        with pytest.raises(NotFound) as refused:
            await public_links.resolve(ctx, purpose, token)
    return str(refused.value)


async def test_a_link_grants_its_purpose_on_its_subject_and_stores_only_the_tokens_hash(
    system_ctx: Any,
) -> None:
    token, subject = await _issue(system_ctx)
    assert len(token) == 43  # 256 random bits, URL-safe
    async with system_ctx() as ctx:
        grant = await public_links.resolve(ctx, CONFIRM, token)
        stored = (await ctx.session.scalars(select(PublicLink))).all()
    assert (grant.purpose, grant.subject_id) == (CONFIRM, subject)
    assert len(stored) == 1 and token not in {stored[0].token_hash, str(stored[0].id)}


async def test_showing_a_single_use_link_does_not_spend_it_and_acting_does_once(system_ctx: Any) -> None:
    token, subject = await _issue(system_ctx)
    for _ in range(2):  # a mail scanner's visit, then the client's: the page still works
        async with system_ctx() as ctx:
            assert (await public_links.resolve(ctx, CONFIRM, token)).subject_id == subject
    async with system_ctx() as ctx:
        assert (await public_links.redeem(ctx, CONFIRM, token)).subject_id == subject
    async with system_ctx() as ctx:
        with pytest.raises(NotFound):
            await public_links.redeem(ctx, CONFIRM, token)


async def test_a_reusable_link_works_until_it_expires(system_ctx: Any, clock: Any) -> None:
    token, _ = await _issue(system_ctx, single_use=False, days=1)
    for _ in range(3):
        async with system_ctx() as ctx:
            await public_links.redeem(ctx, CONFIRM, token)
    clock.advance(timedelta(days=1))
    assert await _gone(system_ctx, token)


async def test_every_dead_link_gets_the_same_answer(system_ctx: Any, clock: Any) -> None:
    spent, _ = await _issue(system_ctx)
    async with system_ctx() as ctx:
        await public_links.redeem(ctx, CONFIRM, spent)
    expired, _ = await _issue(system_ctx, days=1)
    revoked, revoked_subject = await _issue(system_ctx, days=30)
    async with system_ctx() as ctx:
        assert await public_links.revoke(ctx, CONFIRM, revoked_subject) == 1
    other_purpose, _ = await _issue(system_ctx, days=30)
    clock.advance(timedelta(days=2))
    answers = {
        await _gone(system_ctx, spent),
        await _gone(system_ctx, expired),
        await _gone(system_ctx, revoked),
        await _gone(system_ctx, other_purpose, purpose="survey.answer"),
        await _gone(system_ctx, "A" * 43),  # well-formed, unknown
        await _gone(system_ctx, "'; DROP TABLE public_links; --"),  # refused before any query
        await _gone(system_ctx, "x" * 10_000),
    }
    assert answers == {public_links.GONE}


async def test_a_lifetime_outside_the_bounds_is_a_programming_error(system_ctx: Any) -> None:
    async with system_ctx() as ctx:
        for lifetime in (timedelta(0), timedelta(days=121)):
            with pytest.raises(ValueError, match="public link lives"):
                await public_links.issue(ctx, CONFIRM, uuid.uuid4(), lifetime=lifetime, single_use=True)


async def test_expired_links_are_pruned_a_month_later(system_ctx: Any, clock: Any) -> None:
    await _issue(system_ctx, days=1)
    clock.advance(timedelta(days=30))
    async with system_ctx() as ctx:
        assert await public_links.prune(ctx) == 0
    clock.advance(timedelta(days=2))
    async with system_ctx() as ctx:
        assert await public_links.prune(ctx) == 1


@pytest.mark.postgres_only
async def test_two_clicks_at_once_on_a_single_use_link_act_once(system_ctx: Any) -> None:
    token, _ = await _issue(system_ctx)

    async def click() -> bool:
        try:
            async with system_ctx() as ctx:
                await public_links.redeem(ctx, CONFIRM, token)
                await asyncio.sleep(0.05)  # hold the transaction open while the other click arrives
            return True
        except NotFound:
            return False

    outcomes = await asyncio.gather(*[click() for _ in range(8)])
    assert sorted(outcomes) == [False] * 7 + [True]
