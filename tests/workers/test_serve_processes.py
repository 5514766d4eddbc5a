"""A real `tend serve --workers 2`: every API process writes its own JSON access log (a spawned worker
starts with a bare root logger, so before each set up its own logging the documented production setup
logged nothing), and no link's token reaches those lines, however the path is written.
(Token redaction rules path by path: tests/api/test_logging.py.)"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from typing import Any

import httpx

from tests.harness import TEST_SECRET
from tests.workers.test_worker_process import TEND, _free_port

TOKEN = "Zq8_kQ9-zz81Lm0pQ4rS7tUv2wXy5Z6aB8cD9eF0gH1"


def _wait_healthy(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    raise AssertionError("tend serve never answered /healthz")


def test_two_api_processes_each_log_requests_without_tokens(settings: Any, engine: Any) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "TEND_ENV": "test",
        "TEND_DATABASE_URL": settings.database_url,
        "TEND_SECRET_KEY": TEST_SECRET,
        "TEND_LOG_LEVEL": "INFO",
    }
    env.pop("TEND_REDIS_URL", None)
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [TEND, "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        _wait_healthy(base, process)
        paths = [f"/public/v1/calendar/{TOKEN}.ics", f"/PUBLIC/v1/calendar/{TOKEN}.ics", f"/{TOKEN}"]
        with httpx.Client(base_url=base, timeout=10) as http:
            for _ in range(20):  # new connections: both processes get some of them
                for path in paths:
                    http.get(path, headers={"Connection": "close"})
        time.sleep(0.5)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    lines = [json.loads(line) for line in stderr.decode().splitlines() if line.startswith("{")]
    access = [line for line in lines if line.get("logger") == "tend.access"]
    assert len(access) >= 60, stderr.decode()[-2000:]
    assert TOKEN not in stderr.decode()
    assert {line["path"] for line in access if line["path"] != "/healthz"} == {
        "/public/v1/calendar/[redacted].ics",
        "/PUBLIC/v1/calendar/[redacted].ics",
        "/[redacted]",
    }
