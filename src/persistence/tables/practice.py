"""Tables of the practice's setup: settings, practitioners, services, locations and rooms, programs."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from tend.core.enums import Locale, WeekStart
from tend.persistence.base import Base, Deactivatable, id_column
from tend.persistence.types import TextEnum, UTCDateTime


class PracticeSettings(Base):
    """Exactly one row (`singleton` is always 1 and unique)."""

    __tablename__ = "practice_settings"
    __table_args__ = (
        CheckConstraint("singleton = 1", name="one_row"),
        CheckConstraint("late_cancel_window_hours >= 0", name="window_not_negative"),
        CheckConstraint("reminder_send_hour >= 0 AND reminder_send_hour <= 23", name="reminder_hour"),
        CheckConstraint("monthly_survey_day >= 1 AND monthly_survey_day <= 28", name="survey_day"),
        CheckConstraint("slot_minutes IN (5, 10, 15, 20, 30, 60)", name="slot_minutes"),
        CheckConstraint("week_starts_on IN ('monday', 'sunday', 'saturday')", name="week_starts_on"),
    )

    id: Mapped[uuid.UUID] = id_column()
    singleton: Mapped[int] = mapped_column(Integer, unique=True, default=1)
    name: Mapped[str] = mapped_column(String(200))
    time_zone: Mapped[str] = mapped_column(String(64))
    # ISO 3166-1 alpha-2: the default country of phone numbers typed without one; money's display region.
    country: Mapped[str | None] = mapped_column(String(2), nullable=True)
    currencies: Mapped[list[str]] = mapped_column(JSON)
    default_currency: Mapped[str] = mapped_column(String(3))
    no_show_fees: Mapped[dict[str, Any]] = mapped_column(JSON)
    late_cancel_fees: Mapped[dict[str, Any]] = mapped_column(JSON)
    late_cancel_window_hours: Mapped[int] = mapped_column(Integer)
    fees_count_toward_commission: Mapped[bool] = mapped_column(Boolean)
    reminder_send_hour: Mapped[int] = mapped_column(Integer)
    monthly_survey_enabled: Mapped[bool] = mapped_column(Boolean)
    monthly_survey_day: Mapped[int] = mapped_column(Integer)
    default_locale: Mapped[Locale] = mapped_column(TextEnum(Locale))
    # The practice's word for its clients per language ({"es": "paciente"}); a language without one uses
    # the UI's own word.
    client_labels: Mapped[dict[str, str]] = mapped_column(JSON)
    slot_minutes: Mapped[int] = mapped_column(Integer, server_default="15")
    week_starts_on: Mapped[WeekStart] = mapped_column(TextEnum(WeekStart), server_default="monday")
    rating_anonymity_floor: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    @property
    def client_label(self) -> str:
        """The word in the practice's own language ('client' when none is set)."""
        return (self.client_labels or {}).get(Locale(self.default_locale).value, "client")


class Practitioner(Deactivatable, Base):
    __tablename__ = "practitioners"
    __table_args__ = (
        CheckConstraint("commission_rate_bp >= 0 AND commission_rate_bp <= 10000", name="commission_range"),
    )

    id: Mapped[uuid.UUID] = id_column()
    name: Mapped[str] = mapped_column(String(200))
    credentials: Mapped[str | None] = mapped_column(String(200), nullable=True)
    email: Mapped[str | None] = mapped_column(String(320), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    color: Mapped[str] = mapped_column(String(7))
    commission_rate_bp: Mapped[int] = mapped_column(Integer)
    default_prices: Mapped[dict[str, Any]] = mapped_column(JSON)
    sort_key: Mapped[str] = mapped_column(String(200), index=True)


class Service(Deactivatable, Base):
    __tablename__ = "services"
    __table_args__ = (CheckConstraint("default_duration_minutes > 0", name="duration_positive"),)

    id: Mapped[uuid.UUID] = id_column()
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    default_duration_minutes: Mapped[int] = mapped_column(Integer)
    prices: Mapped[dict[str, Any]] = mapped_column(JSON)


class Location(Deactivatable, Base):
    __tablename__ = "locations"

    id: Mapped[uuid.UUID] = id_column()
    name: Mapped[str] = mapped_column(String(200), unique=True)
    address: Mapped[str | None] = mapped_column(Text, nullable=True)
    pos_code: Mapped[str] = mapped_column(String(2))


class Room(Deactivatable, Base):
    __tablename__ = "rooms"
    __table_args__ = (UniqueConstraint("location_id", "name"),)

    id: Mapped[uuid.UUID] = id_column()
    location_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("locations.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))


class Program(Deactivatable, Base):
    __tablename__ = "programs"

    id: Mapped[uuid.UUID] = id_column()
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
