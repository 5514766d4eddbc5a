"""The `tend` command, run as a user would (Typer's runner, real database)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tend import cli
from tend.settings import get_settings


@pytest.fixture
def tend(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    monkeypatch.setenv("TEND_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/cli.sqlite3")
    monkeypatch.setenv("TEND_ENV", "development")
    monkeypatch.delenv("TEND_REDIS_URL", raising=False)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def _counts(tmp_path: Path) -> dict[str, int]:
    import sqlite3

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
    with sqlite3.connect(tmp_path / "cli.sqlite3") as db:
        return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}


def test_migrate_seed_and_create_user(tend: CliRunner, tmp_path: Path) -> None:
    assert tend.invoke(cli.app, ["migrate"]).exit_code == 0
    seeded = tend.invoke(cli.app, ["seed-demo"])
    assert seeded.exit_code == 0 and "admin@tend.example / tend-demo-admin" in seeded.output
    assert "frontdesk@tend.example / tend-demo-front" in seeded.output
    assert "clinician@tend.example / tend-demo-clinician" in seeded.output
    counts = _counts(tmp_path)
    assert counts["clients"] == 150 and counts["practitioners"] == 8 and counts["users"] == 3
    assert counts["client_relationships"] == 2 * 24  # every minor linked to a guardian, both directions
    assert counts["locations"] == 2 and counts["rooms"] == 3
    assert counts["appointments"] > 400  # weekly/fortnightly sessions, supervision blocks, a group
    with sqlite3.connect(tmp_path / "cli.sqlite3") as db:
        statuses = dict(db.execute("SELECT status, count(*) FROM appointments GROUP BY status").fetchall())
        groups = db.execute("SELECT count(DISTINCT group_id) FROM appointments").fetchone()[0]
    assert set(statuses) == {"scheduled", "attended", "no_show", "late_cancelled", "cancelled"}
    assert statuses["attended"] > statuses["no_show"] > 0 and groups >= 1
    again = tend.invoke(cli.app, ["seed-demo"])
    assert again.exit_code == 0, "seed-demo must be safe to run twice"
    assert _counts(tmp_path) == counts

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
    with sqlite3.connect(tmp_path / "cli.sqlite3") as db:
        name, practitioner_id = db.execute(
            "SELECT name, id FROM practitioners p WHERE NOT EXISTS "
            "(SELECT 1 FROM users u WHERE u.practitioner_id = p.id) ORDER BY name LIMIT 1"
        ).fetchone()
    linked = tend.invoke(
        cli.app,
        [*clinician, "--practitioner", f" {name.upper()} ", "--password", "x" * 12],
    )
    assert linked.exit_code == 0, linked.output
    with sqlite3.connect(tmp_path / "cli.sqlite3") as db:
        stored = db.execute("SELECT practitioner_id FROM users WHERE email = 'c@example.com'").fetchone()[0]
    assert stored.replace("-", "") == str(practitioner_id).replace("-", "")

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


def test_worker_needs_redis(tend: CliRunner) -> None:
    result = tend.invoke(cli.app, ["worker"])
    assert result.exit_code != 0
    assert "TEND_REDIS_URL" in str(result.exception) + result.output
