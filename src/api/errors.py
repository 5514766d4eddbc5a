"""One error shape for everything: application/problem+json (RFC 9457) with field errors and next steps."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from tend.api.request_context import current_request_id
from tend.domain.errors import Conflict, DomainError, TooManyAttempts

log = logging.getLogger("tend.errors")
PROBLEM_JSON = "application/problem+json"


class FieldError(BaseModel):
    field: str = Field(description="Dotted path of the offending field, e.g. `address.city`.")
    loc: list[str | int]
    message: str
    type: str


class Problem(BaseModel):
    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    request_id: str | None = None
    errors: list[FieldError] | None = None
    next_step: str | None = None


def problem_response(
    status: int,
    title: str,
    detail: str | None = None,
    *,
    errors: list[dict[str, Any]] | None = None,
    next_step: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "request_id": current_request_id(),
    }
    if errors:
        body["errors"] = errors
    if next_step:
        body["next_step"] = next_step
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


_FRIENDLY = {
    "missing": "This field is required.",
    "extra_forbidden": "Unknown field: remove it.",
    "json_invalid": "The request body is not valid JSON.",
}


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(part) for part in loc]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


def validation_errors(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    errors = []
    for item in raw:
        loc = tuple(item.get("loc", ()))
        kind = str(item.get("type", "invalid"))
        if kind == "json_invalid":
            loc = ("body",)
        errors.append(
            {
                "field": _field_name(loc),
                "loc": [part if isinstance(part, int) else str(part) for part in loc],
                "message": _FRIENDLY.get(kind, str(item.get("msg", "Invalid value."))),
                "type": kind,
            }
        )
    return errors


async def _validation_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = validation_errors(list(exc.errors()))
    fields = ", ".join(sorted({e["field"] for e in errors}))
    return problem_response(422, "Validation failed", f"Check these fields: {fields}.", errors=errors)


async def _domain_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    errors = [{"field": p.field, "loc": p.field.split("."), "message": p.message, "type": p.type}
              for p in exc.errors]
    headers = {}
    if isinstance(exc, TooManyAttempts):
        headers["Retry-After"] = str(exc.retry_after_seconds)
    if exc.status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    return problem_response(
        exc.status,
        exc.title,
        exc.detail,
        errors=errors or None,
        next_step=exc.next_step if isinstance(exc, Conflict) else None,
        headers=headers or None,
    )


async def _http_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    titles = {404: "Not found", 405: "Method not allowed", 401: "Not authenticated", 403: "Forbidden"}
    detail = exc.detail if isinstance(exc.detail, str) else None
    return problem_response(
        exc.status_code, titles.get(exc.status_code, "Error"), detail, headers=getattr(exc, "headers", None)
    )


async def _unexpected_handler(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return problem_response(
        500,
        "Internal error",
        f"Something went wrong on our side. Nothing was saved. Quote error id {current_request_id()}.",
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(DomainError, _domain_handler)
    app.add_exception_handler(StarletteHTTPException, _http_handler)
    app.add_exception_handler(Exception, _unexpected_handler)


# Shown in the OpenAPI document for every operation that can fail this way.
def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    descriptions = {
        400: "Bad request", 401: "Not authenticated", 403: "Not allowed", 404: "Not found",
        409: "Conflict (see next_step)", 422: "Validation failed (see errors[])", 429: "Too many attempts",
    }
    return {
        status: {"model": Problem, "description": descriptions.get(status, "Error"),
                 "content": {PROBLEM_JSON: {}}}
        for status in statuses
    }
