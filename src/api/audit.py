"""The audit trail, for admins."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query

from tend.api.deps import AdminDep, ContextDep, PageDep
from tend.api.errors import problem_responses
from tend.api.schemas import OutputModel, PageOut, SafeStr
from tend.domain import audit

router = APIRouter(prefix="/audit-events", tags=["audit"])


class AuditEventOut(OutputModel):
    id: uuid.UUID
    occurred_at: datetime
    actor_user_id: uuid.UUID | None
    actor_api_key_id: uuid.UUID | None
    action: str
    object_type: str | None
    object_id: str | None
    request_id: str | None
    details: dict[str, Any]


class AuditEventPage(PageOut[AuditEventOut]):
    pass


@router.get("", response_model=AuditEventPage, responses=problem_responses(401, 403, 422))
async def list_audit_events(
    _admin: AdminDep,
    ctx: ContextDep,
    page: PageDep,
    object_type: Annotated[SafeStr | None, Query(max_length=60)] = None,
) -> AuditEventPage:
    return AuditEventPage.of(await audit.list_events(ctx, page, object_type=object_type), AuditEventOut)
