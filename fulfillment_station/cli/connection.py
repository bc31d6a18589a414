"""Opening a connector from command-line flags, with errors turned into one clear line.

A command names its store either with ``--connection NAME`` (a connection saved in the app:
its dialect and URL from the settings file, its token from the system keyring, its cache the
one the window uses) or with ``--dialect``/``--base-url``/``--token`` (the token may also come
from ``FULFILLMENT_STATION_TOKEN``). ``--token`` or the variable win over the keyring, so a
script can use a saved connection with a token of its own.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from fulfillment_station.cli.common import CliError
from fulfillment_station.cli.common import token_from as _token_from
from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import Connector
from fulfillment_station.connectors.errors import ConnectorError
from fulfillment_station.store.paths import data_dir
from fulfillment_station.store.secrets import NoKeyringError, TokenStore
from fulfillment_station.store.settings import ConnectionProfile, Settings, SettingsStore

T = TypeVar("T")


def token_from(args: argparse.Namespace) -> str | None:
    """The token the flags name; a source that cannot be read is one line and exit 2."""
    try:
        return _token_from(args)
    except ValueError as exc:  # TokenInputError: a missing, empty or binary token source
        raise CliError(str(exc), exit_code=2) from None


@dataclass(frozen=True)
class CliConnection:
    """The store a command talks to: ``id`` files its orders in the cache (the saved
    connection's id, or the dialect for explicit flags)."""

    id: str
    label: str
    dialect: str
    base_url: str
    token: str | None
    saved: bool

    def cache_path(self, explicit: str | None = None) -> Path:
        """The connection's local cache: ``--cache`` when given, else the window's own
        (saved connections) -- explicit flags without ``--cache`` have none."""
        if explicit:
            return Path(explicit).expanduser()
        if not self.saved:
            raise CliError(
                "give --cache PATH, or use --connection NAME to use the app's cache", exit_code=2
            )
        return data_dir() / f"cache-{self.id}.sqlite3"


def saved_profile(saved: Settings, name: str) -> ConnectionProfile | None:
    """The saved connection ``--connection NAME`` means: by id, else by name (any case)."""
    return saved.profile(name) or next(
        (p for p in saved.connections if p.label.casefold() == name.casefold()), None
    )


def resolve_connection(
    args: argparse.Namespace,
    *,
    settings: SettingsStore | None = None,
    tokens: TokenStore | None = None,
) -> CliConnection:
    name = getattr(args, "connection", None)
    if name:
        if args.dialect or args.base_url:
            raise CliError("use either --connection or --dialect/--base-url, not both", exit_code=2)
        saved = (settings or SettingsStore()).load()
        profile = saved_profile(saved, name)
        if profile is None:
            known = ", ".join(repr(p.label) for p in saved.connections) or "none"
            raise CliError(f"no saved connection is called {name!r} (saved: {known})", exit_code=2)
        token = token_from(args)
        if token is None:
            try:
                token = (tokens or TokenStore()).get(profile.id)
            except NoKeyringError as exc:
                raise CliError(exc.user_message, exit_code=2) from None
            if token is None:
                raise CliError(
                    f"no API token is saved for {profile.label!r}; enter it in the "
                    "app (Settings → Connections) or pass --token",
                    exit_code=2,
                )
        return CliConnection(
            profile.id, profile.label, profile.dialect, profile.base_url, token, saved=True
        )
    if not args.dialect or not args.base_url:
        raise CliError(
            "name the store: --connection NAME, or --dialect and --base-url", exit_code=2
        )
    return CliConnection(
        args.dialect, args.dialect, args.dialect, args.base_url, token_from(args), saved=False
    )


@contextmanager
def open_connector(args: argparse.Namespace) -> Iterator[Connector]:
    target = resolve_connection(args)
    try:
        connector = connect(target.dialect, target.base_url, target.token)
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
