"""The reader of a response: whose language server-written words (the ledger's own memos) are rendered in."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from tend.api.deps import ContextDep
from tend.domain.platform.messaging import MessageLocale
from tend.domain.practice import languages


async def get_reader(ctx: ContextDep) -> MessageLocale:
    """The signed-in user's language, else the practice's default (API keys)."""
    return await languages.reader_locale(ctx)


ReaderDep = Annotated[MessageLocale, Depends(get_reader)]
