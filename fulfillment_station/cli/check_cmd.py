"""``fulfillment-station check``: can we reach the API, does it take the token, and what can
this dialect do."""

from __future__ import annotations

import argparse
import sys

from fulfillment_station.cli.common import add_connection_args, print_json
from fulfillment_station.cli.connection import open_connector


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", help="check reachability, authentication and capabilities")
    add_connection_args(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with open_connector(args) as connector:
        report = connector.check()
    if args.json:
        print_json(
            {
                "dialect": report.dialect,
                "base_url": report.base_url,
                "reachable": report.reachable,
                "authenticated": report.authenticated,
                "orders_visible": report.orders_visible,
                "message": report.message,
                "capabilities": report.capabilities.to_json(),
            }
        )
    else:
        print(f"{report.capabilities.display_name} at {report.base_url}")
        print(f"  reachable:      {'yes' if report.reachable else 'NO'}")
        print(f"  authenticated:  {'yes' if report.authenticated else 'NO'}")
        if report.orders_visible is not None:
            print(f"  orders visible: {report.orders_visible}")
        print(f"  {report.message}")
        print("Capabilities:")
        for what, flag, note in report.capabilities.table():
            print(f"  {what:<38} {flag:<4} {note}".rstrip())
    if not report.ok:
        print(f"fulfillment-station: check failed: {report.message}", file=sys.stderr)
        return 1
    return 0
