"""Tables of the scheduling context: appointments (every calendar event)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from tend.core.enums import (
    AppointmentKind,
    AppointmentStatus,
    Availability,
    ContactMedium,
    ContactWith,
)
from tend.persistence.base import Base, Timestamped, id_column
from tend.persistence.types import TextEnum, UTCDateTime


class AppointmentSeries(Timestamped, Base):
    """A recurring appointment: a template, a rule over local wall time in `time_zone`, and how far its
    occurrences (ordinary appointments) have been created."""

    __tablename__ = "appointment_series"
    __table_args__ = (CheckConstraint("duration_minutes > 0", name="duration_positive"),)

    id: Mapped[uuid.UUID] = id_column()
    template: Mapped[dict[str, Any]] = mapped_column(JSON)
    time_zone: Mapped[str] = mapped_column(String(64))
    start_date: Mapped[date] = mapped_column(Date)
    local_time: Mapped[str] = mapped_column(String(5))  # "HH:MM"
    duration_minutes: Mapped[int] = mapped_column(Integer)
    rule: Mapped[dict[str, Any]] = mapped_column(JSON)
    materialised_until: Mapped[datetime] = mapped_column(UTCDateTime)


class Appointment(Timestamped, Base):
    """One calendar event. Instants are UTC; `time_zone` is the IANA zone it was booked in."""

    __tablename__ = "appointments"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("price_minor IS NULL OR price_minor >= 0", name="price_not_negative"),
        Index("ix_appointments_practitioner_id_starts_at", "practitioner_id", "starts_at"),
        Index("ix_appointments_room_id_starts_at", "room_id", "starts_at"),
        Index("ix_appointments_client_id_starts_at", "client_id", "starts_at"),
        Index("ix_appointments_starts_at", "starts_at"),
        UniqueConstraint("series_id", "series_index"),
    )

    id: Mapped[uuid.UUID] = id_column()
    kind: Mapped[AppointmentKind] = mapped_column(TextEnum(AppointmentKind))
    status: Mapped[AppointmentStatus] = mapped_column(TextEnum(AppointmentStatus))
    practitioner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("practitioners.id", ondelete="RESTRICT"), nullable=True
    )
    client_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("clients.id", ondelete="RESTRICT"), nullable=True
    )
    service_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("services.id", ondelete="RESTRICT"), nullable=True
    )
    location_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("locations.id", ondelete="RESTRICT"), nullable=True
    )
    room_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("rooms.id", ondelete="RESTRICT"), nullable=True
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    time_zone: Mapped[str] = mapped_column(String(64))
    # Group sessions: each member has an appointment of their own, sharing the slot and this id.
    group_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True, index=True)
    modifiers: Mapped[list[str]] = mapped_column(JSON, default=list)
    price_minor: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    currency: Mapped[str | None] = mapped_column(String(3), nullable=True)
    telehealth_url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    instructions: Mapped[str | None] = mapped_column(Text, nullable=True)
    reminders: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    feedback_request: Mapped[bool] = mapped_column(Boolean, default=False)
    medium: Mapped[ContactMedium | None] = mapped_column(TextEnum(ContactMedium), nullable=True)
    contact_with: Mapped[ContactWith | None] = mapped_column(TextEnum(ContactWith), nullable=True)
    contact_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    summary: Mapped[str | None] = mapped_column(Text, nullable=True)
    title: Mapped[str | None] = mapped_column(String(200), nullable=True)
    availability: Mapped[Availability | None] = mapped_column(TextEnum(Availability), nullable=True)
    status_reason: Mapped[str | None] = mapped_column(String(500), nullable=True)
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    series_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("appointment_series.id", ondelete="SET NULL"), nullable=True, index=True
    )
    series_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Edited on its own ("this"): later edits of the whole series leave it as it is.
    series_exception: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    time_adjusted: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # Counts status changes: the ledger's automatic charges are unique per (appointment, type, round).
    status_round: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Given with a no-show / late cancellation: the fee to charge instead of the practice's default, or
    # why none is charged.
    fee_override_minor: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    fee_waived_reason: Mapped[str | None] = mapped_column(String(500), nullable=True)


class CalendarFeed(Base):
    """A practitioner's subscribable calendar (ICS): the URL's token is stored hashed, revocable."""

    __tablename__ = "calendar_feeds"

    id: Mapped[uuid.UUID] = id_column()
    practitioner_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("practitioners.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
