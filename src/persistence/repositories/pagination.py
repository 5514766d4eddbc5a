"""Keyset pagination shared by every list: ordered by (a sort column, id), an opaque cursor."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, or_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from tend.core.errors import ErrorCode, Invalid
from tend.core.pages import Page, PageRequest


def _encode(value: Any, row_id: uuid.UUID) -> str:
    if isinstance(value, datetime):
        raw: Any = {"t": value.isoformat()}
    else:
        raw = {"v": value}
    raw["id"] = str(row_id)
    return base64.urlsafe_b64encode(json.dumps(raw).encode()).decode().rstrip("=")


_MAX_TEXT = 1000
_INT_RANGE = range(-(2**63), 2**63)


def _value_of(raw: dict[str, Any], expected: type) -> Any:
    """The sort value as the sort column's type, or ValueError: a crafted cursor never reaches the query."""
    if expected is datetime:
        value = datetime.fromisoformat(raw["t"])
        if value.tzinfo is None:
            raise ValueError("naive cursor time")
        return value
    value = raw["v"]
    if expected is str and isinstance(value, str) and len(value) <= _MAX_TEXT and "\x00" not in value:
        return value
    if expected is int and type(value) is int and value in _INT_RANGE:
        return value
    raise ValueError("cursor value does not fit the sort column")


def _decode(cursor: str, sort_column: InstrumentedAttribute[Any]) -> tuple[Any, uuid.UUID]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            raise ValueError("not a cursor")
        return _value_of(raw, sort_column.type.python_type), uuid.UUID(raw["id"])
    except (ValueError, KeyError, TypeError, AttributeError, NotImplementedError) as exc:
        raise Invalid(
            "The cursor is not valid; start again from the first page.", field="cursor", code=ErrorCode.cursor
        ) from exc


async def paginate(
    session: AsyncSession,
    statement: Select[Any],
    sort_column: InstrumentedAttribute[Any],
    page: PageRequest,
    *,
    descending: bool = False,
) -> Page[Any]:
    """Returns one page of `statement`'s single-entity rows, ordered by (sort_column, the table's id)."""
    id_column: InstrumentedAttribute[uuid.UUID] = sort_column.class_.id
    if page.cursor:
        value, last_id = _decode(page.cursor, sort_column)
        if descending:
            statement = statement.where(
                or_(sort_column < value, and_(sort_column == value, id_column < last_id))
            )
        else:
            statement = statement.where(
                or_(sort_column > value, and_(sort_column == value, id_column > last_id))
            )
    order = (sort_column.desc(), id_column.desc()) if descending else (sort_column.asc(), id_column.asc())
    rows = list((await session.scalars(statement.order_by(*order).limit(page.limit + 1))).all())
    next_cursor = None
    if len(rows) > page.limit:
        rows = rows[: page.limit]
        last = rows[-1]
        next_cursor = _encode(getattr(last, sort_column.key), getattr(last, id_column.key))
    return Page(items=rows, next_cursor=next_cursor)
