"""The headless driver (the GUI's own write path) on damaged files, a second instance and
tokens kept out of ``ps``: real processes against a real sandbox on loopback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fulfillment_station.connectors import connect
from fulfillment_station.domain.models import FulfillmentStatus, Order, OrderStatus
from fulfillment_station.sandbox.server import SandboxServer
from tests.helpers.files_damage import (
    dhl_tracking,
    fill_disk,
    fill_outbox,
    mount_tiny_disk,
    outbox_row_pages,
    scribble_page,
    unmount,
)

TOKEN = "files-test-token-0123456789"
DRIVER = [sys.executable, "-m", "fulfillment_station.services.headless"]
FIRST, STDIN = dhl_tracking(900001), dhl_tracking(900003)
OPEN = frozenset({OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.PROCESSING})


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    with SandboxServer(
        "nexus", db_path=tmp_path / "sandbox.sqlite", token=TOKEN, orders=120, seed=16
    ) as server:
        yield server


def shippable(server: SandboxServer, n: int) -> list[Order]:
    with connect("nexus", server.base_url, TOKEN) as reader:
        orders = [
            o
            for o in reader.list_orders()
            if o.status in OPEN and o.fulfillment_status == FulfillmentStatus.UNFULFILLED
        ]
    assert len(orders) >= n
    return orders[:n]


def driver(server: SandboxServer, outbox: Path, *args: str) -> list[str]:
    return [
        *DRIVER,
        "--dialect",
        "nexus",
        "--base-url",
        server.base_url,
        "--outbox",
        str(outbox),
        "--connection-id",
        "shop",
        "--timeout",
        "60",
        *args,
    ]


def token_file(tmp_path: Path) -> Path:
    path = tmp_path / "token"
    path.write_text(TOKEN + "\n")
    path.chmod(0o600)
    return path


def events(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def shipped_tracking(server: SandboxServer) -> set[str]:
    return {
        e["detail"]["tracking_number"]
        for e in server.db.journal()["effects"]
        if e["kind"] == "shipment"
    }


def test_resume_recovers_a_damaged_outbox_and_sends_every_readable_shipment(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    desk = tmp_path / "desk"
    outbox = desk / "outbox.sqlite3"
    orders = shippable(sandbox, 40)
    keys = fill_outbox(outbox, orders)
    pages = outbox_row_pages(outbox, keys)
    victim = sorted(pages)[len(pages) // 2]
    lost_orders = {keys[k] for k in pages[victim]}
    scribble_page(outbox, victim)

    done = subprocess.run(
        driver(sandbox, outbox, "--token-file", str(token_file(tmp_path)), "resume"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = events(done.stdout)
    recovered = next(e for e in lines if e["event"] == "recovered")
    assert (recovered["recovered"], recovered["lost"]) == (40 - len(lost_orders), len(lost_orders))
    assert done.stderr.startswith("warning: The outbox file was damaged")
    assert "Traceback" not in done.stderr
    for order_id in lost_orders:
        assert f"#{next(o.number for o in orders if o.id == order_id)}".lstrip("#") in str(
            recovered["message"]
        )
    # Every recovered shipment reached the store, exactly once; the lost ones are named, not
    # guessed at.
    sent = [e for e in sandbox.db.journal()["effects"] if e["kind"] == "shipment"]
    assert sorted(e["order_id"] for e in sent) == sorted(
        o.id for o in orders if o.id not in lost_orders
    )
    assert lines[-1]["event"] == "idle"
    assert lines[-1]["counts"]["done"] == 40 - len(lost_orders)
    assert done.returncode == 0
    kept = [
        p for p in desk.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(kept) == 1


def test_resume_on_an_emptied_outbox_says_so_instead_of_starting_quietly(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    outbox = tmp_path / "desk" / "outbox.sqlite3"
    fill_outbox(outbox, shippable(sandbox, 3))
    outbox.write_bytes(b"")
    done = subprocess.run(
        driver(sandbox, outbox, "--token-stdin", "resume"),
        input=TOKEN + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "found empty although it held the queue before" in done.stderr
    assert next(e["event"] for e in events(done.stdout)) == "recovered"
    assert shipped_tracking(sandbox) == set()


def test_a_second_driver_on_the_same_folder_is_told_and_sends_nothing(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    """Two real processes: the first holds the folder (stopped right after it is ready, as a
    slow write would hold it), the second is refused in one sentence."""
    desk = tmp_path / "desk"
    outbox = desk / "outbox.sqlite3"
    order = shippable(sandbox, 1)[0]
    env = {**os.environ, "FULFILLMENT_STATION_TOKEN": TOKEN}
    first = subprocess.Popen(
        driver(sandbox, outbox, "ship-many", f"{order.id}:{FIRST}"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert first.stdout is not None
        assert json.loads(first.stdout.readline())["event"] == "ready"
        first.send_signal(signal.SIGSTOP)  # holds the lock, sends nothing meanwhile
        second = subprocess.run(
            driver(sandbox, outbox, "ship-many", f"{order.id}:{dhl_tracking(900002)}"),
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert second.returncode == 2
        assert second.stderr.strip() == (
            f"error: Fulfillment Station is already running on this computer with the data "
            f"folder {desk} (process {first.pid}). Use that window, or close it first."
        )
        assert second.stdout == ""
    finally:
        first.send_signal(signal.SIGCONT)
        out, _err = first.communicate(timeout=60)
    assert events(out)[-1]["counts"]["done"] == 1
    assert shipped_tracking(sandbox) == {FIRST}
    # The lock dies with its holder: the folder is free again.
    again = subprocess.run(
        driver(sandbox, outbox, "status"), capture_output=True, text=True, timeout=60
    )
    assert again.returncode == 0, again.stderr


def test_the_token_from_a_file_or_stdin_never_reaches_the_command_line(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    order = shippable(sandbox, 1)[0]
    outbox = tmp_path / "desk" / "outbox.sqlite3"
    args = driver(sandbox, outbox, "--token-stdin", "ship-many", f"{order.id}:{STDIN}")
    proc = subprocess.Popen(
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    cmdline = Path(f"/proc/{proc.pid}/cmdline").read_bytes() if os.name == "posix" else b""
    _out, err = proc.communicate(TOKEN + "\n", timeout=120)
    assert proc.returncode == 0, err
    assert TOKEN.encode() not in cmdline
    assert shipped_tracking(sandbox) == {STDIN}

    missing = subprocess.run(
        driver(sandbox, outbox, "--token-file", str(tmp_path / "nope"), "resume"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 2
    assert missing.stderr.startswith("error: The token file") and "Traceback" not in missing.stderr
    help_text = subprocess.run([*DRIVER, "--help"], capture_output=True, text=True).stdout
    assert "Unsafe" in help_text and "--token-file" in help_text


def test_a_full_disk_stops_the_driver_in_one_line_and_loses_nothing(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    """A real full filesystem: the driver says so and stops; once space is freed, every
    queued shipment goes out exactly once."""
    disk = tmp_path / "disk"
    why_not = mount_tiny_disk(disk, "4m")
    if why_not:
        pytest.skip(why_not)
    try:
        outbox = disk / "desk" / "outbox.sqlite3"
        orders = shippable(sandbox, 20)
        fill_outbox(outbox, orders)
        filler = fill_disk(disk)
        env = {**os.environ, "FULFILLMENT_STATION_TOKEN": TOKEN}
        full = subprocess.run(
            driver(sandbox, outbox, "resume"), capture_output=True, text=True, timeout=120, env=env
        )
        assert full.returncode == 2
        assert full.stderr.strip().splitlines() == [
            f"error: The disk holding {outbox.parent} is full, so this was not saved. Free "
            f"some space and try again; everything queued before is kept."
        ]
        # A sound outbox checked on a full disk is never taken for a damaged one.
        assert not [p for p in outbox.parent.iterdir() if ".damaged-" in p.name]
        filler.unlink()
        freed = subprocess.run(
            driver(sandbox, outbox, "resume"), capture_output=True, text=True, timeout=120, env=env
        )
        assert freed.returncode == 0, freed.stderr
    finally:
        unmount(disk)
    shipped = [e["order_id"] for e in sandbox.db.journal()["effects"] if e["kind"] == "shipment"]
    assert sorted(shipped) == sorted(o.id for o in orders)
