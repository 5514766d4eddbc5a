"""Operations the CLI runs outside a request: each is one unit of work, then its jobs are dispatched."""

from __future__ import annotations

from tend import demo_data
from tend.core.actor import Actor
from tend.core.clock import SystemClock
from tend.core.enums import Role
from tend.core.errors import DomainError
from tend.demo_data import DEMO_LOGINS, DemoLogin
from tend.domain.context import Context
from tend.domain.platform.jobs import OUTBOX_SESSION_KEY
from tend.domain.practice import users
from tend.persistence.db import create_engine, create_sessionmaker, unit_of_work
from tend.settings import get_settings
from tend.workers.deps import build_job_deps
from tend.workers.outbox import ArqDispatcher, InProcessRunner
from tend.workers.schedule import tick


async def _run(operation: object) -> object:
    settings = get_settings()
    engine = create_engine(settings.database_url)
    sessions = create_sessionmaker(engine)
    clock = SystemClock()
    deps = build_job_deps(settings, sessions, clock)
    try:
        async with unit_of_work(sessions) as session:
            ctx = Context(session=session, clock=clock, actor=Actor.system())
            result = await operation(ctx)  # type: ignore[operator]
            job_ids = session.info.pop(OUTBOX_SESSION_KEY, [])
        if job_ids:
            if settings.redis_url:
                from arq import create_pool
                from arq.connections import RedisSettings

                pool = await create_pool(RedisSettings.from_dsn(settings.redis_url))
                try:
                    await ArqDispatcher(deps, pool).dispatch(job_ids)
                finally:
                    await pool.aclose()
            else:
                runner = InProcessRunner(deps)
                await runner.dispatch(job_ids)
                await runner.drain()
        return result
    finally:
        await engine.dispose()


async def create_user_now(
    *, email: str, name: str, role: str, password: str, practitioner: str | None = None
) -> str:
    """A staff user, with the same checks as an admin's invitation (a clinician is linked to the
    practitioner record `practitioner` names: its id or its name)."""
    try:
        role_value = Role(role)
    except ValueError as exc:
        raise ValueError(f"role must be one of: {', '.join(r.value for r in Role)}") from exc

    async def operation(ctx: Context) -> str:
        try:
            practitioner_id = await users.practitioner_called(ctx, practitioner) if practitioner else None
            user = await users.invite_user(
                ctx,
                users.UserInvite(
                    email=email,
                    name=name,
                    role=role_value,
                    password=password,
                    practitioner_id=practitioner_id,
                ),
            )
        except DomainError as exc:
            raise ValueError(exc.detail) from exc
        return str(user.id)

    return str(await _run(operation))


async def seed_demo_now() -> tuple[DemoLogin, ...]:
    await _run(demo_data.seed)
    return DEMO_LOGINS


async def tick_now() -> int:
    """Records this period's scheduled jobs (what every sweep does first); returns how many were new."""
    settings = get_settings()
    engine = create_engine(settings.database_url)
    try:
        return await tick(build_job_deps(settings, create_sessionmaker(engine), SystemClock()))
    finally:
        await engine.dispose()
