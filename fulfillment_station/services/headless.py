"""A headless driver of the write path: the same ``OutboxService`` the GUI's worker uses, from
a terminal or a test, without Qt.

    python -m fulfillment_station.services.headless --dialect nexus --base-url URL \\
        [--token T] --outbox FILE ship-many ORDER:TRACKING [ORDER:TRACKING ...] [--carrier C]
    python -m fulfillment_station.services.headless ... --outbox FILE resume
    python -m fulfillment_station.services.headless ... --outbox FILE status

``ship-many`` checks and queues one shipment per order, then sends until nothing is waiting.
``resume`` queues nothing: it checks what a crash left half-sent and sends what is pending.
``status`` prints the outbox's counts.

The token comes from ``--token-file``, ``--token-stdin`` or ``$FULFILLMENT_STATION_TOKEN``
(``--token`` works but shows it in ``ps``). The driver holds the lock of the outbox's folder
while it runs (``store.instance_lock``): a second driver, or the app, on that folder is told so
and stops. A damaged or unexpectedly empty outbox is kept aside and what can be read is
recovered (``store.outbox_recovery``); that is reported as a ``recovered`` line and on stderr.

Progress goes to stdout, one JSON object a line (``{"event": "ready"}`` once the outbox is open,
then ``queued`` or ``refused`` per order and ``outcome`` per step as it happens, then ``idle``
with the counts); errors go to stderr, one line each. An order that cannot be shipped (already
shipped, cancelled...) is refused and the others still go. The exit status is 0 when every
action is done, 1 when an order was refused or an action failed or is still waiting, 2 for bad
input.

Start-up is kept cheap (the crash-safety test starts this many times): only the store, the
outbox service and the one connector module are imported, never Qt or the sandbox.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any, TextIO

from fulfillment_station.connectors import DIALECT_MODULES, connect
from fulfillment_station.connectors.errors import ConnectorError
from fulfillment_station.domain.errors import DomainError
from fulfillment_station.domain.requests import ShipRequest
from fulfillment_station.services.actions import Action
from fulfillment_station.services.outbox_runner import Outcome
from fulfillment_station.services.outbox_service import RECOVERY_GRACE_S, OutboxService
from fulfillment_station.services.token_input import (
    TOKEN_ENV,
    TokenInputError,
    add_token_args,
    token_from_args,
)
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import StoreError
from fulfillment_station.store.instance_lock import InstanceLock
from fulfillment_station.store.outbox import ActionState, Outbox, OutboxError
from fulfillment_station.store.outbox_recovery import open_outbox_store

__all__ = ["TOKEN_ENV", "build_parser", "main", "run"]


def _emit(out: TextIO, event: str, **fields: Any) -> None:
    print(json.dumps({"event": event, **fields}, ensure_ascii=False), file=out, flush=True)


def _parse_shipment(text: str) -> tuple[str, str]:
    order_id, sep, tracking = text.rpartition(":")
    if not sep or not order_id or not tracking.strip():
        raise argparse.ArgumentTypeError(
            f"{text!r} is not ORDER:TRACKING (an order id, a colon, a tracking number)"
        )
    return order_id, tracking.strip()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m fulfillment_station.services.headless",
        description="Queue and send writes through the outbox.",
    )
    parser.add_argument("--dialect", required=True, choices=sorted(DIALECT_MODULES))
    parser.add_argument("--base-url", required=True)
    add_token_args(parser)
    parser.add_argument("--outbox", required=True, type=Path, help="the store file")
    parser.add_argument("--connection-id", default="headless")
    parser.add_argument(
        "--recovery-grace",
        type=float,
        default=RECOVERY_GRACE_S,
        help="seconds to wait before checking a write a crash left in flight",
    )
    parser.add_argument("--station", default="headless")
    parser.add_argument("--packer", default="")
    parser.add_argument(
        "--timeout",
        type=float,
        default=600.0,
        help="stop sending after this many seconds (default 600)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    ship = commands.add_parser("ship-many", help="queue one shipment per order, then send")
    ship.add_argument("shipments", nargs="+", type=_parse_shipment, metavar="ORDER:TRACKING")
    ship.add_argument("--carrier", default="DHL")
    commands.add_parser("resume", help="send what is pending (after a crash or a stop)")
    commands.add_parser("status", help="print the outbox's counts")
    return parser


def run(args: argparse.Namespace, out: TextIO) -> int:
    token = None if args.command == "status" else token_from_args(args)
    with InstanceLock(args.outbox.parent):
        return _run_locked(args, token, out)


def _run_locked(args: argparse.Namespace, token: str | None, out: TextIO) -> int:
    opened = open_outbox_store(args.outbox)
    store = opened.conn
    try:
        if opened.notice:
            _emit(
                out,
                "recovered",
                message=str(opened.notice),
                recovered=opened.recovered,
                lost=opened.lost,
                kept=str(opened.kept) if opened.kept else None,
            )
            print(f"warning: {opened.notice}", file=sys.stderr)
        audit = AuditLog(store, station=args.station)
        outbox: Outbox[Action] = Outbox(store, audit, decode=Action.model_validate)
        if args.command == "status":
            _emit(out, "status", counts=_counts(outbox, args.connection_id))
            return 0
        with connect(args.dialect, args.base_url, token) as connector:
            service = OutboxService(
                outbox,
                connector,
                connection_id=args.connection_id,
                recovery_grace_s=args.recovery_grace,
            )
            _emit(out, "ready", pid=os.getpid())
            refused = 0
            if args.command == "ship-many":
                for order_id, tracking in args.shipments:
                    request = ShipRequest(carrier=args.carrier, tracking_number=tracking)
                    try:
                        record = service.ship(order_id, request, packer=args.packer)
                    except (ConnectorError, DomainError, OutboxError) as exc:
                        # One order that cannot ship must not hold back the others.
                        refused += 1
                        _emit(out, "refused", order_id=order_id, message=str(exc))
                        print(f"error: order {order_id}: {exc}", file=sys.stderr)
                        continue
                    _emit(out, "queued", id=record.id, order_id=order_id, tracking=tracking)

            def report(outcome: Outcome) -> None:
                record = outcome.record
                _emit(
                    out,
                    "outcome",
                    id=record.id,
                    order_id=record.action.order_id,
                    state=record.state.value,
                    sent=outcome.sent,
                    message=record.message,
                )

            service.run_until_idle(
                outbox.now() + timedelta(seconds=args.timeout), on_outcome=report
            )
            counts = _counts(outbox, args.connection_id)
            _emit(out, "idle", counts=counts)
            finished = counts[ActionState.DONE] + counts[ActionState.DISMISSED]
            return 0 if finished == sum(counts.values()) and not refused else 1
    finally:
        store.close()


def _counts(outbox: Outbox[Action], connection_id: str) -> dict[str, int]:
    return {state.value: n for state, n in outbox.counts(connection_id).items()}


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """The command line; ``out`` receives the progress lines (default: stdout)."""
    args = build_parser().parse_args(argv)
    try:
        return run(args, out or sys.stdout)
    except (
        ConnectorError,
        DomainError,
        OutboxError,
        StoreError,
        TokenInputError,
        ValueError,
    ) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    # stderr carries one line per problem (the contract above); without this, Python's
    # last-resort handler would add every log warning of the store as a second line.
    logging.getLogger("fulfillment_station").addHandler(logging.NullHandler())
    logging.getLogger("fulfillment_station").propagate = False
    sys.exit(main())
