"""Client records: registration, edits, search and the summary the front desk sees everywhere.

Clinicians see and edit only clients assigned to their practitioner; everyone else sees all clients.
A client a caller may not see is reported as not found, so IDs reveal nothing."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from tend.core.enums import ClientStatus, Locale
from tend.core.errors import Conflict, ErrorCode, Forbidden, Invalid, MergedAway, NotFound
from tend.core.pages import Page, PageRequest
from tend.core.phones import BadPhone, to_e164
from tend.core.text import digits, fold, search_terms
from tend.domain.clients import custom_fields
from tend.domain.commands import UNSET, Unset, sent
from tend.domain.context import Context
from tend.domain.ledger.balances import balances_of
from tend.domain.practice.catalog import PRACTITIONERS, Practitioner, Program
from tend.domain.practice.settings import get_practice, practice_today
from tend.domain.records import apply_changes, record_change
from tend.domain.scheduling.attendance import attended_counts
from tend.persistence.repositories.clients import ClientFilter, ClientRepository
from tend.persistence.tables.clients import Client

ADULT_AGE = 18


@dataclass(frozen=True)
class Balance:
    currency: str
    amount_minor: int


@dataclass(frozen=True)
class NewClient:
    """A client to register. `custom_fields`: values by the practice's own field keys (checked against
    its definitions); `registered_on` defaults to the practice's today."""

    first_name: str
    last_name: str
    preferred_name: str | None = None
    date_of_birth: date | None = None
    phone: str | None = None
    email: str | None = None
    id_number: str | None = None
    address: str | None = None
    preferred_language: Locale | None = None
    reminder_consent_email: bool = False
    reminder_consent_sms: bool = False
    reminder_consent_voice: bool = False
    status: ClientStatus = ClientStatus.active
    registered_on: date | None = None
    practitioner_ids: Sequence[uuid.UUID] = ()
    custom_fields: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ClientChanges:
    """An edit of a client record: UNSET fields were not sent and keep their value, None clears one.
    `practitioner_ids` is the whole new list ([] unassigns everyone); in `custom_fields` the keys sent
    replace their values (None clears one) and keys not sent keep theirs."""

    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    preferred_name: str | Unset | None = UNSET
    date_of_birth: date | Unset | None = UNSET
    phone: str | Unset | None = UNSET
    email: str | Unset | None = UNSET
    id_number: str | Unset | None = UNSET
    address: str | Unset | None = UNSET
    preferred_language: Locale | Unset | None = UNSET
    reminder_consent_email: bool | Unset = UNSET
    reminder_consent_sms: bool | Unset = UNSET
    reminder_consent_voice: bool | Unset = UNSET
    status: ClientStatus | Unset = UNSET
    registered_on: date | Unset = UNSET
    practitioner_ids: Sequence[uuid.UUID] | Unset = UNSET
    custom_fields: Mapping[str, object] | Unset = UNSET


@dataclass
class ClientSummary:
    client: Client
    practitioners: list[Practitioner] = field(default_factory=list)
    current_programs: list[Program] = field(default_factory=list)
    sessions_attended: int = 0
    balances: list[Balance] = field(default_factory=list)


def reindex(client: Client) -> None:
    """Keeps the folded search text and sort key in step with the record (on every write)."""
    names = [client.first_name, client.last_name, client.preferred_name or ""]
    parts = [fold(" ".join(names)), fold(client.email), fold(client.id_number), digits(client.phone)]
    client.search_text = " | ".join(part for part in parts if part)
    client.sort_key = fold(f"{client.last_name} {client.first_name}")[:220]


async def lock_clients(ctx: Context, client_ids: list[uuid.UUID]) -> None:
    """Row-locks the clients' records in id order: what serialises money moving on their accounts."""
    await ClientRepository(ctx.session).lock(client_ids)


async def get_client(ctx: Context, client_id: uuid.UUID, *, for_update: bool = False) -> Client:
    """The client, if the caller may read it. A record merged into another answers with a pointer to the
    survivor (when the caller may read that one), so old links and integrations can follow it."""
    repository = ClientRepository(ctx.session)
    client = await repository.readable_by(ctx.actor, client_id, for_update=for_update)
    survivor_id = client.merged_into_id if client is not None else await repository.merged_into(client_id)
    if survivor_id is not None and await repository.readable_ids(ctx.actor, [survivor_id]):
        raise MergedAway(str(survivor_id))
    if client is None or survivor_id is not None:
        raise NotFound("No such client.")
    return client


async def delete_client(ctx: Context, client_id: uuid.UUID) -> None:
    """Removes a record registered by mistake. Anything attached to it (relationships, enrollments, merged
    records; later appointments, ledger entries, survey answers) keeps it: deactivate or merge instead."""
    client = await get_client(ctx, client_id, for_update=True)
    if ctx.actor.is_clinician:
        raise Forbidden(
            "Only the front desk or an admin can delete a client.", code=ErrorCode.role_may_not_delete
        )
    repository = ClientRepository(ctx.session)
    attached = {name: n for name, n in (await repository.attached_record_counts(client.id)).items() if n}
    if attached:
        listed = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in attached.items())
        raise Conflict(
            f"This client has records attached ({listed}) and cannot be deleted.",
            code=ErrorCode.client_has_records,
            next_step="Set the client inactive or discharged instead, or merge the record into the right "
            "one.",
        )
    record_change(ctx, "client.deleted", client, "client")
    await repository.delete(client)


async def _check_practitioners(ctx: Context, practitioner_ids: set[uuid.UUID]) -> None:
    found = await PRACTITIONERS.find_many(ctx, list(practitioner_ids))
    found_ids = {p.id for p in found}
    for index, practitioner_id in enumerate(sorted(practitioner_ids, key=str)):
        if practitioner_id not in found_ids:
            raise Invalid(
                "No such practitioner.", field=f"practitioner_ids.{index}", code=ErrorCode.unknown_reference
            )


def _refuse_reassignment(ctx: Context, current: set[uuid.UUID], wanted: set[uuid.UUID]) -> None:
    """A clinician may add or keep herself, never add, drop or replace a colleague, nor leave her own
    client (she would lose it): assigning clients is the front desk's."""
    own = ctx.actor.practitioner_id
    if wanted - {own} != current - {own} or (own in current and own not in wanted):
        raise Forbidden(
            "Only the front desk or an admin can assign clients to other practitioners.",
            code=ErrorCode.reassign_clients,
        )


def _normalize_phone(client: Client, country: str | None) -> None:
    if client.phone is None:
        return
    try:
        client.phone = to_e164(client.phone, country)
    except BadPhone as exc:
        raise Invalid(str(exc), field="phone", code=ErrorCode.phone) from None


def _check_dates(client: Client, today: date) -> None:
    if client.date_of_birth is not None and client.date_of_birth > today:
        raise Invalid(
            "The date of birth is in the future.", field="date_of_birth", code=ErrorCode.future_date
        )


async def create_client(ctx: Context, new: NewClient) -> ClientSummary:
    practitioner_ids = set(new.practitioner_ids)
    if ctx.actor.is_clinician:
        _refuse_reassignment(ctx, set(), practitioner_ids)
        if ctx.actor.practitioner_id is not None:
            practitioner_ids.add(ctx.actor.practitioner_id)  # a clinician's new client is theirs
    await _check_practitioners(ctx, practitioner_ids)
    today = await practice_today(ctx)
    values = await custom_fields.validate_values(ctx, new.custom_fields)
    now = ctx.clock.now()
    client = Client(
        id=uuid.uuid4(),
        first_name=new.first_name,
        last_name=new.last_name,
        preferred_name=new.preferred_name,
        date_of_birth=new.date_of_birth,
        phone=new.phone,
        email=new.email,
        id_number=new.id_number,
        address=new.address,
        preferred_language=new.preferred_language,
        reminder_consent_email=new.reminder_consent_email,
        reminder_consent_sms=new.reminder_consent_sms,
        reminder_consent_voice=new.reminder_consent_voice,
        custom_fields=values,
        status=new.status,
        registered_on=new.registered_on or today,
        created_at=now,
        updated_at=now,
    )
    _check_dates(client, today)
    _normalize_phone(client, (await get_practice(ctx)).country)
    reindex(client)
    repository = ClientRepository(ctx.session)
    await repository.add(client)
    await repository.set_practitioners(client.id, practitioner_ids)
    record_change(ctx, "client.created", client, "client")
    return (await summarize(ctx, [client]))[0]


async def update_client(ctx: Context, client_id: uuid.UUID, changes: ClientChanges) -> ClientSummary:
    client = await get_client(ctx, client_id, for_update=True)
    columns = sent(changes)
    columns.pop("practitioner_ids", None)  # a table of its own, set below
    # Keys sent replace their values (null clears one); keys not sent keep theirs. Every edit, even one
    # sending no custom field, brings the client up to the current definitions (a required field added
    # later is asked for then).
    given = changes.custom_fields if changes.custom_fields is not UNSET else {}
    columns["custom_fields"] = await custom_fields.validate_values(
        ctx, {**client.custom_fields, **given}, frozenset(given)
    )
    changed = apply_changes(client, columns, ctx)
    _check_dates(client, await practice_today(ctx))
    _normalize_phone(client, (await get_practice(ctx)).country)
    reindex(client)
    repository = ClientRepository(ctx.session)
    if changes.practitioner_ids is not UNSET:
        wanted, current = set(changes.practitioner_ids), await repository.practitioner_ids(client.id)
        if ctx.actor.is_clinician:
            _refuse_reassignment(ctx, current, wanted)
        await _check_practitioners(ctx, wanted)
        if wanted != current:
            await repository.set_practitioners(client.id, wanted)
            changed.append("practitioner_ids")
    await ctx.session.flush()
    record_change(ctx, "client.updated", client, "client", sorted(changed))
    return (await summarize(ctx, [client]))[0]


async def list_clients(
    ctx: Context,
    page: PageRequest,
    *,
    query: str | None = None,
    status: ClientStatus | None = None,
    practitioner_id: uuid.UUID | None = None,
    program_id: uuid.UUID | None = None,
) -> tuple[Page[Client], list[ClientSummary]]:
    filters = ClientFilter(
        search_terms=tuple(search_terms(query or "")),
        status=status,
        practitioner_id=practitioner_id,
        program_id=program_id,
        on_date=await practice_today(ctx),
    )
    result = await ClientRepository(ctx.session).search(ctx.actor, page, filters)
    return result, await summarize(ctx, result.items)


async def any_clients(ctx: Context) -> bool:
    """Whether the practice has registered anyone yet (whoever is asking)."""
    return await ClientRepository(ctx.session).count() > 0


async def client_summary(ctx: Context, client_id: uuid.UUID) -> ClientSummary:
    return (await summarize(ctx, [await get_client(ctx, client_id)]))[0]


async def summarize(ctx: Context, clients: list[Client]) -> list[ClientSummary]:
    """Practitioners and current programs from their tables, in two queries for the whole page.

    Sessions attended are counted from appointments and balances summed from the ledger (one query each
    for the page). Nothing is kept as a counter."""
    ids = [client.id for client in clients]
    repository = ClientRepository(ctx.session)
    practitioners = await repository.practitioners_by_client(ids)
    programs = await repository.current_programs_by_client(ids, await practice_today(ctx))
    attended = await attended_counts(ctx, ids)
    balances = await balances_of(ctx, ids)
    return [
        ClientSummary(
            client=client,
            practitioners=practitioners[client.id],
            current_programs=programs[client.id],
            sessions_attended=attended.get(client.id, 0),
            balances=[Balance(b.currency, b.amount_minor) for b in balances.get(client.id, [])],
        )
        for client in clients
    ]


def age_on(date_of_birth: date, on: date) -> int:
    return on.year - date_of_birth.year - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))


def is_minor(client: Client, on: date) -> bool:
    return client.date_of_birth is not None and age_on(client.date_of_birth, on) < ADULT_AGE
