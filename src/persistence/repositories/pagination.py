"""Keyset pagination shared by every list: ordered by (a sort column, id), an opaque cursor naming a row."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from tend.core.errors import ErrorCode, Invalid
from tend.core.pages import Page, PageRequest


def _encode(row_id: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(json.dumps({"after": str(row_id)}).encode()).decode().rstrip("=")


def _decode(cursor: str) -> uuid.UUID:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(raw, dict) or not isinstance(raw.get("after"), str):
            raise ValueError("not a cursor")
        return uuid.UUID(raw["after"])
    except (ValueError, TypeError) as exc:
        raise _bad_cursor() from exc


def _bad_cursor() -> Invalid:
    return Invalid(
        "The cursor is not valid; start again from the first page.", field="cursor", code=ErrorCode.cursor
    )


async def paginate(
    session: AsyncSession,
    statement: Select[Any],
    sort_column: InstrumentedAttribute[Any],
    page: PageRequest,
    *,
    descending: bool = False,
) -> Page[Any]:
    """Returns one page of `statement`'s single-entity rows, ordered by (sort_column, the table's id).

    A cursor names only the last row's id (never its sort value: client names must not travel in URLs
    and proxy logs); the sort value is read back from that row, so a crafted cursor can only name a row."""
    id_column: InstrumentedAttribute[uuid.UUID] = sort_column.class_.id
    if page.cursor:
        last_id = _decode(page.cursor)
        value = await session.scalar(select(sort_column).where(id_column == last_id))
        if value is None:
            raise _bad_cursor()  # the row is gone (or never was): the page boundary is lost
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
        next_cursor = _encode(getattr(last, id_column.key))
    return Page(items=rows, next_cursor=next_cursor)
