"""The ledger context: money entries, balances, bills, allocations, automatic session charges."""
