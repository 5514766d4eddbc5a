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


class WeekStart(StrEnum):
    """The first day of the practice's week in calendars (Monday in Peru and most of Latin America)."""

    monday = "monday"
    sunday = "sunday"
    saturday = "saturday"


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


class EntryKind(StrEnum):
    """What a ledger entry is. Entries are never changed: mistakes are fixed by new ones."""

    charge = "charge"
    payment = "payment"
    refund = "refund"  # gives back (part of) one payment
    adjustment = "adjustment"  # a credit (discount, write-off) or a debit, with a reason
    reversal = "reversal"  # voids exactly one earlier entry, at most once


class ChargeType(StrEnum):
    session_fee = "session_fee"
    no_show_fee = "no_show_fee"
    late_cancel_fee = "late_cancel_fee"
    other = "other"


class PaymentMethod(StrEnum):
    cash = "cash"
    card = "card"
    check = "check"
    bank_transfer = "bank_transfer"
    other = "other"


class AdjustmentDirection(StrEnum):
    credit = "credit"  # lowers what the client owes (discount, write-off)
    debit = "debit"  # raises it


class BillStatus(StrEnum):
    open = "open"
    partially_paid = "partially_paid"
    paid = "paid"
    cancelled = "cancelled"


class MemoCode(StrEnum):
    """Words the ledger writes by itself, stored as a code (+ parameters) and read in the reader's language:
    the fee of a session, a no-show or a late cancellation, and why a session's charge was reversed."""

    session_fee = "session_fee"
    no_show_fee = "no_show_fee"
    late_cancel_fee = "late_cancel_fee"
    session_marked = "session_marked"  # params: {"status": an AppointmentStatus}
