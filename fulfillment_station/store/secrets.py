"""API tokens, kept in the operating system's keyring (no Qt here).

Service name ``"fulfillment-station"``, username = the connection profile's id. When this
computer has no usable keyring, every call raises ``NoKeyringError`` with a sentence for the
person setting up the desk. There is no silent plain-text fallback, because a token in a file
is a token anyone with the laptop (or its backup) can use to ship and cancel orders.

A Linux desk without a keyring can still connect a real store through an explicit opt-in:
:func:`enable_token_file` (called only after the person has read :data:`TOKEN_FILE_RISK`)
creates ``tokens.json`` in the data folder, readable by this user only (0600). From then on,
and only while that file exists, a desk without a usable keyring keeps its tokens there.
Deleting the file withdraws the opt-in.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked, PasswordDeleteError

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.store.file_checks import make_private
from fulfillment_station.store.paths import data_dir

log = logging.getLogger(__name__)

SERVICE = "fulfillment-station"
TOKEN_FILE_NAME = "tokens.json"
TOKEN_FILE_RISK = QT_TRANSLATE_NOOP(
    "TokenStore",
    "Without a system password store, the token can be kept in a file that only "
    "your user account on this computer can read. Anyone who can sign in as you, or who gets "
    "this disk or a backup of it, can read the token and ship or cancel orders in the store. "
    "Use this only on a desk computer that is not shared, and prefer a keyring (GNOME Keyring "
    "or KWallet) when you can.",
)


class NoKeyringError(RuntimeError):
    """No safe place to keep tokens; ``user_message`` says what to do."""

    NO_BACKEND = QT_TRANSLATE_NOOP(
        "TokenStore",
        "This computer has no system password store (keyring) the app can use to "
        "keep the API token safe; install or turn on one (GNOME Keyring or KWallet on Linux; "
        "Windows and macOS have one built in) and try again, or choose to keep the token in a "
        "file only you can read.",
    )
    LOCKED = QT_TRANSLATE_NOOP(
        "TokenStore",
        "The system password store (keyring) is locked; unlock it (usually by "
        "logging in again) and try again.",
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


def token_file_path(folder: Path | None = None) -> Path:
    return (folder if folder is not None else data_dir(create=False)) / TOKEN_FILE_NAME


def enable_token_file(folder: Path | None = None) -> Path:
    """The explicit opt-in: create the user-only token file (empty) in ``folder`` (default:
    the data folder). Call it only after the person accepted :data:`TOKEN_FILE_RISK`."""
    path = token_file_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        # O_EXCL + 0600: never a moment where another account could read it.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({}, handle)
    make_private(path)
    log.warning("tokens are kept in %s (user-only file), by the desk's explicit choice", path)
    return path


class FileTokens(KeyringBackend):
    """Tokens in a user-only JSON file ({service: {connection id: token}})."""

    priority = 0  # never chosen by keyring itself: only TokenStore uses it, after the opt-in

    def __init__(self, path: Path) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring's base is untyped
        self.path = path

    def _read(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except ValueError:
            log.warning("the token file %s is damaged; it is read as empty", self.path)
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, dict[str, str]]) -> None:
        temporary = self.path.with_name(self.path.name + ".new")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)
        make_private(self.path)

    def get_password(self, service: str, username: str) -> str | None:
        value = self._read().get(service, {}).get(username)
        return value if isinstance(value, str) else None

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._read()
        data.setdefault(service, {})[username] = password
        self._write(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        if username not in data.get(service, {}):
            raise PasswordDeleteError(username)
        del data[service][username]
        self._write(data)


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
        token_file: Path | None = None,
    ) -> None:
        self._backend = backend
        self._on_secret = on_secret
        self.service = service
        self._token_file = token_file

    @property
    def token_file(self) -> Path:
        """Where the opted-in token file is (it is used only while it exists)."""
        return self._token_file if self._token_file is not None else token_file_path()

    def _keyring(self) -> KeyringBackend:
        backend = self._backend if self._backend is not None else keyring.get_keyring()
        if _unusable(backend):
            if self.token_file.is_file():  # the desk opted in (enable_token_file)
                return FileTokens(self.token_file)
            raise NoKeyringError()
        return backend

    @property
    def uses_token_file(self) -> bool:
        """True when tokens go to the opted-in file (no usable keyring)."""
        try:
            return isinstance(self._keyring(), FileTokens)
        except NoKeyringError:
            return False

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
