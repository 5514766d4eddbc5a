"""Headers every response carries, and the API contract kept private in production."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from tend.main import create_app
from tend.settings import Environment, Settings


@pytest.mark.parametrize("path", ["/healthz", "/api/v1/auth/me", "/api/v1/nothing-here", "/clients"])
async def test_every_response_carries_the_security_headers(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self';" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


async def test_api_responses_with_personal_data_are_not_cached(client_as: Any) -> None:
    admin = await client_as("admin")
    response = await admin.get("/api/v1/clients")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"


async def test_method_not_allowed_names_the_allowed_methods(client: httpx.AsyncClient) -> None:
    response = await client.delete("/api/v1/auth/login")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    both = await client.put("/api/v1/practice")
    assert both.status_code == 405
    assert both.headers["allow"] == "GET, HEAD, PATCH"
    assert response.json()["code"] == "method_not_allowed"


@pytest.fixture
async def private_docs_client(
    settings: Settings, clock: Any, engine: Any
) -> AsyncIterator[httpx.AsyncClient]:
    application = create_app(
        settings.model_copy(update={"docs_require_login": True}), clock, run_sweeper=False
    )
    async with LifespanManager(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


async def test_private_docs_need_credentials(private_docs_client: httpx.AsyncClient, signed_in: Any) -> None:
    assert (await private_docs_client.get("/openapi.json")).status_code == 401
    assert (await private_docs_client.get("/docs")).status_code == 404
    assert (await private_docs_client.get("/redoc")).status_code == 404
    user = await signed_in("front_desk")
    contract = await private_docs_client.get(
        "/openapi.json", headers={"Authorization": f"Bearer {user.access_token}"}
    )
    assert contract.status_code == 200
    assert contract.json()["info"]["title"] == "Tend API"


def test_docs_are_private_by_default_in_production_only() -> None:
    production = Settings(env=Environment.production, secret_key="s" * 40)  # type: ignore[arg-type]
    assert production.docs_are_private
    assert not Settings(env=Environment.development).docs_are_private
    assert not Settings(
        env=Environment.production, secret_key="s" * 40, docs_require_login=False
    ).docs_are_private  # type: ignore[arg-type]


async def test_a_trailing_slash_is_not_redirected_to_the_host_a_caller_names(client_as: Any) -> None:
    """Starlette redirected /path/ to /path on the request's own Host header: an open redirect."""
    admin = await client_as("admin")
    response = await admin.get("/api/v1/clients/", headers={"Host": "evil.example"}, follow_redirects=False)
    assert response.status_code == 404 and "location" not in response.headers
    assert response.json()["code"] == "not_found"
