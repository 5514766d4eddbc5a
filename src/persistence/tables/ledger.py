"""Tables of the ledger context: the insert-only money ledger, bills with their lines, the allocations of
payments to bills, the closes of the practice's days. (Session notes are the notes
context's: tables/notes.py; stored Idempotency-Key answers the platform's: tables/platform.py.)

`ledger_entries` refuses UPDATE and DELETE in the database itself (a trigger on both engines, created by
migration 0008): nothing that held money is ever changed; mistakes are fixed by new entries."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from tend.core.enums import AdjustmentDirection, BillStatus, ChargeType, EntryKind, MemoCode, PaymentMethod
from tend.persistence.base import Base, Timestamped, id_column
from tend.persistence.types import TextEnum, UTCDateTime

LEDGER_IMMUTABLE_MESSAGE = "ledger entries are insert-only: post a reversal or an adjustment instead"


class LedgerEntry(Base):
    """One movement of a client's money in one currency. `amount_minor` is always positive; `delta_minor`
    is its effect on what the client owes (+ charges, debits, refunds; - payments, credits; a reversal the
    opposite of the entry it voids), so a balance is one SUM."""

    __tablename__ = "ledger_entries"
    __table_args__ = (
        CheckConstraint("amount_minor > 0 AND amount_minor <= 1000000000000", name="amount_in_range"),
        CheckConstraint(
            "delta_minor = amount_minor OR delta_minor = -amount_minor", name="delta_is_signed_amount"
        ),
        # The automatic charges of a session: one per (appointment, charge type, status round), so a job
        # that runs twice, or twice at once, posts one fee.
        UniqueConstraint(
            "appointment_id", "charge_type", "status_round", name="uq_ledger_entries_auto_charge"
        ),
        Index("ix_ledger_entries_client_id_currency", "client_id", "currency"),
        Index("ix_ledger_entries_effective_date", "effective_date"),
    )

    id: Mapped[uuid.UUID] = id_column()
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    kind: Mapped[EntryKind] = mapped_column(TextEnum(EntryKind))
    charge_type: Mapped[ChargeType | None] = mapped_column(TextEnum(ChargeType), nullable=True)
    payment_method: Mapped[PaymentMethod | None] = mapped_column(TextEnum(PaymentMethod), nullable=True)
    direction: Mapped[AdjustmentDirection | None] = mapped_column(
        TextEnum(AdjustmentDirection), nullable=True
    )
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    delta_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    effective_date: Mapped[date] = mapped_column(Date)
    # Typed by staff: `memo`. Written by the ledger itself: `memo_code` + `memo_params` (ids, dates,
    # amounts, statuses; nothing clinical), read in the reader's language (domain/ledger/memos.py).
    memo: Mapped[str | None] = mapped_column(String(500), nullable=True)
    memo_code: Mapped[MemoCode | None] = mapped_column(TextEnum(MemoCode), nullable=True)
    memo_params: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    reference: Mapped[str | None] = mapped_column(String(100), nullable=True)
    # History, not a reference: a deleted session leaves its (reversed) charges behind, unchanged.
    appointment_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True, index=True)
    bill_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("bills.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    # A reversal voids exactly one entry, and an entry is reversed at most once (UNIQUE).
    reverses_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("ledger_entries.id", ondelete="RESTRICT"), nullable=True, unique=True
    )
    refund_of_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("ledger_entries.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    status_round: Mapped[int | None] = mapped_column(Integer, nullable=True)
    author_user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    author_api_key_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class Bill(Timestamped, Base):
    """What a client is asked to pay for one session (or fee), in one currency. `paid_minor` and `status`
    follow the live allocations, updated in the same transaction as they change."""

    __tablename__ = "bills"
    __table_args__ = (
        CheckConstraint("total_minor >= 0", name="total_not_negative"),
        CheckConstraint("paid_minor >= 0 AND paid_minor <= total_minor", name="paid_within_total"),
        Index("ix_bills_client_id_status", "client_id", "status"),
    )

    id: Mapped[uuid.UUID] = id_column()
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    appointment_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("appointments.id", ondelete="SET NULL"), nullable=True, index=True
    )
    currency: Mapped[str] = mapped_column(String(3))
    total_minor: Mapped[int] = mapped_column(BigInteger)
    paid_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[BillStatus] = mapped_column(TextEnum(BillStatus))
    issued_on: Mapped[date] = mapped_column(Date)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    cancel_reason: Mapped[str | None] = mapped_column(String(500), nullable=True)
    cancel_reason_code: Mapped[MemoCode | None] = mapped_column(TextEnum(MemoCode), nullable=True)
    cancel_reason_params: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class BillLine(Base):
    __tablename__ = "bill_lines"
    __table_args__ = (CheckConstraint("amount_minor >= 0", name="amount_not_negative"),)

    id: Mapped[uuid.UUID] = id_column()
    bill_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bills.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    # A line typed by staff (or a service's name) has a description; the ledger's own fee lines a code.
    description: Mapped[str | None] = mapped_column(String(200), nullable=True)
    description_code: Mapped[MemoCode | None] = mapped_column(TextEnum(MemoCode), nullable=True)
    service_code: Mapped[str | None] = mapped_column(String(20), nullable=True)
    modifiers: Mapped[list[str]] = mapped_column(JSON, default=list)
    amount_minor: Mapped[int] = mapped_column(BigInteger)


class Allocation(Base):
    """Part of a payment applied to a bill. Un-applying keeps the row (`removed_at`), so the history of who
    applied what stays readable."""

    __tablename__ = "allocations"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        Index("ix_allocations_payment_id", "payment_id"),
        Index("ix_allocations_bill_id", "bill_id"),
    )

    id: Mapped[uuid.UUID] = id_column()
    payment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ledger_entries.id", ondelete="RESTRICT"))
    bill_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bills.id", ondelete="RESTRICT"))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    removed_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)


class DailyClose(Base):
    """One local day's cash-up, closed once (the UNIQUE day decides between two people closing at once):
    who closed it, when, the totals it showed and the entries it counted, so a payment, refund or reversal
    for that day recorded later shows as a change instead of silently altering a closed day."""

    __tablename__ = "daily_closes"

    id: Mapped[uuid.UUID] = id_column()
    day: Mapped[date] = mapped_column(Date, unique=True)
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_by_user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    closed_by_api_key_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    # {"payments": [{payment_method, currency, count, total_minor}, ...], "refunds": [...]}
    totals: Mapped[dict[str, Any]] = mapped_column(JSON)
    entry_ids: Mapped[list[str]] = mapped_column(JSON)
