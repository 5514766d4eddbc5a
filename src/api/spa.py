"""Serving the built SPA: files from frontend/dist, and index.html for client-side routes."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.responses import FileResponse, Response

# Paths that belong to the API: an unknown one is a problem+json 404, never the web app.
API_PREFIXES = ("/api/", "/public/", "/docs", "/redoc", "/openapi.json", "/healthz", "/readyz")


def spa_response(request: Request) -> Response | None:
    """The SPA's answer to a GET no route matched, or None when the API's 404 should stand."""
    if request.method not in {"GET", "HEAD"} or request.url.path.startswith(API_PREFIXES):
        return None
    spa_dir: Path = request.app.state.settings.spa_dir.resolve()
    index = spa_dir / "index.html"
    relative = request.url.path.lstrip("/")
    candidate = (spa_dir / relative).resolve()
    if relative and candidate.is_file() and candidate.is_relative_to(spa_dir):
        cache = "public, max-age=31536000, immutable" if relative.startswith("assets/") else "no-cache"
        return FileResponse(candidate, headers={"Cache-Control": cache})
    if relative.startswith("assets/") or not index.is_file():
        # A missing hashed asset (an old tab after a release) must 404, not get HTML in place of code.
        return None
    # Client-side routes (e.g. /clients/123) get the app shell; the SPA's router takes it from there.
    return FileResponse(index, headers={"Cache-Control": "no-cache"})
