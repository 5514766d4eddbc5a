"""The `tend` command, run as a user would (Typer's runner), on the database under test: a SQLite file in
the SQLite pass; in the PostgreSQL pass its own PostgreSQL database and the test Redis, as in production."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from tend import cli
from tend.persistence.db import create_engine
from tend.settings import get_settings
from tests.conftest import reset_postgres_database
from tests.harness import REDIS_URL, database_url, is_postgres


@pytest.fixture
def cli_db(tmp_path: Path) -> str:
    url = database_url(str(tmp_path), "cli")
    if is_postgres():
        asyncio.run(reset_postgres_database(url))
    return url


@pytest.fixture
def tend(monkeypatch: pytest.MonkeyPatch, cli_db: str) -> Iterator[CliRunner]:
    monkeypatch.setenv("TEND_DATABASE_URL", cli_db)
    monkeypatch.setenv("TEND_ENV", "development")
    if is_postgres():
        monkeypatch.setenv("TEND_REDIS_URL", REDIS_URL)
    else:
        monkeypatch.delenv("TEND_REDIS_URL", raising=False)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def _rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    """What `sql` reads from the CLI's database (its own engine and loop: the CLI ran its own too)."""

    async def read() -> list[tuple[Any, ...]]:
        engine = create_engine(url)
        try:
            async with engine.connect() as connection:
                return [tuple(row) for row in (await connection.execute(text(sql))).all()]
        finally:
            await engine.dispose()

    return asyncio.run(read())


def _count_query(tables: list[str]) -> str:
    """One query (one engine, one round trip) counting the rows of each table."""
    return "SELECT " + ", ".join(f"(SELECT count(*) FROM {table})" for table in tables)


def _settling_again_changes_nothing(url: str) -> None:
    """The seed marks its `appointment_changed` jobs done instead of running them one by one (they would take
    most of its time): their whole effect, settling each started session's money, is what the seed did itself.
    So running that effect again for every started session, as the jobs would, must post nothing."""
    from tend.core.clock import SystemClock
    from tend.domain.context import Actor, Context
    from tend.domain.ledger import charges
    from tend.domain.scheduling import appointments
    from tend.persistence.db import create_sessionmaker, unit_of_work

    money = _count_query(["ledger_entries", "bills", "allocations"])
    before = _rows(url, money)

    async def settle_every_session() -> int:
        engine = create_engine(url)
        try:
            sessions = create_sessionmaker(engine)
            async with unit_of_work(sessions) as session:
                ctx = Context(session=session, clock=SystemClock(), actor=Actor.system())
                started = await appointments.past_session_ids(ctx)
                for appointment_id in started:
                    await charges.settle_appointment(ctx, appointment_id)
                return len(started)
        finally:
            await engine.dispose()

    assert asyncio.run(settle_every_session()) > 400
    assert _rows(url, money) == before, "the seed's money differs from what the appointment jobs would post"


def _counts(url: str) -> dict[str, int]:
    tables = [
        "clients",
        "practitioners",
        "users",
        "client_relationships",
        "locations",
        "rooms",
        "enrollments",
        "appointments",
    ]
    [counts] = _rows(url, _count_query(tables))
    return dict(zip(tables, counts, strict=True))


def test_migrate_seed_and_create_user(tend: CliRunner, cli_db: str) -> None:
    assert tend.invoke(cli.app, ["migrate"]).exit_code == 0
    seeded = tend.invoke(cli.app, ["seed-demo"])
    assert seeded.exit_code == 0 and "admin@tend.example / tend-demo-admin" in seeded.output
    assert "frontdesk@tend.example / tend-demo-front" in seeded.output
    assert "clinician@tend.example / tend-demo-clinician" in seeded.output
    counts = _counts(cli_db)
    assert counts["clients"] == 150 and counts["practitioners"] == 8 and counts["users"] == 3
    assert counts["client_relationships"] == 2 * 24  # every minor linked to a guardian, both directions
    assert counts["locations"] == 2 and counts["rooms"] == 3
    assert counts["appointments"] > 400  # weekly/fortnightly sessions, supervision blocks, a group
    statuses = {
        str(s): n for s, n in _rows(cli_db, "SELECT status, count(*) FROM appointments GROUP BY status")
    }
    groups = _rows(cli_db, "SELECT count(DISTINCT group_id) FROM appointments")[0][0]
    assert set(statuses) == {"scheduled", "attended", "no_show", "late_cancelled", "cancelled"}
    assert statuses["attended"] > statuses["no_show"] > 0 and groups >= 1
    _settling_again_changes_nothing(cli_db)
    again = tend.invoke(cli.app, ["seed-demo"])
    assert again.exit_code == 0, "seed-demo must be safe to run twice"
    assert _counts(cli_db) == counts

    created = tend.invoke(
        cli.app,
        ["users", "create", "ana@example.com", "--name", "Ana", "--role", "front_desk"],
        input="long-enough-pw\nlong-enough-pw\n",
    )
    assert created.exit_code == 0, created.output
    assert "Created front_desk ana@example.com" in created.output

    duplicate = tend.invoke(
        cli.app, ["users", "create", "ANA@example.com", "--name", "Ana", "--password", "long-enough-pw"]
    )
    assert duplicate.exit_code == 2 and "already exists" in duplicate.output

    clinician = ["users", "create", "c@example.com", "--name", "C", "--role", "clinician"]
    unlinked = tend.invoke(cli.app, [*clinician, "--password", "x" * 12])
    assert unlinked.exit_code == 2 and "linked to their practitioner" in unlinked.output
    nobody = tend.invoke(
        cli.app,
        [*clinician, "--practitioner", "Nadie", "--password", "x" * 12],
    )
    assert nobody.exit_code == 2 and "No practitioner 'Nadie'" in nobody.output
    [(name, practitioner_id)] = _rows(
        cli_db,
        "SELECT name, id FROM practitioners p WHERE NOT EXISTS "
        "(SELECT 1 FROM users u WHERE u.practitioner_id = p.id) ORDER BY name LIMIT 1",
    )
    linked = tend.invoke(
        cli.app,
        [*clinician, "--practitioner", f" {name.upper()} ", "--password", "x" * 12],
    )
    assert linked.exit_code == 0, linked.output
    [(stored,)] = _rows(cli_db, "SELECT practitioner_id FROM users WHERE email = 'c@example.com'")
    assert str(stored).replace("-", "") == str(practitioner_id).replace("-", "")

    bad_role = tend.invoke(
        cli.app, ["users", "create", "b@example.com", "--name", "B", "--role", "boss", "--password", "x" * 12]
    )
    assert bad_role.exit_code == 2 and "role must be one of" in bad_role.output


def test_seed_demo_refuses_outside_development(tend: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEND_ENV", "production")
    monkeypatch.setenv("TEND_SECRET_KEY", "p" * 40)
    get_settings.cache_clear()
    result = tend.invoke(cli.app, ["seed-demo"])
    assert result.exit_code == 2 and "Refusing" in result.output


def test_export_openapi_writes_the_contract(tend: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "openapi.json"
    assert tend.invoke(cli.app, ["export-openapi", "--output", str(target)]).exit_code == 0
    document = json.loads(target.read_text())
    assert "/api/v1/auth/login" in document["paths"]


def test_worker_needs_redis(tend: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEND_REDIS_URL", raising=False)
    get_settings.cache_clear()
    result = tend.invoke(cli.app, ["worker"])
    assert result.exit_code != 0
    assert "TEND_REDIS_URL" in str(result.exception) + result.output
