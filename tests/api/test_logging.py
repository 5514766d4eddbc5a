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


async def test_a_feed_fetch_logs_its_path_without_the_token(
    client_as: Any, client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from tests.api.scheduling.test_appointments import _practice

    admin = await client_as("admin")
    p = await _practice(admin)
    url = (await admin.post(f"/api/v1/practitioners/{p['carmen']['id']}/calendar-feed")).json()["url"]
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    with caplog.at_level(logging.DEBUG):
        assert (await client.get(url.removeprefix("http://testserver"))).status_code == 200
        assert (await client.get(f"/public/v1/calendar/{token[:-1]}x.ics")).status_code == 404
    # Every line the app's side wrote, at any level (httpx's own lines are this test's client talking).
    records = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    lines = [JsonFormatter().format(record) for record in records]
    assert lines and all(token not in line and token[:-1] not in line for line in lines)
    access = [json.loads(line) for line, r in zip(lines, records, strict=True) if r.name == "tend.access"]
    assert [line["path"] for line in access] == ["/public/v1/calendar/[redacted].ics"] * 2


TOKEN, CLIENT_ID = "Ab3_kQ9-zz81Lm0pQ4rS7tUv2wXy5Z6aB8cD9eF0gH1", "6f1c2b1e-0000-4000-8000-000000000001"


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        (f"/public/v1/calendar/{TOKEN}.ics", "/public/v1/calendar/[redacted].ics"),
        (f"/public/v1/surveys/{TOKEN}", "/public/v1/surveys/[redacted]"),
        ("/public/v1/booking/abcdefabcdefabcdefabcdefabcdef/slots", "/public/v1/booking/[redacted]/slots"),
        ("/public/v2/anything/short1/answers", "/public/v2/anything/[redacted]/answers"),
        (f"/api/v1/clients/{CLIENT_ID}", f"/api/v1/clients/{CLIENT_ID}"),
        ("/healthz", "/healthz"),
        # The same link under a wrong base URL, or typed another way, never reaches a log line either.
        (f"//public/v1/calendar/{TOKEN}.ics", "//public/v1/calendar/[redacted].ics"),
        (f"/PUBLIC/v1/calendar/{TOKEN}.ics", "/PUBLIC/v1/calendar/[redacted].ics"),
        (f"/api/v1/calendar/{TOKEN}.ics", "/api/v1/calendar/[redacted].ics"),
        (f"/{TOKEN}", "/[redacted]"),
        (f"/calendar/{TOKEN}", "/calendar/[redacted]"),
        ("/assets/index-BkJ3xYz1.js", "/assets/index-BkJ3xYz1.js"),
        (f"/clients/{CLIENT_ID}/ledger", f"/clients/{CLIENT_ID}/ledger"),
    ],
)
def test_secrets_in_paths_are_redacted_before_logging(path: str, logged: str) -> None:
    from tend.api.request_context import redact_path

    assert redact_path(path) == logged
