"""Data files that defend themselves: private on disk, checked before use, and a full disk
that costs the one write it refused and nothing queued before it."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from fulfillment_station.services.actions import Action
from fulfillment_station.services.diagnostics import configure_logging, write_crash_report
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.store.db import DiskFull, connect
from fulfillment_station.store.file_checks import (
    CACHE_DAMAGED,
    PRINT_QUEUE_DAMAGED,
    set_aside_if_damaged,
    sqlite_problem,
)
from fulfillment_station.store.instance_lock import InstanceLock
from fulfillment_station.store.outbox import ActionState, Outbox
from fulfillment_station.store.outbox_recovery import marker_path, open_outbox_store
from fulfillment_station.store.paths import data_dir
from fulfillment_station.store.print_queue import PrintQueue
from fulfillment_station.store.settings import Settings, SettingsStore
from tests.helpers.files_damage import plain_order, scribble_page, ship_action

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- private by default ------------------------------------------------------------------------


@posix_only
def test_the_data_folder_is_user_only_and_a_loose_one_is_tightened(tmp_path: Path) -> None:
    fresh = data_dir(tmp_path / "new")
    assert mode(fresh) == 0o700
    loose = tmp_path / "old"
    loose.mkdir(mode=0o755)
    loose.chmod(0o755)
    assert mode(data_dir(loose)) == 0o700


@posix_only
def test_every_store_file_is_user_only_with_its_journal(tmp_path: Path) -> None:
    cache = OrderCache(tmp_path / "cache.sqlite3")
    cache.upsert_many([plain_order("o1")], connection="shop")
    queue = PrintQueue.open(tmp_path / "print-queue.sqlite3")
    opened = open_outbox_store(tmp_path / "outbox.sqlite3")
    lock = InstanceLock(tmp_path)
    lock.acquire()
    try:
        files = sorted(p for p in tmp_path.iterdir() if p.is_file())
        names = {p.name for p in files}
        assert {
            "cache.sqlite3",
            "cache.sqlite3-wal",
            "print-queue.sqlite3",
            "outbox.sqlite3",
            "outbox.sqlite3.marker",
            "instance.lock",
        } <= names
        assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
    finally:
        lock.release()
        cache.close()
        queue.close()
        opened.conn.close()


@posix_only
def test_an_existing_world_readable_store_file_is_tightened_at_open(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    OrderCache(path).close()
    for name in tmp_path.iterdir():
        name.chmod(0o644)
    conn = connect(path)
    try:
        conn.execute("CREATE TABLE t (x)")
        assert {p.name: mode(p) for p in tmp_path.iterdir()} == {
            p.name: 0o600 for p in tmp_path.iterdir()
        }
    finally:
        conn.close()


@posix_only
def test_the_log_and_crash_reports_are_user_only(tmp_path: Path) -> None:
    logger = logging.getLogger("test-file-defence")
    logger.propagate = False
    setup = configure_logging(tmp_path / "logs", logger=logger, max_bytes=300, backups=2)
    try:
        for n in range(20):  # past a rollover: the new file is private too
            logger.warning("packed order %d for Ana Customer, 1 Main St", n)
    finally:
        setup.close()
    logs = sorted((tmp_path / "logs").iterdir())
    assert len(logs) >= 2
    assert {p.name: mode(p) for p in logs} == {p.name: 0o600 for p in logs}
    assert mode(tmp_path / "logs") == 0o700
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        report = write_crash_report((RuntimeError, exc, exc.__traceback__), tmp_path / "crash")
    assert mode(report) == 0o600


@posix_only
def test_settings_are_user_only_and_a_loose_file_is_tightened(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "config" / "settings.json")
    store.save(Settings.defaults())
    assert mode(store.path) == 0o600
    store.path.chmod(0o644)
    store.load()
    assert mode(store.path) == 0o600


# -- checked before use ------------------------------------------------------------------------


def test_sqlite_problem_names_each_kind_of_damage(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    assert sqlite_problem(path) is None  # missing: it will be created
    path.write_bytes(b"")
    assert sqlite_problem(path) == "empty"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    assert sqlite_problem(path) == "it is not a database file"
    conn = sqlite3.connect(path.with_name("good.sqlite3"))
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 100)
    conn.commit()
    conn.close()
    good = path.with_name("good.sqlite3")
    assert sqlite_problem(good) is None
    data = bytearray(good.read_bytes())
    data[16:18] = b"\x03\x00"  # a page size that is no power of two
    path.write_bytes(bytes(data))
    assert sqlite_problem(path) == "its header is damaged"
    path.write_bytes(good.read_bytes()[: len(data) // 2])
    assert "cut short" in (sqlite_problem(path) or "")
    path.write_bytes(good.read_bytes())
    scribble_page(path, 3)
    assert "damaged" in (sqlite_problem(path) or "")


def test_a_damaged_cache_or_print_queue_is_set_aside_and_made_again(tmp_path: Path) -> None:
    cache_path = tmp_path / "cache.sqlite3"
    cache = OrderCache(cache_path)
    cache.upsert_many([plain_order(f"o{i}") for i in range(200)], connection="shop")
    cache.close()
    conn = sqlite3.connect(cache_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    scribble_page(cache_path, 5)
    notice = set_aside_if_damaged(cache_path, CACHE_DAMAGED)
    assert notice is not None and "order cache was damaged" in notice
    assert not cache_path.exists() and any(".damaged-" in p.name for p in tmp_path.iterdir())
    fresh = OrderCache(cache_path)
    fresh.close()
    assert set_aside_if_damaged(cache_path, CACHE_DAMAGED) is None

    queue_path = tmp_path / "print-queue.sqlite3"
    queue_path.write_bytes(b"\x00" * 4096)
    notice = set_aside_if_damaged(queue_path, PRINT_QUEUE_DAMAGED)
    assert notice is not None and "print queue was damaged" in notice
    PrintQueue.open(queue_path).close()


# -- a full disk -------------------------------------------------------------------------------


def queue_until_full(outbox: Outbox[Action], limit: int = 10_000) -> tuple[list[str], DiskFull]:
    """Queue shipments until the disk refuses one; returns the keys acknowledged before."""
    acknowledged: list[str] = []
    for n in range(limit):
        action = ship_action(f"o{n:05d}", f"1ZFULL{n:010d}")
        try:
            outbox.enqueue(action, plain_order(f"o{n:05d}"))
        except DiskFull as exc:
            return acknowledged, exc
        acknowledged.append(action.idempotency_key)
    raise AssertionError("the disk never filled up")


def keys_in(path: Path) -> list[str]:
    opened = open_outbox_store(path)
    try:
        assert opened.notice is None
        return [
            row[0]
            for row in opened.conn.execute(
                "SELECT idempotency_key FROM outbox WHERE state = 'pending' ORDER BY id"
            )
        ]
    finally:
        opened.conn.close()


def test_a_full_database_refuses_one_write_in_plain_words_and_keeps_the_queue(
    tmp_path: Path,
) -> None:
    path = tmp_path / "outbox.sqlite3"
    opened = open_outbox_store(path)
    conn = opened.conn
    outbox: Outbox[Action] = Outbox(
        conn, AuditLog(conn, station="Desk 1"), decode=Action.model_validate
    )
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 40}")  # SQLite's own SQLITE_FULL
    acknowledged, refused = queue_until_full(outbox)
    assert len(acknowledged) >= 10
    assert "is full" in str(refused) and "everything queued before is kept" in str(refused)
    assert str(tmp_path) in str(refused)
    assert outbox.counts()[ActionState.PENDING] == len(acknowledged)
    conn.close()
    assert keys_in(path) == acknowledged


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MiB filesystem (tmpfs) when this machine lets the test mount one."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a size-limited filesystem needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        yield mount_point
    finally:
        if subprocess.run(["umount", str(mount_point)]).returncode:
            subprocess.run(["umount", "-l", str(mount_point)])


def test_a_really_full_disk_keeps_every_acknowledged_action(tiny_disk: Path) -> None:
    path = tiny_disk / "outbox.sqlite3"
    opened = open_outbox_store(path)
    outbox: Outbox[Action] = Outbox(
        opened.conn, AuditLog(opened.conn, station="Desk 1"), decode=Action.model_validate
    )
    try:
        acknowledged, refused = queue_until_full(outbox)
    finally:
        opened.conn.close()
    assert len(acknowledged) >= 10
    assert "is full" in str(refused)
    assert marker_path(path).exists()
    # The queue survives as it was acknowledged, and the file is sound (not "damaged").
    assert sqlite_problem(path) is None
    assert keys_in(path) == acknowledged
