"""Where the station database is and how to reach it safely: the ``postgresql://`` URL from the
settings, the password from the keyring, TLS passed through to libpq (``sslmode`` up to
``verify-full``) and the lease times of claims.

Plain (unencrypted) connections are accepted only to this machine (loopback or a unix socket),
as for the store APIs: a password and the warehouse's audit log never cross a network in clear.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from fulfillment_station.store.secrets import TokenStore

SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
#: sslmodes that guarantee an encrypted connection.
ENCRYPTED_MODES = frozenset({"require", "verify-ca", "verify-full"})
#: The keyring service for station-database passwords (API tokens use another one).
KEYRING_SERVICE = "fulfillment-station-station-db"

DEFAULT_LEASE_S = 90.0
DEFAULT_HEARTBEAT_S = 15.0
#: How long "next order" leaves out an order a desk found on hold at the store before one desk
#: looks at it again (a hold lifted sooner is seen at once by a packer who opens the order).
DEFAULT_HELD_RECHECK_S = 600.0
CONNECT_TIMEOUT_S = 3


class StationConfigError(ValueError):
    """The station database settings cannot be used; the message says what to change."""


def _is_local(host: str) -> bool:
    if not host or host.startswith("/"):
        return True  # a unix socket
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class StationDbConfig:
    """``url`` is ``postgresql://USER@HOST:PORT/DB?sslmode=verify-full&sslrootcert=...``
    without a password; the password is in the keyring under :meth:`password_key`."""

    url: str
    lease_s: float = DEFAULT_LEASE_S
    heartbeat_s: float = DEFAULT_HEARTBEAT_S
    held_recheck_s: float = DEFAULT_HELD_RECHECK_S

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("postgresql", "postgres"):
            raise StationConfigError("The station database must be a postgresql:// address.")
        params = dict(parse_qsl(parts.query))
        mode = params.get("sslmode", "prefer")
        if mode not in SSL_MODES:
            raise StationConfigError(f"sslmode {mode!r} is not one of {', '.join(SSL_MODES)}.")
        host = params.get("host") or (parts.hostname or "")
        if not _is_local(host) and mode not in ENCRYPTED_MODES:
            raise StationConfigError(
                "The station database is on another machine: set sslmode=verify-full (or at "
                "least require) so the connection is encrypted."
            )
        if not 0 < self.heartbeat_s < self.lease_s:
            raise StationConfigError("The heartbeat must be shorter than the claim lease.")

    @property
    def has_password(self) -> bool:
        return urlsplit(self.url).password is not None

    def redacted_url(self) -> str:
        """The URL with any password replaced, for logs and the status bar."""
        parts = urlsplit(self.url)
        if parts.password is None:
            return self.url
        netloc = parts.netloc.rsplit("@", 1)
        user = (parts.username or "") + ":***"
        return urlunsplit(parts._replace(netloc=f"{user}@{netloc[-1]}"))

    def password_key(self) -> str:
        """The keyring username: who at which server (never the password itself)."""
        parts = urlsplit(self.url)
        host = parts.hostname or dict(parse_qsl(parts.query)).get("host", "")
        return f"{parts.username or ''}@{host}:{parts.port or 5432}{parts.path}"

    def conninfo(self, password: str | None = None) -> str:
        """The libpq connection string: the URL plus the keyring's password and a connect
        timeout (a dead server must not hang a desk)."""
        parts = urlsplit(self.url)
        params = dict(parse_qsl(parts.query))
        params.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
        params.setdefault("application_name", "fulfillment-station")
        if password and parts.password is None:
            params["password"] = password
        return urlunsplit(parts._replace(query=urlencode(params)))


def load_password(config: StationDbConfig, tokens: TokenStore | None = None) -> str | None:
    """The password from the keyring (``None`` when none is saved or it is in the URL)."""
    if config.has_password:
        return None
    store = tokens or TokenStore(service=KEYRING_SERVICE)
    return store.get(config.password_key())


def save_password(config: StationDbConfig, password: str, tokens: TokenStore | None = None) -> None:
    store = tokens or TokenStore(service=KEYRING_SERVICE)
    store.set(config.password_key(), password)
