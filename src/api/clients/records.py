"""Client records: list and search, register, read, edit.

Every route that takes a client id answers 404 for a client the caller may not see (a clinician sees
only clients assigned to their practitioner)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import EmailStr, Field

from tend.api.deps import ContextDep, PageDep, StaffDep
from tend.api.errors import READ_ERRORS, WRITE_ERRORS, problem_responses
from tend.api.schemas import (
    CleanName,
    CustomFieldValues,
    InputModel,
    OutputModel,
    PageOut,
    PatchModel,
    SafeStr,
)
from tend.core.enums import ClientStatus, Locale
from tend.domain.clients import records as clients
from tend.domain.clients.records import ClientSummary

router = APIRouter(prefix="/clients", tags=["clients"])
Name = Annotated[str, Field(min_length=1, max_length=100), CleanName]


class ClientFields(InputModel):
    preferred_name: Name | None = None
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
    custom_fields: CustomFieldValues = Field(default_factory=dict)


class ClientUpdate(PatchModel, ClientFields):
    not_null = frozenset(
        {
            "first_name",
            "last_name",
            "status",
            "registered_on",
            "reminder_consent_email",
            "reminder_consent_sms",
            "reminder_consent_voice",
            "practitioner_ids",  # [] unassigns everyone
            "custom_fields",  # {"key": null} clears one value
        }
    )

    first_name: Name | None = None
    last_name: Name | None = None
    status: ClientStatus | None = None
    registered_on: date | None = None
    reminder_consent_email: bool | None = None  # type: ignore[assignment]
    reminder_consent_sms: bool | None = None  # type: ignore[assignment]
    reminder_consent_voice: bool | None = None  # type: ignore[assignment]
    practitioner_ids: list[uuid.UUID] | None = Field(default=None, max_length=20)
    custom_fields: CustomFieldValues | None = Field(
        default=None, description="Keys sent replace; null clears a key; keys not sent keep their values."
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
        return cls.from_record(
            summary.client,
            practitioners=[PractitionerRef.model_validate(p) for p in summary.practitioners],
            current_programs=[ProgramRef.model_validate(p) for p in summary.current_programs],
            sessions_attended=summary.sessions_attended,
            balances=[BalanceOut.model_validate(b) for b in summary.balances],
        )


class ClientPage(PageOut[ClientOut]):
    pass


@router.get("", responses=problem_responses(401, 403))
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


@router.post("", status_code=201, responses=problem_responses(401, 403, 422))
async def create_client(body: ClientCreate, _staff: StaffDep, ctx: ContextDep) -> ClientOut:
    return ClientOut.of(await clients.create_client(ctx, clients.NewClient(**body.model_dump())))


@router.get("/{client_id:uuid}", responses=READ_ERRORS)
async def get_client(client_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep) -> ClientOut:
    return ClientOut.of(await clients.client_summary(ctx, client_id))


@router.patch("/{client_id:uuid}", responses=problem_responses(401, 403, 404, 422))
async def update_client(
    client_id: uuid.UUID, body: ClientUpdate, _staff: StaffDep, ctx: ContextDep
) -> ClientOut:
    changes = clients.ClientChanges(**body.changes())
    return ClientOut.of(await clients.update_client(ctx, client_id, changes))


@router.delete("/{client_id:uuid}", status_code=204, response_class=Response, responses=WRITE_ERRORS)
async def delete_client(client_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep) -> Response:
    """Deletes a record registered by mistake. A client with anything attached is refused (409): set them
    inactive or discharged, or merge the record into the right one."""
    await clients.delete_client(ctx, client_id)
    return Response(status_code=204)
