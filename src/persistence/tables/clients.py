"""Tables of client records: clients, their practitioners, relationships and program enrollments."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
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
)
from sqlalchemy.orm import Mapped, mapped_column

from tend.core.enums import ClientStatus, CustomFieldType, Locale, RelationshipType
from tend.persistence.base import Base, Deactivatable, Timestamped, id_column
from tend.persistence.types import TextEnum, UTCDateTime


class Client(Timestamped, Base):
    __tablename__ = "clients"
    __table_args__ = (Index("ix_clients_sort_key_id", "sort_key", "id"),)

    id: Mapped[uuid.UUID] = id_column()
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    preferred_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    date_of_birth: Mapped[date | None] = mapped_column(Date, nullable=True)
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    email: Mapped[str | None] = mapped_column(String(320), nullable=True)
    id_number: Mapped[str | None] = mapped_column(String(40), nullable=True)
    address: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[ClientStatus] = mapped_column(TextEnum(ClientStatus), index=True)
    preferred_language: Mapped[Locale | None] = mapped_column(TextEnum(Locale), nullable=True)
    reminder_consent_email: Mapped[bool] = mapped_column(Boolean, default=False)
    reminder_consent_sms: Mapped[bool] = mapped_column(Boolean, default=False)
    reminder_consent_voice: Mapped[bool] = mapped_column(Boolean, default=False)
    registered_on: Mapped[date] = mapped_column(Date)
    custom_fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Kept by the domain on every write: folded (case- and accent-free) names, e-mail, phone digits, ID.
    search_text: Mapped[str] = mapped_column(Text)
    sort_key: Mapped[str] = mapped_column(String(220))
    # A record merged into another stays as a tombstone pointing at the survivor (old links keep working).
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("clients.id", ondelete="SET NULL"), nullable=True, index=True
    )
    merged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ClientPractitioner(Base):
    __tablename__ = "client_practitioners"

    client_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True
    )
    practitioner_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("practitioners.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class ClientRelationship(Base):
    """One direction of a relationship; its inverse is the row with the same pair_id."""

    __tablename__ = "client_relationships"
    __table_args__ = (
        UniqueConstraint("client_id", "related_client_id"),
        CheckConstraint("client_id <> related_client_id", name="not_self"),
    )

    id: Mapped[uuid.UUID] = id_column()
    pair_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    related_client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    relationship_type: Mapped[RelationshipType] = mapped_column(TextEnum(RelationshipType))
    # Flags say what the related client is for this client.
    legal_guardian: Mapped[bool] = mapped_column(Boolean, default=False)
    responsible_for_billing: Mapped[bool] = mapped_column(Boolean, default=False)
    emergency_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Enrollment(Timestamped, Base):
    __tablename__ = "enrollments"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="ends_after_start"),
        Index("ix_enrollments_client_id_program_id", "client_id", "program_id"),
    )

    id: Mapped[uuid.UUID] = id_column()
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    program_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("programs.id", ondelete="RESTRICT"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class CustomFieldDefinition(Deactivatable, Base):
    __tablename__ = "custom_field_definitions"

    id: Mapped[uuid.UUID] = id_column()
    key: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    field_type: Mapped[CustomFieldType] = mapped_column(TextEnum(CustomFieldType))
    options: Mapped[list[str]] = mapped_column(JSON)
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
