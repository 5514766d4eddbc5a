"""What a ledger entry or bill says it is for. Staff type their memos, reasons and bill lines, kept as typed;
the ledger writes its own (a session's fee, a no-show fee, why a session's charge was reversed) as a
`MemoCode` + parameters (ids, dates, amounts, statuses; nothing clinical), so each reader reads them in her
own language: `ledger.memo.<code>` in the platform's catalogues."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tend.core.enums import AppointmentStatus, ChargeType, MemoCode
from tend.domain.platform.messaging import MessageLocale, translate

MemoParams = Mapping[str, str | int]

# The ledger's own name for the charge a session's status calls for (and its bill line).
FEE_MEMOS = {
    ChargeType.session_fee: MemoCode.session_fee,
    ChargeType.no_show_fee: MemoCode.no_show_fee,
    ChargeType.late_cancel_fee: MemoCode.late_cancel_fee,
}


@dataclass(frozen=True)
class Memo:
    """Either words typed by a person (`text`) or the ledger's own (`code` + `params`)."""

    text: str | None = None
    code: MemoCode | None = None
    params: MemoParams = field(default_factory=dict)

    @classmethod
    def of(cls, value: str | Memo | None) -> Memo:
        return value if isinstance(value, Memo) else cls(text=value)

    @classmethod
    def coded(cls, code: MemoCode, **params: str | int) -> Memo:
        return cls(code=code, params=params)

    @property
    def stored_params(self) -> dict[str, str | int] | None:
        """The parameters as stored beside a code (None with typed words)."""
        return dict(self.params) if self.code is not None else None

    def entry_fields(self) -> dict[str, object]:
        """The ledger entry's columns that hold it."""
        return {"memo": self.text, "memo_code": self.code, "memo_params": self.stored_params}


def session_marked(status: AppointmentStatus) -> Memo:
    """Why a session's charge was reversed: the status it was given instead."""
    return Memo.coded(MemoCode.session_marked, status=status.value)


def render(
    locale: MessageLocale, code: MemoCode | None, params: Mapping[str, object] | None, text: str | None
) -> str | None:
    """The memo in the reader's language: typed words as typed, a code through the catalogue."""
    if code is None:
        return text
    values = dict(params or {})
    if code is MemoCode.session_marked:
        status = AppointmentStatus(str(values["status"]))
        values["status"] = translate(locale, f"appointment.status.{status.value}")
    return translate(locale, f"ledger.memo.{code.value}", **values)
