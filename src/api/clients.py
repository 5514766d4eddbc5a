"""Client records, their relationships and program enrollments.

Every route that takes a client id answers 404 for a client the caller may not see (a clinician sees
only clients assigned to their practitioner)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status
from pydantic import EmailStr, Field

from tend.api.deps import ContextDep, PageDep, StaffDep
from tend.api.errors import problem_responses
from tend.api.schemas import InputModel, OutputModel, PageOut, SafeStr
from tend.domain import clients, enrollments, relationships
from tend.domain.clients import ClientSummary
from tend.persistence.client_tables import ClientStatus, RelationshipType
from tend.persistence.tables import Locale

router = APIRouter(prefix="/api/v1/clients", tags=["clients"])
Name = Annotated[str, Field(min_length=1, max_length=100)]


class ClientFields(InputModel):
    preferred_name: str | None = Field(default=None, max_length=100)
    date_of_birth: date | None = None
    phone: str | None = Field(default=None, max_length=40)
    email: EmailStr | None = Field(default=None, max_length=320)
    id_number: str | None = Field(default=None, max_length=40, description="National ID / document number.")
    address: str | None = Field(default=None, max_length=500)
    preferred_language: Locale | None = None
    reminder_consent_email: bool = False
    reminder_consent_sms: bool = False
    reminder_consent_voice: bool = False


class ClientCreate(ClientFields):
    first_name: Name
    last_name: Name
    status: ClientStatus = ClientStatus.active
    registered_on: date | None = Field(default=None, description="Defaults to today in the practice's zone.")
    practitioner_ids: list[uuid.UUID] = Field(default_factory=list, max_length=20)
    custom_fields: dict[str, Any] = Field(default_factory=dict, description="Values by custom field key.")


class ClientUpdate(ClientFields):
    first_name: Name | None = None
    last_name: Name | None = None
    status: ClientStatus | None = None
    registered_on: date | None = None
    reminder_consent_email: bool | None = None  # type: ignore[assignment]
    reminder_consent_sms: bool | None = None  # type: ignore[assignment]
    reminder_consent_voice: bool | None = None  # type: ignore[assignment]
    practitioner_ids: list[uuid.UUID] | None = Field(default=None, max_length=20)
    custom_fields: dict[str, Any] | None = Field(
        default=None, description="Keys sent replace; null clears a key."
    )


class PractitionerRef(OutputModel):
    id: uuid.UUID
    name: str
    color: str


class ProgramRef(OutputModel):
    id: uuid.UUID
    name: str


class BalanceOut(OutputModel):
    currency: str
    amount_minor: int = Field(description="Positive: the client owes; negative: credit.")


class ClientOut(OutputModel):
    id: uuid.UUID
    first_name: str
    last_name: str
    preferred_name: str | None
    date_of_birth: date | None
    phone: str | None
    email: str | None
    id_number: str | None
    address: str | None
    status: ClientStatus
    preferred_language: Locale | None
    reminder_consent_email: bool
    reminder_consent_sms: bool
    reminder_consent_voice: bool
    registered_on: date
    custom_fields: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    practitioners: list[PractitionerRef]
    current_programs: list[ProgramRef]
    sessions_attended: int
    balances: list[BalanceOut]

    @classmethod
    def of(cls, summary: ClientSummary) -> ClientOut:
        client = summary.client
        fields = {name: getattr(client, name) for name in cls.model_fields if hasattr(client, name)}
        return cls.model_validate(
            {
                **fields,
                "practitioners": [PractitionerRef.model_validate(p) for p in summary.practitioners],
                "current_programs": [ProgramRef.model_validate(p) for p in summary.current_programs],
                "sessions_attended": summary.sessions_attended,
                "balances": [BalanceOut.model_validate(b) for b in summary.balances],
            }
        )


class ClientPage(PageOut[ClientOut]):
    pass


class RelatedClientRef(OutputModel):
    id: uuid.UUID
    first_name: str
    last_name: str
    preferred_name: str | None
    email: str | None
    phone: str | None


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


class RelationshipUpdate(InputModel):
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
        r = view.relationship
        return cls(
            id=r.id,
            related_client=RelatedClientRef.model_validate(view.related),
            relationship_type=r.relationship_type,
            legal_guardian=r.legal_guardian,
            responsible_for_billing=r.responsible_for_billing,
            emergency_contact=r.emergency_contact,
            created_at=r.created_at,
        )


class EnrollmentCreate(InputModel):
    program_id: uuid.UUID
    start_date: date
    end_date: date | None = None


class EnrollmentUpdate(InputModel):
    start_date: date | None = None
    end_date: date | None = Field(default=None, description="Set to end the enrollment; null reopens it.")


class EnrollmentOut(OutputModel):
    id: uuid.UUID
    program: ProgramRef
    start_date: date
    end_date: date | None

    @classmethod
    def of(cls, view: enrollments.EnrollmentView) -> EnrollmentOut:
        e = view.enrollment
        return cls(
            id=e.id,
            program=ProgramRef.model_validate(view.program),
            start_date=e.start_date,
            end_date=e.end_date,
        )


def _sent(body: InputModel, required: tuple[str, ...] = ()) -> dict[str, Any]:
    return body.model_dump(exclude_unset=True)


# ---- clients -------------------------------------------------------------------------------------


@router.get("", response_model=ClientPage, responses=problem_responses(401, 403))
async def list_clients(
    _staff: StaffDep,
    ctx: ContextDep,
    page: PageDep,
    q: Annotated[
        SafeStr | None, Query(max_length=200, description="Name, phone, e-mail or ID; accents ignored.")
    ] = None,
    status: Annotated[ClientStatus | None, Query()] = None,
    practitioner_id: Annotated[uuid.UUID | None, Query()] = None,
    program_id: Annotated[uuid.UUID | None, Query(description="Currently enrolled in this program.")] = None,
) -> ClientPage:
    result, summaries = await clients.list_clients(
        ctx, page, query=q, status=status, practitioner_id=practitioner_id, program_id=program_id
    )
    return ClientPage(items=[ClientOut.of(s) for s in summaries], next_cursor=result.next_cursor)


@router.post("", response_model=ClientOut, status_code=201, responses=problem_responses(401, 403, 422))
async def create_client(body: ClientCreate, _staff: StaffDep, ctx: ContextDep) -> ClientOut:
    return ClientOut.of(await clients.create_client(ctx, body.model_dump()))


@router.get("/{client_id}", response_model=ClientOut, responses=problem_responses(401, 403, 404))
async def get_client(client_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep) -> ClientOut:
    return ClientOut.of(await clients.client_summary(ctx, client_id))


@router.patch("/{client_id}", response_model=ClientOut, responses=problem_responses(401, 403, 404, 422))
async def update_client(
    client_id: uuid.UUID, body: ClientUpdate, _staff: StaffDep, ctx: ContextDep
) -> ClientOut:
    return ClientOut.of(await clients.update_client(ctx, client_id, _sent(body)))


# ---- relationships -------------------------------------------------------------------------------


@router.get(
    "/{client_id}/relationships",
    response_model=list[RelationshipOut],
    responses=problem_responses(401, 403, 404),
)
async def list_relationships(
    client_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep
) -> list[RelationshipOut]:
    return [RelationshipOut.of(v) for v in await relationships.list_relationships(ctx, client_id)]


@router.post(
    "/{client_id}/relationships",
    response_model=RelationshipOut,
    status_code=201,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def add_relationship(
    client_id: uuid.UUID, body: RelationshipCreate, _staff: StaffDep, ctx: ContextDep
) -> RelationshipOut:
    return RelationshipOut.of(await relationships.add_relationship(ctx, client_id, body.model_dump()))


@router.patch(
    "/{client_id}/relationships/{relationship_id}",
    response_model=RelationshipOut,
    responses=problem_responses(401, 403, 404, 422),
)
async def update_relationship(
    client_id: uuid.UUID,
    relationship_id: uuid.UUID,
    body: RelationshipUpdate,
    _staff: StaffDep,
    ctx: ContextDep,
) -> RelationshipOut:
    changes = {k: v for k, v in _sent(body).items() if v is not None}
    return RelationshipOut.of(
        await relationships.update_relationship(ctx, client_id, relationship_id, changes)
    )


@router.delete(
    "/{client_id}/relationships/{relationship_id}",
    status_code=204,
    response_class=Response,
    responses=problem_responses(401, 403, 404),
)
async def delete_relationship(
    client_id: uuid.UUID, relationship_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep
) -> Response:
    """Removes the relationship from both clients."""
    await relationships.delete_relationship(ctx, client_id, relationship_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# ---- enrollments ---------------------------------------------------------------------------------


@router.get(
    "/{client_id}/enrollments", response_model=list[EnrollmentOut], responses=problem_responses(401, 403, 404)
)
async def list_enrollments(client_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep) -> list[EnrollmentOut]:
    return [EnrollmentOut.of(v) for v in await enrollments.list_enrollments(ctx, client_id)]


@router.post(
    "/{client_id}/enrollments",
    response_model=EnrollmentOut,
    status_code=201,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def enroll_client(
    client_id: uuid.UUID, body: EnrollmentCreate, _staff: StaffDep, ctx: ContextDep
) -> EnrollmentOut:
    return EnrollmentOut.of(await enrollments.enroll(ctx, client_id, body.model_dump()))


@router.patch(
    "/{client_id}/enrollments/{enrollment_id}",
    response_model=EnrollmentOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def update_enrollment(
    client_id: uuid.UUID, enrollment_id: uuid.UUID, body: EnrollmentUpdate, _staff: StaffDep, ctx: ContextDep
) -> EnrollmentOut:
    """Set `end_date` to end an enrollment."""
    return EnrollmentOut.of(await enrollments.update_enrollment(ctx, client_id, enrollment_id, _sent(body)))
