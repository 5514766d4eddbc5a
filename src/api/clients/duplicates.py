"""Possible duplicates of a person being registered, and merging two records of one person.

The duplicate check is a POST so that names, phones and document numbers never travel in URLs."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Any, Literal

from fastapi import APIRouter
from pydantic import EmailStr, Field

from tend.api.clients.records import ClientOut
from tend.api.deps import ContextDep, StaffDep
from tend.api.errors import WRITE_ERRORS, problem_responses
from tend.api.schemas import InputModel, OutputModel
from tend.domain.clients import duplicates

router = APIRouter(prefix="/clients", tags=["clients"])

MergeField = StrEnum("MergeField", {name: name for name in duplicates.MERGED_FIELDS})  # type: ignore[misc]


class DuplicateReason(StrEnum):
    name_and_birth_date = "name_and_birth_date"
    phone = "phone"
    email = "email"
    id_number = "id_number"


class PossibleDuplicatesQuery(InputModel):
    first_name: str | None = Field(default=None, max_length=100)
    last_name: str | None = Field(default=None, max_length=100)
    date_of_birth: date | None = None
    phone: str | None = Field(default=None, max_length=40)
    email: EmailStr | None = Field(default=None, max_length=320)
    id_number: str | None = Field(default=None, max_length=40)
    exclude_client_id: uuid.UUID | None = Field(default=None, description="The record being edited.")


class PossibleDuplicateOut(OutputModel):
    client: ClientOut
    reasons: list[DuplicateReason]


class PossibleDuplicatesOut(OutputModel):
    items: list[PossibleDuplicateOut]


class MergeIn(InputModel):
    duplicate_id: uuid.UUID = Field(
        description="The other record of the same person; it becomes a tombstone."
    )
    dry_run: bool = Field(default=False, description="true: answer what would happen, change nothing.")
    take_from_duplicate: list[MergeField] = Field(
        default_factory=list,
        max_length=len(duplicates.MERGED_FIELDS),
        description="Fields taken from the duplicate; otherwise the survivor's value wins (or fills a gap).",
    )


class FieldChoiceOut(OutputModel):
    field: str
    survivor_value: Any
    duplicate_value: Any
    result_value: Any
    source: str = Field(description="`survivor` or `duplicate`.")


class MergeMovesOut(OutputModel):
    relationships: int
    enrollments: int
    practitioners: int
    custom_fields: int


class DroppedOut(OutputModel):
    what: Literal["relationship", "enrollment"]
    reason_code: Literal["between_merged", "already_related", "overlapping_enrollment"] = Field(
        description="between_merged: a relationship between the two records; already_related: the survivor "
        "has it already; overlapping_enrollment: overlaps the survivor's enrollment in `program`."
    )
    reason: str = Field(description="The same in English words.")
    program: str | None = None


class MergeOut(OutputModel):
    survivor: ClientOut
    duplicate_id: uuid.UUID
    dry_run: bool
    fields: list[FieldChoiceOut]
    moves: MergeMovesOut
    dropped: list[DroppedOut]


@router.post("/possible-duplicates", responses=problem_responses(401, 403, 422))
async def find_possible_duplicates(
    body: PossibleDuplicatesQuery, _staff: StaffDep, ctx: ContextDep
) -> PossibleDuplicatesOut:
    """Clients you may see who share a name and birth date, a phone, an e-mail or a document number with
    the person being registered. Ask before saving; registering anyway stays possible."""
    found = await duplicates.possible_duplicates(ctx, duplicates.DuplicateQuery(**body.model_dump()))
    return PossibleDuplicatesOut(
        items=[
            PossibleDuplicateOut(
                client=ClientOut.of(d.summary), reasons=[DuplicateReason(r) for r in d.reasons]
            )
            for d in found
        ]
    )


@router.post("/{client_id}/merge", responses=WRITE_ERRORS)
async def merge_client(client_id: uuid.UUID, body: MergeIn, _staff: StaffDep, ctx: ContextDep) -> MergeOut:
    """Merges `duplicate_id` into this client (the survivor). With `dry_run` nothing changes and the answer
    is exactly what the merge will do; without it, the merge happens in one transaction."""
    result = await duplicates.merge_clients(
        ctx,
        client_id,
        body.duplicate_id,
        dry_run=body.dry_run,
        take_from_duplicate=[str(f) for f in body.take_from_duplicate],
    )
    return MergeOut(
        survivor=ClientOut.of(result.survivor),
        duplicate_id=result.duplicate_id,
        dry_run=result.dry_run,
        fields=[FieldChoiceOut.model_validate(choice) for choice in result.fields],
        moves=MergeMovesOut.model_validate(result.moves),
        dropped=[DroppedOut.model_validate(d) for d in result.dropped],
    )
