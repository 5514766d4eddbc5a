"""Protections every response and request gets: security headers (a CSP the built SPA satisfies, no
framing, no sniffing, no referrer, no caching of personal data) and a request body size limit that is
enforced before a body is read, and before authentication for anything larger than a sign-in."""

from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tend.api.errors import problem_response
from tend.core.clock import Clock
from tend.core.errors import DomainError, ErrorCode
from tend.domain.security import API_KEY_PREFIX, JwtConfig, decode_access_token

# The SPA loads only its own files; Mantine sets inline styles (style attributes, CSS variables).
SPA_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# Swagger UI and ReDoc (FastAPI's pages) come from a CDN and start with an inline script.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "font-src 'self' https://fonts.gstatic.com; img-src 'self' data: https://fastapi.tiangolo.com "
    "https://cdn.redoc.ly; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
ANONYMOUS_BODY_BYTES = 16 * 1024  # a sign-in or a survey answer; anything larger needs credentials


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, hsts: bool) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = Headers(raw=message.get("headers", []))
                extra = [
                    (b"content-security-policy", (DOCS_CSP if path.startswith(DOCS_PATHS) else SPA_CSP)),
                    (b"x-content-type-options", "nosniff"),
                    (b"x-frame-options", "DENY"),
                    (b"referrer-policy", "no-referrer"),
                    (b"cross-origin-opener-policy", "same-origin"),
                ]
                if path.startswith(("/api/", "/public/")) and "cache-control" not in headers:
                    extra.append((b"cache-control", "no-store"))
                if self.hsts:
                    extra.append((b"strict-transport-security", "max-age=31536000; includeSubDomains"))
                message["headers"] = [*message.get("headers", []), *((k, v.encode()) for k, v in extra)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _TooLarge(HTTPException):
    """Raised while the body streams in; FastAPI re-raises HTTP exceptions from body reading, so the
    problem+json handler answers it (413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is larger than {limit} bytes.")


class BodyLimitMiddleware:
    """413 for a body over `max_bytes` (by Content-Length, or counted as it streams in), and for an
    anonymous body over ANONYMOUS_BODY_BYTES: nobody gets a large body parsed without credentials."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_bytes: int,
        jwt: Callable[[], JwtConfig],
        clock: Callable[[], Clock],
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.jwt = jwt
        self.clock = clock

    def _credible(self, headers: Headers) -> bool:
        """A bearer that could be valid: a well-formed API key, or an access token with a good signature
        that has not expired (checked without the database; the route still authenticates it fully)."""
        scheme, _, token = headers.get("authorization", "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            return False
        if token.startswith(API_KEY_PREFIX):
            return 40 <= len(token) <= 80
        try:
            decode_access_token(self.jwt(), token, self.clock().now())
        except DomainError:
            return False
        return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        raw_length = headers.get("content-length", "")
        declared = int(raw_length) if raw_length.isdigit() else None
        # Credentials are only checked when they matter: a declared large body, or one of unknown size.
        needs_credentials = declared is None or declared > ANONYMOUS_BODY_BYTES
        limit = ANONYMOUS_BODY_BYTES if needs_credentials and not self._credible(headers) else self.max_bytes
        if declared is not None and declared > limit:
            await self._refuse(limit, scope, receive, send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _TooLarge(limit)
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except _TooLarge:
            if started:
                raise
            await self._refuse(limit, scope, receive, send)

    async def _refuse(self, limit: int, scope: Scope, receive: Receive, send: Send) -> None:
        hint = "" if limit == self.max_bytes else " Sign in (or use an API key) to send larger bodies."
        response = problem_response(
            413,
            "Payload too large",
            f"The request body is larger than {limit} bytes.{hint}",
            code=ErrorCode.payload_too_large,
        )
        await response(scope, receive, send)
