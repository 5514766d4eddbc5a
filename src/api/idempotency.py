"""The `Idempotency-Key` header of money-moving POSTs: the first answer is stored with the money it
moved; a retry with the same key and body gets that answer back (with `Idempotent-Replayed: true`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from tend.domain.context import Context
from tend.domain.platform import idempotency

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=idempotency.MAX_KEY_LENGTH,
        description="Send a fresh UUID per intended operation; a retry with the same key and body returns "
        "the first answer and moves no money twice. Kept at least 24 hours.",
    ),
]


async def once(
    request: Request,
    ctx: Context,
    key: str | None,
    body: BaseModel | None,
    status_code: int,
    action: Callable[[], Awaitable[BaseModel | list[Any]]],
) -> JSONResponse:
    async def run() -> tuple[int, object]:
        result = await action()
        if isinstance(result, list):
            return status_code, [item.model_dump(mode="json") for item in result]
        return status_code, result.model_dump(mode="json")

    if key is None:
        _, content = await run()
        return JSONResponse(content, status_code=status_code)
    digest = idempotency.request_hash(
        request.method, request.url.path, body.model_dump(mode="json") if body is not None else None
    )
    answer = await idempotency.run_once(ctx, key, digest, run)
    headers = {"Idempotent-Replayed": "true"} if answer.replayed else {}
    return JSONResponse(answer.body, status_code=answer.status_code, headers=headers)
