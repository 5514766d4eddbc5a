"""Engine and session setup for SQLite (aiosqlite, WAL, foreign keys) and PostgreSQL (asyncpg)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

# The session type the domain names in annotations, so it needs no import of SQLAlchemy itself.
DbSession = AsyncSession


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_on_begin(conn: Any) -> None:
    # BEGIN IMMEDIATE takes the write lock up front, so concurrent writers queue instead of failing
    # half-way with "database is locked" when they upgrade from a read lock.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_engine(database_url: str, **kwargs: Any) -> AsyncEngine:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        if url.database not in (None, "", ":memory:") and "poolclass" not in kwargs:
            # SQLite has one writer at a time. One pooled connection makes requests queue in order inside
            # the process (fair, no busy-wait); BEGIN IMMEDIATE below still orders other processes.
            kwargs.setdefault("pool_size", 1)
            kwargs.setdefault("max_overflow", 0)
            kwargs.setdefault("pool_timeout", 120)
        engine = create_async_engine(url, connect_args={"timeout": 30}, **kwargs)
        sync_engine = engine.sync_engine
        event.listen(sync_engine, "connect", _sqlite_on_connect)

        # Let SQLAlchemy (not pysqlite) emit BEGIN, so our BEGIN IMMEDIATE is the one that runs.
        @event.listens_for(sync_engine, "connect")
        def _disable_pysqlite_begin(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None

        event.listen(sync_engine, "begin", _sqlite_on_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    if "poolclass" not in kwargs:
        kwargs.setdefault("pool_size", 10)
        kwargs.setdefault("max_overflow", 10)
    return create_async_engine(url, **kwargs)


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


async def end_transaction(session: AsyncSession) -> None:
    """Commits what `session` did so far and gives its connection back to the pool; the next statement
    opens a new transaction. For the few steps that must not hold a connection while they wait (password
    hashing: on SQLite the one connection would stall every other request) or whose record must be visible
    to concurrent requests before going on (a counted sign-in attempt)."""
    await session.commit()


@asynccontextmanager
async def unit_of_work(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A transaction for work outside a request (jobs, CLI): commits on success, rolls back on error."""
    async with sessions() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise
