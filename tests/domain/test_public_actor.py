"""The public's actor (a request that presented only a link's token) reads nothing through the normal
visibility paths: the predicates are deny-by-default for every actor that is not staff or the system."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tend.core.actor import Actor
from tend.core.clock import FrozenClock
from tend.core.enums import Role
from tend.core.errors import NotFound
from tend.core.pages import PageRequest
from tend.domain.clients import records as clients
from tend.domain.scheduling import appointments
from tend.persistence.repositories.clients import ClientFilter, ClientRepository
from tend.persistence.repositories.scheduling import AppointmentRepository
from tests.api.scheduling.test_appointments import APPOINTMENTS, _practice, at, session
from tests.harness import FROZEN_AT


def _outsider(kind: str) -> Actor:
    """An actor that is not staff: the public, or a user whose role Tend does not know."""
    return Actor.public() if kind == "public" else Actor(role=None, user_id=uuid.uuid4())


def test_the_public_actor_is_not_the_system() -> None:
    public = Actor.public()
    assert public.is_public and not public.is_system and not public.is_api_key
    assert (public.role, public.user_id, public.practitioner_id) == (None, None, None)


def test_a_public_route_acts_as_the_public() -> None:
    from tend.api.deps import anonymous_context

    ctx = anonymous_context(session=None, clock=FrozenClock(FROZEN_AT))  # type: ignore[arg-type]
    assert ctx.actor.is_public and not ctx.actor.is_system


@pytest.mark.parametrize("outsider", ["public", "unknown_role"])
async def test_an_actor_that_is_not_staff_reads_no_client_and_no_appointment(
    outsider: str, client_as: Any, system_ctx: Any
) -> None:
    actor = _outsider(outsider)
    admin = await client_as("admin")
    p = await _practice(admin)
    booked = (await admin.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10)))).json()
    client_id, appointment_id = uuid.UUID(p["ana"]["id"]), uuid.UUID(booked["id"])
    async with system_ctx() as ctx:
        repository = ClientRepository(ctx.session)
        assert await repository.readable_by(Actor.system(), client_id) is not None  # it is there
        assert await repository.readable_by(actor, client_id) is None
        assert await repository.readable_ids(actor, [client_id]) == set()
        assert await AppointmentRepository(ctx.session).readable_by(actor, appointment_id) is None
        assert (await repository.search(actor, PageRequest(limit=50), ClientFilter())).items == []
    async with system_ctx(actor) as ctx:
        with pytest.raises(NotFound):
            await clients.get_client(ctx, client_id)
        with pytest.raises(NotFound):
            await appointments.get_appointment(ctx, appointment_id)


async def test_staff_keys_and_the_system_read_as_before(client_as: Any, system_ctx: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    client_id = uuid.UUID(p["ana"]["id"])
    carmen = uuid.UUID(p["carmen"]["id"])
    async with system_ctx() as ctx:
        repository = ClientRepository(ctx.session)
        for actor in (
            Actor.system(),
            Actor(role=Role.admin, user_id=uuid.uuid4()),
            Actor(role=Role.front_desk, user_id=uuid.uuid4()),
            Actor(role=Role.front_desk, api_key_id=uuid.uuid4()),
            Actor(role=Role.clinician, user_id=uuid.uuid4(), practitioner_id=carmen),
        ):
            assert await repository.readable_by(actor, client_id) is not None, actor
        other = Actor(role=Role.clinician, user_id=uuid.uuid4(), practitioner_id=uuid.uuid4())
        assert await repository.readable_by(other, client_id) is None
