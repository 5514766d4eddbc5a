"""Relationships between clients (parent/guardian, partner, sibling...), shown on both clients."""

from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter, Response, status
from pydantic import Field

from tend.api.deps import ContextDep, StaffDep
from tend.api.errors import READ_ERRORS, WRITE_ERRORS, problem_responses
from tend.api.schemas import InputModel, OutputModel, PatchModel
from tend.core.enums import RelationshipType
from tend.domain.clients import relationships

router = APIRouter(prefix="/clients", tags=["clients"])


class RelatedClientRef(OutputModel):
    id: uuid.UUID
    first_name: str
    last_name: str
    preferred_name: str | None
    email: str | None = Field(description="null when `readable` is false.")
    phone: str | None = Field(description="null when `readable` is false.")
    readable: bool = Field(
        description="Whether you may open this client's record; a clinician sees people outside her "
        "caseload by name only."
    )

    @classmethod
    def of(cls, view: relationships.RelatedClient) -> RelatedClientRef:
        if view.related_readable:
            return cls.from_record(view.related, readable=True)
        return cls.from_record(view.related, readable=False, email=None, phone=None)


class RelationshipFlags(InputModel):
    legal_guardian: bool = Field(
        default=False, description="The related client is this client's legal guardian."
    )
    responsible_for_billing: bool = False
    emergency_contact: bool = False


class RelationshipCreate(RelationshipFlags):
    related_client_id: uuid.UUID
    relationship_type: RelationshipType = Field(
        description="How the related client stands to this one: `parent_guardian` means the related client "
        "is this client's parent or guardian (the other client then shows this one as `child`)."
    )


class RelationshipUpdate(PatchModel):
    not_null = frozenset(
        {"relationship_type", "legal_guardian", "responsible_for_billing", "emergency_contact"}
    )

    relationship_type: RelationshipType | None = None
    legal_guardian: bool | None = None
    responsible_for_billing: bool | None = None
    emergency_contact: bool | None = None


class RelationshipOut(OutputModel):
    id: uuid.UUID
    related_client: RelatedClientRef
    relationship_type: RelationshipType
    legal_guardian: bool
    responsible_for_billing: bool
    emergency_contact: bool
    created_at: datetime

    @classmethod
    def of(cls, view: relationships.RelatedClient) -> RelationshipOut:
        return cls.from_record(view.relationship, related_client=RelatedClientRef.of(view))


@router.get("/{client_id}/relationships", responses=READ_ERRORS)
async def list_relationships(
    client_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep
) -> list[RelationshipOut]:
    return [RelationshipOut.of(v) for v in await relationships.list_relationships(ctx, client_id)]


@router.post("/{client_id}/relationships", status_code=201, responses=WRITE_ERRORS)
async def add_relationship(
    client_id: uuid.UUID, body: RelationshipCreate, _staff: StaffDep, ctx: ContextDep
) -> RelationshipOut:
    new = relationships.NewRelationship(**body.model_dump())
    return RelationshipOut.of(await relationships.add_relationship(ctx, client_id, new))


@router.patch("/{client_id}/relationships/{relationship_id}", responses=problem_responses(401, 403, 404, 422))
async def update_relationship(
    client_id: uuid.UUID,
    relationship_id: uuid.UUID,
    body: RelationshipUpdate,
    _staff: StaffDep,
    ctx: ContextDep,
) -> RelationshipOut:
    changes = relationships.RelationshipChanges(**body.changes())
    return RelationshipOut.of(
        await relationships.update_relationship(ctx, client_id, relationship_id, changes)
    )


@router.delete(
    "/{client_id}/relationships/{relationship_id}",
    status_code=204,
    response_class=Response,
    responses=READ_ERRORS,
)
async def delete_relationship(
    client_id: uuid.UUID, relationship_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep
) -> Response:
    """Removes the relationship from both clients."""
    await relationships.delete_relationship(ctx, client_id, relationship_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
