"""Concurrent writes that must leave exactly one record: the database, not a check in Python, decides.
PostgreSQL only: SQLite has one writer at a time, so these races cannot happen there."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.api.helpers import client_record, program

pytestmark = pytest.mark.postgres_only
PARALLEL = 20


async def test_twenty_parallel_links_of_one_pair_create_one_relationship(client_as: Any) -> None:
    http = await client_as("front_desk")
    mother, child = await client_record(http, "Rosa", "Quispe"), await client_record(http, "Leo", "Quispe")
    # Half link from the child's side, half from the mother's: both directions are the same relationship.
    requests = [
        http.post(
            f"/api/v1/clients/{a['id']}/relationships",
            json={"related_client_id": b["id"], "relationship_type": kind},
        )
        for n in range(PARALLEL)
        for a, b, kind in [
            (child, mother, "parent_guardian") if n % 2 else (mother, child, "child"),
        ]
    ]
    responses = await asyncio.gather(*requests)

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] + [409] * (PARALLEL - 1), [r.text for r in responses if r.status_code >= 500]
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"conflict.relationship_exists"}
    for one, other in ((child, mother), (mother, child)):
        listed = (await http.get(f"/api/v1/clients/{one['id']}/relationships")).json()
        assert [r["related_client"]["id"] for r in listed] == [other["id"]]


async def test_twenty_parallel_overlapping_enrollments_create_one(client_as: Any) -> None:
    admin = await client_as("admin")
    group = await program(admin, "Grupo de ansiedad")
    person = await client_record(admin, "Ana", "Torres")
    responses = await asyncio.gather(
        *[
            admin.post(
                f"/api/v1/clients/{person['id']}/enrollments",
                json={"program_id": group["id"], "start_date": f"2026-03-{n + 1:02d}"},
            )
            for n in range(PARALLEL)
        ]
    )

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] + [409] * (PARALLEL - 1), [r.text for r in responses if r.status_code >= 500]
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"conflict.enrollment_overlap"}
    assert len((await admin.get(f"/api/v1/clients/{person['id']}/enrollments")).json()) == 1
