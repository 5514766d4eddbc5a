"""Test harness shared by every suite: which database pass this is, and helpers to act as each role."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import make_url

from tend.settings import Environment, Settings

# `make test` runs the suite twice: TEND_TEST_DB=sqlite, then TEND_TEST_DB=postgres (with Redis).
TEST_DB = os.environ.get("TEND_TEST_DB", "sqlite")
POSTGRES_URL = os.environ.get(
    "TEND_TEST_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/tend_test"
)
REDIS_URL = os.environ.get("TEND_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
TEST_SECRET = "test-secret-key-0123456789-abcdefghijklmnop"
TEST_PASSWORD = "correct-horse-battery"
FROZEN_AT = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


def is_postgres() -> bool:
    return TEST_DB == "postgres"


def database_url(tmp_dir: str, name: str = "tend") -> str:
    if is_postgres():
        base = make_url(POSTGRES_URL)
        return (
            base.render_as_string(hide_password=False)
            if name == "tend"
            else (base.set(database=f"{base.database}_{name}").render_as_string(hide_password=False))
        )
    return f"sqlite+aiosqlite:///{tmp_dir}/{name}.sqlite3"


def make_settings(db_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "env": Environment.test,
        "database_url": db_url,
        "redis_url": REDIS_URL if is_postgres() else None,
        "secret_key": TEST_SECRET,
        "spa_dir": "/nonexistent-spa-dir",
        "outbox_sweep_seconds": 3600.0,
        "public_base_url": "http://testserver",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@dataclass
class SignedInUser:
    id: uuid.UUID
    email: str
    role: str
    access_token: str


def later(minutes: int) -> timedelta:
    return timedelta(minutes=minutes)
