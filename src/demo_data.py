"""Demo data for `tend seed-demo`: a psychology practice in Lima with staff, catalog and ~150 clients.

Deterministic (seeded random) and idempotent: users are added when missing; the practice's records only
on a database with no clients yet."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tend.core.enums import (
    AppointmentKind,
    AppointmentStatus,
    Availability,
    ClientStatus,
    CustomFieldType,
    JobStatus,
    Locale,
    PaymentMethod,
    RelationshipType,
    Role,
    WeekStart,
)
from tend.core.text import fold
from tend.domain.clients import custom_fields, enrollments, relationships
from tend.domain.clients import records as clients
from tend.domain.context import Actor, Context
from tend.domain.ledger import bills as ledger_bills
from tend.domain.ledger import charges as ledger_charges
from tend.domain.ledger import daily_close
from tend.domain.ledger import entries as ledger
from tend.domain.notes import session_notes
from tend.domain.platform.jobs import OUTBOX_SESSION_KEY
from tend.domain.practice import settings as practice
from tend.domain.practice import users
from tend.domain.practice.catalog import (
    LOCATIONS,
    PRACTITIONERS,
    PROGRAMS,
    ROOMS,
    SERVICES,
    NewLocation,
    NewPractitioner,
    NewProgram,
    NewRoom,
    NewService,
)
from tend.domain.scheduling import appointments as scheduling
from tend.domain.scheduling import series, window
from tend.domain.scheduling.recurrence import Frequency, RecurrenceRule, Weekday
from tend.persistence.repositories.jobs import JobRepository
from tend.persistence.tables.clients import Client


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    password: str
    name: str


DEMO_LOGINS = (
    DemoLogin("admin", "admin@tend.example", "tend-demo-admin", "Demo Admin"),
    DemoLogin("front_desk", "frontdesk@tend.example", "tend-demo-front", "Lucía Recepción"),
    DemoLogin("clinician", "clinician@tend.example", "tend-demo-clinician", "Dra. Carmen Quispe"),
)

PRACTITIONERS_DATA = [
    ("Dra. Carmen Quispe Huamán", "Psicóloga clínica, C.Ps.P. 12345", "#1e88e5", 4000),
    ("Dr. Jorge Ñahui Salazar", "Psicólogo, terapia cognitivo-conductual", "#43a047", 4500),
    ("Lic. Rocío Peña Álvarez", "Psicóloga infantil", "#e53935", 4000),
    ("Dr. Andrés Gutiérrez Ibáñez", "Psiquiatra", "#8e24aa", 5000),
    ("Lic. María José Céspedes", "Terapeuta familiar", "#fb8c00", 3500),
    ("Lic. Tomás Ríos Zúñiga", "Psicólogo REBT", "#00897b", 4000),
    ("Dra. Ximena Valdés Muñoz", "Neuropsicóloga", "#6d4c41", 4500),
    ("Lic. Renato Chávez León", "Psicólogo de parejas", "#3949ab", 3500),
]
FIRST_NAMES = [
    "José",
    "María",
    "Lucía",
    "Martín",
    "Sofía",
    "Ángel",
    "Valentina",
    "Sebastián",
    "Camila",
    "Mateo",
    "Renata",
    "Joaquín",
    "Inés",
    "Tomás",
    "Ximena",
    "Raúl",
    "Noelia",
    "César",
    "Ana Belén",
    "Héctor",
    "Fátima",
    "Iñigo",
    "Daniela",
    "Óscar",
    "Rosa",
    "Julián",
    "Gabriela",
    "Adrián",
    "Elena",
    "Hugo",
]
LAST_NAMES = [
    "Muñoz",
    "Núñez",
    "Peña",
    "Álvarez",
    "Ibáñez",
    "Gutiérrez",
    "Quispe",
    "Mamani",
    "Flores",
    "Rodríguez",
    "Sánchez",
    "Pérez",
    "Gómez",
    "Díaz",
    "Chávez",
    "Vásquez",
    "Ramírez",
    "Torres",
    "Castillo",
    "Rojas",
    "Zúñiga",
    "Cáceres",
    "Huamán",
    "Córdova",
    "Ñique",
    "Benítez",
    "Espinoza",
    "León",
    "Ortiz",
    "Valdés",
]
STREETS = [
    "Av. Larco",
    "Jr. de la Unión",
    "Av. Arequipa",
    "Calle Schell",
    "Av. Javier Prado",
    "Av. Benavides",
]
DISTRICTS = ["Miraflores", "San Isidro", "Barranco", "Surco", "Lince", "Jesús María", "San Borja"]
CLIENT_COUNT = 150
MINOR_COUNT = 24
# The regulars' schedules: six months of history (what reports and aging read) and two months ahead.
WEEKS_BACK = 26
WEEKS_AHEAD = 9


def _ascii_email(first: str, last: str, n: int) -> str:
    local = f"{fold(first).replace(' ', '')}.{fold(last).replace(' ', '')}{n}"
    return f"{local}@correo.example"


async def ensure_demo_users(ctx: Context, clinician_practitioner_id: object | None) -> None:
    for login in DEMO_LOGINS:
        if await users.find_by_email(ctx, login.email) is not None:
            continue
        role = Role(login.role)
        await users.create_user(
            ctx,
            email=login.email,
            name=login.name,
            role=role,
            password=login.password,
            practitioner_id=clinician_practitioner_id if role is Role.clinician else None,  # type: ignore[arg-type]
            locale=Locale.es if role is not Role.admin else None,
            send_welcome=False,
        )


async def seed(ctx: Context) -> None:
    if await clients.any_clients(ctx):
        existing = await users.find_by_email(ctx, "clinician@tend.example")
        await ensure_demo_users(ctx, existing.practitioner_id if existing else None)
        return
    rng = random.Random(2026)  # noqa: S311 - demo data, not security
    await practice.update_practice(
        ctx,
        practice.PracticeChanges(
            name="Centro Psicológico Miraflores",
            time_zone="America/Lima",
            country="PE",
            currencies=["PEN", "USD"],
            default_currency="PEN",
            no_show_fees={"PEN": 2500, "USD": 2500},
            late_cancel_fees={"PEN": 2500, "USD": 2500},
            late_cancel_window_hours=24,
            reminder_send_hour=9,
            monthly_survey_enabled=True,
            monthly_survey_day=1,
            default_locale=Locale.es,
            client_labels={"es": "paciente", "en": "patient"},
            week_starts_on=WeekStart.monday,
            slot_minutes=15,
        ),
    )

    practitioners = [
        await PRACTITIONERS.create(
            ctx,
            NewPractitioner(
                name=name,
                credentials=credentials,
                color=color,
                commission_rate_bp=rate,
                email=_ascii_email(name.split()[1], name.split()[2], 0).replace("correo", "centro"),
                phone=f"+51 9{rng.randint(10000000, 99999999)}",
                default_prices={"PEN": rng.choice([12000, 15000, 18000]), "USD": rng.choice([4000, 5000])},
            ),
        )
        for name, credentials, color, rate in PRACTITIONERS_DATA
    ]
    await ensure_demo_users(ctx, practitioners[0].id)

    services: list[Any] = []
    for code, name, minutes, pen, usd in (
        ("90834", "Psicoterapia individual (45 min)", 45, 15000, 5000),
        ("90837", "Psicoterapia individual (60 min)", 60, 18000, 6000),
        ("90847", "Terapia familiar con el paciente", 50, 20000, 6500),
        ("90791", "Evaluación psicológica inicial", 60, 22000, 7000),
        ("90853", "Psicoterapia de grupo", 90, 8000, 2500),
    ):
        service = await SERVICES.create(
            ctx,
            NewService(
                code=code,
                name=name,
                default_duration_minutes=minutes,
                prices={"PEN": pen, "USD": usd},
            ),
        )
        services.append(service)
    office = await LOCATIONS.create(
        ctx,
        NewLocation(
            name="Consultorio Miraflores",
            pos_code="11",
            address="Av. Larco 1150, Of. 302, Miraflores, Lima",
        ),
    )
    online = await LOCATIONS.create(ctx, NewLocation(name="Telepsicología", pos_code="02", address=None))
    rooms = [
        await ROOMS.create(ctx, NewRoom(location_id=office.id, name=room))
        for room in ("Sala 1", "Sala 2", "Sala de grupo")
    ]
    programs = [
        await PROGRAMS.create(ctx, NewProgram(name=name, description=description))
        for name, description in (
            ("Terapia individual", "Acompañamiento semanal"),
            ("Programa intensivo ambulatorio", "Tres sesiones por semana durante 8 semanas"),
            ("Terapia familiar", None),
            ("Taller de manejo de ansiedad", "Grupo de 8 sesiones"),
        )
    ]
    await custom_fields.create_definition(
        ctx,
        custom_fields.NewFieldDefinition(
            key="referral_source",
            label="Referral source / Fuente de referencia",
            field_type=CustomFieldType.select,
            options=["Web", "Recomendación", "Médico", "Colegio", "Otro"],
            required=False,
            position=1,
        ),
    )
    await custom_fields.create_definition(
        ctx,
        custom_fields.NewFieldDefinition(
            key="school",
            label="School / Colegio",
            field_type=CustomFieldType.text,
            options=[],
            required=False,
            position=2,
        ),
    )

    today = await practice.practice_today(ctx)
    adults: list[Client] = []
    minors: list[Client] = []
    for n in range(CLIENT_COUNT):
        minor = n < MINOR_COUNT
        first, last = rng.choice(FIRST_NAMES), f"{rng.choice(LAST_NAMES)} {rng.choice(LAST_NAMES)}"
        age_days = rng.randint(6 * 365, 17 * 365) if minor else rng.randint(19 * 365, 75 * 365)
        summary = await clients.create_client(
            ctx,
            clients.NewClient(
                first_name=first,
                last_name=last,
                date_of_birth=today - timedelta(days=age_days),
                phone=None if minor else f"+51 9{rng.randint(10000000, 99999999)}",
                email=None if minor else _ascii_email(first, last.split()[0], n),
                id_number=f"{rng.randint(10000000, 79999999)}",
                address=f"{rng.choice(STREETS)} {rng.randint(100, 2500)}, {rng.choice(DISTRICTS)}",
                status=rng.choices(list(ClientStatus), weights=[80, 12, 8])[0],
                preferred_language=Locale.es if rng.random() < 0.9 else Locale.en,
                reminder_consent_email=not minor,
                reminder_consent_sms=rng.random() < 0.6,
                registered_on=today - timedelta(days=rng.randint(0, 900)),
                practitioner_ids=[rng.choice(practitioners).id],
                custom_fields={"referral_source": rng.choice(["Web", "Recomendación", "Médico", "Colegio"])}
                | (
                    {
                        "school": rng.choice(
                            ["Colegio Santa Úrsula", "I.E. José Olaya", "Colegio Peruano Británico"]
                        )
                    }
                    if minor
                    else {}
                ),
            ),
        )
        client = summary.client
        (minors if minor else adults).append(client)
        start = client.registered_on
        await enrollments.enroll(
            ctx,
            client.id,
            enrollments.NewEnrollment(
                program_id=rng.choice(programs).id,
                start_date=start,
                end_date=None if rng.random() < 0.7 else start + timedelta(days=90),
            ),
        )

    # Each minor gets a guardian among the adults with the same first surname where possible.
    for child in minors:
        surname = child.last_name.split()[0]
        guardian = next((a for a in adults if a.last_name.split()[0] == surname), None) or rng.choice(adults)
        await relationships.add_relationship(
            ctx,
            child.id,
            relationships.NewRelationship(
                related_client_id=guardian.id,
                relationship_type=RelationshipType.parent_guardian,
                legal_guardian=True,
                responsible_for_billing=True,
                emergency_contact=True,
            ),
        )
    await _seed_schedule(ctx, rng, practitioners, services, office, online, rooms, adults + minors)
    await _seed_ledger(ctx, rng, adults + minors)
    await _seed_daily_closes(ctx)
    await _seed_notes(ctx, practitioners[0].id)
    await _close_settled_announcements(ctx)


async def _seed_schedule(
    ctx: Context,
    rng: random.Random,
    practitioners: list[Any],
    services: list[Any],
    office: Any,
    online: Any,
    rooms: list[Any],
    people: list[Client],
) -> None:
    """Weekly and fortnightly sessions for about forty clients, six months back and two ahead, with the
    history a real practice has (attended, no-shows, late and early cancellations), weekly supervision
    blocks and a Thursday group. Slots are handed out so nothing clashes."""
    tz = ZoneInfo("America/Lima")
    today = ctx.clock.now().astimezone(tz).date()
    monday = today - timedelta(days=today.weekday())
    individual = [s for s in services if s.code in ("90834", "90837")]
    taken: set[tuple[Any, int, int]] = set()  # (practitioner or room, weekday, hour)
    regulars = [c for c in people if c.status is ClientStatus.active][:40]
    practitioner_of = {p.id: p for p in practitioners}
    for person in regulars:
        assigned = await clients.summarize(ctx, [person])
        practitioner = (
            practitioner_of.get(assigned[0].practitioners[0].id) if assigned[0].practitioners else None
        )
        if practitioner is None:
            continue
        for _ in range(30):
            weekday, hour = rng.randrange(5), rng.randrange(8, 19)
            if weekday == 2 and hour == 13:
                continue  # supervision
            virtual = rng.random() < 0.25
            room = (
                None if virtual else next((r for r in rooms[:2] if (r.id, weekday, hour) not in taken), None)
            )
            if (practitioner.id, weekday, hour) not in taken and (virtual or room is not None):
                break
        else:
            continue
        taken.add((practitioner.id, weekday, hour))
        if room is not None:
            taken.add((room.id, weekday, hour))
        every = 1 if rng.random() < 0.7 else 2
        service = rng.choice(individual)
        minute = rng.choice([0, 0, 0, 15, 30])
        location = online if room is None else office
        if rng.random() < 0.85:  # most regulars have a real series (weekly or fortnightly)
            await _demo_series(
                ctx, rng, person, practitioner, service, location, room,
                first=monday + timedelta(weeks=-WEEKS_BACK, days=weekday),
                until=monday + timedelta(weeks=WEEKS_AHEAD),
                at=time(hour, minute), every=every,
            )  # fmt: skip
            continue
        for week in range(-WEEKS_BACK, WEEKS_AHEAD, every):  # the rest were booked one by one
            day = monday + timedelta(weeks=week, days=weekday)
            starts = datetime.combine(day, time(hour, minute), tz)
            await _demo_session(ctx, rng, person, practitioner, service, location, room, starts)
    for practitioner in practitioners:
        for week in range(-WEEKS_BACK, WEEKS_AHEAD):
            day = monday + timedelta(weeks=week, days=2)
            await scheduling.create_appointment(
                ctx,
                scheduling.NewAppointment(
                    kind=AppointmentKind.other_event,
                    title="Supervisión clínica",
                    availability=Availability.busy,
                    practitioner_id=practitioner.id,
                    starts_at=datetime.combine(day, time(13), tz),
                    ends_at=datetime.combine(day, time(14), tz),
                    allow_conflicts=True,
                ),
            )
    group_service = next(s for s in services if s.code == "90853")
    members = regulars[:5]
    for week in range(-6, 4):
        day = monday + timedelta(weeks=week, days=3)
        starts = datetime.combine(day, time(19), tz)
        first = None
        for person in members:
            booked = await scheduling.create_appointment(
                ctx,
                scheduling.NewAppointment(
                    kind=AppointmentKind.client_session,
                    client_id=person.id,
                    practitioner_id=practitioners[1].id,
                    service_id=group_service.id,
                    location_id=office.id,
                    room_id=rooms[2].id,
                    starts_at=starts,
                    ends_at=starts + timedelta(minutes=90),
                    group_with_appointment_id=first.id if first is not None else None,
                    allow_conflicts=True,
                ),
            )
            first = first or booked
            if starts < ctx.clock.now():
                await scheduling.set_status(ctx, booked.id, AppointmentStatus.attended)


async def _demo_series(
    ctx: Context,
    rng: random.Random,
    person: Client,
    practitioner: Any,
    service: Any,
    location: Any,
    room: Any,
    *,
    first: date,
    until: date,
    at: time,
    every: int,
) -> None:
    """A weekly or fortnightly series booked when it began (the clock is lent, so its past occurrences are
    ordinary ones), then each past occurrence gets its outcome."""
    reminders = [{"channel": "email", "days_before": 1}] if person.reminder_consent_email else []
    created = await _as_of(
        ctx,
        datetime.combine(first - timedelta(days=3), time(9), ZoneInfo("America/Lima")),
        series.create_series(
            ctx,
            series.NewSeries(
                kind=AppointmentKind.client_session,
                client_id=person.id,
                practitioner_id=practitioner.id,
                service_id=service.id,
                location_id=location.id,
                room_id=room.id if room is not None else None,
                start_date=first,
                local_time=at,
                duration_minutes=service.default_duration_minutes,
                rule=RecurrenceRule(
                    Frequency.weekly,
                    interval=every,
                    by_weekday=(tuple(Weekday)[first.weekday()],),
                    until=until,
                ),
                reminders=reminders,
                allow_conflicts=True,
            ),
        ),
    )
    for occurrence in created.created:
        await _record_outcome(ctx, rng, occurrence.id, occurrence.starts_at)


async def _as_of(ctx: Context, when: datetime, work: Any) -> Any:
    real = ctx.clock
    ctx.clock = _At(when)
    try:
        return await work
    finally:
        ctx.clock = real


async def _demo_session(
    ctx: Context,
    rng: random.Random,
    person: Client,
    practitioner: Any,
    service: Any,
    location: Any,
    room: Any,
    starts: datetime,
) -> None:
    booked = await scheduling.create_appointment(
        ctx,
        scheduling.NewAppointment(
            kind=AppointmentKind.client_session,
            client_id=person.id,
            practitioner_id=practitioner.id,
            service_id=service.id,
            location_id=location.id,
            room_id=room.id if room is not None else None,
            starts_at=starts,
            ends_at=starts + timedelta(minutes=service.default_duration_minutes),
            reminders=[{"channel": "email", "days_before": 1}] if person.reminder_consent_email else [],
            allow_conflicts=True,
        ),
    )
    await _record_outcome(ctx, rng, booked.id, starts)


async def _record_outcome(ctx: Context, rng: random.Random, appointment_id: Any, starts: datetime) -> None:
    if starts + timedelta(hours=2) > ctx.clock.now():
        return  # upcoming (or just now): still scheduled
    outcome = rng.choices(
        [AppointmentStatus.attended, AppointmentStatus.no_show, AppointmentStatus.cancelled, None],
        weights=[80, 8, 9, 3],  # a few past ones are still unrecorded: the calendar marks them
    )[0]
    if outcome is AppointmentStatus.cancelled:
        # Cancelled days ahead, or (a third of the time) inside the window: a late cancellation.
        # Cancelled days or hours before (the demo replays history: the clock is only lent).
        when = starts - timedelta(hours=rng.choice([72, 48, 6]))
        await _as_of(ctx, when, scheduling.set_status(ctx, appointment_id, AppointmentStatus.cancelled))
    elif outcome is not None:
        await scheduling.set_status(ctx, appointment_id, outcome)


NOTE_TEXTS = (
    "Paciente refiere mejor calidad de sueño. Se revisó el registro de pensamientos y se acordó practicar "
    "la respiración diafragmática dos veces al día.",
    "Sesión centrada en la relación con la familia. Se trabajó la comunicación asertiva con role-play.",
    "Se revisaron avances del plan de tratamiento. Ánimo estable; continúa con las tareas acordadas.",
    "Paciente llega puntual. Se exploraron situaciones que disparan ansiedad en el trabajo y se practicó "
    "reestructuración cognitiva.",
)


async def _seed_notes(ctx: Context, practitioner_id: Any) -> None:
    """Dra. Carmen Quispe (the demo clinician) documents her attended sessions of the last three weeks:
    signed notes, one amended after signing, and a draft for the latest, as the treating clinician would
    (her user writes them: nobody else may)."""
    login = await users.find_by_email(ctx, "clinician@tend.example")
    if login is None:
        return
    now = ctx.clock.now()
    entries = await window.calendar(
        ctx,
        now - timedelta(days=21),
        now,
        practitioner_ids=(practitioner_id,),
        kinds=(AppointmentKind.client_session,),
        statuses=(AppointmentStatus.attended,),
    )
    attended = [entry.row.appointment for entry in entries]
    author = Context(
        session=ctx.session,
        clock=ctx.clock,
        actor=Actor(role=Role.clinician, user_id=login.id, practitioner_id=practitioner_id),
    )
    for index, appointment in enumerate(attended):
        written = appointment.ends_at + timedelta(minutes=15)
        text = NOTE_TEXTS[index % len(NOTE_TEXTS)]
        await _as_of(author, written, session_notes.write_note(author, appointment.id, text))
        if index == len(attended) - 1:
            break  # the latest stays a draft
        await _as_of(author, written + timedelta(minutes=5), session_notes.sign_note(author, appointment.id))
        if index == len(attended) - 3:
            amendment = (
                "Adenda: la paciente llamó al día siguiente para confirmar que seguirá con las tareas."
            )
            await _as_of(
                author,
                written + timedelta(days=1),
                session_notes.add_amendment(author, appointment.id, amendment),
            )


async def _close_settled_announcements(ctx: Context) -> None:
    """Marks done, in this transaction, the `appointment_changed` jobs the demo's status changes recorded:
    their whole effect (settling each session's money) is what `_seed_ledger` already did for every session
    that has started, after the last status change. Run one by one after commit they would change nothing
    and take most of the seed's time (one job, its own transactions, per status change). Any other job
    recorded here is still sent as usual."""
    recorded: list[Any] = ctx.session.info.get(OUTBOX_SESSION_KEY, [])
    jobs = JobRepository(ctx.session)
    still_to_send = []
    for job_id in recorded:
        job = await jobs.get(job_id)
        if job is None or job.job_name != scheduling.APPOINTMENT_CHANGED_JOB:
            still_to_send.append(job_id)
            continue
        job.status, job.finished_at = JobStatus.done, ctx.clock.now()
    ctx.session.info[OUTBOX_SESSION_KEY] = still_to_send


class _At:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


async def _seed_daily_closes(ctx: Context) -> None:
    """Lucía (the front desk) closed each of the last two weeks' working days at 19:30, as a practice does;
    today is still open, and a refund recorded for a closed day shows that day's totals changed since."""
    login = await users.find_by_email(ctx, "frontdesk@tend.example")
    if login is None:
        return
    desk = Context(session=ctx.session, clock=ctx.clock, actor=Actor(role=Role.front_desk, user_id=login.id))
    tz = ZoneInfo("America/Lima")
    today = ctx.clock.now().astimezone(tz).date()
    for back in range(14, 0, -1):
        day = today - timedelta(days=back)
        if day.weekday() == 6:
            continue  # closed on Sundays
        closing = datetime.combine(day, time(19, 30), tz).astimezone(UTC)
        await _as_of(desk, closing, daily_close.close_day(desk, day))


async def _seed_ledger(ctx: Context, rng: random.Random, people: list[Client]) -> None:
    """Money with the shapes a practice has: every past session's charge and bill (what the job posts),
    most bills paid on the day by cash, card or transfer, a few left open for months (aging), no-show
    fees, a few clients billed in USD (a report), one refund of an overpayment and one payment recorded
    twice and reversed."""
    tz = ZoneInfo("America/Lima")
    today = ctx.clock.now().astimezone(tz).date()
    for appointment_id in await scheduling.past_session_ids(ctx):
        await ledger_charges.settle_appointment(ctx, appointment_id)
    slow_payers = {c.id for c in rng.sample(people, k=min(4, len(people)))}
    for person in people:
        views = await ledger_bills.bills_of_client(ctx, person.id)
        for view in sorted(views, key=lambda v: v.bill.issued_on):
            bill = view.bill
            if bill.status.value != "open" or rng.random() < (0.6 if person.id in slow_payers else 0.08):
                continue  # unpaid: the aging report and the client's balance show it
            session_day = bill.issued_on
            method = rng.choices(
                [PaymentMethod.cash, PaymentMethod.card, PaymentMethod.bank_transfer], weights=[45, 40, 15]
            )[0]
            amount = bill.total_minor if rng.random() > 0.1 else bill.total_minor // 2
            await ledger.record_payment(
                ctx,
                person.id,
                ledger.NewPayment(
                    amount_minor=amount,
                    currency=bill.currency,
                    payment_method=method,
                    reference=f"Voucher {rng.randrange(1000, 9999)}"
                    if method is PaymentMethod.card
                    else None,
                    effective_date=session_day,
                    allocations=[ledger.AllocationRequest(bill.id, amount)],
                ),
            )
    usd_clients = [c for c in people if c.status is ClientStatus.active][40:44]
    for n, person in enumerate(usd_clients):
        await ledger.record_charge(
            ctx,
            person.id,
            ledger.NewCharge(
                amount_minor=12000,
                currency="USD",
                memo="Informe psicológico para el colegio",
                effective_date=today - timedelta(days=20 + 15 * n),
            ),
        )
        if n % 2 == 0:
            await ledger.record_payment(
                ctx,
                person.id,
                ledger.NewPayment(
                    amount_minor=12000,
                    currency="USD",
                    payment_method=PaymentMethod.bank_transfer,
                    reference="Transferencia BCP",
                    effective_date=today - timedelta(days=10 + n),
                ),
            )
    if usd_clients:
        overpaid = await ledger.record_payment(
            ctx,
            usd_clients[0].id,
            ledger.NewPayment(
                amount_minor=5000,
                currency="PEN",
                payment_method=PaymentMethod.cash,
                memo="Pagó de más",
                effective_date=today - timedelta(days=3),
            ),
        )
        await ledger.refund_payment(
            ctx,
            overpaid.id,
            ledger.NewRefund(amount_minor=5000, memo="Devolución en efectivo", effective_date=today),
        )
    if len(usd_clients) > 1:
        twice = await ledger.record_payment(
            ctx,
            usd_clients[1].id,
            ledger.NewPayment(
                amount_minor=12000,
                currency="USD",
                payment_method=PaymentMethod.card,
                reference="Voucher 4417",
                effective_date=today - timedelta(days=9),
            ),
        )
        await ledger.reverse_entry(ctx, twice.id, "Registrado dos veces")
