"""Render the real main window and pack mode (training mode, offscreen) to PNGs:
``python docs/make_screenshots.py docs/screenshots``."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from fulfillment_station.app import build_app
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import SettingsStore


def wait(signal: Any = None, ms: int = 30_000) -> None:
    loop = QEventLoop()
    if signal is not None:
        signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(out: Path) -> None:
    app = QApplication([])
    tmp = Path(tempfile.mkdtemp())
    (tmp / "prints").mkdir()
    store = SettingsStore(tmp / "settings.json")
    store.save(store.load().replace({"printers.slip_printer": f"file:{tmp / 'prints'}",
                                     "sounds.enabled": False}))
    redactor = Redactor()
    parts = build_app(app, settings_store=store, tokens=TokenStore(), root=tmp / "data",
                      redactor=redactor,
                      logging_setup=configure_logging(tmp / "logs", redactor=redactor))
    window = parts.window
    window.resize(1440, 880)
    parts.start()
    wait(window.syncFinished)
    wait(ms=400)
    window.grab().save(str(out / "main-window.png"))

    assert parts.sandbox is not None
    order = next(o for o in (parts.sandbox.db.get(window.proxy.key_at(r).order_id).order
                             for r in range(window.proxy.rowCount()))
                 if len(o.lines) >= 3 and o.status.value == "confirmed")
    window.show_pack_mode(True)
    pack = parts.pack_view
    pack.on_scan(order.number)
    wait(pack.order_opened, 10_000)
    pack.on_scan(order.lines[0].barcode or "")
    pack.on_scan("0000000000017")  # a wrong item: the persistent error
    wait(ms=400)
    window.grab().save(str(out / "pack-mode.png"))
    parts.close(app)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
