"""Two records of one person: finding them before a second is registered, and merging them after.

A merge keeps one record (the survivor), fills its gaps from the other (or takes the fields staff choose),
moves what hangs off the other (practitioners, relationships, enrollments, custom-field values) and leaves
the other as a tombstone pointing at the survivor, all in one transaction. The preview (dry run) is the
same plan, not applied, so what staff confirm is exactly what happens."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tend.core.enums import ClientStatus
from tend.core.errors import Conflict, ErrorCode, Invalid
from tend.core.phones import BadPhone, to_e164
from tend.core.text import fold
from tend.domain import audit
from tend.domain.clients.records import ClientSummary, get_client, reindex, summarize
from tend.domain.context import Context
from tend.domain.ledger.balances import has_entries
from tend.domain.practice.catalog import PRACTITIONERS
from tend.domain.practice.settings import get_practice
from tend.persistence.repositories.clients import (
    ClientRepository,
    DuplicateProbe,
    EnrollmentRepository,
    RelationshipRepository,
)
from tend.persistence.tables.clients import Client, Enrollment

# Fields a merge decides between; by default the survivor's value, or the other's where the survivor has
# none. `registered_on` keeps the earlier date (the person has been a client since then).
MERGED_FIELDS = (
    "first_name",
    "last_name",
    "preferred_name",
    "date_of_birth",
    "phone",
    "email",
    "id_number",
    "address",
    "preferred_language",
    "reminder_consent_email",
    "reminder_consent_sms",
    "reminder_consent_voice",
    "registered_on",
)


@dataclass(frozen=True)
class DuplicateQuery:
    """A registration being filled in (any field may still be empty); `exclude_client_id` is the record
    being edited, which is not its own duplicate."""

    first_name: str | None = None
    last_name: str | None = None
    date_of_birth: date | None = None
    phone: str | None = None
    email: str | None = None
    id_number: str | None = None
    exclude_client_id: uuid.UUID | None = None


@dataclass(frozen=True)
class PossibleDuplicate:
    summary: ClientSummary
    reasons: list[str]


async def possible_duplicates(ctx: Context, query: DuplicateQuery) -> list[PossibleDuplicate]:
    """Clients the caller may see who share a name and birth date, a phone, an e-mail or a document
    number with `query`."""
    first, last = query.first_name or "", query.last_name or ""
    name_key = fold(f"{last} {first}")[:220] if first and last else None
    phone = None
    if query.phone:
        try:
            phone = to_e164(query.phone, (await get_practice(ctx)).country)
        except BadPhone:
            phone = None  # half-typed: nothing to compare yet
    probe = DuplicateProbe(
        name_key=name_key,
        date_of_birth=query.date_of_birth,
        phone=phone,
        email=query.email,
        document=query.id_number,
        exclude_id=query.exclude_client_id,
    )
    found = await ClientRepository(ctx.session).possible_duplicates(ctx.actor, probe)
    summaries = await summarize(ctx, found)
    return [PossibleDuplicate(summary, _reasons(summary.client, probe)) for summary in summaries]


def _reasons(client: Client, probe: DuplicateProbe) -> list[str]:
    reasons = []
    if probe.name_key and client.sort_key == probe.name_key and client.date_of_birth == probe.date_of_birth:
        reasons.append("name_and_birth_date")
    if probe.phone and client.phone == probe.phone:
        reasons.append("phone")
    if probe.email and (client.email or "").lower() == probe.email.lower():
        reasons.append("email")
    if probe.document and _document(client.id_number) == _document(probe.document):
        reasons.append("id_number")
    return reasons


def _document(value: str | None) -> str:
    return "".join(ch for ch in (value or "").upper() if ch not in " -.")


# ---- merging --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChoice:
    field: str
    survivor_value: Any
    duplicate_value: Any
    result_value: Any
    source: str  # "survivor" or "duplicate"


@dataclass
class MergeResult:
    survivor: ClientSummary
    duplicate_id: uuid.UUID
    dry_run: bool
    fields: list[FieldChoice]
    moves: dict[str, int]
    dropped: list[dict[str, str]] = field(default_factory=list)


def _choose(name: str, survivor: Client, duplicate: Client, take_from_duplicate: set[str]) -> FieldChoice:
    kept, other = getattr(survivor, name), getattr(duplicate, name)
    if name in take_from_duplicate:
        use_other = True
    elif name == "registered_on":
        use_other = other < kept
    else:
        use_other = kept is None and other is not None
    return FieldChoice(
        name, kept, other, other if use_other else kept, "duplicate" if use_other else "survivor"
    )


def _overlap(a: Enrollment, b: Enrollment) -> bool:
    return a.start_date <= (b.end_date or date.max) and b.start_date <= (a.end_date or date.max)


async def merge_clients(
    ctx: Context,
    survivor_id: uuid.UUID,
    duplicate_id: uuid.UUID,
    *,
    dry_run: bool,
    take_from_duplicate: list[str] | None = None,
) -> MergeResult:
    unknown = sorted(set(take_from_duplicate or ()) - set(MERGED_FIELDS))
    if unknown:
        raise Invalid(f"These fields cannot be merged: {', '.join(unknown)}.", field="take_from_duplicate")
    if survivor_id == duplicate_id:
        raise Conflict(
            "A record cannot be merged with itself.",
            code=ErrorCode.merge_same_client,
            next_step="Choose the other record of this person.",
        )
    survivor = await get_client(ctx, survivor_id)
    duplicate = await get_client(ctx, duplicate_id)  # a clinician must be able to see both
    clients = ClientRepository(ctx.session)
    await clients.lock([survivor.id, duplicate.id])
    if await has_entries(ctx, duplicate.id):
        raise Conflict(
            "The record being merged away has money in its ledger, which never moves between records.",
            code=ErrorCode.merge_has_money,
            next_step="Keep that record instead (merge the other one into it).",
        )

    chosen = set(take_from_duplicate or ())
    fields = [_choose(name, survivor, duplicate, chosen) for name in MERGED_FIELDS]
    custom = {**duplicate.custom_fields, **survivor.custom_fields}  # the survivor's values win
    practitioners = await clients.practitioner_ids(survivor.id) | await clients.practitioner_ids(duplicate.id)
    added_practitioners = practitioners - await clients.practitioner_ids(survivor.id)

    relationships = RelationshipRepository(ctx.session)
    survivor_related = {other.id for _, other in await clients.relationships(survivor.id)}
    moving_relationships, dropped = [], []
    for relationship, other in await clients.relationships(duplicate.id):
        if other.id == survivor.id:
            dropped.append(
                {
                    "what": "relationship",
                    "reason_code": "between_merged",
                    "reason": "between the two records being merged",
                }
            )
        elif other.id in survivor_related:
            dropped.append(
                {
                    "what": "relationship",
                    "reason_code": "already_related",
                    "reason": "the survivor is already related to this person",
                }
            )
        else:
            moving_relationships.append(relationship)
    enrollments = EnrollmentRepository(ctx.session)
    survivor_enrollments = [e for e, _ in await clients.enrollments(survivor.id)]
    moving_enrollments = []
    for enrollment, program in await clients.enrollments(duplicate.id):
        clash = [
            e
            for e in survivor_enrollments
            if e.program_id == enrollment.program_id and _overlap(e, enrollment)
        ]
        if clash:
            dropped.append(
                {
                    "what": "enrollment",
                    "reason_code": "overlapping_enrollment",
                    "reason": f"overlaps the survivor's enrollment in {program.name}",
                    "program": program.name,
                }
            )
        else:
            moving_enrollments.append(enrollment)
    moves = {
        "relationships": len(moving_relationships),
        "enrollments": len(moving_enrollments),
        "practitioners": len(added_practitioners),
        "custom_fields": len(set(custom) - set(survivor.custom_fields)),
    }
    if dry_run:
        return MergeResult(
            await _preview(ctx, survivor, duplicate, fields, custom, practitioners),
            duplicate.id,
            True,
            fields,
            moves,
            dropped,
        )

    for choice in fields:
        setattr(survivor, choice.field, choice.result_value)
    survivor.custom_fields = custom
    survivor.updated_at = ctx.clock.now()
    reindex(survivor)
    for relationship, _other in await clients.relationships(duplicate.id):
        inverse = await relationships.inverse_of(relationship)
        assert inverse is not None
        if relationship in moving_relationships:
            relationship.client_id, inverse.related_client_id = survivor.id, survivor.id
        else:
            await relationships.delete_pair(relationship, inverse)
    for enrollment, _ in await clients.enrollments(duplicate.id):
        if enrollment in moving_enrollments:
            enrollment.client_id = survivor.id
        else:
            await enrollments.delete(enrollment)
    await clients.set_practitioners(survivor.id, practitioners)
    await clients.set_practitioners(duplicate.id, set())
    await clients.repoint_tombstones(duplicate.id, survivor.id)
    duplicate.merged_into_id, duplicate.merged_at = survivor.id, ctx.clock.now()
    duplicate.status, duplicate.updated_at = ClientStatus.inactive, ctx.clock.now()
    await ctx.session.flush()
    audit.record(
        ctx,
        "client.merged",
        object_type="client",
        object_id=survivor.id,
        duplicate_id=str(duplicate.id),
        **moves,
    )
    summary = (await summarize(ctx, [survivor]))[0]
    return MergeResult(summary, duplicate.id, False, fields, moves, dropped)


async def _preview(
    ctx: Context,
    survivor: Client,
    duplicate: Client,
    fields: list[FieldChoice],
    custom: dict[str, Any],
    practitioner_ids: set[uuid.UUID],
) -> ClientSummary:
    """The survivor as the merge would leave it, built aside (nothing in the session changes)."""
    values = {column.key: getattr(survivor, column.key) for column in Client.__table__.columns}
    values.update({choice.field: choice.result_value for choice in fields}, custom_fields=custom)
    kept, merged = await summarize(ctx, [survivor, duplicate])
    practitioners = await PRACTITIONERS.find_many(ctx, sorted(practitioner_ids))
    programs = {program.id: program for program in kept.current_programs + merged.current_programs}
    return ClientSummary(
        client=Client(**values),
        practitioners=sorted(practitioners, key=lambda p: p.sort_key),
        current_programs=sorted(programs.values(), key=lambda p: p.name),
        sessions_attended=kept.sessions_attended + merged.sessions_attended,
        balances=kept.balances,
    )
