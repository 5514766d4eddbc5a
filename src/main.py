"""The application factory: API routers, error handling, request IDs, job dispatch and the built SPA."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from sqlalchemy.ext.asyncio import AsyncEngine
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from tend.api.deps import auth_policy
from tend.api.errors import install_error_handlers, problem_openapi, unexpected_error_response
from tend.api.request_context import RequestIdMiddleware
from tend.api.routes import all_routers
from tend.api.security import BodyLimitMiddleware, SecurityHeadersMiddleware
from tend.core.clock import Clock, SystemClock
from tend.logs import configure_logging
from tend.persistence.db import create_engine, create_sessionmaker
from tend.settings import Environment, Settings, get_settings
from tend.workers.deps import build_job_deps
from tend.workers.outbox import ArqDispatcher, InProcessRunner, sweep

log = logging.getLogger(__name__)


def _operation_id(route: APIRoute) -> str:
    tag = route.tags[0] if route.tags else "default"
    return f"{tag}-{route.name}"


async def _sweep_forever(app: FastAPI) -> None:
    while True:
        await asyncio.sleep(app.state.settings.outbox_sweep_seconds)
        try:
            await sweep(app.state.job_deps, app.state.dispatcher)
        except Exception:
            log.exception("outbox sweep failed")


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    if settings.redis_url:
        from arq import create_pool
        from arq.connections import RedisSettings

        app.state.redis = await create_pool(RedisSettings.from_dsn(settings.redis_url))
        app.state.dispatcher = ArqDispatcher(app.state.job_deps, app.state.redis)
    sweeper = asyncio.create_task(_sweep_forever(app)) if app.state.run_sweeper else None
    try:
        yield
    finally:
        if sweeper is not None:
            sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeper
        if isinstance(app.state.dispatcher, InProcessRunner):
            await app.state.dispatcher.drain()
            await app.state.dispatcher.close()
        if getattr(app.state, "redis", None) is not None:
            await app.state.redis.aclose()
        await app.state.engine.dispose()


def served_app() -> FastAPI:
    """The app as `tend serve` runs it, in every API process: with `--workers N` uvicorn spawns fresh
    processes that import this factory, and each must set up its own logging (the parent's does not carry
    over: a spawned worker starts with a bare root logger and wrote no access or error log at all)."""
    settings = get_settings()
    configure_logging(settings.log_level)
    return create_app(settings)


def create_app(
    settings: Settings | None = None,
    clock: Clock | None = None,
    *,
    run_sweeper: bool = True,
    engine: AsyncEngine | None = None,
) -> FastAPI:
    """The app with its dependencies: settings, clock, and optionally an engine (tests pass their own)."""
    settings = settings or get_settings()
    app = FastAPI(
        title="Tend API",
        version="1.0.0",
        summary="Front office for small behavioral-health practices.",
        description=(
            "Authenticate with `Authorization: Bearer <token>`: an access token from "
            "`POST /api/v1/auth/login`, or an API key (`tend_...`) created by an admin. "
            "Errors are `application/problem+json`."
        ),
        generate_unique_id_function=_operation_id,
        lifespan=_lifespan,
        # A path with a trailing slash is a 404, not a redirect built from the request's Host header (which a
        # caller controls: an open redirect to any host).
        redirect_slashes=False,
        # Private docs: no public pages or contract; /openapi.json is served to signed-in callers below.
        openapi_url=None if settings.docs_are_private else "/openapi.json",
        docs_url=None if settings.docs_are_private else "/docs",
        redoc_url=None if settings.docs_are_private else "/redoc",
    )
    _attach_state(app, settings, clock or SystemClock(), engine or create_engine(settings.database_url))
    app.state.run_sweeper = run_sweeper
    install_error_handlers(app)
    _add_middleware(app, settings)
    for router in all_routers(private_docs=settings.docs_are_private):
        app.include_router(router)
    _install_openapi(app)
    return app


def _attach_state(app: FastAPI, settings: Settings, clock: Clock, engine: AsyncEngine) -> None:
    sessions = create_sessionmaker(engine)
    app.state.settings = settings
    app.state.clock = clock
    app.state.engine = engine
    app.state.sessions = sessions
    app.state.redis = None
    app.state.job_deps = build_job_deps(settings, sessions, clock)
    app.state.dispatcher = InProcessRunner(app.state.job_deps)


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    """Outermost last: request id, then security headers, then the body limit (then CORS, if configured)."""
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=["X-Request-ID", "Retry-After"],
        )
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        jwt=lambda: auth_policy(app.state.settings).jwt,
        clock=lambda: app.state.clock,
    )
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.env is Environment.production)
    app.add_middleware(RequestIdMiddleware, error_response=unexpected_error_response)
    if settings.trusted_proxies:
        # Only then is X-Forwarded-For the client's address (login throttling counts per address).
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxies)


def _install_openapi(app: FastAPI) -> None:
    """The contract with every error answer as problem+json (see api/errors.py)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = problem_openapi(
                get_openapi(
                    title=app.title,
                    version=app.version,
                    summary=app.summary,
                    description=app.description,
                    routes=app.routes,
                )
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def openapi_document(app: FastAPI | None = None) -> dict[str, Any]:
    return (app or create_app()).openapi()
