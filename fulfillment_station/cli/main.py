"""Entry point of ``fulfillment-station``: builds the argument parser from each command module
and dispatches. With no sub-command it starts the GUI."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from fulfillment_station import __version__
from fulfillment_station.cli import (
    check_cmd,
    hardware_cmd,
    headless_cmds,
    orders_cmd,
    print_cmd,
    sandbox_cmd,
    station_cmd,
    tracking_cmd,
)
from fulfillment_station.cli.common import CliError
from fulfillment_station.domain.safe_text import for_terminal

COMMAND_MODULES = (
    sandbox_cmd,
    orders_cmd,
    print_cmd,
    tracking_cmd,
    check_cmd,
    hardware_cmd,
    station_cmd,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fulfillment-station",
        description="Packing-desk app: scan, pack, print and ship store orders.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="start the GUI on the embedded training sandbox"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_parser(sub)
    headless_cmds.add_parsers(sub)  # sync, channel-sync
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    handler = getattr(args, "handler", None)
    if handler is None:
        return _start_gui(demo=args.demo)
    try:
        return int(handler(args) or 0)
    except CliError as exc:
        print(f"fulfillment-station: {for_terminal(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("fulfillment-station: interrupted", file=sys.stderr)
        return 130


def _start_gui(*, demo: bool) -> int:
    try:
        from fulfillment_station.launch import run_gui
    except ImportError as exc:  # the GUI is not built yet in this tree
        print(f"fulfillment-station: the window cannot start: {exc}", file=sys.stderr)
        return 2
    return run_gui(demo=demo)


if __name__ == "__main__":
    raise SystemExit(main())
