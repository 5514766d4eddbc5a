"""The `tend` command: serve, worker, migrate, users create, seed-demo, export-openapi."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from tend.settings import PROJECT_ROOT, get_settings

app = typer.Typer(help="Tend: front office for small behavioral-health practices.", no_args_is_help=True)
users_app = typer.Typer(help="Manage staff users.", no_args_is_help=True)
app.add_typer(users_app, name="users")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (PostgreSQL + Redis setups).")] = 1,
) -> None:
    """Serve the API and the web app."""
    import uvicorn

    from tend.logs import configure_logging

    configure_logging(get_settings().log_level)  # this process's own lines; each API process sets up its own
    uvicorn.run(
        "tend.main:served_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=None,
        # The app believes forwarded headers only from TEND_TRUSTED_PROXIES (see create_app), never
        # uvicorn's default of 127.0.0.1, which would let anyone on the machine choose their address.
        proxy_headers=False,
        access_log=False,
    )


@app.command()
def worker() -> None:
    """Run background jobs from Redis (arq). Needs TEND_REDIS_URL."""
    import logging
    import time

    from arq.worker import run_worker

    from tend.logs import configure_logging
    from tend.workers.arq_worker import WorkerSettings, redis_settings

    redis = redis_settings()  # refuses first when Redis is not configured
    configure_logging(get_settings().log_level)
    log = logging.getLogger("tend.worker")
    pause = 1.0
    while True:
        # arq stops when it loses Redis; a worker outlives the outage instead of needing a supervisor.
        # Nothing is lost meanwhile: jobs wait in the outbox table and the sweep hands them over again.
        started = time.monotonic()
        try:
            run_worker(WorkerSettings, redis_settings=redis)  # type: ignore[arg-type]
            return  # stopped on purpose (SIGINT/SIGTERM)
        except (ConnectionError, OSError, TimeoutError) as exc:
            log.warning("lost Redis; reconnecting", extra={"error": type(exc).__name__})
        except Exception as exc:  # redis' own connection errors
            if "redis" not in type(exc).__module__:
                raise
            log.warning("lost Redis; reconnecting", extra={"error": type(exc).__name__})
        pause = 1.0 if time.monotonic() - started > 60 else min(pause * 2, 10.0)
        time.sleep(pause)


def alembic_config(database_url: str | None = None) -> object:
    from alembic.config import Config

    # A source checkout has alembic.ini beside src/; an installed image runs from its app directory.
    root = next((d for d in (PROJECT_ROOT, Path.cwd()) if (d / "alembic.ini").is_file()), PROJECT_ROOT)
    config = Config(str(root / "alembic.ini"))
    config.set_main_option("script_location", str(root / "migrations"))
    if database_url:
        config.attributes["database_url"] = database_url
    return config


@app.command()
def migrate(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Bring the database schema up to date."""
    from alembic import command

    command.upgrade(alembic_config(), revision)  # type: ignore[arg-type]
    typer.echo(f"Database migrated to {revision}.")


@users_app.command("create")
def users_create(
    email: Annotated[str, typer.Argument(help="Sign-in e-mail.")],
    name: Annotated[str, typer.Option(help="Full name.")],
    role: Annotated[str, typer.Option(help="admin, front_desk or clinician.")] = "admin",
    practitioner: Annotated[
        str | None,
        typer.Option(help="A clinician's practitioner record: its id or its name (required for clinicians)."),
    ] = None,
    password: Annotated[
        str,
        typer.Option(prompt=True, hide_input=True, confirmation_prompt=True, help="At least 10 characters."),
    ] = "",
) -> None:
    """Create a staff user."""
    from tend.operations import create_user_now

    try:
        user_id = asyncio.run(
            create_user_now(email=email, name=name, role=role, password=password, practitioner=practitioner)
        )
    except ValueError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"Created {role} {email} ({user_id}).")


@app.command("seed-demo")
def seed_demo() -> None:
    """Load demo data (development only; safe to run again)."""
    from tend.operations import seed_demo_now

    settings = get_settings()
    if not settings.is_development:
        typer.echo("Refusing to load demo data outside development (TEND_ENV=development).", err=True)
        raise typer.Exit(2)
    logins = asyncio.run(seed_demo_now())
    for login in logins:
        typer.echo(f"Demo login ({login.role}): {login.email} / {login.password}")


@app.command()
def tick() -> None:
    """Record this period's scheduled jobs now (the sweeps do it every few seconds; safe to run anytime)."""
    from tend.operations import tick_now

    typer.echo(f"{asyncio.run(tick_now())} new scheduled job(s)")


@app.command("export-openapi")
def export_openapi(
    output: Annotated[Path, typer.Option(help="File to write ('-' for stdout).")] = PROJECT_ROOT
    / "openapi"
    / "openapi.json",
) -> None:
    """Write the API contract (OpenAPI JSON)."""
    from tend.main import openapi_document

    text = json.dumps(openapi_document(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if str(output) == "-":
        sys.stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        typer.echo(f"Wrote {output}")
