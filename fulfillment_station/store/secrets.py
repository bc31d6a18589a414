"""API tokens, kept only in the operating system's keyring (no Qt here).

Service name ``"fulfillment-station"``, username = the connection profile's id. When this
computer has no usable keyring, every call raises ``NoKeyringError`` with a sentence for the
person setting up the desk: there is deliberately no plain-text fallback, because a token in a
file is a token anyone with the laptop can use to ship and cancel orders.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked, PasswordDeleteError

log = logging.getLogger(__name__)

SERVICE = "fulfillment-station"


class NoKeyringError(RuntimeError):
    """No safe place to keep tokens; ``user_message`` says what to do."""

    NO_BACKEND = (
        "This computer has no system password store (keyring) the app can use to "
        "keep the API token safe; install or turn on one (GNOME Keyring or KWallet on "
        "Linux; Windows and macOS have one built in) and try again."
    )
    LOCKED = (
        "The system password store (keyring) is locked; unlock it (usually by logging "
        "in again) and try again."
    )

    def __init__(self, user_message: str = NO_BACKEND) -> None:
        super().__init__(user_message)
        self.user_message = user_message


def _unusable(backend: KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring | null.Keyring):
        return True
    if isinstance(backend, chainer.ChainerBackend):
        return not backend.backends
    return False


class TokenStore:
    """``set``/``get``/``delete`` a connection's token.

    ``backend`` defaults to keyring's configured one, looked up on every call (so
    ``keyring.set_keyring`` takes effect). ``on_secret`` is called with every token read or
    written, before it goes anywhere else: the wiring passes ``Redactor.add`` so that a token can
    never reach a log file.
    """

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        on_secret: Callable[[str], None] | None = None,
        service: str = SERVICE,
    ) -> None:
        self._backend = backend
        self._on_secret = on_secret
        self.service = service

    def _keyring(self) -> KeyringBackend:
        backend = self._backend if self._backend is not None else keyring.get_keyring()
        if _unusable(backend):
            raise NoKeyringError()
        return backend

    def _seen(self, token: str) -> None:
        if self._on_secret is not None and token:
            self._on_secret(token)

    def set(self, connection_id: str, token: str) -> None:
        if not token:
            raise ValueError("An empty token cannot be saved; delete it instead.")
        self._seen(token)
        backend = self._keyring()
        try:
            backend.set_password(self.service, connection_id, token)
        except Exception as exc:
            raise self._error(exc, "save") from exc

    def get(self, connection_id: str) -> str | None:
        """The token, or ``None`` when none is saved for this connection."""
        backend = self._keyring()
        try:
            token = backend.get_password(self.service, connection_id)
        except Exception as exc:
            raise self._error(exc, "read") from exc
        if token:
            self._seen(token)
        return token or None

    def delete(self, connection_id: str) -> None:
        """Forget the token; nothing happens when there is none."""
        backend = self._keyring()
        try:
            backend.delete_password(self.service, connection_id)
        except PasswordDeleteError:
            pass  # nothing was saved: already the state we want
        except Exception as exc:
            raise self._error(exc, "delete") from exc

    @staticmethod
    def _error(exc: Exception, what: str) -> NoKeyringError:
        # The backend's own message never contains the token (it is not given one to print),
        # but it is logged by type only to be safe.
        log.warning("keyring: could not %s a token (%s)", what, type(exc).__name__)
        if isinstance(exc, KeyringLocked):
            return NoKeyringError(NoKeyringError.LOCKED)
        return NoKeyringError()
