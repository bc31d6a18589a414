"""An exception in a Qt slot writes a report, shows a non-blocking dialog and leaves the app
running."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from fulfillment_station.services.diagnostics import Redactor
from fulfillment_station.ui.shell.crash import CRASH_SENTENCE, CrashHandler, install_excepthook

pytestmark = [
    pytest.mark.gui,
    # Our hook is the one under test, so pytest-qt's own capturing hook stays out of the way.
    pytest.mark.qt_no_exception_capture,
    # The headless "offscreen" platform warns about features it lacks (show() and raise_()).
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise"),
]

SECRET = "secret-token-in-a-crash-123"


@pytest.fixture
def crashes(
    qapp: QApplication, tmp_path: Path
) -> Iterator[tuple[CrashHandler, list[tuple[Path, BaseException]]]]:
    seen: list[tuple[Path, BaseException]] = []
    redactor = Redactor()
    redactor.add(SECRET)
    handler = install_excepthook(
        qapp,
        tmp_path / "crashes",
        lambda path, exc: seen.append((path, exc)),
        redactor=redactor,
        diagnostics=lambda: "Diagnostics: here",
    )
    yield handler, seen
    handler.uninstall()
    if handler.dialog is not None:
        handler.dialog.close()
        handler.dialog.deleteLater()
    handler.setParent(None)
    handler.deleteLater()


def raise_in_slot(message: str) -> None:
    raise RuntimeError(message)


def test_exception_in_a_slot_writes_a_report_and_shows_a_dialog(qtbot: Any, crashes: Any) -> None:
    handler, seen = crashes
    with qtbot.waitSignal(handler.crashed, timeout=5000):
        QTimer.singleShot(0, lambda: raise_in_slot(f"kaput {SECRET}"))
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())

    path, exc = seen[0]
    assert isinstance(exc, RuntimeError)
    report = path.read_text(encoding="utf-8")
    assert "RuntimeError: kaput ***" in report
    assert "Diagnostics: here" in report
    assert SECRET not in report

    dialog = handler.dialog
    assert not dialog.isModal()
    assert dialog.sentence.text() == CRASH_SENTENCE
    assert str(path) in dialog.path_label.text()
    assert dialog.path_label.textFormat() == Qt.TextFormat.PlainText
    dialog.copy_button.click()
    assert "RuntimeError: kaput ***" in QApplication.clipboard().text()

    # The event loop keeps running: a later timer still fires, and a second error reuses the
    # open dialog instead of stacking another one.
    with qtbot.waitSignal(handler.crashed, timeout=5000):
        QTimer.singleShot(0, lambda: raise_in_slot("again"))
    assert handler.dialog is dialog
    assert "2 errors" in dialog.path_label.text()
    assert len(list(path.parent.iterdir())) == 2


def test_exception_on_another_thread_shows_the_dialog_on_the_gui_thread(
    qtbot: Any, crashes: Any
) -> None:
    handler, seen = crashes
    thread = threading.Thread(target=raise_in_slot, args=("worker broke",), name="worker")
    with qtbot.waitSignal(handler.crashed, timeout=5000):
        thread.start()
    thread.join()
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert "RuntimeError: worker broke" in seen[0][0].read_text(encoding="utf-8")
    assert handler.dialog.thread() is QApplication.instance().thread()


def test_uninstall_restores_the_previous_hooks(qapp: QApplication, tmp_path: Path) -> None:
    import sys

    before = sys.excepthook, threading.excepthook
    handler = install_excepthook(qapp, tmp_path)
    assert sys.excepthook == handler.handle
    handler.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
    handler.setParent(None)
    handler.deleteLater()
