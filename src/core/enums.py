"""The product's closed sets of values, stored as text and shown in the API's schema as enums."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    admin = "admin"
    front_desk = "front_desk"
    clinician = "clinician"


class Locale(StrEnum):
    en = "en"
    es = "es"


class ApiKeyScope(StrEnum):
    read = "read"
    write = "write"


class JobStatus(StrEnum):
    pending = "pending"
    enqueued = "enqueued"
    running = "running"
    done = "done"
    dead = "dead"


class EmailStatus(StrEnum):
    sending = "sending"
    sent = "sent"
    failed = "failed"
    unknown = "unknown"  # a send was interrupted: it may or may not have reached the server


class ClientStatus(StrEnum):
    active = "active"
    inactive = "inactive"
    discharged = "discharged"


class RelationshipType(StrEnum):
    """How the related client stands to this client ("Ana is this client's parent_guardian")."""

    parent_guardian = "parent_guardian"
    child = "child"
    spouse_partner = "spouse_partner"
    sibling = "sibling"
    other = "other"


class CustomFieldType(StrEnum):
    text = "text"
    number = "number"
    date = "date"
    select = "select"
    checkbox = "checkbox"


class AppointmentKind(StrEnum):
    client_session = "client_session"
    client_contact = "client_contact"
    collateral_contact = "collateral_contact"
    other_event = "other_event"


class AppointmentStatus(StrEnum):
    scheduled = "scheduled"
    attended = "attended"
    no_show = "no_show"
    late_cancelled = "late_cancelled"
    cancelled = "cancelled"


class Availability(StrEnum):
    """Whether an other_event blocks the practitioner's time (busy) or leaves it bookable (free)."""

    busy = "busy"
    free = "free"


class ContactMedium(StrEnum):
    phone = "phone"
    in_person = "in_person"
    email = "email"
    video = "video"
    text = "text"
    other = "other"


class ContactWith(StrEnum):
    parent_guardian = "parent_guardian"
    spouse = "spouse"
    family_member = "family_member"
    psychologist = "psychologist"
    caseworker = "caseworker"
    physician = "physician"
    teacher = "teacher"
    other = "other"


class ReminderChannel(StrEnum):
    email = "email"
    sms = "sms"
    voice = "voice"
