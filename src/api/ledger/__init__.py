"""The ledger over HTTP: client money, bills, the practice ledger."""
