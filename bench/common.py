"""What the database benches share: a migrated database to fill (a fresh SQLite file unless a URL is given),
planner statistics after the bulk load, and how timings are printed."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import text

from tend.cli import alembic_config
from tend.persistence.db import create_engine


async def migrated_database(url: str | None) -> str:
    """`url` (or a new SQLite file) migrated to the latest schema."""
    url = url or f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"
    await asyncio.to_thread(command.upgrade, alembic_config(url), "head")  # type: ignore[arg-type]
    return url


async def analyze(url: str) -> None:
    """Planner statistics, as a live database has them (PostgreSQL scans freshly bulk-loaded tables)."""
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("ANALYZE"))
    await engine.dispose()


def ms(samples: list[float]) -> str:
    p95 = sorted(samples)[int(len(samples) * 0.95)]
    return f"median {statistics.median(samples):8.2f} ms   p95 {p95:8.2f} ms"
