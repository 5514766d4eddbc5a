"""Property-based API testing from the OpenAPI contract: no input produces a server error, and
responses match the documented schemas. Runs signed in as an admin so the deeper code paths are hit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from tend.api.deps import auth_policy
from tend.domain.security import issue_access_token
from tend.main import create_app
from tests.harness import make_settings

# Read once for the operations to generate; never called (every case goes to the fresh app below).
schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(make_settings("sqlite+aiosqlite:///:memory:"), run_sweeper=False)
)


@pytest.fixture(scope="module")
def fresh_app(settings: Any, _run_clock: Any) -> Iterator[Any]:
    """One app on the test database for every operation (the database is emptied after each). Schemathesis
    runs it, lifespan included, on its own event loop thread for the rest of the process; so its engine and
    Redis pool live on that loop, and its lifespan ends there (schemathesis' shutdown) after the module."""
    yield create_app(settings, _run_clock, run_sweeper=False)
    asgi.shutdown_lifespans()


@pytest.fixture
async def admin_headers(make_user: Any, clock: Any, settings: Any) -> dict[str, str]:
    user = await make_user("admin")
    token = issue_access_token(auth_policy(settings).jwt, user.id, clock.now(), user.session_version)
    return {"Authorization": f"Bearer {token}"}


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_input_causes_a_server_error(
    case: Any, fresh_app: Any, clock: Any, admin_headers: dict[str, str]
) -> None:
    case.call_and_validate(
        app=fresh_app,
        headers=admin_headers,
        excluded_checks=[negative_data_rejection, positive_data_acceptance],
    )
