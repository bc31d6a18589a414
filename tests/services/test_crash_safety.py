"""Crash safety: the headless driver (the GUI's own write path) is killed with SIGKILL at
random moments while it ships, then started again on the same outbox file. Every shipment it
queued must end done and be applied by the store exactly once: none lost, none sent twice.

One sandbox serves every round (fresh orders each round); the driver runs as a real process
against it over loopback. Rounds run two at a time (two packing desks, each with its own
outbox file) to keep the module quick on two cores. The kill comes either after a random
delay once the driver is ready, or just after the store has seen the driver's k-th write (the
moment between the store applying a shipment and the driver writing that down). The sandbox
adds a little latency so that kills land mid-request too. The plan of every round comes from
one seeded ``random.Random``, so a failure can be replayed.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from fulfillment_station.connectors import connect
from fulfillment_station.domain.models import FulfillmentStatus, OrderStatus
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services import headless
from fulfillment_station.services.actions import Action
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import connect as open_store
from fulfillment_station.store.outbox import ActionState, Outbox

pytestmark = pytest.mark.e2e

SEED = 20261123
ROUNDS = int(os.environ.get("FS_CRASH_ROUNDS", "50"))
TOKEN = "crash-test-token"
OPEN = frozenset({OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.PROCESSING})
RESUME_PROCESS_EVERY = 5
DRIVER = [sys.executable, "-m", "fulfillment_station.services.headless"]


@dataclass(frozen=True)
class Plan:
    number: int
    shipments: tuple[tuple[str, str], ...]  # (order id, tracking number)
    latency_ms: int
    #: kill this long after the driver is ready ...
    delay: float
    #: ... or, when set, this long after the store saw the driver's k-th write
    after_write: int | None


@dataclass
class Result:
    plan: Plan
    killed: bool  # the driver was still running when the kill came
    unknown_at_kill: int  # actions left "sending" by the kill (outcome unknown)
    queued: dict[str, str]  # order id -> tracking number, as the outbox has them
    states: list[ActionState]


def make_plans(rng: random.Random, pool: list[str]) -> list[Plan]:
    plans = []
    serial = 0
    for n in range(ROUNDS):
        size = rng.randint(3, 5)
        orders, pool = pool[:size], pool[size:]
        shipments = []
        for order_id in orders:
            serial += 1
            shipments.append((order_id, f"JD0146{SEED:08d}{serial:06d}"))
        by_write = rng.random() < 0.5
        plans.append(
            Plan(
                number=n,
                shipments=tuple(shipments),
                latency_ms=rng.choice((20, 30, 40)),
                delay=rng.uniform(0, 0.03) if by_write else rng.uniform(0, 0.4),
                after_write=rng.randint(1, size) if by_write else None,
            )
        )
    return plans


def writes_to(journal: sqlite3.Connection, order_ids: set[str]) -> int:
    """Shipment requests the store has seen for these orders. Read through a connection of
    the test's own, in SQL: polling must not starve the in-process sandbox of the GIL."""
    paths = [f"/api/orders/{order_id}/shipment" for order_id in order_ids]
    row = journal.execute(
        f"SELECT count(*) FROM journal WHERE method = 'POST' AND path IN "
        f"({', '.join('?' * len(paths))})",
        paths,
    ).fetchone()
    return int(row[0])


def driver(server: SandboxServer, outbox: Path, *args: str) -> list[str]:
    return [
        *DRIVER,
        "--dialect",
        "nexus",
        "--base-url",
        server.base_url,
        "--token",
        TOKEN,
        "--outbox",
        str(outbox),
        "--timeout",
        "60",
        # Loopback answers in milliseconds, so a short grace covers a request the killed
        # driver left in flight; the store's own ALREADY_SHIPPED check backs it up.
        "--recovery-grace",
        "0.3",
        *args,
    ]


def play(server: SandboxServer, plan: Plan, workdir: Path) -> Result:
    # Each round is its own desk with its own data folder: one driver per folder holds its lock.
    outbox_path = workdir / f"desk-round-{plan.number}" / "outbox.sqlite3"
    orders = {order_id for order_id, _ in plan.shipments}
    specs = [f"{order_id}:{tracking}" for order_id, tracking in plan.shipments]
    proc = subprocess.Popen(
        driver(server, outbox_path, "ship-many", *specs),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        ready = json.loads(proc.stdout.readline() or "{}")
        assert ready.get("event") == "ready", proc.stderr.read() if proc.stderr else ""
        if plan.after_write is not None:
            journal = sqlite3.connect(server.db_path)
            try:
                deadline = time.monotonic() + 20
                while (
                    writes_to(journal, orders) < plan.after_write
                    and proc.poll() is None
                    and time.monotonic() < deadline
                ):
                    time.sleep(0.005)
            finally:
                journal.close()
        time.sleep(plan.delay)
        killed = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.communicate()

    store = open_store(outbox_path)
    try:
        outbox: Outbox[Action] = Outbox(
            store, AuditLog(store, station="crash test"), decode=Action.model_validate
        )
        unknown = outbox.counts()[ActionState.SENDING]
    finally:
        store.close()

    # The restart: a real process every few rounds (the command line as a packer's script
    # would run it); otherwise the same ``main`` in this process, to save the start-up time.
    if plan.number % RESUME_PROCESS_EVERY == 0:
        resumed = subprocess.run(
            driver(server, outbox_path, "resume"),
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
        code, said = resumed.returncode, resumed.stdout + resumed.stderr
    else:
        out = io.StringIO()
        code = headless.main(driver(server, outbox_path, "resume")[len(DRIVER) :], out=out)
        said = out.getvalue()
    assert code == 0, f"round {plan.number}: {said}"

    store = open_store(outbox_path)
    try:
        outbox = Outbox(store, AuditLog(store, station="crash test"), decode=Action.model_validate)
        records = outbox.records()
    finally:
        store.close()
    queued = {}
    for record in records:
        payload = record.action.payload
        queued[record.action.order_id] = getattr(payload, "tracking_number", None) or ""
    return Result(plan, killed, unknown, queued, [r.state for r in records])


def test_killed_driver_never_loses_or_duplicates_a_shipment(tmp_path: Path) -> None:
    started = time.perf_counter()
    with SandboxServer(
        "nexus", db_path=tmp_path / "sandbox.sqlite", token=TOKEN, orders=700, seed=11
    ) as server:
        with connect("nexus", server.base_url, TOKEN) as reader:
            pool = [
                o.id
                for o in reader.list_orders()
                if o.status in OPEN and o.fulfillment_status == FulfillmentStatus.UNFULFILLED
            ]
        rng = random.Random(SEED)
        rng.shuffle(pool)
        plans = make_plans(rng, pool)
        assert len(plans) == ROUNDS and all(len(p.shipments) >= 3 for p in plans)

        # Two desks at a time; each round's plan is fixed above, whatever the interleaving.
        with ThreadPoolExecutor(max_workers=2) as desks:

            def run(plan: Plan) -> Result:
                server.faults.latency_ms = plan.latency_ms
                return play(server, plan, tmp_path)

            results = list(desks.map(run, plans))
        effects = [e for e in server.db.journal()["effects"] if e["kind"] == "shipment"]

    applied = Counter((e["order_id"], e["detail"]["tracking_number"]) for e in effects)
    queued = Counter(item for r in results for item in r.queued.items())
    duplicates = sum(n - 1 for n in applied.values() if n > 1)
    losses = sum(1 for key in queued if key not in applied)
    strays = sum(1 for key in applied if key not in queued)  # applied but never queued
    not_done = sum(1 for r in results for s in r.states if s != ActionState.DONE)
    figures = {
        "rounds": len(results),
        "actions": sum(queued.values()),
        "planned": sum(len(r.plan.shipments) for r in results),
        "killed_mid_run": sum(r.killed for r in results),
        "unknown_outcome_at_kill": sum(r.unknown_at_kill for r in results),
        "duplicates": duplicates,
        "losses": losses,
        "strays": strays,
        "not_done": not_done,
        "wall_s": round(time.perf_counter() - started, 1),
    }
    print("crash safety:", json.dumps(figures))

    assert (duplicates, losses, strays, not_done) == (0, 0, 0, 0), figures
    # The kills must have bitten, or the test proves nothing.
    assert figures["killed_mid_run"] >= ROUNDS // 2, figures
    assert figures["unknown_outcome_at_kill"] >= 1, figures
