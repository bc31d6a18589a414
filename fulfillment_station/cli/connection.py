"""Opening a connector from command-line flags, with errors turned into one clear line."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from fulfillment_station.cli.common import CliError, token_from
from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import Connector
from fulfillment_station.connectors.errors import ConnectorError

T = TypeVar("T")


@contextmanager
def open_connector(args: argparse.Namespace) -> Iterator[Connector]:
    try:
        connector = connect(args.dialect, args.base_url, token_from(args))
    except ValueError as exc:
        raise CliError(str(exc), exit_code=2) from None
    except ConnectorError as exc:
        raise CliError(exc.user_message, exit_code=2) from None
    try:
        yield connector
    except ConnectorError as exc:
        raise CliError(str(exc)) from None
    finally:
        connector.close()


def run_with(args: argparse.Namespace, work: Callable[[Connector], T]) -> T:
    with open_connector(args) as connector:
        return work(connector)
