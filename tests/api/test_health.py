from __future__ import annotations

import httpx


async def test_healthz_answers_ok(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


async def test_readyz_checks_database_and_redis_when_configured(
    client: httpx.AsyncClient, app: object
) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    checks = response.json()["checks"]
    assert checks["database"] == "ok"
    if app.state.settings.redis_url:  # type: ignore[attr-defined]
        assert checks["redis"] == "ok"
    else:
        assert "redis" not in checks


async def test_every_response_carries_a_request_id(client: httpx.AsyncClient) -> None:
    generated = await client.get("/healthz")
    assert len(generated.headers["x-request-id"]) >= 8
    echoed = await client.get("/healthz", headers={"X-Request-ID": "abc-12345678"})
    assert echoed.headers["x-request-id"] == "abc-12345678"
    unsafe = await client.get("/healthz", headers={"X-Request-ID": "<script>"})
    assert unsafe.headers["x-request-id"] != "<script>"
