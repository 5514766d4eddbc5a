"""Background jobs for admins: what ran, what is waiting, what died (and retrying it)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from tend.api.deps import AdminDep, ContextDep, PageDep
from tend.api.errors import problem_responses
from tend.api.schemas import OutputModel, PageOut
from tend.core.enums import JobStatus
from tend.domain.platform import jobs

router = APIRouter(prefix="/jobs", tags=["jobs"])


class JobOut(OutputModel):
    id: uuid.UUID
    job_name: str
    status: JobStatus
    attempts: int
    max_attempts: int
    created_at: datetime
    run_after: datetime
    finished_at: datetime | None
    last_error: str | None


class JobPage(PageOut[JobOut]):
    pass


@router.get("", response_model=JobPage, responses=problem_responses(401, 403))
async def list_jobs(
    _admin: AdminDep, ctx: ContextDep, page: PageDep, status: Annotated[JobStatus | None, Query()] = None
) -> JobPage:
    return JobPage.of(await jobs.list_jobs(ctx, page, status), JobOut)


@router.post("/{job_id}/retry", response_model=JobOut, responses=problem_responses(401, 403, 404, 409))
async def retry_job(job_id: uuid.UUID, _admin: AdminDep, ctx: ContextDep) -> JobOut:
    """Runs a dead job again with a fresh set of attempts."""
    return JobOut.model_validate(await jobs.retry_dead_job(ctx, job_id))
