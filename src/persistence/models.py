"""Imports every table module so `metadata` is complete (Alembic and test cleanup use it)."""

from tend.persistence import client_tables, practice_tables, tables  # noqa: F401
from tend.persistence.base import Base

metadata = Base.metadata
