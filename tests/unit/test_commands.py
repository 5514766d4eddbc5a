"""Typed commands: `sent` keeps a PATCH's "not sent" apart from "sent empty", and every request body the API
turns into a command has exactly the command's fields (a field the API accepted but the command lacked would
be a 500; one the command has but no body sends would never be set)."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

import pytest
from pydantic import BaseModel

from tend.api.clients import custom_fields as custom_fields_api
from tend.api.clients import duplicates as duplicates_api
from tend.api.clients import enrollments as enrollments_api
from tend.api.clients import records as records_api
from tend.api.clients import relationships as relationships_api
from tend.api.ledger import bills as bills_api
from tend.api.ledger import entries as entries_api
from tend.api.practice import catalog as catalog_api
from tend.api.practice import settings as settings_api
from tend.api.practice import users as users_api
from tend.api.scheduling import appointments as appointments_api
from tend.api.scheduling import series as series_api
from tend.core.enums import Role
from tend.domain.clients import custom_fields, duplicates, enrollments, relationships
from tend.domain.clients import records as clients
from tend.domain.commands import UNSET, sent
from tend.domain.ledger import bills, entries
from tend.domain.practice import catalog, users
from tend.domain.practice import settings as practice
from tend.domain.scheduling import series
from tend.domain.scheduling.appointments import AppointmentChanges, NewAppointment

# (request body, the command the API builds from it)
PAIRS: list[tuple[type[BaseModel], type[Any]]] = [
    (records_api.ClientCreate, clients.NewClient),
    (records_api.ClientUpdate, clients.ClientChanges),
    (duplicates_api.PossibleDuplicatesQuery, duplicates.DuplicateQuery),
    (custom_fields_api.CustomFieldCreate, custom_fields.NewFieldDefinition),
    (custom_fields_api.CustomFieldUpdate, custom_fields.FieldDefinitionChanges),
    (enrollments_api.EnrollmentCreate, enrollments.NewEnrollment),
    (enrollments_api.EnrollmentUpdate, enrollments.EnrollmentChanges),
    (relationships_api.RelationshipCreate, relationships.NewRelationship),
    (relationships_api.RelationshipUpdate, relationships.RelationshipChanges),
    (users_api.StaffUserCreate, users.UserInvite),
    (users_api.StaffUserUpdate, users.UserChanges),
    (settings_api.PracticeUpdate, practice.PracticeChanges),
    (catalog_api.PractitionerCreate, catalog.PRACTITIONERS.new),
    (catalog_api.PractitionerUpdate, catalog.PRACTITIONERS.changes),
    (catalog_api.ServiceCreate, catalog.SERVICES.new),
    (catalog_api.ServiceUpdate, catalog.SERVICES.changes),
    (catalog_api.LocationCreate, catalog.LOCATIONS.new),
    (catalog_api.LocationUpdate, catalog.LOCATIONS.changes),
    (catalog_api.RoomCreate, catalog.ROOMS.new),
    (catalog_api.RoomUpdate, catalog.ROOMS.changes),
    (catalog_api.ProgramCreate, catalog.PROGRAMS.new),
    (catalog_api.ProgramUpdate, catalog.PROGRAMS.changes),
    (entries_api.PaymentIn, entries.NewPayment),
    (entries_api.AllocationIn, entries.AllocationRequest),
    (entries_api.ChargeIn, entries.NewCharge),
    (entries_api.AdjustmentIn, entries.NewAdjustment),
    (entries_api.RefundIn, entries.NewRefund),
    (bills_api.BillLineIn, bills.LineInput),
    (series_api.SeriesChanges, series.SeriesChanges),
    (series_api.SeriesCreate, series.NewSeries),
    (appointments_api.AppointmentCreate, NewAppointment),
]
CHANGES = [command for _, command in PAIRS if command.__name__.endswith("Changes")]


def _names(command: type[Any]) -> set[str]:
    return {field.name for field in dataclasses.fields(command)}


@pytest.mark.parametrize(("body", "command"), PAIRS, ids=lambda c: c.__name__)
def test_each_request_body_has_exactly_its_commands_fields(body: type[BaseModel], command: type[Any]) -> None:
    assert set(body.model_fields) == _names(command)


def test_a_client_registered_while_booking_sends_fields_a_new_client_has() -> None:
    assert set(appointments_api.NewClient.model_fields) <= _names(clients.NewClient)


@pytest.mark.parametrize("command", CHANGES, ids=lambda c: c.__name__)
def test_a_change_with_nothing_sent_changes_nothing(command: type[Any]) -> None:
    assert sent(command()) == {}


def test_sent_keeps_a_field_sent_empty_and_leaves_out_one_not_sent() -> None:
    changes = clients.ClientChanges(phone=None, first_name="Ana")
    assert sent(changes) == {"phone": None, "first_name": "Ana"}
    assert changes.email is UNSET


def test_a_new_command_sends_every_field() -> None:
    location_id = uuid.uuid4()
    assert sent(catalog.NewRoom(location_id=location_id, name="Sala 1")) == {
        "location_id": location_id,
        "name": "Sala 1",
    }


def test_an_appointment_change_stores_its_lists_as_lists_and_leaves_out_allow_conflicts() -> None:
    changes = AppointmentChanges(modifiers=("95",), allow_conflicts=True)
    assert changes.sent() == {"modifiers": ["95"]}


def test_an_invitation_never_shows_its_password() -> None:
    invite = users.UserInvite(email="a@b.example", name="Ana", role=Role.admin, password="s3cret-pass")
    assert "s3cret-pass" not in repr(invite)


def test_commands_are_frozen() -> None:
    changes = practice.PracticeChanges(name="Centro")
    with pytest.raises(dataclasses.FrozenInstanceError):
        changes.name = "Otro"  # type: ignore[misc]
