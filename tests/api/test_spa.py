"""The built SPA is served at / with a client-side routing fallback; API paths never fall back to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from tend.main import create_app


@pytest.fixture
async def spa_client(settings: Any, clock: Any, engine: Any, tmp_path: Path) -> Any:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>Tend</title><div id=root></div>")
    (tmp_path / "assets" / "app-123.js").write_text("console.log('tend')")
    (tmp_path.parent / "secret.txt").write_text("do not serve")
    app = create_app(settings.model_copy(update={"spa_dir": tmp_path}), clock, run_sweeper=False)
    transport = httpx.ASGITransport(app=app)
    async with LifespanManager(app), httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        yield http


async def test_index_and_client_side_routes_get_the_app_shell(spa_client: httpx.AsyncClient) -> None:
    for path in ("/", "/clients", "/clients/123/ledger", "/login"):
        response = await spa_client.get(path)
        assert response.status_code == 200, path
        assert "<title>Tend</title>" in response.text
        assert response.headers["cache-control"] == "no-cache"


async def test_hashed_assets_are_served_with_long_caching(spa_client: httpx.AsyncClient) -> None:
    response = await spa_client.get("/assets/app-123.js")
    assert response.status_code == 200 and "tend" in response.text
    assert "immutable" in response.headers["cache-control"]


async def test_a_missing_asset_is_404_not_the_app_shell(spa_client: httpx.AsyncClient) -> None:
    response = await spa_client.get("/assets/app-old.js")
    assert response.status_code == 404
    assert "<title>" not in response.text


async def test_api_paths_never_fall_back_to_the_app(spa_client: httpx.AsyncClient) -> None:
    for path in ("/api/v1/nothing", "/public/v1/nothing"):
        response = await spa_client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"


async def test_files_outside_the_build_are_not_served(spa_client: httpx.AsyncClient) -> None:
    response = await spa_client.get("/..%2fsecret.txt")
    assert "do not serve" not in response.text


async def test_without_a_build_the_404_says_how_to_build(client: httpx.AsyncClient) -> None:
    response = await client.get("/clients")
    assert response.status_code == 404
    assert "make run" in response.json()["detail"]
