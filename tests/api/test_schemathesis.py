"""Property-based API testing from the OpenAPI contract: no input produces a server error, and
responses match the documented schemas. Runs signed in as an admin so the deeper code paths are hit."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance
from sqlalchemy.pool import NullPool

from tend.api.deps import auth_policy
from tend.domain.security import issue_access_token
from tend.main import create_app
from tend.persistence.db import create_engine, create_sessionmaker
from tend.workers.deps import JobDeps
from tend.workers.mail import Mailer
from tests.harness import make_settings

# Built at import so schemathesis can read the contract; pointed at the test database per test below.
APP = create_app(make_settings("sqlite+aiosqlite:///:memory:"), run_sweeper=False)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture
async def admin_headers(make_user: Any, clock: Any, settings: Any) -> dict[str, str]:
    # The schemathesis client runs the app on its own event loop: no pooled connection may cross loops.
    engine = create_engine(settings.database_url, poolclass=NullPool)
    sessions = create_sessionmaker(engine)
    APP.state.settings, APP.state.clock, APP.state.engine, APP.state.sessions = (
        settings,
        clock,
        engine,
        sessions,
    )
    APP.state.job_deps = JobDeps(settings, sessions, clock, Mailer(settings, sessions, clock))
    user = await make_user("admin")
    token = issue_access_token(auth_policy(settings).jwt, user.id, clock.now(), user.session_version)
    return {"Authorization": f"Bearer {token}"}


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_input_causes_a_server_error(case: Any, admin_headers: dict[str, str]) -> None:
    case.call_and_validate(
        headers=admin_headers, excluded_checks=[negative_data_rejection, positive_data_acceptance]
    )
