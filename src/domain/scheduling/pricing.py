"""A session's price and billing modifiers from its service and place (telehealth adds modifier 95)."""

from __future__ import annotations

from tend.core.enums import AppointmentKind
from tend.core.errors import ErrorCode, Invalid
from tend.domain.context import Context
from tend.domain.practice.catalog import LOCATIONS, PRACTITIONERS, SERVICES, is_virtual
from tend.domain.practice.settings import get_practice
from tend.persistence.tables.scheduling import Appointment

VIRTUAL_MODIFIER = "95"


async def price_and_modifiers(ctx: Context, appointment: Appointment, price_given: bool) -> None:
    """Modifier 95 for telehealth places; the price from the service, else the practitioner's default."""
    if appointment.kind is not AppointmentKind.client_session:
        return
    assert appointment.location_id is not None and appointment.service_id is not None
    location = await LOCATIONS.get(ctx, appointment.location_id)
    modifiers = [m for m in appointment.modifiers if m]
    if is_virtual(location.pos_code) and VIRTUAL_MODIFIER not in modifiers:
        modifiers.append(VIRTUAL_MODIFIER)
    appointment.modifiers = modifiers
    practice = await get_practice(ctx)
    appointment.currency = appointment.currency or practice.default_currency
    if appointment.currency not in practice.currencies:
        raise Invalid(
            f"{appointment.currency} is not enabled for this practice.",
            field="currency",
            code=ErrorCode.currency_not_enabled,
        )
    # No price (not sent, or sent as null) means the default one: a session kept without a price would be
    # attended and never charged, so a null PATCH puts the default back rather than leaving it unbilled.
    if not price_given or appointment.price_minor is None:
        service = await SERVICES.get(ctx, appointment.service_id)
        assert appointment.practitioner_id is not None
        practitioner = await PRACTITIONERS.get(ctx, appointment.practitioner_id)
        appointment.price_minor = service.prices.get(
            appointment.currency, practitioner.default_prices.get(appointment.currency)
        )
        if appointment.price_minor is None:
            raise Invalid(
                f"Neither the service nor the practitioner has a price in {appointment.currency}: send "
                "price_minor (0 for a session without charge), or give the service a price in it.",
                field="price_minor",
                code=ErrorCode.required,
            )
