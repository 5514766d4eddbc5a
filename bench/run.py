"""Benchmarks against a real `tend serve` (SQLite by default, or TEND_DATABASE_URL): sign-in latency and
authenticated request throughput. Prints a table; not part of `make test` (speed is measured, not asserted).

    .venv/bin/python bench/run.py [--requests 2000] [--concurrency 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
TEND = ROOT / ".venv" / "bin" / "tend"
EMAIL, PASSWORD = "admin@tend.example", "tend-demo-admin"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * pct / 100))]


async def _timed(n: int, concurrency: int, call: object) -> tuple[list[float], float]:
    latencies: list[float] = []
    semaphore = asyncio.Semaphore(concurrency)

    async def one() -> None:
        async with semaphore:
            started = time.perf_counter()
            await call()  # type: ignore[operator]
            latencies.append((time.perf_counter() - started) * 1000)

    wall = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(n)))
    return latencies, time.perf_counter() - wall


def _row(name: str, latencies: list[float], wall: float) -> str:
    return (
        f"{name:<34} {len(latencies):>6} {len(latencies) / wall:>9.1f} "
        f"{statistics.median(latencies):>8.1f} {_percentile(latencies, 95):>8.1f} "
        f"{_percentile(latencies, 99):>8.1f}"
    )


async def bench(base_url: str, requests: int, concurrency: int) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        login = await http.post("/api/v1/auth/login", json={"email": EMAIL, "password": PASSWORD})
        login.raise_for_status()
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}

        async def me() -> None:
            (await http.get("/api/v1/auth/me", headers=headers)).raise_for_status()

        async def health() -> None:
            (await http.get("/healthz")).raise_for_status()

        async def keys() -> None:
            (await http.get("/api/v1/api-keys", headers=headers)).raise_for_status()

        async def clients_page() -> None:
            (await http.get("/api/v1/clients", params={"limit": 50}, headers=headers)).raise_for_status()

        async def clients_search() -> None:
            (await http.get("/api/v1/clients", params={"q": "munoz"}, headers=headers)).raise_for_status()

        async def sign_in() -> None:
            async with httpx.AsyncClient(base_url=base_url, timeout=60) as fresh:
                response = await fresh.post("/api/v1/auth/login", json={"email": EMAIL, "password": PASSWORD})
                response.raise_for_status()

        print(f"{'operation':<34} {'n':>6} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
        for name, call, n in (
            ("GET /healthz", health, requests),
            ("GET /api/v1/auth/me (JWT)", me, requests),
            ("GET /api/v1/api-keys (list)", keys, requests),
            ("GET /api/v1/clients (50 of 150)", clients_page, requests // 2),
            ("GET /api/v1/clients?q=munoz", clients_search, requests // 2),
            ("POST /api/v1/auth/login (argon2)", sign_in, max(20, requests // 50)),
        ):
            latencies, wall = await _timed(n, concurrency if call is not sign_in else 4, call)
            print(_row(name, latencies, wall))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "TEND_ENV": "development",
            "TEND_DATABASE_URL": os.environ.get(
                "TEND_DATABASE_URL", f"sqlite+aiosqlite:///{tmp}/bench.sqlite3"
            ),
            "TEND_LOG_LEVEL": "WARNING",
        }
        subprocess.run([TEND, "migrate"], env=env, check=True, capture_output=True)
        subprocess.run([TEND, "seed-demo"], env=env, check=True, capture_output=True)
        port = _free_port()
        log_path = Path(tmp) / "server.log"
        server_log = log_path.open("w")
        server = subprocess.Popen([TEND, "serve", "--port", str(port)], env=env, stderr=server_log)
        try:
            base_url = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    if httpx.get(f"{base_url}/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            print(f"database: {env['TEND_DATABASE_URL'].split('://')[0]}; python {sys.version.split()[0]}")
            asyncio.run(bench(base_url, args.requests, args.concurrency))
        except httpx.HTTPStatusError:
            errors = [line for line in log_path.read_text().splitlines() if '"level": "error"' in line]
            print("server errors:", *errors[:3], sep="\n")
            raise
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
