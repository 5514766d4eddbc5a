"""Request IDs: taken from a sane X-Request-ID or generated, put on the response and on every log line."""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid
from collections.abc import Callable

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("tend_request_id", default=None)
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
access_log = logging.getLogger("tend.access")
# Under /public/ a path's secret is its token (calendar feeds, later survey and booking links). Only route
# words ("v1", "calendar", "time-slots") pass; any other segment is taken for a token: deny by default, so
# a public route added later is covered without a list to keep up to date. The prefix is found however the
# path is written (`//public/`, `/PUBLIC/`), and elsewhere any segment that looks like a token (16 or more
# URL-safe characters that are neither a route word nor a UUID) goes too: a link pasted under the wrong
# base URL must not land in a log either.
_ROUTE_WORD = re.compile(r"^(?:v\d{1,3}|[a-z]{1,24}(?:-[a-z]{1,24})*)$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_TOKEN_LIKE = re.compile(r"^[A-Za-z0-9_~-]{16,}$")
_EXTENSION = re.compile(r"^[a-z0-9]{1,8}$")
REDACTED = "[redacted]"


def current_request_id() -> str | None:
    return _request_id.get()


def redact_path(path: str) -> str:
    """A request path fit for a log line: every token-like segment becomes `[redacted]` (its extension
    kept: `/public/v1/calendar/[redacted].ics`); under /public/ every segment that is not a route word
    does. Use it wherever a path or URL is logged."""
    segments = path.split("/")
    words = [segment for segment in segments if segment]
    public = bool(words) and words[0].lower() == "public"
    first = True
    for index, segment in enumerate(segments):
        if not segment:
            continue
        if first:  # the prefix itself ("public", "api", an SPA route)
            first = False
            if public or _ROUTE_WORD.match(segment):
                continue
        stem, dot, extension = segment.rpartition(".") if "." in segment else (segment, "", "")
        if _ROUTE_WORD.match(stem) or (not public and (_UUID.match(stem) or not _TOKEN_LIKE.match(stem))):
            continue
        segments[index] = REDACTED + (dot + extension if _EXTENSION.match(extension) else "")
    return "/".join(segments)


class RequestIdMiddleware:
    """Gives every request an id; answers an unhandled error with `error_response` inside that context, so
    the 500 carries the id to quote."""

    def __init__(self, app: ASGIApp, error_response: Callable[[Exception], Response]) -> None:
        self.app = app
        self.error_response = error_response

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        token = _request_id.set(request_id)
        started = time.perf_counter()
        status = 500
        started_response = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, started_response
            if message["type"] == "http.response.start":
                started_response = True
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            if started_response:
                raise
            await self.error_response(exc)(scope, receive, send_with_id)
        finally:
            # Path only, never the query string (searches can contain client names), and no link's token.
            access_log.info(
                "request",
                extra={
                    "method": scope.get("method"),
                    "path": redact_path(str(scope.get("route_path") or scope.get("path") or "")),
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            _request_id.reset(token)


class RequestIdLogFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        return True
