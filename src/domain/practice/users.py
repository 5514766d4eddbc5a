"""Staff users: creation, password changes, deactivation (each ends the user's sessions)."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass, field

from tend.core.enums import Locale, Role
from tend.core.errors import Conflict, ErrorCode, Forbidden, Invalid, NotFound
from tend.core.pages import Page, PageRequest
from tend.domain import audit
from tend.domain.commands import UNSET, Unset, sent
from tend.domain.context import Context
from tend.domain.platform.jobs import record_job
from tend.domain.records import apply_changes, record_change
from tend.domain.security import hash_password
from tend.persistence.repositories.access import RefreshTokenRepository, UserRepository
from tend.persistence.repositories.base import RecordRepository
from tend.persistence.repositories.practice import CatalogRepository
from tend.persistence.tables.access import User
from tend.persistence.tables.practice import Practitioner

MIN_PASSWORD_LENGTH = 10
WELCOME_EMAIL_JOB = "send_welcome_email"


@dataclass(frozen=True)
class UserInvite:
    """A staff member to add, with a first password (a clinician is linked to her practitioner record)."""

    email: str
    name: str
    role: Role
    password: str = field(repr=False)  # never in a log line or a traceback
    practitioner_id: uuid.UUID | None = None
    locale: Locale | None = None


@dataclass(frozen=True)
class UserChanges:
    """An admin's edit of a user (UNSET: not sent). `active` False deactivates and ends her sessions;
    `practitioner_id` and `locale` None unlink and clear."""

    name: str | Unset = UNSET
    role: Role | Unset = UNSET
    practitioner_id: uuid.UUID | Unset | None = UNSET
    active: bool | Unset = UNSET
    locale: Locale | Unset | None = UNSET


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise Invalid(
            f"Use at least {MIN_PASSWORD_LENGTH} characters.",
            field="password",
            code=ErrorCode.password_too_short,
        )


async def create_user(
    ctx: Context,
    *,
    email: str,
    name: str,
    role: Role,
    password: str,
    practitioner_id: uuid.UUID | None = None,
    locale: Locale | None = None,
    send_welcome: bool = True,
    password_hash: str | None = None,
) -> User:
    if password_hash is None:
        password_hash = await hash_new_password(password)
    users = UserRepository(ctx.session)
    normalized = email.strip().lower()
    if await users.get_by_email(normalized) is not None:
        raise Conflict(
            "A user with this e-mail already exists.",
            code=ErrorCode.email_taken,
            next_step="Use another e-mail, or reactivate the existing user.",
        )
    now = ctx.clock.now()
    user = await users.add(
        User(
            email=email.strip(),
            email_normalized=normalized,
            name=name.strip(),
            role=role,
            active=True,
            password_hash=password_hash,
            practitioner_id=practitioner_id,
            locale=locale,
            session_version=0,
            created_at=now,
            updated_at=now,
        )
    )
    audit.record(ctx, "user.created", object_type="user", object_id=user.id, role=role.value)
    if send_welcome:
        await record_job(
            ctx.session,
            ctx.clock,
            WELCOME_EMAIL_JOB,
            {"user_id": str(user.id)},
            dedupe_key=f"welcome:{user.id}",
        )
    return user


async def _end_sessions(ctx: Context, user: User, reason: str) -> None:
    now = ctx.clock.now()
    # Locked and read afresh first: two changes at once must each add one (a lost increment would let a
    # token issued between them outlive the second change).
    await UserRepository(ctx.session).get(user.id, for_update=True)
    user.session_version += 1
    user.updated_at = now
    await RefreshTokenRepository(ctx.session).revoke_all_for_user(user.id, now, reason)


async def get_user(ctx: Context, user_id: uuid.UUID) -> User:
    user = await UserRepository(ctx.session).get(user_id)
    if user is None:
        raise NotFound("No such user.")
    return user


async def names_of(ctx: Context, user_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The display names of these users (other contexts show who signed or changed something)."""
    return {user.id: user.name for user in await UserRepository(ctx.session).get_many(list(set(user_ids)))}


async def find_by_email(ctx: Context, email: str) -> User | None:
    return await UserRepository(ctx.session).get_by_email(email)


async def hash_new_password(password: str) -> str:
    """Checks and hashes a new password. Called before the request touches the database, so no
    connection is held while argon2 runs."""
    _check_password(password)
    return await hash_password(password)


async def set_password_hash(ctx: Context, user_id: uuid.UUID, password_hash: str) -> User:
    user = await get_user(ctx, user_id)
    user.password_hash = password_hash
    await _end_sessions(ctx, user, "password_changed")
    audit.record(ctx, "user.password_changed", object_type="user", object_id=user.id)
    return user


async def _end_calendar_feeds(ctx: Context, practitioner_ids: set[uuid.UUID | None], reason: str) -> None:
    """A practitioner's feed link was handed to the user linked to her: it ends with that link."""
    # Imported here: the scheduling context builds on this one (a module-level import would be a cycle).
    from tend.domain.scheduling.feeds import end_feeds

    for practitioner_id in sorted(p for p in practitioner_ids if p is not None):
        await end_feeds(ctx, practitioner_id, reason)


async def deactivate_user(ctx: Context, user_id: uuid.UUID) -> User:
    user = await get_user(ctx, user_id)
    user.active = False
    await _end_sessions(ctx, user, "deactivated")
    await _end_calendar_feeds(ctx, {user.practitioner_id}, "user_deactivated")
    audit.record(ctx, "user.deactivated", object_type="user", object_id=user.id)
    return user


async def _check_practitioner_link(
    ctx: Context, role: Role, practitioner_id: uuid.UUID | None, user_id: uuid.UUID | None = None
) -> None:
    if role is Role.clinician and practitioner_id is None:
        raise Invalid(
            "A clinician must be linked to their practitioner record.",
            field="practitioner_id",
            code=ErrorCode.required,
        )
    if practitioner_id is not None:
        if await RecordRepository(ctx.session, Practitioner).get(practitioner_id) is None:
            raise Invalid("No such practitioner.", field="practitioner_id", code=ErrorCode.unknown_reference)
        other = await UserRepository(ctx.session).clinician_of(practitioner_id)
        if role is Role.clinician and other is not None and other.id != user_id:
            raise Conflict(
                "Another clinician user is already linked to this practitioner.",
                code=ErrorCode.practitioner_linked,
                next_step="Unlink or deactivate that user first.",
            )


async def practitioner_called(ctx: Context, reference: str) -> uuid.UUID:
    """The practitioner record an operator means (the CLI): its id, or its exact name when only one has it."""
    try:
        record = await RecordRepository(ctx.session, Practitioner).get(uuid.UUID(reference))
    except ValueError:
        found = await CatalogRepository(ctx.session, Practitioner).named(reference)
        record = found[0] if len(found) == 1 else None
        if len(found) > 1:
            raise Invalid(
                f"{len(found)} practitioners are called {reference!r}: give the id.",
                field="practitioner_id",
                code=ErrorCode.invalid,
            ) from None
    if record is None:
        raise Invalid(
            f"No practitioner {reference!r}.", field="practitioner_id", code=ErrorCode.unknown_reference
        )
    return record.id


async def list_users(ctx: Context, page: PageRequest, include_inactive: bool) -> Page[User]:
    return await UserRepository(ctx.session).page(page, include_inactive=include_inactive)


async def invite_user(ctx: Context, invite: UserInvite) -> User:
    password_hash = await hash_new_password(invite.password)
    await _check_practitioner_link(ctx, invite.role, invite.practitioner_id)
    return await create_user(
        ctx,
        email=invite.email,
        name=invite.name,
        role=invite.role,
        password="",
        practitioner_id=invite.practitioner_id,
        locale=invite.locale,
        password_hash=password_hash,
    )


async def _refuse_removing_last_admin(ctx: Context, user: User) -> None:
    if await UserRepository(ctx.session).active_admin_ids() == [user.id]:
        raise Conflict(
            "This is the only active admin; the practice would be left without one.",
            code=ErrorCode.last_admin,
            next_step="Make another user an admin first.",
        )


async def update_user(ctx: Context, user_id: uuid.UUID, changes: UserChanges) -> User:
    user = await get_user(ctx, user_id)
    role = changes.role if changes.role is not UNSET else user.role
    practitioner_id = (
        changes.practitioner_id if changes.practitioner_id is not UNSET else user.practitioner_id
    )
    losing_admin = user.role is Role.admin and (role is not Role.admin or changes.active is False)
    if losing_admin:
        await _refuse_removing_last_admin(ctx, user)
    if changes.role is not UNSET or changes.practitioner_id is not UNSET:
        await _check_practitioner_link(ctx, role, practitioner_id, user.id)
    deactivating = changes.active is False and user.active
    linked_before = user.practitioner_id
    changed = apply_changes(user, sent(changes), ctx)
    if deactivating or "role" in changed:
        await _end_sessions(ctx, user, "deactivated" if deactivating else "role_changed")
    if deactivating or "role" in changed or "practitioner_id" in changed:
        reason = "user_deactivated" if deactivating else "role_changed" if "role" in changed else "relinked"
        await _end_calendar_feeds(ctx, {linked_before, user.practitioner_id}, reason)
    record_change(ctx, "user.updated", user, "user", changed)
    return user


async def reset_password(ctx: Context, user_id: uuid.UUID, new_password: str) -> User:
    """An admin sets a new password for someone else (e.g. forgotten); their sessions end. For oneself
    only the self-service change, which asks for the current password, is allowed."""
    if user_id == ctx.actor.user_id:
        raise Forbidden(
            "Change your own password with your current one (POST /api/v1/auth/password), not this reset.",
            code=ErrorCode.own_password,
        )
    user = await set_password_hash(ctx, user_id, await hash_new_password(new_password))
    record_change(ctx, "user.password_reset", user, "user")
    return user
