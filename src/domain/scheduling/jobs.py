"""The scheduling context's jobs: keeping recurring series booked up to their horizon (daily; idempotent)."""

from __future__ import annotations

from tend.domain.platform.jobs import daily
from tend.domain.scheduling import series

EXTEND_SERIES = "extend_series"

daily(EXTEND_SERIES, "extend-series", series.extend_all)
