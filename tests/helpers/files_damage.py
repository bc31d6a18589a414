"""Damaging store files the way a disk, a crash or a person does (the FILES half of issue
16): an outbox with many actions, the page that holds some of them, and the damage itself."""

from __future__ import annotations

import errno
import os
import random
import sqlite3
import subprocess
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from fulfillment_station.connectors.base import Operation
from fulfillment_station.domain.models import LineItem, Order, OrderStatus
from fulfillment_station.domain.requests import ShipRequest
from fulfillment_station.services.actions import Action
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.outbox import Outbox
from fulfillment_station.store.outbox_recovery import open_outbox_store

T0 = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)


def plain_order(order_id: str) -> Order:
    """An order with a long note, so a few hundred actions span many pages of the file."""
    return Order(
        id=order_id,
        number=f"#{order_id}",
        dialect="nexus",
        status=OrderStatus.CONFIRMED,
        notes="gift wrap please " * 20,
        lines=[LineItem(id=f"{order_id}-l1", sku="SKU-1", quantity=1)],
        created_at=T0,
        updated_at=T0,
    )


def dhl_tracking(serial: int) -> str:
    """A DHL tracking number the sandboxes accept (the crash-safety test's shape)."""
    return f"JD0146{16:08d}{serial:06d}"


def ship_action(order_id: str, tracking: str, connection_id: str = "shop") -> Action:
    return Action(
        kind=Operation.SHIP,
        connection_id=connection_id,
        order_id=order_id,
        packer="Ana",
        payload=ShipRequest(carrier="DHL", tracking_number=tracking),
    )


def fill_outbox(
    path: Path, orders: Iterable[Order], *, connection_id: str = "shop"
) -> dict[str, str]:
    """Queue one shipment per order in the outbox at ``path``, checkpoint the WAL into the
    file (so damage to the file hits them) and close it. Returns idempotency key -> order id.
    """
    opened = open_outbox_store(path)
    keys: dict[str, str] = {}
    try:
        outbox: Outbox[Action] = Outbox(
            opened.conn, AuditLog(opened.conn, station="Desk 1"), decode=Action.model_validate
        )
        for n, order in enumerate(orders):
            action = ship_action(order.id, dhl_tracking(n), connection_id)
            outbox.enqueue(action, order)
            keys[action.idempotency_key] = order.id
        opened.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        opened.conn.close()
    return keys


def page_size(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()


def outbox_row_pages(path: Path, keys: Iterable[str]) -> dict[int, list[str]]:
    """Page number (1-based) -> the idempotency keys whose outbox row (the action JSON beside
    the key) is on that page: found in the raw bytes, as a disk would see them."""
    data = path.read_bytes()
    size = page_size(path)
    pages: dict[int, list[str]] = {}
    for number in range(1, len(data) // size + 1):
        page = data[(number - 1) * size : number * size]
        if b'"payload"' not in page:
            continue
        found = [k for k in keys if f'"idempotency_key":"{k}"'.encode() in page]
        if found:
            pages[number] = found
    return pages


def scribble_page(path: Path, number: int, *, seed: int = 16) -> None:
    """Overwrite page ``number`` with random bytes (a torn write, a bad sector)."""
    size = page_size(path)
    noise = random.Random(seed).randbytes(size)
    with path.open("r+b") as handle:
        handle.seek((number - 1) * size)
        handle.write(noise)


def mount_tiny_disk(mount_point: Path, size: str) -> str | None:
    """Mount a size-limited tmpfs (a real full disk, ENOSPC from the kernel) at
    ``mount_point``; returns why not when this machine does not allow it (not root)."""
    if os.name != "posix" or os.geteuid() != 0:
        return "mounting a size-limited filesystem needs root"
    mount_point.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
    )
    return done.stderr.decode(errors="replace") or "mount failed" if done.returncode else None


def unmount(mount_point: Path) -> None:
    if subprocess.run(["umount", str(mount_point)]).returncode:
        subprocess.run(["umount", "-l", str(mount_point)])  # never leave a mount behind


def fill_disk(folder: Path) -> Path:
    """Write a file until the disk says it is full; deleting it frees the space again."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for _ in range(1 << 20):  # bounded: 4 GiB at most
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
    else:
        raise AssertionError(f"{folder} never filled up")
    finally:
        os.close(fd)
    return filler
