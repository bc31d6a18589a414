"""Opens the real app (training store, its own sandbox) on whatever screen the Qt platform
gives, waits for the first sync, opens an order in the detail pane and prints, as one JSON
object, where the main window and its important widgets ended up in global coordinates.

Run in a child process by ``tests/ui/test_main_window_layout.py`` with the offscreen platform
set to a given screen size (one process per size: a Qt process has one set of screens), and
under Xvfb for a screenshot::

    xvfb-run -s "-screen 0 1366x768x24" python -m tests.helpers.listdesk_layout es OUT.png

The first argument is the UI language (``en``, ``es``, ``pt_BR``); ``--screenshot PNG`` also
saves what the screen shows; ``--hold S`` keeps the window on screen S seconds after the report
(for ``import -window root``); ``--resize WxH`` resizes the window before it closes (and saves
its geometry), as a packer on a larger monitor would."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QRect, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def _wait(signal: Any = None, ms: int = 30_000) -> None:
    loop = QEventLoop()
    if signal is not None:
        signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _rect(widget: QWidget) -> dict[str, Any]:
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    hint = widget.minimumSizeHint()
    return {
        "x": top_left.x(),
        "y": top_left.y(),
        "w": widget.width(),
        "h": widget.height(),
        "visible": widget.isVisible(),
        "min_w": max(hint.width(), widget.minimumWidth()),
        "min_h": max(hint.height(), widget.minimumHeight()),
    }


def _box(rect: QRect) -> dict[str, int]:
    return {"x": rect.x(), "y": rect.y(), "w": rect.width(), "h": rect.height()}


def main(argv: list[str]) -> None:
    from fulfillment_station.app import AppServices
    from fulfillment_station.services.diagnostics import Redactor, configure_logging
    from fulfillment_station.session import AppSession
    from fulfillment_station.store.secrets import TokenStore
    from fulfillment_station.store.settings import SettingsStore
    from fulfillment_station.ui.common.i18n import install_translator
    from fulfillment_station.ui.orders.filters import PRESETS

    parser = argparse.ArgumentParser()
    parser.add_argument("language", nargs="?", default="en")
    parser.add_argument("--screenshot")
    parser.add_argument("--resize")
    parser.add_argument("--hold", type=float, default=0.0)
    args = parser.parse_args(argv[1:])
    language = args.language
    app = QApplication([])
    tmp = Path(tempfile.mkdtemp())
    install_translator(app, language, cache_dir=tmp / "translations")
    (tmp / "prints").mkdir()
    store = SettingsStore(tmp / "settings.json")
    store.save(
        store.load().replace(
            {
                "printers.slip_printer": f"file:{tmp / 'prints'}",
                "sounds.enabled": False,
                "general.language": language,
            }
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
    window = session.parts.window
    session.start()
    _wait(window.sync_finished)
    window.tabs.setCurrentIndex([p.key for p in PRESETS].index("all"))
    window.table.selectRow(0)
    _wait(window.order_shown, 10_000)
    # A problem shown and a sync running: the status bar at its fullest.
    window.error_banner.show_message("A printer problem: the slip printer did not answer.")
    window.sync_progress.setRange(0, 100)
    window.sync_progress.setValue(40)
    window.sync_progress.show()
    window.cancel_sync.show()
    _wait(ms=300)
    window.set_pending(3)
    _wait(ms=50)
    detail = window.detail
    widgets: dict[str, QWidget] = {
        "menu_bar": window.menuBar(),
        "search": window.search,
        "tabs": window.tabs,
        "filter_bar": window.filter_bar,
        "clear_filters": window.filter_bar.clear_button,
        "table": window.table,
        "detail": detail,
        "detail_title": detail.title,
        "copy_address": detail.copy_address,
        "error_banner": window.error_banner,
        "dismiss_banner": window.error_banner.dismiss_button,
        "training_banner": window.training_banner,
        "status_bar": window.statusBar(),
        "count_label": window.count_label,
        "online": window.online,
        "pending_label": window.pending_label,
        "sync_progress": window.sync_progress,
        "cancel_sync": window.cancel_sync,
    }
    screen = window.screen()
    report = {
        "screen": _box(screen.geometry()),
        "available": _box(screen.availableGeometry()),
        "frame": _box(window.frameGeometry()),
        "window": _rect(window),
        "widgets": {name: _rect(widget) for name, widget in widgets.items()},
        "detail_viewport_w": detail.viewport().width(),
        "table_scrolls_sideways": window.table.horizontalScrollBar().isVisible(),
        "items_scroll_sideways": detail.lines.horizontalScrollBar().isVisible(),
        "item_columns": [  # by number: the same in every language
            c for c in range(detail.lines_model.columnCount()) if not detail.lines.isColumnHidden(c)
        ],
        "detail_body_min_w": detail.widget().minimumSizeHint().width(),
    }
    if args.screenshot:
        window.raise_()
        _wait(ms=300)
        image = screen.grabWindow(0)
        if not image.save(args.screenshot):
            raise SystemExit(f"could not write {args.screenshot}")
    print(json.dumps(report))
    sys.stdout.flush()
    if args.hold:
        _wait(ms=int(args.hold * 1000))
    if args.resize:
        width, height = (int(n) for n in args.resize.split("x"))
        window.resize(width, height)
        _wait(ms=50)
    window.set_pending(0)  # the three were for show: no question on closing
    window.close()  # saves the window's geometry, as quitting does
    session.close()


if __name__ == "__main__":
    main(sys.argv)
