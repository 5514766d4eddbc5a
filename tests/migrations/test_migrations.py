"""One Alembic history for both databases: up, down, up again, and the models match the migrations."""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

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


async def test_a_practice_s_single_client_word_becomes_its_default_language_s(tmp_path: Path) -> None:
    """0010: "paciente" typed when there was one word belongs to the practice's language, not to English."""
    url = await _fresh_url(tmp_path)
    config = alembic_config(url)
    await asyncio.to_thread(command.upgrade, config, "0009")  # type: ignore[arg-type]
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO practice_settings (id, singleton, name, time_zone, currencies,"
                    " default_currency, no_show_fees, late_cancel_fees, late_cancel_window_hours,"
                    " fees_count_toward_commission,"
                    " reminder_send_hour, monthly_survey_enabled, monthly_survey_day, default_locale,"
                    " client_label, rating_anonymity_floor, updated_at) VALUES (:id, 1, 'P', 'America/Lima',"
                    " '[\"PEN\"]', 'PEN', '{}', '{}', 24, false, 9, false, 1, 'es', 'paciente', 3,"
                    " '2026-12-01 10:00:00+00:00')"
                ),
                {"id": uuid.uuid4().hex if not is_postgres() else uuid.uuid4()},
            )
        await asyncio.to_thread(command.upgrade, config, "head")  # type: ignore[arg-type]
        async with engine.connect() as connection:
            row = (
                await connection.execute(
                    text("SELECT client_labels, slot_minutes, week_starts_on FROM practice_settings")
                )
            ).one()
        labels = row[0] if isinstance(row[0], dict) else json.loads(row[0])
        assert labels == {"es": "paciente"} and row[1] == 15 and row[2] == "monday"
        await asyncio.to_thread(command.downgrade, config, "0009")  # type: ignore[arg-type]
        async with engine.connect() as connection:
            read = await connection.execute(text("SELECT client_label FROM practice_settings"))
            label = read.scalar_one()
        assert label == "paciente"
    finally:
        await engine.dispose()
