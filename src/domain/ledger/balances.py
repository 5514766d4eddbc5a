"""What other contexts may ask the ledger about a client's money: balances per currency and whether a record
has any money at all. (This module imports no other context, so the clients context can use it.)"""

from __future__ import annotations

import uuid

from tend.domain.context import Context
from tend.persistence.repositories.ledger import Balance, LedgerRepository

__all__ = ["Balance", "balances_of", "has_entries"]


async def balances_of(ctx: Context, client_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Balance]]:
    """Every currency each client has entries in, with its balance (zero included); one query."""
    return await LedgerRepository(ctx.session).balances(client_ids)


async def has_entries(ctx: Context, client_id: uuid.UUID) -> bool:
    return await LedgerRepository(ctx.session).has_entries(client_id)
