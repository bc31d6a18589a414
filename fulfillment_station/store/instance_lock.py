"""One running app per data folder: an exclusive lock on ``instance.lock`` in it, held for as
long as the process runs (the GUI) or writes (the headless driver).

Two instances on one folder would both send the same outbox: each claims the other's
in-flight write and the first one aborts. The lock is an OS lock (``flock`` on POSIX,
``msvcrt.locking`` on Windows), so the kernel drops it when the holder dies, even by SIGKILL:
a crash never leaves a stale lock behind. The file holds the holder's process id, for the
message the second instance shows.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.store.db import DiskFull, StoreError
from fulfillment_station.store.file_checks import DISK_FULL, is_disk_full, make_private

log = logging.getLogger(__name__)

LOCK_FILE = "instance.lock"

ALREADY_RUNNING = QT_TRANSLATE_NOOP(
    "InstanceLock",
    "Fulfillment Station is already running on this computer with the data "
    "folder {folder} (process {pid}). Use that window, or close it first.",
)

CANNOT_LOCK = QT_TRANSLATE_NOOP(
    "InstanceLock",
    "The data folder {folder} cannot be used ({error}); check that it exists "
    "and that this account may write to it.",
)


class AlreadyRunning(StoreError):
    """Another process holds the data folder's lock."""

    def __init__(self, message: str, holder_pid: str) -> None:
        super().__init__(message)
        self.user_message = message
        self.holder_pid = holder_pid


class InstanceLock:
    """``with InstanceLock(folder):`` or ``acquire()``/``release()``; not re-entrant."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / LOCK_FILE
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock now or raise :class:`AlreadyRunning` (never waits)."""
        if self._fd is not None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            if is_disk_full(exc):
                raise DiskFull(DISK_FULL.format(folder=str(self.folder))) from exc
            raise StoreError(
                CANNOT_LOCK.format(folder=str(self.folder), error=exc.strerror or str(exc))
            ) from exc
        make_private(self.path)
        try:
            _lock(fd)
        except OSError:
            holder = _read_pid(fd)
            os.close(fd)
            raise AlreadyRunning(
                ALREADY_RUNNING.format(folder=str(self.folder), pid=holder or "?"), holder
            ) from None
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode())
        except OSError as exc:  # a full disk: the lock holds all the same, only the pid is
            log.warning("could not write the pid into %s: %s", self.path, exc)  # missing
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _read_pid(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:
        return ""


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        # Byte 1024 rather than 0, so the pid written at the start stays readable to others.
        os.lseek(fd, 1024, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 1024, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
