"""A headless packing desk: the GUI's pack flow without a window, for the multi-desk tests, the
``desks`` benchmark and a warehouse's dry run. The same services the window uses: claim the
next order through the station :class:`~fulfillment_station.station.coordinator.Coordinator`,
verify every unit with :class:`~fulfillment_station.services.pack_session.PackSession`, ship
through :class:`~fulfillment_station.services.outbox_service.OutboxService` (its
``before_queue`` asks the station database first), then release the claim.

    python -m fulfillment_station.services.desk --dialect nexus --base-url URL --token T \\
        --store FILE --desk "Desk 3" [--station-db postgresql://...] [--orders ID ...]

Progress goes to stdout, one JSON object a line: ``ready``, then per order ``claimed``,
``shipped`` (with the pack seconds) or ``skipped`` (with why), and ``idle`` at the end.
``--pause-after-claim`` stops after the first claim and waits to be killed (the crash test).
No Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any, TextIO

import psycopg

from fulfillment_station.connectors import DIALECT_MODULES, connect
from fulfillment_station.connectors.base import Connector
from fulfillment_station.connectors.errors import ConnectorError
from fulfillment_station.domain.errors import DomainError
from fulfillment_station.domain.models import Order, OrderStatus
from fulfillment_station.domain.requests import ShipRequest
from fulfillment_station.domain.workflow import SHIPPABLE
from fulfillment_station.services.actions import Action
from fulfillment_station.services.outbox_service import OutboxService
from fulfillment_station.services.pack_session import PackError, PackSession
from fulfillment_station.station.config import StationDbConfig
from fulfillment_station.station.coordinator import (
    AuditEvent,
    Claim,
    LeaseKeeper,
    LocalCoordinator,
    ReleaseReason,
    StationCoordinator,
    WriteRefused,
)
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import connect as open_store
from fulfillment_station.store.outbox import ActionState, Outbox
from fulfillment_station.store.pack_progress import PackProgress

TOKEN_ENV = "FULFILLMENT_STATION_TOKEN"
#: How many of the remaining candidates "next order" looks at per call (the packer's screen).
WINDOW = 200
WRONG_SCAN = "NOT-ON-THIS-ORDER-0000"


def _emit(out: TextIO, event: str, **fields: Any) -> None:
    print(
        json.dumps({"event": event, **fields}, ensure_ascii=False, default=str),
        file=out,
        flush=True,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m fulfillment_station.services.desk",
        description="A packing desk without a window.",
    )
    parser.add_argument("--dialect", required=True, choices=sorted(DIALECT_MODULES))
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--token", default=None, help=f"the API token (default: ${TOKEN_ENV})")
    parser.add_argument("--store", required=True, type=Path, help="this desk's store file")
    parser.add_argument("--desk", required=True, help="this desk's name")
    parser.add_argument("--packer", default="")
    parser.add_argument("--connection-id", default="warehouse")
    parser.add_argument("--station-db", default=None, help="postgresql:// URL (none: alone)")
    parser.add_argument("--lease", type=float, default=90.0, help="claim lease in seconds")
    parser.add_argument("--heartbeat", type=float, default=2.0, help="seconds between renewals")
    parser.add_argument(
        "--orders",
        nargs="*",
        default=None,
        help="the candidate list (default: every open order, oldest first)",
    )
    parser.add_argument(
        "--orders-file",
        type=Path,
        default=None,
        help="the candidate list, one order id a line (for long lists)",
    )
    parser.add_argument(
        "--max-orders",
        type=int,
        default=0,
        help="stop after shipping this many orders (0: until none is left)",
    )
    parser.add_argument("--carrier", default="DHL")
    parser.add_argument("--tracking-prefix", default="JD0146")
    parser.add_argument(
        "--wrong-scan-every",
        type=int,
        default=0,
        help="scan a wrong item on every n-th order (exercises the reports)",
    )
    parser.add_argument("--pause-after-claim", action="store_true")
    parser.add_argument("--timeout", type=float, default=300.0)
    return parser


def open_candidates(connector: Connector) -> list[str]:
    """Every order that can still be packed, in the store's list order."""
    return [
        order.id
        for order in connector.iter_orders()
        if order.status in SHIPPABLE and not order.holds
    ]


class Desk:
    """One desk's loop (see the module docstring); ``run()`` returns the exit status."""

    def __init__(self, args: argparse.Namespace, out: TextIO) -> None:
        self.args = args
        self.out = out
        self.shipped = 0
        self._serial = 0

    def run(self) -> int:
        args = self.args
        store = open_store(args.store)
        progress = PackProgress(args.store.with_suffix(".progress.sqlite"))
        keeper: LeaseKeeper | None = None
        try:
            audit = AuditLog(store, station=args.desk)
            outbox: Outbox[Action] = Outbox(store, audit, decode=Action.model_validate)
            coordinator: StationCoordinator | LocalCoordinator
            if args.station_db:
                config = StationDbConfig(
                    args.station_db,
                    lease_s=args.lease,
                    heartbeat_s=min(args.heartbeat, args.lease / 2),
                )
                coordinator = StationCoordinator(
                    config,
                    store,
                    desk=args.desk,
                    packer=args.packer,
                    connection_id=args.connection_id,
                )
                coordinator.heartbeat()
                keeper = LeaseKeeper(
                    lambda: psycopg.connect(config.conninfo()),
                    desk=args.desk,
                    lease_s=args.lease,
                    interval_s=config.heartbeat_s,
                )
                keeper.start()
            else:
                coordinator = LocalCoordinator(
                    desk=args.desk, packer=args.packer, connection_id=args.connection_id
                )
            token = args.token or os.environ.get(TOKEN_ENV) or None
            with connect(args.dialect, args.base_url, token) as connector:
                service = OutboxService(
                    outbox,
                    connector,
                    connection_id=args.connection_id,
                    before_queue=coordinator.before_queue,
                    recovery_grace_s=1.0,
                )
                if args.orders_file is not None:
                    candidates = args.orders_file.read_text(encoding="utf-8").split()
                elif args.orders is not None:
                    candidates = list(args.orders)
                else:
                    candidates = open_candidates(connector)
                _emit(self.out, "ready", pid=os.getpid(), candidates=len(candidates))
                self._loop(coordinator, connector, service, progress, candidates)
            if isinstance(coordinator, StationCoordinator):
                # Tell the station database everything before leaving (bounded).
                deadline = time.monotonic() + 30
                while (
                    coordinator.flush() or coordinator.sync_local_audit()
                ) and time.monotonic() < deadline:
                    time.sleep(0.2)
                coordinator.close()
            _emit(self.out, "idle", shipped=self.shipped)
            return 0
        finally:
            if keeper is not None:
                keeper.stop()
            progress.close()
            store.close()

    def _loop(
        self,
        coordinator: StationCoordinator | LocalCoordinator,
        connector: Connector,
        service: OutboxService,
        progress: PackProgress,
        candidates: list[str],
    ) -> None:
        args = self.args
        deadline = time.monotonic() + args.timeout
        remaining = list(candidates)
        next_beat = 0.0
        while remaining and time.monotonic() < deadline:
            if args.max_orders and self.shipped >= args.max_orders:
                return
            if time.monotonic() >= next_beat:
                coordinator.heartbeat()
                next_beat = time.monotonic() + args.heartbeat
                # As the window's list drops orders other desks finished or found on hold,
                # so "next order" does not walk past them at every claim.
                gone = coordinator.not_offered_among(remaining[:WINDOW])
                if gone:
                    remaining = [o for o in remaining if o not in gone]
            asked = time.perf_counter()
            claim = coordinator.claim_next(remaining[:WINDOW])
            claim_ms = (time.perf_counter() - asked) * 1000
            if claim is None:
                not_offered = coordinator.not_offered_among(remaining[:WINDOW])
                if not_offered:
                    remaining = [o for o in remaining if o not in not_offered]
                elif len(remaining) > WINDOW:
                    remaining = remaining[WINDOW:] + remaining[:WINDOW]
                # Everything in view is held by other desks: wait for one to finish or expire.
                time.sleep(0.05)
                continue
            _emit(
                self.out,
                "claimed",
                order_id=claim.order_id,
                claim_ms=round(claim_ms, 3),
                coordinated=claim.coordinated,
                status=str(coordinator.status),
            )
            if args.pause_after_claim:
                while time.monotonic() < deadline:  # until killed
                    time.sleep(0.1)
                return
            self._pack_one(coordinator, connector, service, progress, claim)
            remaining.remove(claim.order_id)

    def _pack_one(
        self,
        coordinator: StationCoordinator | LocalCoordinator,
        connector: Connector,
        service: OutboxService,
        progress: PackProgress,
        claim: Claim,
    ) -> None:
        args = self.args
        started = time.monotonic()
        try:
            order = connector.get_order(claim.order_id)
        except ConnectorError as exc:
            coordinator.release(claim.order_id, ReleaseReason.CLOSED)
            _emit(self.out, "skipped", order_id=claim.order_id, why=str(exc))
            return
        if order.status not in SHIPPABLE or not any(line.remaining for line in order.lines):
            reason = (
                ReleaseReason.CANCELLED
                if order.status is OrderStatus.CANCELLED
                else ReleaseReason.SHIPPED
            )
            coordinator.release(order.id, reason)
            _emit(self.out, "skipped", order_id=order.id, why=f"status {order.status.value}")
            return
        if order.holds:  # held since it was listed: not this desk's to pack
            coordinator.release(order.id, ReleaseReason.HELD)
            _emit(self.out, "skipped", order_id=order.id, why="on hold")
            return
        session = PackSession(order, args.connection_id, progress)
        self._serial += 1
        if args.wrong_scan_every and self._serial % args.wrong_scan_every == 0:
            error = session.scan(WRONG_SCAN)
            if isinstance(error, PackError):
                coordinator.record(
                    AuditEvent(
                        kind="wrong_scan",
                        order_id=order.id,
                        order_number=order.number,
                        message=str(error.message),
                    )
                )
                session.acknowledge()
        for line in session.lines:
            for _unit in range(line.left):
                result = session.scan(_code_of(order, line.line_id))
                if isinstance(result, PackError):
                    raise RuntimeError(f"order {order.id}: {result.message}")
        lines = session.ship_scanned()
        # Unique across desks: no two live processes share a pid.
        tracking = f"{args.tracking_prefix}{os.getpid() % 10**8:08d}{self._serial:06d}"
        request = ShipRequest(carrier=args.carrier, tracking_number=tracking, lines=lines)
        try:
            record = service.ship(order.id, request, packer=args.packer, cached=order)
        except WriteRefused as exc:
            coordinator.release(order.id, ReleaseReason.CLOSED)
            _emit(self.out, "skipped", order_id=order.id, why=str(exc))
            return
        except DomainError as exc:
            coordinator.release(order.id, ReleaseReason.SHIPPED)
            _emit(self.out, "skipped", order_id=order.id, why=str(exc))
            return
        service.run_until_idle(service.outbox.now() + timedelta(seconds=60))
        final = service.outbox.get(record.id)
        if final is None or final.state is not ActionState.DONE:
            coordinator.release(order.id, ReleaseReason.CLOSED)
            _emit(
                self.out,
                "skipped",
                order_id=order.id,
                why=f"shipment {final.state.value if final else 'lost'}",
            )
            return
        session.finish()
        seconds = time.monotonic() - started
        coordinator.record(
            AuditEvent(
                kind="packed",
                order_id=order.id,
                order_number=order.number,
                outcome="shipped",
                items=sum(lines.values()),
                boxes=1,
                carrier=args.carrier,
                tracking=tracking,
                seconds=seconds,
            )
        )
        coordinator.release(order.id, ReleaseReason.SHIPPED)
        self.shipped += 1
        _emit(
            self.out,
            "shipped",
            order_id=order.id,
            tracking=tracking,
            seconds=seconds,
            status=str(coordinator.status),
        )


def _code_of(order: Order, line_id: str) -> str:
    line = order.line(line_id)
    assert line is not None
    return line.barcode or line.sku or line.id


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    return Desk(args, out or sys.stdout).run()


if __name__ == "__main__":
    sys.exit(main())
