"""Who may do what to an appointment beyond reading it. Money fields are the front desk's: a clinician
records how sessions went, not their prices or fees. Practice-wide events are the admins' and front desk's."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from tend.core.enums import AppointmentKind, Role
from tend.core.errors import ErrorCode, Forbidden
from tend.domain.context import Context
from tend.persistence.tables.scheduling import Appointment

# Who may put an event on everyone's calendar (practitioner null: a closure, a practice meeting).
PRACTICE_WIDE_ROLES = (Role.admin, Role.front_desk)


_MONEY_FIELDS = ("price_minor", "currency", "fee_minor", "waive_fee_reason")


def given(fields: Mapping[str, object]) -> list[str]:
    """The names of the fields that carry a value (None is no value)."""
    return [name for name, value in fields.items() if value is not None]


def check_may_set_money(ctx: Context, sent: Iterable[str]) -> None:
    """A clinician records how her sessions went; their prices and fees are the front desk's (a price or a
    fee typed by her would put money on a client's account around the ledger's own 403). `sent`: the names
    of the fields the request gives (for a PATCH every key sent, null too)."""
    if ctx.actor.reads_whole_practice:  # anyone else (a clinician, the public) sets no money
        return
    money = [name for name in _MONEY_FIELDS if name in set(sent)]
    if money:
        raise Forbidden(
            f"Prices and fees are set by the front desk or an admin ({', '.join(money)}); "
            "the service's price and the practice's fees apply.",
            code=ErrorCode.money_is_front_desk,
        )


def check_may_hold_practice_wide(ctx: Context, appointment: Appointment) -> None:
    """A practice-wide event blocks everyone's time: the admins and the front desk (signed in, not an
    integration's key) create, change and remove it; Tend itself (jobs, the CLI) may too."""
    if appointment.kind is not AppointmentKind.other_event or appointment.practitioner_id is not None:
        return
    actor = ctx.actor
    if actor.is_system or (actor.user_id is not None and actor.role in PRACTICE_WIDE_ROLES):
        return
    raise Forbidden(
        "Practice-wide events (no practitioner) are set by an admin or the front desk, signed in; "
        "give the event a practitioner.",
        code=ErrorCode.practice_wide_event,
    )
