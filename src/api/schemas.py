"""Shared schema pieces: strict input models and the list envelope."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


class InputModel(BaseModel):
    """Request bodies refuse unknown fields and surrounding whitespace."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class OutputModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class PageOut(BaseModel, Generic[T]):
    """The list envelope every list endpoint returns."""

    items: list[T]
    next_cursor: str | None = None
