"""Sandbox figures: time to generate and store 100,000 orders (target < 10 s), and orders per
second when paging through each dialect's list endpoint with plain httpx."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

from fulfillment_station.sandbox.data import generate_records_parallel
from fulfillment_station.sandbox.db import SandboxDB

PAGED_ORDERS = 10_000
TOKEN = "bench-token"


@contextlib.contextmanager
def sandbox_process(dialect: str, orders: int, folder: Path) -> Iterator[str]:
    """A sandbox in its own process (as a real store is), so the client's work is measured
    without the server competing for the same interpreter. Yields the base URL."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "fulfillment_station",
            "sandbox",
            "--dialect",
            dialect,
            "--orders",
            str(orders),
            "--db",
            str(folder / f"{dialect}.sqlite"),
            "--token",
            TOKEN,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        base_url = ""
        for line in proc.stdout:
            if line.startswith("base URL:"):
                base_url = line.split(":", 1)[1].strip()
            if line.startswith("Press Ctrl-C"):
                break
        if not base_url:
            raise RuntimeError(f"the {dialect} sandbox did not start")
        yield base_url
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _walk_nexus(client: httpx.Client) -> int:
    n, cursor = 0, None
    while True:
        body = client.get(
            "/api/orders", params={"limit": 200, **({"cursor": cursor} if cursor else {})}
        ).json()
        n += len(body["data"])
        cursor = body["meta"].get("nextCursor")
        if not cursor:
            return n


def _walk_price2b(client: httpx.Client) -> int:
    n, page = 0, 1
    while True:
        data = client.get("/v1/orders", params={"page": page, "per_page": 100}).json()["data"]
        n += len(data["orders"])
        if page >= data["pagination"]["last_page"]:
            return n
        page += 1


def _walk_squarespace(client: httpx.Client) -> int:
    n, params = 0, {}
    while True:
        body = client.get("/1.0/commerce/orders", params=params).json()
        n += len(body["result"])
        if not body["pagination"]["hasNextPage"]:
            return n
        params = {"cursor": body["pagination"]["nextPageCursor"]}


def _walk_offset(path: str, key: str) -> Callable[[httpx.Client], int]:
    def walk(client: httpx.Client) -> int:
        n, offset = 0, 0
        while True:
            body = client.get(path, params={"limit": 100, "offset": offset}).json()
            items = body[key] if isinstance(body, dict) else body
            n += len(items)
            if len(items) < 100:
                return n
            offset += len(items)

    return walk


WALKERS: dict[str, Callable[[httpx.Client], int]] = {
    "nexus": _walk_nexus,
    "price2b": _walk_price2b,
    "squarespace": _walk_squarespace,
    "inventory-cloud": _walk_offset("/v1/orders", "data"),
    "generic-rest": _walk_offset("/orders", "data"),
}


def run() -> Iterator[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        db = SandboxDB(Path(tmp) / "gen.sqlite")
        started = time.perf_counter()
        db.seed(generate_records_parallel("nexus", 100_000, seed=1))
        elapsed = time.perf_counter() - started
        db.close()
    yield {
        "name": "sandbox_generate_100k_orders",
        "value": round(elapsed, 2),
        "unit": "s",
        "target": 10,
    }
    for dialect, walk in WALKERS.items():
        with (
            tempfile.TemporaryDirectory() as tmp,
            sandbox_process(dialect, PAGED_ORDERS, Path(tmp)) as base_url,
            httpx.Client(
                base_url=base_url,
                headers={"Authorization": f"Bearer {TOKEN}", "User-Agent": "bench"},
            ) as client,
        ):
            started = time.perf_counter()
            count = walk(client)
            elapsed = time.perf_counter() - started
        yield {
            "name": f"sandbox_list_orders_per_second_{dialect}",
            "value": round(count / elapsed),
            "unit": "orders/s",
            "target": None,
            "orders": count,
        }
