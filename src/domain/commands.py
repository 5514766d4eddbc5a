"""What every typed command shares: the UNSET mark of a field a PATCH did not send, and `sent`.

A service takes a frozen dataclass its own module defines (`NewClient`, `ClientChanges`, ...), never a
`dict[str, Any]`, so mypy follows each field from the API to the record. In a …Changes command a field is
UNSET when it was not sent (it keeps its value) and None when it was sent empty (it is cleared): the two
meanings of a PATCH, kept apart explicitly."""

from __future__ import annotations

from dataclasses import fields
from enum import Enum
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


class _Unset(Enum):
    token = "unset"


UNSET: Final = _Unset.token
# A PATCH field: its new value (None clears it), or UNSET: not sent, kept as it is.
Unset = Literal[_Unset.token]


def sent(command: DataclassInstance) -> dict[str, object]:
    """The command's fields that carry a value, by name: every field of a New… command, and those of a
    …Changes command that were sent (None included: it clears). Values are as given (not copied)."""
    values: dict[str, object] = {}
    for field in fields(command):
        value = getattr(command, field.name)
        if value is not UNSET:
            values[field.name] = value
    return values
