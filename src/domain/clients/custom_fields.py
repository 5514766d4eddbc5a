"""Custom client fields: an admin defines them; every client write is validated against the definitions.

A required field added later does not make existing clients unreadable: reads never validate, and the
requirement applies when a client is next created or edited."""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from tend.core.enums import CustomFieldType
from tend.core.errors import Conflict, ErrorCode, FieldProblem, Invalid
from tend.domain.commands import UNSET, Unset, sent
from tend.domain.context import Context
from tend.domain.records import apply_changes, load, record_change
from tend.persistence.repositories.base import RecordRepository
from tend.persistence.repositories.clients import CustomFieldRepository
from tend.persistence.tables.clients import CustomFieldDefinition

_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_TEXT = 2000


@dataclass(frozen=True)
class NewFieldDefinition:
    """A custom client field to define. `options` are a select field's choices (no other type has any)."""

    key: str
    label: str
    field_type: CustomFieldType
    options: Sequence[str] = ()
    required: bool = False
    position: int = 0


@dataclass(frozen=True)
class FieldDefinitionChanges:
    """An edit of a definition (UNSET: not sent). Key and type never change once values may exist."""

    label: str | Unset = UNSET
    options: Sequence[str] | Unset = UNSET
    required: bool | Unset = UNSET
    position: int | Unset = UNSET
    active: bool | Unset = UNSET


async def list_definitions(ctx: Context, include_inactive: bool = False) -> list[CustomFieldDefinition]:
    return await CustomFieldRepository(ctx.session).definitions(include_inactive=include_inactive)


def _check_definition(definition: CustomFieldDefinition) -> None:
    if not _KEY.match(definition.key):
        raise Invalid(
            "Keys are lower-case letters, digits and _, starting with a letter.",
            field="key",
            code=ErrorCode.bad_format,
        )
    if definition.field_type is CustomFieldType.select:
        options = [option.strip() for option in definition.options]
        if not options or any(not option for option in options):
            raise Invalid(
                "A select field needs at least one non-empty option.",
                field="options",
                code=ErrorCode.required,
            )
        if len(set(options)) != len(options):
            raise Invalid(
                "Options must be different from each other.",
                field="options",
                code=ErrorCode.duplicate_value,
            )
        definition.options = options
    elif definition.options:
        raise Invalid("Only select fields have options.", field="options", code=ErrorCode.invalid)


async def create_definition(ctx: Context, new: NewFieldDefinition) -> CustomFieldDefinition:
    now = ctx.clock.now()
    definition = CustomFieldDefinition(
        id=uuid.uuid4(),
        key=new.key,
        label=new.label,
        field_type=new.field_type,
        options=list(new.options),
        required=new.required,
        position=new.position,
        active=True,
        created_at=now,
        updated_at=now,
    )
    _check_definition(definition)
    if await CustomFieldRepository(ctx.session).key_taken(definition.key):
        raise Conflict(
            f"A custom field with key {definition.key!r} exists.",
            code=ErrorCode.custom_field_key_taken,
            next_step="Use another key, or reactivate and edit the existing field.",
        )
    await RecordRepository(ctx.session, CustomFieldDefinition).add(definition)
    record_change(ctx, "custom_field.created", definition, "custom_field")
    return definition


async def update_definition(
    ctx: Context, definition_id: uuid.UUID, changes: FieldDefinitionChanges
) -> CustomFieldDefinition:
    definition = await load(ctx, CustomFieldDefinition, definition_id, "custom field", for_update=True)
    columns = sent(changes)
    if changes.options is not UNSET:
        columns["options"] = list(changes.options)  # stored as a JSON list
    changed = apply_changes(definition, columns, ctx)
    _check_definition(definition)
    record_change(ctx, "custom_field.updated", definition, "custom_field", changed)
    return definition


class _BadValue(ValueError):
    def __init__(self, message: str, code: ErrorCode) -> None:
        super().__init__(message)
        self.code = code


def _coerce(definition: CustomFieldDefinition, value: Any) -> Any:
    """The stored form of `value`, or _BadValue with a message for the user."""
    kind = definition.field_type
    if kind is CustomFieldType.text:
        if not isinstance(value, str):
            raise _BadValue("Enter text.", ErrorCode.wrong_type)
        if len(value) > MAX_TEXT:
            raise _BadValue(f"At most {MAX_TEXT} characters.", ErrorCode.too_long)
        return value.strip()
    if kind is CustomFieldType.number:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise _BadValue("Enter a number.", ErrorCode.wrong_type)
        return value
    if kind is CustomFieldType.date:
        if not isinstance(value, str):
            raise _BadValue("Enter a date as YYYY-MM-DD.", ErrorCode.date)
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise _BadValue("Enter a date as YYYY-MM-DD.", ErrorCode.date) from None
    if kind is CustomFieldType.select:
        if value not in definition.options:
            raise _BadValue(f"Choose one of: {', '.join(definition.options)}.", ErrorCode.choice)
        return value
    if not isinstance(value, bool):
        raise _BadValue("Enter true or false.", ErrorCode.wrong_type)
    return value


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


async def validate_values(
    ctx: Context, values: Mapping[str, object], sent: frozenset[str] | None = None
) -> dict[str, Any]:
    """Checks a client's complete set of custom values; errors name `custom_fields.<key>`.

    `sent` are the keys this write sets (all of them when None). A deactivated field keeps the value a
    client already has, but takes no new one."""
    definitions = {d.key: d for d in await list_definitions(ctx, include_inactive=True)}
    problems: list[FieldProblem] = []
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        definition = definitions.get(key)
        if definition is None:
            problems.append(
                FieldProblem(
                    f"custom_fields.{key}", "There is no custom field with this key.", ErrorCode.unknown_field
                )
            )
            continue
        if _is_blank(value):
            continue
        if not definition.active:
            if sent is None or key in sent:
                problems.append(
                    FieldProblem(
                        f"custom_fields.{key}",
                        f"{definition.label} is no longer in use; it cannot take new values.",
                        ErrorCode.inactive_reference,
                    )
                )
            else:
                cleaned[key] = value
            continue
        try:
            cleaned[key] = _coerce(definition, value)
        except _BadValue as exc:
            problems.append(FieldProblem(f"custom_fields.{key}", str(exc), exc.code))
    for key, definition in definitions.items():
        already_reported = any(p.field == f"custom_fields.{key}" for p in problems)
        if definition.active and definition.required and key not in cleaned and not already_reported:
            problems.append(
                FieldProblem(f"custom_fields.{key}", f"{definition.label} is required.", ErrorCode.required)
            )
    if problems:
        raise Invalid("Some custom fields are not valid.", errors=problems)
    return cleaned
