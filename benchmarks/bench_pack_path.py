"""The scan-to-shipment path, counted: one order packed in pack mode of the whole app (training
mode, as ``fulfillment-station --demo`` builds it), from the order-number scan until the store
has applied the shipment and the app is quiet again.

* ``pack_path.worker_round_trips``: tasks handed to a worker; each one is a hop from the GUI
  thread to a worker and its answer back to the GUI thread (a GUI-thread crossing).
* ``pack_path.http_requests`` / ``pack_path.http_reads`` / ``pack_path.http_writes``: requests
  the app sent to the store (counted at ``httpx.Client.send``); ``rereads_before_write`` /
  ``reads_after_write``: reads of the shipped order between the one that opened it and the
  write, and after the write.
* ``pack_path.settings_reads_on_gui_thread``: ``SettingsStore.load`` calls (a read and parse
  of ``settings.json``) on the GUI thread.
* ``pack_path.import_printing_errors`` / ``pack_path.import_gui_modules``: seconds to import
  ``printing.errors`` alone, and the GUI modules ``build_app`` needs, in a fresh interpreter
  (best of three), and whether reportlab came with them.

The periodic sync and the periodic outbox pump are stopped first, so only the packer's path
is counted. The ``detail`` of
each figure names what was counted, for the architecture note.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TRACKING = "1Z999AA10123456784"
TIMEOUT_S = 60.0


def _wait(app: Any, condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.002)


def _settle(app: Any, busy: Callable[[], bool], quiet_s: float = 0.5) -> None:
    """Process events until nothing was submitted or delivered for ``quiet_s``."""
    deadline = time.monotonic() + TIMEOUT_S
    last = time.monotonic()
    while time.monotonic() < deadline:
        app.processEvents()
        if busy():
            last = time.monotonic()
        elif time.monotonic() - last > quiet_s:
            return
        time.sleep(0.002)


def _one_shipment(tmp: Path) -> Iterator[dict[str, Any]]:
    import httpx
    import keyring
    from PySide6.QtWidgets import QApplication

    from fulfillment_station.app import AppServices
    from fulfillment_station.domain import OrderStatus
    from fulfillment_station.services.diagnostics import Redactor, configure_logging
    from fulfillment_station.session import AppSession
    from fulfillment_station.store.secrets import TokenStore
    from fulfillment_station.store.settings import SettingsStore
    from fulfillment_station.ui.common import tasks
    from tests.helpers.keyring import MemoryKeyring

    app = QApplication.instance() or QApplication([])
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    store = SettingsStore(tmp / "config" / "settings.json")
    prints = tmp / "prints"
    prints.mkdir()
    store.save(
        store.load().replace(
            {
                "printers.slip_printer": f"file:{prints}",
                "printers.label_printer": f"file:{prints}",
                "printers.label_format": "zpl",
                # The desk prints its own address label after the tracking scan (off by
                # default on a store that sells none): the path counted includes it.
                "printers.address_labels": True,
                "station.packer_name": "Ana",
                "sounds.enabled": False,
            }
        )
    )
    redactor = Redactor()
    logging_setup = configure_logging(tmp / "logs", redactor=redactor)
    services = AppServices(
        store, TokenStore(on_secret=redactor.add), tmp / "data", redactor, logging_setup
    )

    counting = False
    submitted: Counter[str] = Counter()
    requests: Counter[str] = Counter()
    sequence: list[tuple[str, str]] = []
    settings_reads = 0
    activity = 0
    gui = threading.current_thread()
    real_submit = tasks.ConnectionWorker.submit
    real_send = httpx.Client.send
    real_load = SettingsStore.load

    def submit(self: Any, fn: Any, name: str = "task") -> Any:
        nonlocal activity
        activity += 1
        if counting:
            submitted[f"{self._thread.objectName()}: {name}"] += 1
        return real_submit(self, fn, name)

    def send(self: Any, request: Any, **kwargs: Any) -> Any:
        nonlocal activity
        activity += 1
        if counting:
            requests[f"{request.method} {request.url.path}"] += 1
            sequence.append((request.method, request.url.path))
        return real_send(self, request, **kwargs)

    def load(self: Any) -> Any:
        nonlocal settings_reads
        if counting and threading.current_thread() is gui:
            settings_reads += 1
        return real_load(self)

    tasks.ConnectionWorker.submit = submit  # type: ignore[method-assign]
    httpx.Client.send = send  # type: ignore[method-assign]
    SettingsStore.load = load  # type: ignore[method-assign]
    session = None
    try:
        session = AppSession(app, services)
        parts = session.parts
        window = parts.window
        window.confirm_close = lambda _pending: True
        synced: list[object] = []
        window.sync_finished.connect(synced.append)
        parts.start()
        _wait(app, lambda: bool(synced), "the first sync")
        window.sync_timer.stop()
        parts.actions.timer.stop()  # the periodic outbox pump: not part of one shipment
        sandbox = parts.sandbox
        assert sandbox is not None
        order = next(
            stored.order
            for stored in (
                sandbox.db.get(window.proxy.key_at(r).order_id)
                for r in range(window.proxy.rowCount())
            )
            if stored is not None
            and stored.order.status is OrderStatus.CONFIRMED
            and stored.order.item_count <= 3
            and all(ln.barcode for ln in stored.order.lines)
        )
        window.show_pack_mode(True)
        pack = parts.pack_view
        last = activity
        _settle(app, lambda: activity != last)

        def applied() -> bool:
            return any(
                e["kind"] == "shipment" and e["order_id"] == order.id
                for e in sandbox.db.journal()["effects"]
            )

        shipped: list[object] = []
        pack.order_shipped.connect(shipped.append)
        opened: list[object] = []
        pack.order_opened.connect(opened.append)
        counting = True
        pack.on_scan(order.number)
        _wait(app, lambda: bool(opened), "the order to open")
        for line in order.lines:
            for _ in range(line.remaining):
                pack.on_scan(line.barcode or "")
        _wait(app, lambda: "tracking" in pack.message.text().lower(), "the tracking prompt")
        pack.on_scan(TRACKING)
        _wait(app, lambda: bool(shipped) and applied(), "the shipment to be applied")
        _wait(app, lambda: len(list(prints.iterdir())) == 2, "slip and label")

        def busy() -> bool:
            nonlocal last
            changed = activity != last
            last = activity
            return changed

        _settle(app, busy)
        counting = False
    finally:
        tasks.ConnectionWorker.submit = real_submit  # type: ignore[method-assign]
        httpx.Client.send = real_send  # type: ignore[method-assign]
        SettingsStore.load = real_load  # type: ignore[method-assign]
        if session is not None:
            session.close()
        keyring.set_keyring(previous)
    reads = sum(n for k, n in requests.items() if k.startswith("GET "))
    own = [
        (m, p)
        for m, p in sequence
        if p.rstrip("/").split("/")[-1] == order.id or f"/{order.id}/" in p
    ]
    write_at = next((i for i, (m, _p) in enumerate(own) if m != "GET"), len(own))
    reads_before = sum(1 for m, _p in own[:write_at] if m == "GET")
    reads_after = sum(1 for m, _p in own[write_at + 1 :] if m == "GET")
    yield {
        "name": "pack_path.worker_round_trips",
        "unit": "tasks",
        "value": sum(submitted.values()),
        "detail": dict(submitted),
    }
    yield {
        "name": "pack_path.http_requests",
        "unit": "requests",
        "value": sum(requests.values()),
        "detail": dict(requests),
    }
    yield {"name": "pack_path.http_reads", "unit": "requests", "value": reads}
    # The read when the order opens is the packer's; what follows it before the write is a
    # re-read (at most one), and at most one read after the write.
    yield {
        "name": "pack_path.rereads_before_write",
        "unit": "requests",
        "value": reads_before - 1,
        "target": 1,
    }
    yield {
        "name": "pack_path.reads_after_write",
        "unit": "requests",
        "value": reads_after,
        "target": 1,
    }
    yield {
        "name": "pack_path.http_writes",
        "unit": "requests",
        "value": sum(requests.values()) - reads,
    }
    yield {
        "name": "pack_path.settings_reads_on_gui_thread",
        "unit": "reads",
        "value": settings_reads,
        "target": 0,
    }


#: What ``build_app`` imports before the window exists (the GUI modules of one connection).
GUI_IMPORTS = (
    "fulfillment_station.app",
    "fulfillment_station.session",
    "fulfillment_station.ui.shell.main_window",
    "fulfillment_station.ui.pack.pack_mode",
    "fulfillment_station.ui.shell.workbench",
    "fulfillment_station.ui.dialogs.settings_dialog",
)


def _import_seconds(modules: tuple[str, ...]) -> tuple[float, bool]:
    """Best of three fresh interpreters: seconds to import ``modules``, and whether reportlab
    (PDF rendering, wanted only on the print worker) came with them."""
    code = (
        "import sys, time, json; t = time.perf_counter()\n"
        f"for m in {list(modules)!r}: __import__(m)\n"
        "print(json.dumps([time.perf_counter() - t, 'reportlab' in sys.modules]))"
    )
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parent.parent,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    best = min(runs)
    return round(best[0], 3), bool(best[1])


def _imports() -> Iterator[dict[str, Any]]:
    seconds, reportlab = _import_seconds(("fulfillment_station.printing.errors",))
    yield {
        "name": "pack_path.import_printing_errors",
        "unit": "s",
        "value": seconds,
        "reportlab_loaded": reportlab,
    }
    seconds, reportlab = _import_seconds(GUI_IMPORTS)
    yield {
        "name": "pack_path.import_gui_modules",
        "unit": "s",
        "value": seconds,
        "reportlab_loaded": reportlab,
    }


def run() -> Iterator[dict[str, Any]]:
    yield from _imports()
    with tempfile.TemporaryDirectory(prefix="bench-pack-path-") as tmp:
        yield from _one_shipment(Path(tmp))
