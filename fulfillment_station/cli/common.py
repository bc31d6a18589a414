"""Shared pieces of the command line: the error type, connection flags, JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from fulfillment_station.services.token_input import TOKEN_ENV, add_token_args, token_from_args

__all__ = ["TOKEN_ENV", "CliError", "add_connection_args", "print_json", "token_from"]


class CliError(Exception):
    """A failure to report as one line on stderr with a non-zero exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def add_connection_args(parser: argparse.ArgumentParser, *, json_flag: bool = True) -> None:
    """``--connection NAME`` (a connection saved in the app, token from the keyring) or
    ``--dialect``/``--base-url``/``--token``; resolved by ``cli.connection``."""
    parser.add_argument(
        "--connection",
        default=None,
        metavar="NAME",
        help="a connection saved in the app (its name or id); the token comes "
        "from the system keyring",
    )
    parser.add_argument(
        "--dialect",
        default=None,
        help="nexus, price2b, squarespace, inventory-cloud or generic-rest",
    )
    parser.add_argument("--base-url", default=None, help="the API's base URL")
    add_token_args(parser)
    if json_flag:
        parser.add_argument("--json", action="store_true", help="print the canonical JSON model")


def token_from(args: argparse.Namespace) -> str | None:
    """The token from --token-file, --token-stdin, --token or the environment (a
    ``TokenInputError``, a ``ValueError``, when the named source cannot be read)."""
    return token_from_args(args)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
