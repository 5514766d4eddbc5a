"""The API contract when docs are private (production by default): `/openapi.json` only for a signed-in
user or an API key, and no interactive pages (they could not send credentials when fetching it)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from tend.api.deps import StaffDep
from tend.api.errors import problem_responses

router = APIRouter(tags=["docs"])


@router.get("/openapi.json", include_in_schema=False, responses=problem_responses(401, 403))
async def private_openapi(request: Request, _staff: StaffDep) -> dict[str, Any]:
    document: dict[str, Any] = request.app.openapi()
    return document
