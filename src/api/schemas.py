"""Shared schema pieces: strict input models, PATCH semantics, NUL-free text, the list envelope."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar, Generic, Self, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PlainValidator,
    StrictInt,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from tend.core.pages import Page
from tend.core.text import BadText, clean_name

T = TypeVar("T")
NUL_MESSAGE = "Text must not contain NUL (\\u0000) characters."


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple | set):
        return any(_has_nul(item) for item in value)
    if isinstance(value, dict):
        return any(_has_nul(key) or _has_nul(item) for key, item in value.items())
    return False


def _refuse_nul(value: str) -> str:
    # PostgreSQL cannot store NUL in text; refusing it everywhere keeps both databases alike.
    if "\x00" in value:
        raise ValueError(NUL_MESSAGE)
    return value


SafeStr = Annotated[str, AfterValidator(_refuse_nul)]


FIRST_YEAR, LAST_YEAR = 1900, 2999


def _sane_instant(value: datetime) -> datetime:
    """An instant with an offset whose UTC time exists and is in a plausible range (year 1 at +14:00 has
    no UTC date at all, which would fail deep inside instead of here)."""
    try:
        year = value.astimezone(UTC).year
    except OverflowError:
        year = 0
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PydanticCustomError(
            "datetime_range", f"Give a date and time between the years {FIRST_YEAR} and {LAST_YEAR}."
        )
    return value


# Every instant the API takes: ISO 8601 with an offset, in a range any zone can convert.
Instant = Annotated[AwareDatetime, AfterValidator(_sane_instant)]


def _clean_name(value: str) -> str:
    try:
        return clean_name(value)
    except BadText as exc:
        raise PydanticCustomError("name_empty" if exc.empty else "name_characters", str(exc)) from None


# For names (person, practitioner, service, room...): NFC, one line, nothing invisible or direction-changing,
# not empty once cleaned. Use as `Annotated[str, Field(max_length=...), CleanName]`.
CleanName = AfterValidator(_clean_name)


# Money in minor units per currency code. Strict: `true` is not an amount (CONVENTIONS: ids and money are
# strict ints), and neither is 25.0.
PricesIn = dict[str, StrictInt]
# One custom field's value: flat (text, number, date as text, select, checkbox) or null to clear it; the
# definitions say which is right for each key. Nesting and non-finite numbers are refused here.


def _flat_value(value: Any) -> Any:
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, int | float) and math.isfinite(value) and abs(value) < 1e15:
        return value
    if isinstance(value, int | float):
        raise PydanticCustomError("finite_number", "Enter a number (finite, at most 15 digits).")
    raise PydanticCustomError("flat_value", "Enter a text, a number, true/false, or null to clear it.")


CustomFieldValue = Annotated[
    Any,
    PlainValidator(_flat_value),
    WithJsonSchema(
        {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "boolean"}, {"type": "null"}]}
    ),
]
CustomFieldValues = Annotated[
    dict[Annotated[str, Field(max_length=40)], CustomFieldValue],
    Field(max_length=100, description="Values by custom field key (at most 100)."),
]


class InputModel(BaseModel):
    """Request bodies refuse unknown fields, surrounding whitespace and NUL characters."""

    # Non-finite numbers (NaN, Infinity, 1e999) are not numbers anyone typed, and are not valid JSON out.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)

    @field_validator("*")
    @classmethod
    def _no_nul_characters(cls, value: Any, info: ValidationInfo) -> Any:
        if _has_nul(value):
            raise ValueError(NUL_MESSAGE)
        return value


class PatchModel(InputModel):
    """A PATCH body: a field not sent keeps its value; `null` clears a field that may be empty; the fields
    named in `not_null` refuse `null` (422 naming the field) and are shown as non-nullable in the schema."""

    not_null: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="before")
    @classmethod
    def _refuse_null(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name in cls.not_null:
            raise PydanticCustomError("not_null", "This field cannot be empty.")
        return value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        properties = handler.resolve_ref_schema(schema).get("properties", {})
        for name in cls.not_null:
            prop = properties.get(name, {})
            options = [option for option in prop.pop("anyOf", []) if option.get("type") != "null"]
            if len(options) == 1:
                prop.update(options[0])
            elif options:
                prop["anyOf"] = options
            prop.pop("default", None)
        return schema

    def changes(self) -> dict[str, Any]:
        """What the request asks to change: only the fields it sent."""
        return self.model_dump(exclude_unset=True)


class OutputModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    @classmethod
    def from_record(cls, record: Any, **extra: Any) -> Self:
        """The record's attributes named like this model's fields, with `extra` (e.g. nested refs) on top."""
        fields = {
            name: getattr(record, name)
            for name in cls.model_fields
            if name not in extra and hasattr(record, name)
        }
        return cls.model_validate({**fields, **extra})


class PageOut(BaseModel, Generic[T]):
    """The list envelope every list endpoint returns."""

    items: list[T]
    next_cursor: str | None = None

    @classmethod
    def of(cls, page: Page[Any], out: Callable[[Any], Any] | type[BaseModel]) -> Self:
        """The envelope of a page, each item shaped by `out` (a response model or a function)."""
        shape: Callable[[Any], Any] = out.model_validate if isinstance(out, type) else out  # type: ignore[attr-defined]
        return cls(items=[shape(item) for item in page.items], next_cursor=page.next_cursor)
