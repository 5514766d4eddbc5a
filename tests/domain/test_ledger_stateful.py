"""Random sequences of charges, payments, refunds, reversals, allocations and session status flips (with
the fee/charge job after each flip), against the real database, keep the ledger's invariants:

- each currency's balance equals the sum of that currency's entries, and equals a model that only saw
  that currency's operations (currencies never mix);
- no payment is refunded or applied beyond its amount; no entry is reversed twice;
- each bill's paid amount equals its live allocations, never above its total, and its state follows;
- a session has at most one live automatic charge, the one its status calls for.

Hypothesis drives a synchronous state machine; each step runs on the machine's own event loop and
engine (in a worker thread), so the test's own loop stays free. The concurrent variant (PostgreSQL) adds
a step that fires two to four operations at once, each in its own transaction, and checks the same
invariants once they have all finished: what a stored total (a bill's paid amount) says must match the
rows it sums however the transactions interleave."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from tend.core.actor import Actor
from tend.core.clock import FrozenClock
from tend.core.enums import (
    AdjustmentDirection,
    AppointmentKind,
    AppointmentStatus,
    BillStatus,
    EntryKind,
    PaymentMethod,
    Role,
)
from tend.core.errors import Conflict, NotFound
from tend.domain.clients.records import NewClient, create_client
from tend.domain.context import Context
from tend.domain.ledger import bills, charges, entries
from tend.domain.practice.catalog import (
    LOCATIONS,
    PRACTITIONERS,
    SERVICES,
    NewLocation,
    NewPractitioner,
    NewService,
)
from tend.domain.practice.settings import PracticeChanges, update_practice
from tend.domain.scheduling import appointments
from tend.persistence.db import create_engine, create_sessionmaker, unit_of_work
from tend.persistence.repositories.ledger import BillRepository, LedgerRepository

CURRENCIES = ("PEN", "USD")
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
ADMIN = Actor(role=Role.admin)
PRICE = {"PEN": 15000, "USD": 4000}
FEE = {"PEN": 2500, "USD": 1000}
STATUS_CHARGE = {
    AppointmentStatus.attended: "session_fee",
    AppointmentStatus.no_show: "no_show_fee",
    AppointmentStatus.late_cancelled: "late_cancel_fee",
}

amounts = st.integers(min_value=1, max_value=20000)
currencies = st.sampled_from(CURRENCIES)


def ledger_machine(database_url: str) -> type[RuleBasedStateMachine]:
    class Ledger(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.loop = asyncio.new_event_loop()
            self.engine = create_engine(database_url)
            self.sessions = create_sessionmaker(self.engine)
            self.clock = FrozenClock(NOW)
            self.expected = dict.fromkeys(CURRENCIES, 0)
            self.payments: list[Any] = []
            self.entries: list[Any] = []
            self.allocations: list[Any] = []
            self.sessions_booked: list[Any] = []

        def run(self, make: Any) -> Any:
            async def go() -> Any:
                async with unit_of_work(self.sessions) as session:
                    return await make(Context(session=session, clock=self.clock, actor=ADMIN))

            return self.loop.run_until_complete(go())

        def teardown(self) -> None:
            self.loop.run_until_complete(self.engine.dispose())
            self.loop.close()

        @initialize()
        def a_client(self) -> None:
            async def make(ctx: Context) -> Any:
                await update_practice(
                    ctx,
                    PracticeChanges(
                        currencies=list(CURRENCIES),
                        default_currency="PEN",
                        no_show_fees=dict(FEE),
                        late_cancel_fees=dict(FEE),
                    ),
                )
                practitioner = await PRACTITIONERS.create(
                    ctx, NewPractitioner(name="Dra. Azar", color="#336699", commission_rate_bp=4000)
                )
                # A session needs its service and place (the booking checks them); one each per example.
                tag = uuid.uuid4().hex[:8]
                service = await SERVICES.create(
                    ctx, NewService(code=tag, name="Psicoterapia", default_duration_minutes=45)
                )
                office = await LOCATIONS.create(ctx, NewLocation(name=f"Consultorio {tag}", pos_code="11"))
                client = await create_client(ctx, NewClient(first_name="Azar", last_name="Estado"))
                return client.client.id, practitioner.id, service.id, office.id

            self.client_id, self.practitioner_id, self.service_id, self.location_id = self.run(make)

        def _posted(self, entry: Any) -> None:
            self.entries.append(entry)
            self.expected[entry.currency] += entry.delta_minor

        @rule(currency=currencies, amount=amounts)
        def charge(self, currency: str, amount: int) -> None:
            data = entries.NewCharge(amount_minor=amount, currency=currency, memo="Otro")
            self._posted(self.run(lambda ctx: entries.record_charge(ctx, self.client_id, data)))

        @rule(currency=currencies, amount=amounts)
        def pay(self, currency: str, amount: int) -> None:
            data = entries.NewPayment(
                amount_minor=amount, currency=currency, payment_method=PaymentMethod.cash
            )
            payment = self.run(lambda ctx: entries.record_payment(ctx, self.client_id, data))
            self.payments.append(payment)
            self._posted(payment)

        @rule(direction=st.sampled_from(["credit", "debit"]), currency=currencies, amount=amounts)
        def adjust(self, direction: str, currency: str, amount: int) -> None:
            data = entries.NewAdjustment(AdjustmentDirection(direction), amount, currency, reason="Ajuste")
            self._posted(self.run(lambda ctx: entries.record_adjustment(ctx, self.client_id, data)))

        @precondition(lambda self: self.payments)
        @rule(index=st.integers(min_value=0), amount=amounts)
        def refund(self, index: int, amount: int) -> None:
            payment = self.payments[index % len(self.payments)]
            try:
                refunded = self.run(
                    lambda ctx: entries.refund_payment(ctx, payment.id, entries.NewRefund(amount))
                )
            except Conflict:
                return
            self._posted(refunded)

        @precondition(lambda self: self.entries)
        @rule(index=st.integers(min_value=0))
        def reverse(self, index: int) -> None:
            target = self.entries[index % len(self.entries)]
            try:
                reversal = self.run(lambda ctx: entries.reverse_entry(ctx, target.id, "Error"))
            except Conflict:
                return
            self._posted(reversal)

        @rule(currency=currencies, days_ago=st.integers(min_value=1, max_value=60))
        def book_past_session(self, currency: str, days_ago: int) -> None:
            starts = NOW - timedelta(days=days_ago, minutes=len(self.sessions_booked))
            new = appointments.NewAppointment(
                kind=AppointmentKind.client_session,
                client_id=self.client_id,
                practitioner_id=self.practitioner_id,
                service_id=self.service_id,
                location_id=self.location_id,
                starts_at=starts,
                ends_at=starts + timedelta(minutes=45),
                price_minor=PRICE[currency],
                currency=currency,
                allow_conflicts=True,
            )
            self.sessions_booked.append(self.run(lambda ctx: appointments.create_appointment(ctx, new)))

        @rule(currency=currencies, days_ago=st.integers(min_value=1, max_value=60), amount=amounts)
        def attend_pay_and_apply(self, currency: str, days_ago: int, amount: int) -> None:
            """The common path in one step, so sequences reach bills and allocations often."""
            self.book_past_session(currency, days_ago)
            self.flip_status(len(self.sessions_booked) - 1, AppointmentStatus.attended)
            self.pay(currency, amount)
            self.allocate(len(self.payments) - 1, min(amount, PRICE[currency]))

        @precondition(lambda self: self.sessions_booked)
        @rule(
            index=st.integers(min_value=0),
            status=st.sampled_from(
                [AppointmentStatus.attended, AppointmentStatus.no_show, AppointmentStatus.scheduled]
            ),
        )
        def flip_status(self, index: int, status: AppointmentStatus) -> None:
            appointment = self.sessions_booked[index % len(self.sessions_booked)]
            self.run(lambda ctx: appointments.set_status(ctx, appointment.id, status))

            async def settle(ctx: Context) -> list[Any]:
                before = {e.id for e in await LedgerRepository(ctx.session).of_client([self.client_id])}
                await charges.settle_appointment(ctx, appointment.id)
                after = await LedgerRepository(ctx.session).of_client([self.client_id])
                return [e for e in after if e.id not in before]

            for entry in self.run(settle):
                self._posted(entry)

        @precondition(lambda self: self.payments)
        @rule(payment_index=st.integers(min_value=0), amount=amounts)
        def allocate(self, payment_index: int, amount: int) -> None:
            payment = self.payments[payment_index % len(self.payments)]

            async def apply(ctx: Context) -> Any:
                open_bills = [
                    v.bill
                    for v in await bills.bills_of_client(ctx, self.client_id)
                    if v.bill.currency == payment.currency and v.bill.status is not BillStatus.cancelled
                ]
                if not open_bills:
                    return []
                return await bills.allocate(
                    ctx, payment.id, [entries.AllocationRequest(open_bills[0].id, amount)]
                )

            try:
                self.allocations.extend(self.run(apply))
            except Conflict:
                return

        @precondition(lambda self: self.allocations)
        @rule(index=st.integers(min_value=0))
        def unallocate(self, index: int) -> None:
            allocation = self.allocations.pop(index % len(self.allocations))
            try:
                self.run(lambda ctx: bills.unallocate(ctx, allocation.id))
            except NotFound:  # the fee job (or un-applying its whole payment) took it off already
                return

        @invariant()
        def the_books_balance(self) -> None:
            if not hasattr(self, "client_id"):
                return

            async def check(ctx: Context) -> None:
                ledger, bill_repo = LedgerRepository(ctx.session), BillRepository(ctx.session)
                stored = await ledger.of_client([self.client_id])
                balances = {
                    b.currency: b.amount_minor
                    for b in (await ledger.balances([self.client_id])).get(self.client_id, [])
                }
                for currency in CURRENCIES:
                    summed = sum(e.delta_minor for e in stored if e.currency == currency)
                    assert balances.get(currency, 0) == summed == self.expected[currency], currency
                reversed_targets = [e.reverses_id for e in stored if e.kind is EntryKind.reversal]
                assert len(reversed_targets) == len(set(reversed_targets))
                for payment in (e for e in stored if e.kind is EntryKind.payment):
                    refunded = await ledger.refunded_minor(payment.id)
                    allocated = await bill_repo.allocated_minor(payment.id)
                    assert refunded + allocated <= payment.amount_minor
                for view in await bills.bills_of_client(ctx, self.client_id):
                    bill = view.bill
                    assert (
                        bill.paid_minor == sum(a.amount_minor for a in view.allocations) <= bill.total_minor
                    )
                    if bill.status is not BillStatus.cancelled:
                        expected = (
                            BillStatus.paid
                            if bill.paid_minor >= bill.total_minor
                            else BillStatus.partially_paid
                            if bill.paid_minor
                            else BillStatus.open
                        )
                        assert bill.status is expected
                    else:
                        assert bill.paid_minor == 0
                for appointment in self.sessions_booked:
                    fresh = await appointments.get_appointment(ctx, appointment.id)
                    live = await ledger.live_automatic_charges(appointment.id)
                    wanted = STATUS_CHARGE.get(fresh.status)
                    # At most one, and the one its status calls for (the front desk may have reversed it
                    # by hand, e.g. a session given for free: then none).
                    assert [c.charge_type.value for c in live if c.charge_type] in (
                        ([wanted], []) if wanted else ([],)
                    )

            self.run(check)

    return Ledger


Make = Callable[[Context], Awaitable[Any]]
SEQUENTIAL_RULES = (
    "charge", "pay", "adjust", "refund", "reverse", "book_past_session", "attend_pay_and_apply",
    "flip_status", "allocate", "unallocate",
)  # fmt: skip
# Shrinking goes towards the first; the bill operations are what the races are about.
OPERATIONS = ("unallocate", "allocate", "reverse", "flip", "unapply_payment", "refund", "pay")


def concurrent_ledger_machine(database_url: str) -> type[RuleBasedStateMachine]:
    """The same model and invariants with one kind of step (the sequential rules are plain helpers here):
    the issue's setup (a fresh bill paid by two payments, and a third payment left as credit), then two to
    four operations at once, each in its own unit of work on
    its own connection (PostgreSQL runs them as concurrent transactions); the model takes what each one
    did once all have finished. Operations pick their target counting from the newest, so most of them
    land on that bill, its payments and its session. Refusals (409) and "already gone" (404) are fine
    answers for a loser; anything else (a 500, a deadlock, a broken constraint) fails the test."""

    class ConcurrentLedger(ledger_machine(database_url)):  # type: ignore[misc]
        def _a_bill_paid_in_two_parts(self, currency: str, days_ago: int, split: int) -> None:
            self.book_past_session(currency, days_ago)
            appointment = self.sessions_booked[-1]
            self.flip_status(len(self.sessions_booked) - 1, AppointmentStatus.attended)
            first = PRICE[currency] * split // 100
            for amount in (first, PRICE[currency] - first):
                self.pay(currency, amount)
                payment = self.payments[-1]

                async def apply(ctx: Context, payment: Any = payment, amount: int = amount) -> Any:
                    (bill,) = await BillRepository(ctx.session).of_appointment(appointment.id)
                    item = entries.AllocationRequest(bill.id, amount)
                    return await bills.allocate(ctx, payment.id, [item])

                self.allocations.extend(self.run(apply))
            self.pay(currency, PRICE[currency])  # credit, for the operations to apply or refund

        def _together(self, makes: list[Make]) -> list[Any]:
            async def one(make: Make) -> Any:
                try:
                    async with unit_of_work(self.sessions) as session:
                        return await make(Context(session=session, clock=self.clock, actor=ADMIN))
                except (Conflict, NotFound) as refused:
                    return refused

            async def connected() -> None:
                async with self.engine.connect() as connection:
                    await connection.exec_driver_sql("SELECT 1")
                    await asyncio.sleep(0.01)

            async def together() -> list[Any]:
                # Open connections wait in the pool first: a transaction that had to connect would start
                # after the others had finished, and nothing would race.
                await asyncio.gather(*[connected() for _ in makes])
                return list(await asyncio.gather(*[one(make) for make in makes]))

            return self.loop.run_until_complete(together())

        def _operation(self, kind: str, index: int, amount: int) -> tuple[Make, Callable[[Any], None]]:
            """What to run (one transaction, or the flip's two) and how the model takes its result."""

            def newest(items: list[Any]) -> Any:
                return items[-1 - index % len(items)]

            def posted(result: Any) -> None:
                for entry in result if isinstance(result, list) else [result]:
                    if entry is not None and not isinstance(entry, Exception):
                        self._posted(entry)

            if kind == "pay":
                data = entries.NewPayment(amount, CURRENCIES[index % 2], PaymentMethod.cash)

                def paid(result: Any) -> None:
                    if not isinstance(result, Exception):
                        self.payments.append(result)
                        self._posted(result)

                return (lambda ctx: entries.record_payment(ctx, self.client_id, data)), paid
            if kind == "allocate":
                payment = newest(self.payments)
                appointment = self.sessions_booked[-1]

                async def apply(ctx: Context) -> Any:
                    (bill,) = await BillRepository(ctx.session).of_appointment(appointment.id)
                    if bill.currency != payment.currency:
                        return []
                    item = entries.AllocationRequest(bill.id, amount % PRICE[bill.currency] + 1)
                    return await bills.allocate(ctx, payment.id, [item])

                def applied(result: Any) -> None:
                    if isinstance(result, list):
                        self.allocations.extend(result)

                return apply, applied
            if kind == "unallocate":
                allocation = newest(self.allocations)  # twins are welcome

                def taken_off(_: Any) -> None:  # done, or a twin (or the fee job) took it first
                    if allocation in self.allocations:
                        self.allocations.remove(allocation)

                return (lambda ctx: bills.unallocate(ctx, allocation.id)), taken_off
            if kind == "unapply_payment":
                payment = newest(self.payments)
                return (lambda ctx: bills.unallocate_payment(ctx, payment.id)), posted
            if kind == "refund":
                payment = newest(self.payments)
                data = entries.NewRefund(amount)
                return (lambda ctx: entries.refund_payment(ctx, payment.id, data)), posted
            if kind == "reverse":
                target = newest(self.entries)
                return (lambda ctx: entries.reverse_entry(ctx, target.id, "Error")), posted
            assert kind == "flip"
            appointment = newest(self.sessions_booked)
            statuses = [AppointmentStatus.no_show, AppointmentStatus.scheduled, AppointmentStatus.attended]
            status = statuses[amount % 3]

            async def flip(ctx: Context) -> None:
                await appointments.set_status(ctx, appointment.id, status)

            async def settle(ctx: Context) -> list[Any]:
                # Under the client's lock, so the entries that appear are this job's own.
                await entries.lock_client(ctx, self.client_id)
                ledger = LedgerRepository(ctx.session)
                before = {e.id for e in await ledger.of_client([self.client_id])}
                await charges.settle_appointment(ctx, appointment.id)
                return [e for e in await ledger.of_client([self.client_id]) if e.id not in before]

            async def flip_and_settle(_ctx: Context) -> list[Any]:
                async with unit_of_work(self.sessions) as session:
                    await flip(Context(session=session, clock=self.clock, actor=ADMIN))
                async with unit_of_work(self.sessions) as session:
                    return await settle(Context(session=session, clock=self.clock, actor=Actor.system()))

            return flip_and_settle, posted

        @rule(
            currency=currencies,
            days_ago=st.integers(min_value=1, max_value=60),
            split=st.integers(min_value=1, max_value=99),
            operations=st.lists(
                st.tuples(
                    st.sampled_from(OPERATIONS),
                    st.integers(min_value=0, max_value=5),
                    st.integers(min_value=1, max_value=16000),
                ),
                min_size=2,
                max_size=4,
            ),
        )
        def at_once(self, currency: str, days_ago: int, split: int, operations: list[Any]) -> None:
            self._a_bill_paid_in_two_parts(currency, days_ago, split)
            planned = [self._operation(kind, index, amount) for kind, index, amount in operations]
            results = self._together([make for make, _ in planned])
            for (_, take), result in zip(planned, results, strict=True):
                take(result)

    for name in SEQUENTIAL_RULES:  # plain helpers here: every step is a concurrent one
        setattr(ConcurrentLedger, name, _not_a_rule(getattr(ConcurrentLedger, name)))
    return ConcurrentLedger


def _not_a_rule(method: Callable[..., Any]) -> Callable[..., Any]:
    def call(self: Any, *args: Any, **kwargs: Any) -> Any:
        return method(self, *args, **kwargs)

    return call


@pytest.mark.timeout(600)  # a few hundred real transactions; slow on a loaded machine
async def test_random_money_sequences_keep_the_ledger_consistent(db_url: str, engine: Any) -> None:
    machine = ledger_machine(db_url)
    machine.TestCase.settings = settings(
        max_examples=20,
        stateful_step_count=15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        derandomize=True,
    )
    test_case = machine.TestCase()
    await asyncio.to_thread(test_case.runTest)


@pytest.mark.postgres_only
@pytest.mark.timeout(600)
async def test_random_money_operations_at_once_keep_the_ledger_consistent(db_url: str, engine: Any) -> None:
    machine = concurrent_ledger_machine(db_url)
    machine.TestCase.settings = settings(
        max_examples=15,
        stateful_step_count=12,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        derandomize=True,
    )
    test_case = machine.TestCase()
    await asyncio.to_thread(test_case.runTest)
