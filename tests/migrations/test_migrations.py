"""One Alembic history for both databases: up, down, up again, and the models match the migrations."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from tend.cli import alembic_config
from tend.persistence.db import create_engine
from tend.persistence.tables import metadata
from tests.conftest import reset_postgres_database
from tests.harness import database_url, is_postgres


async def _fresh_url(tmp_path: Path) -> str:
    url = database_url(str(tmp_path), "migrations")
    if is_postgres():
        await reset_postgres_database(url)
    return url


async def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return set(await connection.run_sync(lambda c: inspect(c).get_table_names()))
    finally:
        await engine.dispose()


async def _diff(url: str) -> list[Any]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:

            def compare(sync_connection: Any) -> list[Any]:
                context = MigrationContext.configure(
                    sync_connection, opts={"compare_type": True, "compare_server_default": True}
                )
                return list(compare_metadata(context, metadata))

            return await connection.run_sync(compare)
    finally:
        await engine.dispose()


async def test_upgrade_downgrade_upgrade_and_models_match(tmp_path: Path) -> None:
    url = await _fresh_url(tmp_path)
    config = alembic_config(url)
    await asyncio.to_thread(command.upgrade, config, "head")  # type: ignore[arg-type]
    expected = {table.name for table in metadata.sorted_tables}
    assert expected <= await _tables(url)

    await asyncio.to_thread(command.downgrade, config, "base")  # type: ignore[arg-type]
    assert await _tables(url) <= {"alembic_version"}

    await asyncio.to_thread(command.upgrade, config, "head")  # type: ignore[arg-type]
    assert expected <= await _tables(url)
    assert await _diff(url) == []
