"""Logging, secret redaction, the diagnostics text for support and crash reports (no Qt).

``configure_logging`` sends the app's log to a rotating file in the user log dir (or
``FULFILLMENT_STATION_LOG_DIR``) and keeps the latest warnings in memory for the diagnostics
text. Every handler it installs carries the ``Redactor``: tokens are registered with it as they
are read from the keyring (``TokenStore(on_secret=redactor.add)``) and replaced by ``***`` in
messages, arguments, exception text and stack text before any handler formats the record.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import re
import sys
import threading
import traceback
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote, urlsplit

from fulfillment_station import APP_NAME, __version__
from fulfillment_station.store.file_checks import make_private

# Re-exported for callers that still take it from here; the resolver is store.paths'.
from fulfillment_station.store.paths import log_dir as log_dir
from fulfillment_station.store.settings import ConnectionProfile, Settings

LOG_FILE = "fulfillment-station.log"
MASK = "***"
# Shorter "secrets" would blank out ordinary words and numbers all over the log.
MIN_SECRET_LENGTH = 6
LOG_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file (the current one and each new one after a rollover)
    is created user-only, never world-readable for a moment."""

    def _open(self) -> Any:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.close(fd)
        make_private(Path(self.baseFilename))
        return super()._open()


class Redactor(logging.Filter):
    """Replaces every registered secret with ``***``. As a logging filter it rewrites the
    record in place (message with its arguments merged, exception and stack text), so every
    handler after it sees only the redacted text."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def add(self, secret: str | None) -> None:
        if not secret or len(secret) < MIN_SECRET_LENGTH:
            return
        with self._lock:
            # A token may also appear URL-encoded (in a query string or a logged URL).
            new = {secret, quote(secret, safe="")} - self._secrets
            if not new:
                return
            self._secrets |= new
            ordered = sorted(self._secrets, key=len, reverse=True)  # longest match first
            self._pattern = re.compile("|".join(re.escape(s) for s in ordered))

    def redact(self, text: str) -> str:
        pattern = self._pattern
        return pattern.sub(MASK, text) if pattern is not None else text

    def filter(self, record: logging.LogRecord) -> bool:
        if self._pattern is None:
            return True
        try:
            message = record.getMessage()
        except Exception:  # arguments that do not fit the format: keep both, redacted
            message = f"{record.msg!r} {record.args!r}"
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class RecentErrors(logging.Handler):
    """The last warnings and errors, one line each, for the diagnostics text."""

    def __init__(self, capacity: int = 20) -> None:
        super().__init__(logging.WARNING)
        self._lines: deque[str] = deque(maxlen=capacity)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            # The exception's last line says what went wrong; the traceback is in the log file.
            line = self.format(record).splitlines()
            self._lines.append(line[0] + (f" [{line[-1].strip()}]" if len(line) > 1 else ""))
        except Exception:
            self.handleError(record)

    def lines(self) -> list[str]:
        return list(self._lines)


@dataclass
class LoggingSetup:
    """What ``configure_logging`` installed; ``close()`` takes it all out again."""

    log_file: Path
    redactor: Redactor
    recent: RecentErrors
    logger: logging.Logger
    handlers: list[logging.Handler] = field(default_factory=list)
    # Handlers that were there before (a console handler): they get the redactor too.
    guarded: list[logging.Handler] = field(default_factory=list)

    def close(self) -> None:
        for handler in self.handlers:
            self.logger.removeHandler(handler)
            handler.close()
        for handler in self.guarded:
            handler.removeFilter(self.redactor)
        self.handlers.clear()
        self.guarded.clear()


def configure_logging(
    directory: Path | str | None = None,
    *,
    redactor: Redactor | None = None,
    level: int = logging.INFO,
    logger: logging.Logger | None = None,
    max_bytes: int = 2_000_000,
    backups: int = 5,
) -> LoggingSetup:
    """Log to ``<log dir>/fulfillment-station.log`` (rotating) through ``redactor``, which is
    also put on the handlers ``logger`` already has (so a console handler is redacted too).

    ``logger`` defaults to the root logger; tests pass their own."""
    target = logger if logger is not None else logging.getLogger()
    redactor = redactor if redactor is not None else Redactor()
    path = log_dir(directory) / LOG_FILE
    file_handler = PrivateRotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    recent = RecentErrors()
    setup = LoggingSetup(
        path, redactor, recent, target, [file_handler, recent], list(target.handlers)
    )
    for handler in setup.guarded:
        handler.addFilter(redactor)
    for handler in setup.handlers:
        handler.addFilter(redactor)
        target.addHandler(handler)
    if target.level == logging.NOTSET or target.level > level:
        target.setLevel(level)
    # httpx logs every request URL at INFO; the connectors log what matters themselves.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return setup


# -- diagnostics text ------------------------------------------------------------------------


def _version_of(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def _qt_version() -> str:
    # This layer does not import Qt; if the GUI has loaded it, ask the running library.
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        return f"{qtcore.qVersion()} (PySide6 {_version_of('PySide6-Essentials')})"
    return f"PySide6 {_version_of('PySide6-Essentials')}"


def _host_of(url: str) -> str:
    """Scheme, host and port only: paths and queries can carry shop ids or keys."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or "?"
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "(not a valid URL)"
    return f"{parts.scheme}://{host}{port}"


def diagnostics_text(
    settings: Settings,
    active_profile: ConnectionProfile | None,
    recent_errors: Sequence[str],
    *,
    redactor: Redactor | None = None,
) -> str:
    """Plain text a packer can copy into a support request. Holds no token, no URL path and
    no personal data (no packer name, no addresses)."""
    lines = [
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"Qt {_qt_version()}",
        f"httpx {_version_of('httpx')}",
        f"Platform {platform.platform()}",
        "",
    ]
    if active_profile is None:
        lines.append("Connection: training mode (no store configured)")
    else:
        lines += [
            f"Connection: {active_profile.dialect} at {_host_of(active_profile.base_url)}",
            f"Custom CA bundle: {'yes' if active_profile.ca_bundle else 'no'}",
        ]
    lines += [
        f"Connections configured: {len(settings.connections)}",
        f"Label format: {settings['printers.label_format']}, "
        f"{settings['printers.label_dpi']} dpi; slip page {settings['printers.page_size']}",
        f"Auto print: {settings['pack.auto_print']}; ship unverified allowed: "
        f"{settings['pack.allow_ship_all_unverified']}",
        f"Scanner: gap {settings['scanner.max_gap_ms']} ms, "
        f"min length {settings['scanner.min_length']}",
        f"Sync every {settings['general.sync_interval_s']} s; "
        f"language {settings['general.language']}",
        "",
        "Recent errors:" if recent_errors else "Recent errors: none",
    ]
    lines += [f"  {line}" for line in recent_errors]
    text = "\n".join(lines) + "\n"
    return redactor.redact(text) if redactor is not None else text


def write_crash_report(
    exc_info: ExcInfo,
    directory: Path | str,
    *,
    diagnostics: str = "",
    redactor: Redactor | None = None,
    now: datetime | None = None,
) -> Path:
    """Write the traceback (and ``diagnostics``) to a new ``crash-*.txt`` in ``directory``."""
    when = now or datetime.now(UTC)
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = when.strftime("%Y%m%d-%H%M%S")
    body = "".join(traceback.format_exception(*exc_info))
    text = (
        f"{APP_NAME} crash report\nTime: {when.isoformat()}\n"
        f"Thread: {threading.current_thread().name}\n\n{body}\n{diagnostics}"
    )
    if redactor is not None:
        text = redactor.redact(text)
    for n in range(1000):
        path = folder / (f"crash-{stamp}.txt" if n == 0 else f"crash-{stamp}-{n}.txt")
        try:
            # "x": never overwrite an older report; 0600: it holds customer data.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            return path
        except FileExistsError:
            continue
    raise FileExistsError(f"too many crash reports for {stamp} in {folder}")
