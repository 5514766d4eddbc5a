"""Log lines are JSON, carry the request id, and never the query string (searches can hold names)."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from tend.api.request_context import RequestIdLogFilter
from tend.logs import JsonFormatter


async def test_access_log_has_request_id_and_no_query(client: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.handler.addFilter(RequestIdLogFilter())
    with caplog.at_level(logging.INFO, logger="tend.access"):
        response = await client.get(
            "/healthz", params={"q": "Muñoz"}, headers={"X-Request-ID": "req-12345678"}
        )
    [record] = [r for r in caplog.records if r.name == "tend.access"]
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "req-12345678" == response.headers["x-request-id"]
    assert line["path"] == "/healthz" and line["status"] == 200
    assert "Muñoz" not in json.dumps(line) and "q=" not in json.dumps(line)
