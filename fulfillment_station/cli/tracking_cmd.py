"""`fulfillment-station tracking ...` (not built yet)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Registers nothing until the command is built."""
