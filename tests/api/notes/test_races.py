"""Session notes under concurrency, on PostgreSQL (SQLite has one writer at a time): simultaneous
amendments each keep their place, simultaneous signatures sign once, and an unlock racing an amendment
leaves either order, never a lost or half-written record."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from tests.api.notes.world import build_world, ok

pytestmark = pytest.mark.postgres_only


async def test_concurrent_amendments_and_signatures_are_all_kept_once(
    client_as: Any, client_with_key: Any, client: httpx.AsyncClient
) -> None:
    world = await build_world(client_as, client_with_key, client)
    treating, note = world.treating, world.note
    await ok(await treating.put(note, json={"text": "Firmada"}))
    signs = await asyncio.gather(*[treating.post(f"{note}/sign") for _ in range(10)])
    assert {r.status_code for r in signs} == {200}, [r.text for r in signs]
    assert len({r.json()["signed_at"] for r in signs}) == 1

    amendments = await asyncio.gather(
        *[treating.post(f"{note}/amendments", json={"text": f"Adenda {n}"}) for n in range(20)]
    )
    assert {r.status_code for r in amendments} == {201}, [r.text for r in amendments if r.status_code != 201]
    final = await ok(await treating.get(note))
    assert sorted(a["text"] for a in final["amendments"]) == sorted(f"Adenda {n}" for n in range(20))
    assert final["amendment_count"] == 20 and final["history"] == []

    raced = await asyncio.gather(
        world.admin.post(f"{note}/unlock", json={"reason": "Carrera"}),
        treating.post(f"{note}/amendments", json={"text": "Última"}),
        treating.post(f"{note}/unlock", json={"reason": "Carrera 2"}),
    )
    assert all(r.status_code < 500 for r in raced), [r.text for r in raced]
    after = await ok(await treating.get(note))
    assert after["signed"] is False and [h["text"] for h in after["history"]] == ["Firmada"]
