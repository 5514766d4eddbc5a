"""Every table of Tend, one module per context; importing this package completes `metadata`
(Alembic and the test cleanup use it)."""

from tend.persistence.base import Base
from tend.persistence.tables import (  # noqa: F401
    access,
    audit,
    clients,
    jobs,
    ledger,
    notes,
    platform,
    practice,
    scheduling,
)

metadata = Base.metadata
