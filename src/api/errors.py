"""One error shape for everything: application/problem+json (RFC 9457) with field errors and next steps."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from tend.api.request_context import current_request_id
from tend.api.spa import API_PREFIXES, spa_response
from tend.core.errors import Conflict, DomainError, ErrorCode, TooManyAttempts

log = logging.getLogger("tend.errors")
PROBLEM_JSON = "application/problem+json"


class FieldError(BaseModel):
    field: str = Field(description="Dotted path of the offending field, e.g. `address.city`.")
    loc: list[str | int]
    code: ErrorCode = Field(description="Stable machine code of the problem; choose your wording by it.")
    message: str = Field(description="English description (a fallback for codes a client does not know).")
    type: str


class Problem(BaseModel):
    type: str = "about:blank"
    title: str
    status: int
    code: ErrorCode = Field(description="Stable machine code; `conflict.*` for 409s. Add, never renamed.")
    detail: str | None = None
    request_id: str | None = None
    errors: list[FieldError] | None = None
    next_step: str | None = None
    merged_into: str | None = Field(
        default=None, description="With `not_found.merged`: the id of the record this one was merged into."
    )


def problem_response(
    status: int,
    title: str,
    detail: str | None = None,
    *,
    code: ErrorCode,
    errors: list[dict[str, Any]] | None = None,
    next_step: str | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "code": code.value,
        "detail": detail,
        "request_id": current_request_id(),
    }
    if errors:
        body["errors"] = errors
    if next_step:
        body["next_step"] = next_step
    body.update(extra or {})
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


_FRIENDLY = {
    "missing": "This field is required.",
    "extra_forbidden": "Unknown field: remove it.",
    "json_invalid": "The request body is not valid JSON.",
}


_CODES = {
    "missing": ErrorCode.required,
    "not_null": ErrorCode.required,
    "name_empty": ErrorCode.required,
    "name_characters": ErrorCode.characters,
    "finite_number": ErrorCode.wrong_type,
    "flat_value": ErrorCode.wrong_type,
    "extra_forbidden": ErrorCode.unknown_field,
    "json_invalid": ErrorCode.invalid_json,
    "string_too_short": ErrorCode.too_short,
    "too_short": ErrorCode.too_short,
    "string_too_long": ErrorCode.too_long,
    "too_long": ErrorCode.too_long,
    "greater_than": ErrorCode.out_of_range,
    "greater_than_equal": ErrorCode.out_of_range,
    "less_than": ErrorCode.out_of_range,
    "less_than_equal": ErrorCode.out_of_range,
    "enum": ErrorCode.choice,
    "literal_error": ErrorCode.choice,
    "string_pattern_mismatch": ErrorCode.bad_format,
}


def _code(kind: str, message: str) -> ErrorCode:
    if kind in _CODES:
        return _CODES[kind]
    if kind.startswith(("date", "datetime", "time")):
        return ErrorCode.date
    if kind.endswith(("_type", "_parsing", "_from_float")):
        return ErrorCode.wrong_type
    if kind == "value_error" and "email address" in message:
        return ErrorCode.email
    return ErrorCode.invalid


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
        message = str(item.get("msg", "Invalid value."))
        if kind == "json_invalid":
            loc = ("body",)
        errors.append(
            {
                "field": _field_name(loc),
                "loc": [part if isinstance(part, int) else str(part) for part in loc],
                "code": _code(kind, message).value,
                "message": _FRIENDLY.get(kind, message),
                "type": kind,
            }
        )
    return errors


async def _validation_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = validation_errors(list(exc.errors()))
    fields = ", ".join(sorted({e["field"] for e in errors}))
    return problem_response(
        422,
        "Validation failed",
        f"Check these fields: {fields}.",
        code=ErrorCode.validation_failed,
        errors=errors,
    )


async def _domain_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    errors = [
        {
            "field": p.field,
            "loc": p.field.split("."),
            "code": p.code.value,
            "message": p.message,
            # The same word pydantic uses for a missing value; otherwise the code's last part.
            "type": "missing" if p.code is ErrorCode.required else p.code.value.rpartition(".")[2],
        }
        for p in exc.errors
    ]
    headers = {}
    if isinstance(exc, TooManyAttempts):
        headers["Retry-After"] = str(exc.retry_after_seconds)
    if exc.status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    return problem_response(
        exc.status,
        exc.title,
        exc.detail,
        code=exc.code,
        errors=errors or None,
        next_step=exc.next_step if isinstance(exc, Conflict) else None,
        headers=headers or None,
        extra=exc.extra,
    )


_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def _allowed_methods(request: Request) -> list[str]:
    """The methods some route answers at this path: each is tried against the app's routes (included
    routers too), since Starlette names only the first route that matched."""
    allowed = {
        method
        for method in _METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL
            for route in request.app.routes
        )
    }
    if "GET" in allowed:
        allowed.add("HEAD")
    return sorted(allowed)


async def _http_handler(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 404:
        spa = spa_response(request)
        if spa is not None:
            return spa
        built = (request.app.state.settings.spa_dir / "index.html").is_file()
        if not built and request.method in {"GET", "HEAD"} and not request.url.path.startswith(API_PREFIXES):
            return problem_response(
                404,
                "Not found",
                "The web app is not built: run `make run` (or `npm run build` in frontend/).",
                code=ErrorCode.not_found,
            )
    if exc.status_code == 400:
        # FastAPI's only own 400 is a body it could not decode (e.g. not UTF-8): the same problem as bad JSON.
        return problem_response(
            422,
            "Validation failed",
            "Check these fields: body.",
            code=ErrorCode.validation_failed,
            errors=[
                {
                    "field": "body",
                    "loc": ["body"],
                    "code": ErrorCode.invalid_json.value,
                    "message": _FRIENDLY["json_invalid"],
                    "type": "json_invalid",
                }
            ],
        )
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(_allowed_methods(request))
    title, code = _HTTP_PROBLEMS.get(exc.status_code, ("Error", ErrorCode.bad_request))
    detail = exc.detail if isinstance(exc.detail, str) else None
    return problem_response(exc.status_code, title, detail, code=code, headers=headers or None)


_HTTP_PROBLEMS = {
    401: ("Not authenticated", ErrorCode.unauthenticated),
    403: ("Forbidden", ErrorCode.forbidden),
    404: ("Not found", ErrorCode.not_found),
    405: ("Method not allowed", ErrorCode.method_not_allowed),
    413: ("Payload too large", ErrorCode.payload_too_large),
}


def unexpected_error_response(exc: Exception) -> JSONResponse:
    log.error("unhandled error", exc_info=exc)
    return problem_response(
        500,
        "Internal error",
        f"Something went wrong on our side. Nothing was saved. Quote error id {current_request_id()}.",
        code=ErrorCode.internal_error,
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(DomainError, _domain_handler)
    app.add_exception_handler(StarletteHTTPException, _http_handler)


# Shown in the OpenAPI document for every operation that can fail this way.
def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    descriptions = {
        400: "Bad request",
        401: "Not authenticated",
        403: "Not allowed",
        404: "Not found",
        409: "Conflict (see next_step)",
        422: "Validation failed (see errors[])",
        429: "Too many attempts",
    }
    return {
        status: {
            "model": Problem,
            "description": descriptions.get(status, "Error"),
            "content": {PROBLEM_JSON: {}},
        }
        for status in statuses
    }


def problem_openapi(document: dict[str, Any]) -> dict[str, Any]:
    """Documents every error response as problem+json, and 422 wherever input is validated."""
    problem_content = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path_item in document.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            if operation.get("parameters") or operation.get("requestBody"):
                responses.setdefault("422", {"description": "Validation failed (see errors[])"})
            for status_code, response in responses.items():
                if status_code.isdigit() and int(status_code) >= 400:
                    response["content"] = problem_content
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(Problem.model_json_schema(ref_template="#/components/schemas/{model}").pop("$defs", {}))
    schemas["Problem"].pop("$defs", None)
    return document


# The usual sets: reading one record, and changing one (which can also conflict or fail validation).
READ_ERRORS = problem_responses(401, 403, 404)
WRITE_ERRORS = problem_responses(401, 403, 404, 409, 422)
