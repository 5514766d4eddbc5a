"""Shared schema pieces: strict input models, text without NUL characters, and the list envelope."""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationInfo, field_validator

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


class InputModel(BaseModel):
    """Request bodies refuse unknown fields, surrounding whitespace and NUL characters."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*")
    @classmethod
    def _no_nul_characters(cls, value: Any, info: ValidationInfo) -> Any:
        if _has_nul(value):
            raise ValueError(NUL_MESSAGE)
        return value


class OutputModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class PageOut(BaseModel, Generic[T]):
    """The list envelope every list endpoint returns."""

    items: list[T]
    next_cursor: str | None = None
