"""Every table of Tend, one module per context; importing this package completes `metadata`
(Alembic and the test cleanup use it)."""

from tend.persistence.base import Base
from tend.persistence.tables import access, audit, clients, jobs, ledger, practice, scheduling  # noqa: F401

metadata = Base.metadata
