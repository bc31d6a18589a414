"""Take screenshots of the real main window and pack mode (training mode) as PNGs.

Under an X server (the README's screenshots are taken this way, on Xvfb)::

    xvfb-run -s "-screen 0 1600x1000x24" python docs/make_screenshots.py docs/screenshots

the pixels are read back from the X screen, i.e. what a packer's monitor would show. Without a
display the window renders itself offscreen (``QWidget.grab``), handy for a quick look."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from fulfillment_station.app import AppServices
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.session import AppSession
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import SettingsStore


def wait(signal: Any = None, ms: int = 30_000) -> None:
    loop = QEventLoop()
    if signal is not None:
        signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def capture(window: Any, path: Path) -> None:
    """Save what the screen shows of ``window`` (the X framebuffer), or its offscreen
    rendering when there is no real screen."""
    app = QApplication.instance()
    if app is not None and app.platformName() == "xcb":
        window.raise_()
        wait(ms=300)
        screen = window.screen()
        frame = window.frameGeometry()
        image = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    else:
        image = window.grab()
    if not image.save(str(path)):
        raise SystemExit(f"could not write {path}")


def main(out: Path) -> None:
    app = QApplication([])
    tmp = Path(tempfile.mkdtemp())
    (tmp / "prints").mkdir()
    store = SettingsStore(tmp / "settings.json")
    store.save(
        store.load().replace(
            {"printers.slip_printer": f"file:{tmp / 'prints'}", "sounds.enabled": False}
        )
    )
    redactor = Redactor()
    session = AppSession(
        app,
        AppServices(
            store,
            TokenStore(),
            tmp / "data",
            redactor,
            configure_logging(tmp / "logs", redactor=redactor),
        ),
    )
    parts = session.parts
    window = parts.window
    window.resize(1440, 880)
    session.start()
    wait(window.sync_finished)
    wait(ms=400)
    capture(window, out / "main-window.png")

    assert parts.sandbox is not None
    order = next(
        o
        for o in (
            parts.sandbox.db.get(window.proxy.key_at(r).order_id).order
            for r in range(window.proxy.rowCount())
        )
        if len(o.lines) >= 3 and o.status.value == "confirmed"
    )
    window.show_pack_mode(True)
    pack = parts.pack_view
    pack.on_scan(order.number)
    wait(pack.order_opened, 10_000)
    pack.on_scan(order.lines[0].barcode or "")
    pack.on_scan("0000000000017")  # a wrong item: the persistent error
    wait(ms=400)
    capture(window, out / "pack-mode.png")
    session.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
