"""Client ↔ client relationships. Each is stored once per direction (with the inverse type) so both
clients show it, each with its own flags; the two rows are created, changed and removed together."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tend.core.enums import RelationshipType
from tend.core.errors import Conflict, ErrorCode, Forbidden, Invalid, NotFound
from tend.domain.clients.records import get_client, is_minor
from tend.domain.commands import UNSET, Unset, sent
from tend.domain.context import Context
from tend.domain.practice.settings import practice_today
from tend.domain.records import apply_changes, record_change
from tend.persistence.repositories.clients import ClientRepository, RelationshipRepository
from tend.persistence.tables.clients import Client, ClientRelationship

# The same relationship seen from the other client ("Ana is Leo's parent" ⇔ "Leo is Ana's child").
INVERSE_RELATIONSHIP = {
    RelationshipType.parent_guardian: RelationshipType.child,
    RelationshipType.child: RelationshipType.parent_guardian,
    RelationshipType.spouse_partner: RelationshipType.spouse_partner,
    RelationshipType.sibling: RelationshipType.sibling,
    RelationshipType.other: RelationshipType.other,
}


@dataclass(frozen=True)
class NewRelationship:
    """How `related_client_id` stands to the client (`parent_guardian`: the related client is the
    client's parent or guardian), with the client's own flags about them."""

    related_client_id: uuid.UUID
    relationship_type: RelationshipType
    legal_guardian: bool = False
    responsible_for_billing: bool = False
    emergency_contact: bool = False


@dataclass(frozen=True)
class RelationshipChanges:
    """A change of the type or the flags (UNSET: not sent); the inverse row follows the type."""

    relationship_type: RelationshipType | Unset = UNSET
    legal_guardian: bool | Unset = UNSET
    responsible_for_billing: bool | Unset = UNSET
    emergency_contact: bool | Unset = UNSET


@dataclass(frozen=True)
class RelatedClient:
    relationship: ClientRelationship
    related: Client
    # False when the caller may not open the related client's record (a clinician, for someone outside her
    # caseload): then only the name is shown, never contact details.
    related_readable: bool = True


async def list_relationships(ctx: Context, client_id: uuid.UUID) -> list[RelatedClient]:
    client = await get_client(ctx, client_id)
    repository = ClientRepository(ctx.session)
    pairs = await repository.relationships(client.id)
    readable = await repository.readable_ids(ctx.actor, [related.id for _, related in pairs])
    return [RelatedClient(r, c, c.id in readable) for r, c in pairs]


async def add_relationship(ctx: Context, client_id: uuid.UUID, new: NewRelationship) -> RelatedClient:
    client = await get_client(ctx, client_id)
    related_id = new.related_client_id
    if related_id == client.id:
        raise Invalid(
            "A client cannot be related to themselves.", field="related_client_id", code=ErrorCode.invalid
        )
    try:
        related = await get_client(ctx, related_id)
    except NotFound:
        raise Invalid(
            "No such client.", field="related_client_id", code=ErrorCode.unknown_reference
        ) from None
    # Both clients' rows are written; locking them in one global order keeps two requests linking the
    # same pair from opposite sides from deadlocking.
    await ClientRepository(ctx.session).lock([client.id, related.id])
    repository = RelationshipRepository(ctx.session)
    if await repository.exists_between(client.id, related.id):
        raise _already_related()
    kind = new.relationship_type
    now, pair_id = ctx.clock.now(), uuid.uuid4()
    forward = ClientRelationship(
        id=uuid.uuid4(),
        pair_id=pair_id,
        client_id=client.id,
        related_client_id=related.id,
        relationship_type=kind,
        created_at=now,
        legal_guardian=new.legal_guardian,
        responsible_for_billing=new.responsible_for_billing,
        emergency_contact=new.emergency_contact,
    )
    inverse = ClientRelationship(
        id=uuid.uuid4(),
        pair_id=pair_id,
        client_id=related.id,
        related_client_id=client.id,
        relationship_type=INVERSE_RELATIONSHIP[kind],
        created_at=now,
        legal_guardian=False,
        responsible_for_billing=False,
        emergency_contact=False,
    )
    if not await repository.add_pair(forward, inverse):
        # A concurrent request linked the same pair first; the UNIQUE constraint is the arbiter.
        raise _already_related()
    record_change(ctx, "client_relationship.created", forward, "client_relationship")
    return RelatedClient(forward, related)


def _already_related() -> Conflict:
    return Conflict(
        "These clients are already related.",
        code=ErrorCode.relationship_exists,
        next_step="Edit the existing relationship instead.",
    )


async def _load_pair(
    ctx: Context, client_id: uuid.UUID, relationship_id: uuid.UUID
) -> tuple[ClientRelationship, ClientRelationship]:
    client = await get_client(ctx, client_id)
    repository = RelationshipRepository(ctx.session)
    forward = await repository.of_client(relationship_id, client.id)
    if forward is None:
        raise NotFound("No such relationship for this client.")
    await ClientRepository(ctx.session).lock([client.id, forward.related_client_id])
    inverse = await repository.inverse_of(forward)
    assert inverse is not None, "relationships are stored in pairs"
    return forward, inverse


async def update_relationship(
    ctx: Context, client_id: uuid.UUID, relationship_id: uuid.UUID, changes: RelationshipChanges
) -> RelatedClient:
    forward, inverse = await _load_pair(ctx, client_id, relationship_id)
    changed = apply_changes(forward, sent(changes), ctx)
    inverse.relationship_type = INVERSE_RELATIONSHIP[forward.relationship_type]
    await ctx.session.flush()
    record_change(ctx, "client_relationship.updated", forward, "client_relationship", changed)
    repository = ClientRepository(ctx.session)
    related = await repository.get(forward.related_client_id)
    assert related is not None, "a relationship's clients exist (deleting a client removes its pairs)"
    return RelatedClient(forward, related, bool(await repository.readable_ids(ctx.actor, [related.id])))


async def delete_relationship(ctx: Context, client_id: uuid.UUID, relationship_id: uuid.UUID) -> None:
    forward, inverse = await _load_pair(ctx, client_id, relationship_id)  # 404 first: reveal nothing
    if ctx.actor.is_clinician:
        raise Forbidden(
            "Only the front desk or an admin can remove a relationship.", code=ErrorCode.role_may_not_delete
        )
    record_change(ctx, "client_relationship.deleted", forward, "client_relationship")
    await RelationshipRepository(ctx.session).delete_pair(forward, inverse)


@dataclass(frozen=True)
class Recipient:
    client_id: uuid.UUID
    email: str
    via_guardian: bool


async def message_recipient(ctx: Context, client: Client) -> Recipient | None:
    """Who receives reminders and surveys for `client`: the client, or, for a minor without an e-mail of
    their own, a legal guardian (else a parent/guardian) who has one. None when nobody can be reached."""
    if client.email:
        return Recipient(client.id, client.email, via_guardian=False)
    if not is_minor(client, await practice_today(ctx)):
        return None
    candidates = await ClientRepository(ctx.session).relationships(client.id)
    ranked = sorted(
        (
            pair
            for pair in candidates
            if pair[1].email
            and (pair[0].legal_guardian or pair[0].relationship_type is RelationshipType.parent_guardian)
        ),
        key=lambda pair: (not pair[0].legal_guardian, pair[1].sort_key),
    )
    if not ranked:
        return None
    guardian = ranked[0][1]
    assert guardian.email is not None
    return Recipient(guardian.id, guardian.email, via_guardian=True)
