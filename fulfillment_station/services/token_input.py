"""Where a command-line tool takes the API token from, without putting it in ``ps``.

A token given as ``--token VALUE`` is visible to every account on the machine (``ps``,
``/proc/<pid>/cmdline``) and lands in shell history; it is kept for scripts on a single-user
machine, with that risk said in ``--help``. The safe ways, in the order they win:
``--token-file PATH`` (the first line of a user-only file), ``--token-stdin`` (the first line
on standard input), then the ``FULFILLMENT_STATION_TOKEN`` environment variable.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

TOKEN_ENV = "FULFILLMENT_STATION_TOKEN"
#: A token is short; anything longer is the wrong file.
MAX_TOKEN_CHARS = 4096

TOKEN_HELP = (
    f"the API token. Unsafe: any user can read it with 'ps' and it stays in the "
    f"shell history; prefer --token-file, --token-stdin or ${TOKEN_ENV}"
)


class TokenInputError(ValueError):
    """The token cannot be read from where the command line says; the message says why."""


def add_token_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--token", default=None, help=TOKEN_HELP)
    parser.add_argument(
        "--token-file",
        type=Path,
        default=None,
        metavar="PATH",
        help="read the API token from the first line of this file",
    )
    parser.add_argument(
        "--token-stdin",
        action="store_true",
        help="read the API token from the first line of standard input",
    )


def token_from_args(
    args: argparse.Namespace, *, env: Mapping[str, str] | None = None, stdin: TextIO | None = None
) -> str | None:
    """The token the arguments point at, or ``None`` when none is given anywhere."""
    environ = os.environ if env is None else env
    token_file: Path | None = getattr(args, "token_file", None)
    if token_file is not None:
        try:
            with token_file.open(encoding="utf-8-sig") as handle:
                return _clean(handle.readline(MAX_TOKEN_CHARS + 2), f"the file {token_file}")
        except (OSError, UnicodeDecodeError) as exc:
            raise TokenInputError(
                f"The token file {token_file} cannot be read "
                f"({getattr(exc, 'strerror', None) or exc})."
            ) from None
    if getattr(args, "token_stdin", False):
        source = stdin if stdin is not None else sys.stdin
        return _clean(source.readline(MAX_TOKEN_CHARS + 2), "standard input")
    token: str | None = getattr(args, "token", None)
    return token or environ.get(TOKEN_ENV) or None


def _clean(line: str, where: str) -> str:
    token = line.strip()
    if not token:
        raise TokenInputError(f"No token was found on {where}.")
    if len(token) > MAX_TOKEN_CHARS or any(ord(c) < 0x20 or ord(c) == 0x7F for c in token):
        raise TokenInputError(f"What {where} holds is not an API token.")
    return token
