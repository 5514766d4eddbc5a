"""Fixtures: one migrated database per run (SQLite file or PostgreSQL), emptied after every test;
one app per run (building FastAPI's routes costs ~0.3 s, which per test was a third of the API tests' time)
whose per-test state is put back before each test: the frozen clock, the job runner, the public links'
rate limits and Redis; HTTP clients signed in as each role or as an API key."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from alembic import command
from asgi_lifespan import LifespanManager
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from tend.cli import alembic_config
from tend.core.clock import FrozenClock
from tend.core.enums import ApiKeyScope, Role
from tend.domain import api_keys
from tend.domain.context import Actor, Context
from tend.domain.practice import users
from tend.domain.security import _password_hash, issue_access_token
from tend.main import create_app
from tend.persistence.db import create_engine, create_sessionmaker, unit_of_work
from tend.persistence.tables import metadata
from tend.persistence.tables.access import User
from tend.settings import Settings
from tend.workers.outbox import InProcessRunner
from tests.harness import FROZEN_AT, TEST_PASSWORD, SignedInUser, database_url, is_postgres, make_settings


async def reset_postgres_database(url: str) -> None:
    """Creates the throwaway database if missing and empties its schema."""
    import asyncpg

    parsed = make_url(url)
    admin = await asyncpg.connect(
        host=parsed.host, port=parsed.port or 5432, user=parsed.username, database="postgres"
    )
    try:
        exists = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", parsed.database)
        if not exists:
            await admin.execute(f'CREATE DATABASE "{parsed.database}"')
        # A throwaway database need not wait for the disk at each commit (this database only, not the server).
        await admin.execute(f'ALTER DATABASE "{parsed.database}" SET synchronous_commit = off')
    finally:
        await admin.close()
    conn = await asyncpg.connect(
        host=parsed.host, port=parsed.port or 5432, user=parsed.username, database=parsed.database
    )
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await conn.close()


async def migrate(url: str, revision: str = "head") -> None:
    await asyncio.to_thread(command.upgrade, alembic_config(url), revision)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def db_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("db")


@pytest.fixture(scope="session")
async def db_url(db_dir: Path) -> str:
    url = database_url(str(db_dir))
    if is_postgres():
        await reset_postgres_database(url)
    await migrate(url)
    return url


@pytest.fixture(scope="session")
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(db_url)
    yield engine
    await engine.dispose()


@pytest.fixture(scope="session")
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_sessionmaker(engine)


@pytest.fixture(autouse=True)
async def _clean_database(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    yield
    if "engine" not in request.fixturenames:
        return
    engine: AsyncEngine = request.getfixturevalue("engine")
    tables = [t.name for t in reversed(metadata.sorted_tables)]
    # The ledger's insert-only triggers are lifted for the cleanup only (replica role on PostgreSQL; on
    # SQLite dropped and re-created from their own stored definitions).
    async with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # DELETE, not TRUNCATE: a test leaves a few rows, and TRUNCATE of every table costs ~50 ms (new
            # files for each) where DELETE costs a few. No table has a sequence to restart.
            await connection.execute(text("SET LOCAL session_replication_role = replica"))
            for table in tables:
                await connection.execute(text(f"DELETE FROM {table}"))
        else:
            triggers = (
                await connection.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
            ).all()
            await connection.execute(text("PRAGMA defer_foreign_keys = ON"))  # self-references
            for name, _sql in triggers:
                await connection.execute(text(f'DROP TRIGGER "{name}"'))
            for table in tables:
                await connection.execute(text(f"DELETE FROM {table}"))
            for _name, sql in triggers:
                await connection.execute(text(sql))


@pytest.fixture(scope="session")
def _run_clock() -> FrozenClock:
    return FrozenClock(FROZEN_AT)


@pytest.fixture
def clock(_run_clock: FrozenClock) -> FrozenClock:
    """The run's one frozen clock (the app's too), set back to FROZEN_AT for every test."""
    _run_clock.set(FROZEN_AT)
    return _run_clock


@pytest.fixture(scope="session")
def settings(db_url: str) -> Settings:
    """The run's settings; a test that needs others makes a copy (`settings.model_copy(update=...)`)."""
    return make_settings(db_url)


@pytest.fixture(scope="session")
async def _redis_pool(settings: Settings) -> AsyncIterator[Any]:
    if not settings.redis_url:
        yield None
        return
    from arq import create_pool
    from arq.connections import RedisSettings

    pool = await create_pool(RedisSettings.from_dsn(settings.redis_url))
    yield pool
    await pool.aclose()


@pytest.fixture
async def redis(_redis_pool: Any) -> Any:
    """The test Redis (PostgreSQL pass only), emptied before each test."""
    if _redis_pool is not None:
        await _redis_pool.flushdb()
    return _redis_pool


@pytest.fixture(scope="session")
async def _run_app(settings: Settings, _run_clock: FrozenClock, db_url: str) -> AsyncIterator[Any]:
    # Its own engine, as a served app has: SQLite's pool holds one connection, and a test may hold the
    # fixtures' connection (system_ctx) while it calls the API.
    application = create_app(settings, _run_clock, run_sweeper=False)
    async with LifespanManager(application):
        yield application


@pytest.fixture
async def app(_run_app: Any, clock: FrozenClock, engine: AsyncEngine, redis: Any) -> AsyncIterator[Any]:
    """The run's app as a fresh one would be: a new in-process job runner (SQLite pass), no rate-limit
    buckets; after the test its jobs are waited for and any still delayed are cancelled, as at shutdown."""
    state = _run_app.state
    state.rate_limits = {}
    if redis is None:
        state.dispatcher = InProcessRunner(state.job_deps)
    yield _run_app
    if isinstance(state.dispatcher, InProcessRunner):
        await state.dispatcher.drain()
        await state.dispatcher.close()


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


_HASH_CACHE: dict[str, str] = {}


def test_password_hash() -> str:
    if TEST_PASSWORD not in _HASH_CACHE:
        _HASH_CACHE[TEST_PASSWORD] = _password_hash.hash(TEST_PASSWORD)
    return _HASH_CACHE[TEST_PASSWORD]


@pytest.fixture
def system_ctx(sessions: async_sessionmaker[AsyncSession], clock: FrozenClock) -> Callable[..., Any]:
    """`async with system_ctx() as ctx:` — a committed unit of work acting as the system."""

    @contextlib.asynccontextmanager
    async def open_ctx(actor: Actor | None = None) -> AsyncIterator[Context]:
        async with unit_of_work(sessions) as session:
            yield Context(session=session, clock=clock, actor=actor or Actor.system())

    return open_ctx


@pytest.fixture
def make_user(system_ctx: Callable[..., Any]) -> Callable[..., Awaitable[User]]:
    async def create(
        role: Role | str = Role.admin,
        *,
        email: str | None = None,
        name: str = "Test User",
        practitioner_id: uuid.UUID | str | None = None,
    ) -> User:
        async with system_ctx() as ctx:
            return await users.create_user(
                ctx,
                email=email or f"{role}-{uuid.uuid4().hex[:8]}@example.test",
                name=name,
                role=Role(role),
                password="",
                practitioner_id=uuid.UUID(str(practitioner_id)) if practitioner_id else None,
                send_welcome=False,
                password_hash=test_password_hash(),
            )

    return create


@pytest.fixture
def signed_in(
    app: Any, make_user: Callable[..., Awaitable[User]], clock: FrozenClock
) -> Callable[..., Awaitable[SignedInUser]]:
    from tend.api.deps import auth_policy

    async def sign_in(role: Role | str = Role.admin, **kwargs: Any) -> SignedInUser:
        user = await make_user(role, **kwargs)
        token = issue_access_token(
            auth_policy(app.state.settings).jwt, user.id, clock.now(), user.session_version
        )
        return SignedInUser(id=user.id, email=user.email, role=str(role), access_token=token)

    return sign_in


@pytest.fixture
async def client_as(
    app: Any, signed_in: Callable[..., Awaitable[SignedInUser]]
) -> AsyncIterator[Callable[..., Awaitable[httpx.AsyncClient]]]:
    """`http = await client_as("front_desk")` — an HTTP client signed in as a new user with that role."""
    opened: list[httpx.AsyncClient] = []

    async def open_client(role: Role | str = Role.admin, **kwargs: Any) -> httpx.AsyncClient:
        user = await signed_in(role, **kwargs)
        http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://testserver",
            headers={"Authorization": f"Bearer {user.access_token}"},
        )
        http.user = user  # type: ignore[attr-defined]
        opened.append(http)
        return http

    yield open_client
    for http in opened:
        await http.aclose()


@pytest.fixture
async def client_with_key(
    app: Any, system_ctx: Callable[..., Any]
) -> AsyncIterator[Callable[..., Awaitable[httpx.AsyncClient]]]:
    """`http = await client_with_key("read")` — an HTTP client using a new API key with those scopes."""
    opened: list[httpx.AsyncClient] = []

    async def open_client(*scopes: str) -> httpx.AsyncClient:
        async with system_ctx() as ctx:
            created = await api_keys.create_api_key(ctx, "test key", [ApiKeyScope(s) for s in scopes])
        http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://testserver",
            headers={"Authorization": f"Bearer {created.secret}"},
        )
        opened.append(http)
        return http

    yield open_client
    for http in opened:
        await http.aclose()


@pytest.fixture
def run_jobs(app: Any, redis: Any) -> Callable[[], Awaitable[None]]:
    """Runs every job dispatched so far: in-process (SQLite pass) or by an arq worker (PostgreSQL pass)."""

    async def run() -> None:
        if redis is None:
            await app.state.dispatcher.drain()
            return
        from arq import create_pool
        from arq.connections import RedisSettings
        from arq.worker import Worker

        from tend.workers.arq_worker import WorkerSettings

        pool = await create_pool(RedisSettings.from_dsn(app.state.settings.redis_url))
        worker = Worker(
            functions=WorkerSettings.functions,
            redis_pool=pool,
            burst=True,
            handle_signals=False,
            poll_delay=0.01,
            max_tries=WorkerSettings.max_tries,
            ctx={"deps": app.state.job_deps},
        )
        try:
            await worker.main()
        finally:
            with warnings.catch_warnings():
                warnings.simplefilter(
                    "ignore", DeprecationWarning
                )  # arq 0.28 calls redis' deprecated close()
                await worker.close()

    return run


@pytest.fixture
async def client_for_routes(
    settings: Settings, clock: FrozenClock, engine: AsyncEngine, redis: Any
) -> AsyncIterator[Callable[..., Awaitable[httpx.AsyncClient]]]:
    """`http = await client_for_routes(router)`: the app plus test-only routes (errors answered)."""
    from fastapi import APIRouter

    stack = contextlib.AsyncExitStack()

    async def open_client(router: APIRouter) -> httpx.AsyncClient:
        application = create_app(settings, clock, run_sweeper=False)
        application.include_router(router)
        await stack.enter_async_context(LifespanManager(application))
        transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
        return await stack.enter_async_context(
            httpx.AsyncClient(transport=transport, base_url="http://testserver")
        )

    async with stack:
        yield open_client


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`postgres_only` tests (races that SQLite's single writer cannot have) run in the PostgreSQL pass only;
    on SQLite they are deselected, not skipped, so no skip hides missing work."""
    if is_postgres():
        return
    kept = [item for item in items if item.get_closest_marker("postgres_only") is None]
    deselected = [item for item in items if item.get_closest_marker("postgres_only") is not None]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept
