"""Store files that defend themselves: whether a SQLite file is sound before it is used, moving
a damaged one aside (never deleting it), the full-disk error in plain words, and the private
permissions every data file gets (user-only on POSIX).

A file is judged without writing to it: its size, the 100-byte SQLite header (magic string,
page size, the page count the header promises against the bytes on disk), then
``PRAGMA quick_check`` through a read-only connection. Nothing here knows what a file holds;
the outbox's own recovery (``store.outbox_recovery``) builds on it.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import stat
import struct
from datetime import UTC, datetime
from pathlib import Path

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
#: The SQLite files keep their journal next to them; a move aside takes them along.
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
SQLITE_FULL = 13
SQLITE_IOERR = 10
#: Free bytes under which an I/O error is taken for a full disk (one WAL index is 32 KiB).
NEARLY_FULL_BYTES = 256 * 1024

DISK_FULL = QT_TRANSLATE_NOOP(
    "StoreFiles",
    "The disk holding {folder} is full, so this was not saved. Free some space "
    "and try again; everything queued before is kept.",
)


def make_private(path: Path) -> None:
    """User-only access (0600 for a file, 0700 for a folder) on POSIX; existing files are
    tightened. Customer names and addresses live in these files, so other accounts on the
    desk's computer have no business reading them. A failure is logged, never fatal (a file
    on a filesystem without permissions, such as a FAT USB stick)."""
    if os.name != "posix":
        return
    try:
        mode = PRIVATE_DIR_MODE if path.is_dir() else PRIVATE_FILE_MODE
        if stat.S_IMODE(path.stat().st_mode) != mode:
            path.chmod(mode)
    except FileNotFoundError:
        return
    except OSError as exc:
        log.warning("could not make %s private: %s", path, exc)


def private_dir(path: Path) -> Path:
    """``path`` created if missing (user-only from the start) and tightened if it exists."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    make_private(path)
    return path


def is_disk_full(exc: BaseException, folder: Path | None = None) -> bool:
    """Whether a SQLite or OS error means there is no room left on the disk. SQLite names a
    full disk SQLITE_FULL when a write runs out of room, but only "disk I/O error" when it
    cannot make the WAL's shared-memory file at open; with ``folder`` given, an I/O error on
    a disk with (next to) nothing free counts as full too."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is None:
            return "database or disk is full" in str(exc)
        if code & 0xFF == SQLITE_FULL:
            return True
        return code & 0xFF == SQLITE_IOERR and folder is not None and _nearly_full(folder)
    if isinstance(exc, OSError):
        import errno

        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    return False


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def sqlite_problem(path: Path) -> str | None:
    """What is wrong with the SQLite file at ``path`` (a short English phrase for the log and
    the message), or ``None`` when it is sound. A missing file is sound (it will be created);
    an empty one is reported as ``"empty"`` so each store decides what empty means for it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size == 0:
        return "empty"
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError as exc:
        return f"it cannot be read: {exc.strerror or exc}"
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return "it is not a database file"
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "its header is damaged"
    change_counter, page_count, valid_for = (
        struct.unpack(">I", header[24:28])[0],
        struct.unpack(">I", header[28:32])[0],
        struct.unpack(">I", header[92:96])[0],
    )
    # The page count in the header is only trusted when written by the same change, and
    # only without a WAL: a checkpoint the disk cut short (full) writes page 1 before the
    # rest, while every page is still whole in the WAL, which SQLite reads first.
    wal = path.with_name(path.name + "-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    if change_counter == valid_for and page_count and not has_wal and size < page_count * page_size:
        return f"it is cut short, {size} of {page_count * page_size} bytes"
    return _quick_check(path)


#: The SQLite errors that say the bytes are wrong: CORRUPT, FORMAT, NOTADB. Any other error
#: (a full disk, a read-only folder, a lock, no memory) says the file could not be checked,
#: and the store's own open reports that in its words: a sound file is never set aside
#: because the disk was full when it was checked.
_DAMAGE_CODES = frozenset({11, 24, 26})


def _quick_check(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        try:
            rows = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        if code is None or code & 0xFF not in _DAMAGE_CODES:
            log.info("%s could not be checked (%s); its own open will say why", path, exc)
            return None
        return f"SQLite finds it damaged: {exc}"
    if rows != ["ok"]:
        return f"SQLite finds it damaged: {'; '.join(str(r) for r in rows)[:300]}"
    return None


def aside_path(path: Path, now: datetime | None = None) -> Path:
    """Where a damaged ``path`` is kept: ``<name>.damaged-<UTC time>`` next to it."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    return candidate


def put_back(kept: Path, path: Path) -> None:
    """Undo :func:`move_aside` (the fresh file could not be made): the new, empty ``path`` and
    its journal files go, the kept file and its journal files return to their names."""
    for suffix in ("", *SIDECAR_SUFFIXES):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    for suffix in SIDECAR_SUFFIXES:
        side = kept.with_name(kept.name + suffix)
        if side.exists():
            os.replace(side, path.with_name(path.name + suffix))
    os.replace(kept, path)
    log.warning("put %s back as %s: a fresh file could not be made", kept, path)


def move_aside(path: Path) -> Path:
    """Rename ``path`` (and its journal files) out of the way and return the new name; the
    bytes are kept for recovery and for support, never deleted."""
    target = aside_path(path)
    for suffix in SIDECAR_SUFFIXES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    os.replace(path, target)
    make_private(target)
    log.warning("moved the damaged file %s aside to %s", path, target)
    return target


CACHE_DAMAGED = QT_TRANSLATE_NOOP(
    "StoreFiles",
    "The order cache was damaged ({problem}), so it was kept as {kept} and is "
    "filled again from the store at the next sync.",
)
PRINT_QUEUE_DAMAGED = QT_TRANSLATE_NOOP(
    "StoreFiles",
    "The print queue was damaged ({problem}); it was kept as {kept}. Print again "
    "any slip or label that did not come out.",
)

PACK_PROGRESS_DAMAGED = QT_TRANSLATE_NOOP(
    "StoreFiles",
    "The saved scan progress was damaged ({problem}); it was kept as {kept}. "
    "Scan again the items of any order you were packing.",
)


def set_aside_if_damaged(path: Path, damaged_message: str) -> str | None:
    """For a file that can be made again (the order cache, the print queue): when it fails its
    check, move it aside so a fresh one is made, and return ``damaged_message`` filled in
    (``{problem}``, ``{kept}``); ``None`` when it is sound. An empty file is a new file here:
    nothing in it is a promise to the packer."""
    problem = sqlite_problem(path)
    if problem in (None, "empty"):
        make_private(path)
        return None
    kept = move_aside(path)
    log.error("%s: %s; kept as %s, a fresh one is made", path, problem, kept)
    return damaged_message.format(problem=problem, kept=str(kept))
