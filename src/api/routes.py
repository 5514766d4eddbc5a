"""Every route of the API in one place: the versioned API under one `/api/v1` prefix, the public pages
(`/public/v1`, reached by a link's token), and the probes. `create_app` mounts `all_routers()`."""

from __future__ import annotations

from fastapi import APIRouter

from tend.api import api_keys, audit, auth, dev, docs, health, jobs, notes
from tend.api.clients import custom_fields, duplicates, enrollments, records, relationships
from tend.api.ledger import bills as ledger_bills
from tend.api.ledger import entries as ledger_entries
from tend.api.ledger import practice as practice_ledger
from tend.api.practice import catalog, users
from tend.api.practice import settings as practice_settings
from tend.api.scheduling import appointments, calendar, feeds
from tend.api.scheduling import series as appointment_series

API_PREFIX = "/api/v1"


def api_v1() -> APIRouter:
    """The versioned API; each module's router carries only its own path (`/clients`, `/ledger`...)."""
    v1 = APIRouter(prefix=API_PREFIX)
    for module in (
        auth,
        practice_settings,
        users,
        duplicates,
        records,
        relationships,
        enrollments,
        custom_fields,
        appointments,
        calendar,
        notes,
        appointment_series,
        feeds,
        ledger_entries,
        ledger_bills,
        practice_ledger,
        api_keys,
        audit,
        jobs,
        dev,
    ):
        v1.include_router(module.router)
    for router in catalog.routers:
        v1.include_router(router)
    return v1


def all_routers(*, private_docs: bool) -> list[APIRouter]:
    routers = [health.router, api_v1(), feeds.public_router]
    if private_docs:
        routers.append(docs.router)  # /openapi.json for signed-in callers only
    return routers
