"""Several headless desks (separate processes running ``services.desk``: the same claim → pack →
outbox → release code as the window) work one sandbox's queue through one station database.
The sandbox's own record of applied shipments is the judge: every open order shipped exactly
once."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import psycopg
import pytest

from fulfillment_station.connectors import connect
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.desk import open_candidates
from tests.helpers.station_pg import ThrowawayPostgres

pytestmark = pytest.mark.e2e

TOKEN = "desks-test-token"
DESK = [sys.executable, "-m", "fulfillment_station.services.desk"]


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    server = SandboxServer(
        "nexus", db_path=tmp_path / "sandbox.sqlite", token=TOKEN, orders=120, seed=5
    )
    server.start()
    yield server
    server.close()


def open_orders(server: SandboxServer) -> list[str]:
    with connect("nexus", server.base_url, TOKEN) as connector:
        return open_candidates(connector)


def shipments_per_order(server: SandboxServer) -> Counter[str]:
    return Counter(e["order_id"] for e in server.db.journal()["effects"] if e["kind"] == "shipment")


class DeskProcess:
    """One desk process; its JSON lines are collected by a reader thread. Every desk a test
    starts is killed and its files closed at the test's end, even when an assertion failed
    midway (a live child and open files would otherwise fail later tests' checks)."""

    started: ClassVar[list[DeskProcess]] = []

    def __init__(
        self, tmp_path: Path, server: SandboxServer, url: str, name: str, *extra: str
    ) -> None:
        self.name = name
        self.events: list[dict[str, Any]] = []
        self.stderr = tmp_path / f"{name}.stderr"
        self._stderr_file = self.stderr.open("w")
        self.proc = subprocess.Popen(
            [
                *DESK,
                "--dialect",
                "nexus",
                "--base-url",
                server.base_url,
                "--token",
                TOKEN,
                "--store",
                str(tmp_path / f"{name}.sqlite"),
                "--desk",
                name,
                "--packer",
                f"packer-{name}",
                "--station-db",
                url,
                "--timeout",
                "60",
                *extra,
            ],
            stdout=subprocess.PIPE,
            stderr=self._stderr_file,
            text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        DeskProcess.started.append(self)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.events.append(json.loads(line))

    def close(self, timeout: float = 10) -> None:
        try:
            self.proc.wait(timeout)
        finally:
            self.kill()

    def kill(self) -> None:
        """End the process (if it still runs) and close what the test holds of it."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self._reader.join(5)
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        self._stderr_file.close()

    def count(self, event: str) -> int:
        return sum(1 for e in list(self.events) if e["event"] == event)

    def finish(self, timeout: float = 90) -> int:
        self.close(timeout)
        err = self.stderr.read_text(encoding="utf-8", errors="replace")
        assert self.proc.returncode == 0, f"{self.name} failed: {err[-3000:]}"
        return self.proc.returncode


@pytest.fixture(autouse=True)
def _no_desk_outlives_its_test() -> Iterator[None]:
    DeskProcess.started.clear()
    try:
        yield
    finally:
        for desk in DeskProcess.started:
            desk.kill()
        DeskProcess.started.clear()


def wait_for(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def station_rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchall()


def test_eight_desks_ship_every_order_exactly_once(
    tmp_path: Path, sandbox: SandboxServer, station_url: str
) -> None:
    expected = set(open_orders(sandbox))
    assert len(expected) > 40
    desks = [
        DeskProcess(tmp_path, sandbox, station_url, f"desk{n}", "--wrong-scan-every", "5")
        for n in range(8)
    ]
    for desk in desks:
        desk.finish()
    shipped = shipments_per_order(sandbox)
    assert set(shipped) == expected
    assert set(shipped.values()) == {1}
    by_desk = Counter(e["order_id"] for d in desks for e in d.events if e["event"] == "shipped")
    assert sum(by_desk.values()) == len(expected)
    assert sum(1 for d in desks if d.count("shipped")) >= 4  # the work was shared
    # Never claimed by two desks: every order was claimed once in the whole shift.
    claims = station_rows(
        station_url, "SELECT order_id, count(*) FROM audit WHERE kind = 'claim' GROUP BY order_id"
    )
    assert {order_id for order_id, _n in claims} == expected
    assert {n for _order, n in claims} == {1}
    # Every desk's outbox outcome reached the shared audit log.
    done = station_rows(
        station_url,
        "SELECT count(DISTINCT order_id) FROM audit WHERE kind = 'ship' AND outcome = 'done'",
    )
    assert done == [(len(expected),)]


def test_a_desk_killed_mid_pack_loses_its_claim_and_another_desk_finishes_once(
    tmp_path: Path, sandbox: SandboxServer, station_url: str
) -> None:
    orders = open_orders(sandbox)[:3]
    lease = "1.5"
    doomed = DeskProcess(
        tmp_path,
        sandbox,
        station_url,
        "doomed",
        "--lease",
        lease,
        "--heartbeat",
        "0.3",
        "--pause-after-claim",
        "--orders",
        *orders,
    )
    wait_for(lambda: doomed.count("claimed"), 30, "the first claim")
    taken = next(e["order_id"] for e in doomed.events if e["event"] == "claimed")
    doomed.proc.send_signal(signal.SIGKILL)
    doomed.close()
    survivor = DeskProcess(
        tmp_path,
        sandbox,
        station_url,
        "survivor",
        "--lease",
        lease,
        "--heartbeat",
        "0.3",
        "--orders",
        *orders,
    )
    survivor.finish()
    shipped = shipments_per_order(sandbox)
    assert {o: shipped[o] for o in orders} == {o: 1 for o in orders}
    assert taken in {e["order_id"] for e in survivor.events if e["event"] == "shipped"}
    holders = station_rows(
        station_url,
        f"SELECT desk, at FROM audit WHERE kind = 'claim' AND order_id = '{taken}' ORDER BY at",
    )
    assert [desk for desk, _at in holders] == ["doomed", "survivor"]
    # The dead desk's order was taken only after its lease ran out (the audit times are taken
    # just after each claim's statement, hence the small allowance).
    assert (holders[1][1] - holders[0][1]).total_seconds() >= float(lease) - 0.1


def test_station_database_stopped_mid_shift_desks_keep_packing_and_the_audit_catches_up(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    expected = set(open_orders(sandbox))
    with ThrowawayPostgres() as pg:
        desks = [
            DeskProcess(tmp_path, sandbox, pg.url, f"desk{n}", "--heartbeat", "0.3")
            for n in range(3)
        ]
        wait_for(lambda: sum(d.count("shipped") for d in desks) >= 8, 60, "eight shipments")
        # While the server is down each desk packs the orders the rendezvous hash gives it
        # among the desks it last saw alive: every desk must have seen all three first (on a
        # loaded machine one heartbeat period is not always enough).
        wait_for(
            lambda: (
                station_rows(
                    pg.url, "SELECT count(*) FROM desks WHERE last_seen > now() - interval '2 s'"
                )
                == [(3,)]
            ),
            60,
            "every desk seen by the station database",
        )
        time.sleep(1.0)  # three heartbeats: each desk has read the others' rows since
        pg.stop()
        before = sum(d.count("shipped") for d in desks)
        wait_for(
            lambda: (
                sum(
                    1
                    for d in desks
                    for e in list(d.events)
                    if e["event"] == "shipped" and e["status"] == "off"
                )
                >= 6
            ),
            120,
            "shipments while the station database is down",
        )
        pg.start()
        for desk in desks:
            desk.finish()
        total = sum(d.count("shipped") for d in desks)
        assert total > before and total == len(expected)
        shipped = shipments_per_order(sandbox)
        assert set(shipped) == expected
        assert set(shipped.values()) == {1}
        # What happened during the outage reached the station database.
        packed = station_rows(pg.url, "SELECT count(*) FROM audit WHERE kind = 'packed'")
        done = station_rows(
            pg.url, "SELECT count(*) FROM audit WHERE kind = 'ship' AND outcome = 'done'"
        )
        assert packed == [(total,)]
        assert done == [(total,)]
