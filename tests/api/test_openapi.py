"""The committed contract (openapi/openapi.json) is exactly what the app serves."""

from __future__ import annotations

import json
import re
from typing import Any

from tend.main import create_app
from tend.settings import PROJECT_ROOT


def test_committed_openapi_matches_the_app() -> None:
    committed = json.loads((PROJECT_ROOT / "openapi" / "openapi.json").read_text(encoding="utf-8"))
    assert committed == create_app().openapi(), "The API changed: run `make openapi` and commit the result."


def test_operation_ids_are_tag_dash_name_and_unique() -> None:
    document: dict[str, Any] = create_app().openapi()
    operation_ids = [op["operationId"] for path in document["paths"].values() for op in path.values()]
    assert len(operation_ids) == len(set(operation_ids))
    for operation_id in operation_ids:
        assert re.fullmatch(r"[a-z][a-z-]*-[a-z_]+", operation_id), operation_id


async def test_docs_and_schema_are_served(client: Any) -> None:
    assert (await client.get("/openapi.json")).json()["info"]["title"] == "Tend API"
    docs = await client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
