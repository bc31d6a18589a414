"""Testing a store connection before it is saved: one typed operation the connection dialog
runs on a worker (the keyring read and the HTTP check both wait), and the dialect list the
dialog offers. The dialog renders the :class:`CheckReport` or the sentence of the error; it
never builds a connector itself."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from fulfillment_station.connectors import DIALECT_MODULES, connect, connector_class
from fulfillment_station.connectors.base import CheckReport, Connector
from fulfillment_station.connectors.http import connector_options
from fulfillment_station.store.secrets import TokenStore

#: How a connector is made (the dialog's tests pass a recording one).
ConnectFn = Callable[..., Connector]

#: One attempt with short timeouts: the person at the dialog wants an answer, not a minute of
#: backoff, and closing the dialog waits (up to 10 s) for a test still in flight.
TEST_TIMEOUT = httpx.Timeout(8.0, connect=4.0)


def dialect_choices() -> list[tuple[str, str]]:
    """(dialect, the store's display name) for every dialect the app speaks."""
    return [
        (dialect, connector_class(dialect).CAPABILITIES.display_name) for dialect in DIALECT_MODULES
    ]


def run_check(
    connect_fn: ConnectFn, dialect: str, base_url: str, token: str | None, ca_bundle: str | None
) -> CheckReport:
    """Connect once with short timeouts and ask the store what it is and can do."""
    with connect_fn(
        dialect,
        base_url,
        token,
        max_read_attempts=1,
        timeout=TEST_TIMEOUT,
        **connector_options(ca_bundle),
    ) as connector:
        return connector.check()


def check_connection(
    _resources: None,
    tokens: TokenStore,
    dialect: str,
    base_url: str,
    typed_token: str,
    saved_id: str | None,
    ca_bundle: str | None,
    *,
    connect_fn: ConnectFn | None = None,
) -> CheckReport:
    """The worker's half of "Test connection": the token typed in the form, or else the one
    saved for ``saved_id`` (read here: the keyring may be slow or ask to be unlocked)."""
    secret = tokens.get(saved_id) if saved_id is not None else typed_token
    return run_check(connect_fn or connect, dialect, base_url, secret, ca_bundle)
