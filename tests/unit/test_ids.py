"""Ordered ids sort in creation order, also many within one millisecond, and are valid UUIDv7s."""

from __future__ import annotations

from tend.core.ids import ordered_id


def test_ids_made_later_sort_later_and_are_version_7() -> None:
    ids = [ordered_id() for _ in range(5000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert all(i.version == 7 and i.variant == "specified in RFC 4122" for i in ids)
