"""A damaged, cut-short, emptied, missing or foreign outbox file is never replaced by an empty
queue in silence: the file is kept, the packer is told in one sentence, and every action that
can still be read is back in a fresh outbox, byte for byte, in its queue order."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from fulfillment_station.services.actions import Action
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import StoreError, connect, migrate
from fulfillment_station.store.outbox import ActionState, Outbox
from fulfillment_station.store.outbox_recovery import marker_path, open_outbox_store
from tests.helpers.files_damage import (
    fill_outbox,
    outbox_row_pages,
    page_size,
    plain_order,
    scribble_page,
)


def read_actions(conn: sqlite3.Connection) -> dict[str, tuple[int, str, str]]:
    """idempotency key -> (id, state, action JSON) as the outbox holds them."""
    return {
        key: (id_, state, action)
        for id_, key, state, action in conn.execute(
            "SELECT id, idempotency_key, state, action FROM outbox ORDER BY id"
        )
    }


def outbox_on(conn: sqlite3.Connection) -> Outbox[Action]:
    return Outbox(conn, AuditLog(conn, station="Desk 1"), decode=Action.model_validate)


def kept_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))
    )


@pytest.fixture
def outbox_file(tmp_path: Path) -> tuple[Path, dict[str, str], dict[str, tuple[int, str, str]]]:
    """An outbox of 120 queued shipments, checkpointed into its file."""
    path = tmp_path / "outbox-shop.sqlite3"
    keys = fill_outbox(path, [plain_order(f"o{i:03d}") for i in range(120)])
    conn = sqlite3.connect(path)
    try:
        before = read_actions(conn)
    finally:
        conn.close()
    return path, keys, before


def test_a_sound_outbox_opens_quietly_and_leaves_a_marker(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    first = open_outbox_store(path)
    # FULL: an action acknowledged as queued survives a power cut, not only an app crash.
    assert first.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    first.conn.close()
    assert first.notice is None
    assert marker_path(path).exists()
    again = open_outbox_store(path)
    again.conn.close()
    assert again.notice is None and kept_files(tmp_path) == []


def test_random_bytes_in_a_middle_page_lose_only_that_pages_actions(outbox_file) -> None:
    path, keys, before = outbox_file
    pages = outbox_row_pages(path, keys)
    middle = sorted(pages)[len(pages) // 2]
    on_page = set(pages[middle])
    original_size = path.stat().st_size
    scribble_page(path, middle)

    opened = open_outbox_store(path)
    try:
        after = read_actions(opened.conn)
        # Every action not on the damaged page is back, with its id (queue order), state and
        # exact payload; the ones on it are counted and named by order number.
        assert set(after) == set(before) - on_page
        assert all(after[k] == before[k] for k in after)
        assert (opened.recovered, opened.lost) == (len(before) - len(on_page), len(on_page))
        for key in on_page:
            assert f"#{keys[key]}" in opened.notice
        assert "damaged" in opened.notice and str(opened.kept) in opened.notice
        assert opened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # The recovered queue works: FIFO per order and the audit trail are intact.
        outbox = outbox_on(opened.conn)
        assert outbox.pending_count() == opened.recovered
        assert len(outbox.due(connection_id="shop")) == opened.recovered
        first = min(after.values())
        assert [
            e.outcome for e in outbox._audit.for_order(outbox.get(first[0]).action.order_id)
        ] == ["queued"]
    finally:
        opened.conn.close()
    assert opened.kept is not None and opened.kept.stat().st_size == original_size


def test_a_truncated_outbox_is_kept_and_what_remains_is_recovered(outbox_file) -> None:
    path, _keys, before = outbox_file
    size = page_size(path)
    with path.open("r+b") as handle:  # the last third of the file is gone
        handle.truncate((path.stat().st_size // size * 2 // 3) * size)

    opened = open_outbox_store(path)
    try:
        after = read_actions(opened.conn)
        assert "cut short" in opened.notice
        assert 0 < len(after) < len(before)
        assert all(after[k] == before[k] for k in after)
        assert opened.recovered == len(after)
        # The AUTOINCREMENT counter survives the cut, so every action is counted: recovered or
        # named as lost (the audit trail says which orders they were).
        assert opened.recovered + opened.lost == len(before)
        assert "#o119" in opened.notice or "..." in opened.notice
    finally:
        opened.conn.close()
    assert len(kept_files(path.parent)) == 1


def test_a_zero_byte_outbox_that_held_a_queue_is_reported_and_kept(outbox_file) -> None:
    path, _keys, _before = outbox_file
    path.write_bytes(b"")  # what a crash during a copy or a full disk can leave

    opened = open_outbox_store(path)
    try:
        assert opened.notice is not None and "empty" in opened.notice
        assert opened.kept is not None and opened.kept.stat().st_size == 0
        assert read_actions(opened.conn) == {}
    finally:
        opened.conn.close()
    # Told once: the fresh outbox is a sound outbox from now on.
    again = open_outbox_store(path)
    again.conn.close()
    assert again.notice is None


def test_a_zero_byte_file_without_a_marker_is_a_first_start(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    path.write_bytes(b"")  # a crash between creating the file and its first table
    opened = open_outbox_store(path)
    opened.conn.close()
    assert opened.notice is None and kept_files(tmp_path) == []


def test_a_missing_outbox_that_existed_is_reported(outbox_file) -> None:
    path, _keys, _before = outbox_file
    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        name.unlink(missing_ok=True)
    opened = open_outbox_store(path)
    opened.conn.close()
    assert opened.notice is not None and "missing" in opened.notice


def test_a_file_that_is_not_sqlite_is_kept_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    path.write_bytes(b"<html>not a database</html>" * 100)
    opened = open_outbox_store(path)
    opened.conn.close()
    assert "not a database file" in opened.notice
    assert kept_files(tmp_path)[0].read_bytes().startswith(b"<html>")


def test_wrong_schema_is_kept_and_the_actions_it_still_has_recovered(outbox_file) -> None:
    path, _keys, before = outbox_file
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE outbox_orders RENAME TO something_else")  # not an outbox's
    conn.commit()
    conn.close()

    opened = open_outbox_store(path)
    try:
        assert "not an outbox" in opened.notice
        after = read_actions(opened.conn)
        assert after == before  # the links are rebuilt from each action's own orders
        assert len(outbox_on(opened.conn).due(connection_id="shop")) == len(before)
    finally:
        opened.conn.close()


def test_an_outbox_from_a_newer_app_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    conn = connect(path)
    migrate(conn, "outbox", ["CREATE TABLE outbox (id INTEGER PRIMARY KEY);"])
    conn.execute("UPDATE schema_version SET version = 99 WHERE component = 'outbox'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        open_outbox_store(path)
    assert path.read_bytes() == before and kept_files(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_read_only_outbox_says_so_and_changes_nothing(outbox_file) -> None:
    path, _keys, before = outbox_file
    folder = path.parent
    mount_read_only = os.geteuid() == 0  # root ignores file modes: use a read-only mount
    if mount_read_only:
        target = folder / "ro"
        target.mkdir()
        for name in folder.glob("outbox-shop.sqlite3*"):
            os.replace(name, target / name.name)
        if os.system(f"mount --bind {target} {target} && mount -o remount,bind,ro {target}"):
            pytest.skip("cannot make a read-only mount here")
        path = target / path.name
    else:
        path.chmod(0o400)
        folder.chmod(0o500)
    bytes_before = path.read_bytes()
    try:
        with pytest.raises(StoreError, match="read-only"):
            open_outbox_store(path)
        assert path.read_bytes() == bytes_before
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            assert read_actions(conn) == before
        finally:
            conn.close()
        assert kept_files(path.parent) == []
    finally:
        if mount_read_only:
            busy = os.system(f"umount {path.parent}")
            if busy:  # never leave a mount behind, even when the test fails
                os.system(f"umount -l {path.parent}")
            assert busy == 0, "something kept the read-only outbox open"
        else:
            folder.chmod(0o700)


def test_marker_says_when_the_queue_began(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    open_outbox_store(path).conn.close()
    note = json.loads(marker_path(path).read_text())
    assert note["since"].endswith("UTC")
    path.write_bytes(b"")
    opened = open_outbox_store(path)
    opened.conn.close()
    assert note["since"] in opened.notice


def test_a_recovered_sending_action_is_checked_before_it_is_sent_again(outbox_file) -> None:
    """An action a crash left half-sent keeps its state through recovery, so the runner
    re-reads the order before sending it again (never a blind second send)."""
    path, keys, _before = outbox_file
    opened = open_outbox_store(path)
    outbox = outbox_on(opened.conn)
    claimed = outbox.claim(outbox.due_ids()[0])
    assert claimed is not None
    opened.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.conn.close()
    pages = outbox_row_pages(path, keys)
    claimed_key = claimed.action.idempotency_key
    victim = next(n for n, on in sorted(pages.items()) if claimed_key not in on)
    scribble_page(path, victim)

    reopened = open_outbox_store(path)
    try:
        outbox = outbox_on(reopened.conn)
        record = outbox.get_by_key(claimed_key)
        assert record is not None and record.state == ActionState.SENDING
        recovered = outbox.recover_interrupted()
        assert [r.id for r in recovered] == [record.id] and recovered[0].verify_first
    finally:
        reopened.conn.close()
