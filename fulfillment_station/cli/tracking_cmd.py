"""`fulfillment-station tracking parse TEXT [--json]`: carrier, normalised number, check-digit
verdict and tracking URL of a tracking number, from the one carrier table.

Exit codes: 0 recognised with a valid check digit (or a format that defines none, e.g. Amazon
TBA); 3 recognised but the check digit is wrong (the output is still printed, plus one line on
stderr); 1 not a tracking number of any known carrier (one line on stderr; with ``--json`` the
JSON is printed anyway, with ``carrier``, ``number`` and ``check_digit`` null, so scripts can
always parse stdout).
"""

from __future__ import annotations

import argparse

from fulfillment_station.cli.common import CliError, print_json
from fulfillment_station.scanning.tracking import (
    CheckVerdict,
    default_table,
    describe,
    parse_tracking,
)

EXIT_UNRECOGNISED = 1
EXIT_INVALID_CHECK = 3


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    tracking = sub.add_parser("tracking", help="tracking-number tools")
    actions = tracking.add_subparsers(dest="tracking_command", metavar="ACTION", required=True)
    parse = actions.add_parser(
        "parse",
        help="recognise a tracking number: carrier, number, check digit, URL",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse.add_argument(
        "text",
        metavar="TEXT",
        help="the number as printed, typed or scanned (spaces and hyphens ok)",
    )
    parse.add_argument("--json", action="store_true", help="print the result as JSON")
    parse.set_defaults(handler=run_parse)


def run_parse(args: argparse.Namespace) -> int:
    result = parse_tracking(args.text)
    if args.json:
        print_json(result.to_dict())
    if not result.recognised:
        known = ", ".join(sorted({c.name for c in default_table().carriers.values()}))
        raise CliError(
            f"{args.text!r} is not a tracking number of any known carrier ({known}).",
            exit_code=EXIT_UNRECOGNISED,
        )
    if not args.json:
        for line in describe(result):
            print(line)
    if result.check_digit is CheckVerdict.INVALID:
        raise CliError(
            f"the check digit of {result.number} is wrong: a digit is probably mistyped.",
            exit_code=EXIT_INVALID_CHECK,
        )
    return 0
