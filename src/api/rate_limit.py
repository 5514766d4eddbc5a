"""Per-process rate limits for public links: a small token bucket per link, and a cap on how many of one
link's requests run at once (both keyed by the token's hash, so no token is kept in memory). Each API
process counts on its own: with N processes behind a load balancer a link gets up to N times the rate,
which still bounds the work one link can cause."""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fastapi import Request

from tend.core.errors import RateLimited


@dataclass
class _Bucket:
    tokens: float
    at: float


class TokenBuckets:
    """`capacity` requests at once, then one more every `refill_seconds`. At most `max_keys` buckets are
    kept (the least recently used go first: a forgotten link starts again with a full bucket)."""

    def __init__(self, capacity: int, refill_seconds: float, max_keys: int = 10_000) -> None:
        self.capacity = capacity
        self.refill_seconds = refill_seconds
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def take(self, key: str, now: float) -> None:
        """Spends one request of `key`'s bucket, or raises RateLimited saying when the next one is due.
        Runs on the event loop without awaiting, so concurrent requests cannot both spend the last one."""
        bucket = self._buckets.pop(key, None) or _Bucket(float(self.capacity), now)
        elapsed = max(0.0, now - bucket.at)
        bucket.tokens = min(float(self.capacity), bucket.tokens + elapsed / self.refill_seconds)
        bucket.at = now
        self._buckets[key] = bucket
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        if bucket.tokens < 1:
            wait = (1 - bucket.tokens) * self.refill_seconds
            raise RateLimited(max(1, int(wait + 0.999)))
        bucket.tokens -= 1


class InFlight:
    """At most `limit` requests of one key at a time; one more is refused at once (429, retry in a
    second) rather than queued: a link's parallel burst cannot pile up work."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._running: Counter[str] = Counter()

    @contextmanager
    def hold(self, key: str) -> Iterator[None]:
        if self._running[key] >= self.limit:
            raise RateLimited(1)
        self._running[key] += 1
        try:
            yield
        finally:
            self._running[key] -= 1
            if not self._running[key]:
                del self._running[key]


@dataclass
class LinkLimits:
    buckets: TokenBuckets
    in_flight: InFlight


def limits_for(request: Request, name: str, *, burst: int, refill_seconds: float, at_once: int) -> LinkLimits:
    """The app's limits called `name` (one set per app, hence per process), made on first use."""
    every: dict[str, LinkLimits] | None = getattr(request.app.state, "rate_limits", None)
    if every is None:
        every = request.app.state.rate_limits = {}
    if name not in every:
        every[name] = LinkLimits(TokenBuckets(burst, refill_seconds), InFlight(at_once))
    return every[name]
