"""The scanner event filter with real key events: scans are swallowed and signalled, people's
typing lands in the focused line edit untouched."""

from __future__ import annotations

import os

# CI exports this too; set here so `pytest tests/ui` also runs headless on its own.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from fulfillment_station.scanning.burst import BurstDetector
from fulfillment_station.ui.common.scanner_filter import ScannerFilter
from tests.helpers.clock import FakeTicks

pytestmark = [
    pytest.mark.gui,
    # The headless "offscreen" platform warns about a feature it lacks on every show().
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


@pytest.fixture
def clock() -> FakeTicks:
    return FakeTicks()


@pytest.fixture
def scanner(qapp, clock):
    scanner_filter = ScannerFilter(BurstDetector(max_gap_ms=30, min_length=4, clock=clock))
    scanner_filter.install(qapp)
    yield scanner_filter
    scanner_filter.uninstall(qapp)


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def edit(qtbot, window) -> QLineEdit:
    layout = QVBoxLayout(window)
    line_edit = QLineEdit(window)
    layout.addWidget(line_edit)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    line_edit.setFocus()
    qtbot.waitUntil(line_edit.hasFocus)
    return line_edit


def type_text(qtbot, widget, text: str, clock: FakeTicks, gap_ms: float) -> None:
    for char in text:
        clock.advance(gap_ms)
        qtbot.keyClick(widget, char)


def test_scanner_burst_emits_scanned_and_leaves_the_line_edit_empty(qtbot, scanner, edit, clock):
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as blocker:
        type_text(qtbot, edit, "1Z999AA10123456784", clock, gap_ms=4)
        clock.advance(4)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert blocker.args == ["1Z999AA10123456784"]
    assert edit.text() == ""


def test_slow_human_typing_lands_in_the_line_edit_and_emits_nothing(qtbot, scanner, edit, clock):
    with qtbot.assertNotEmitted(scanner.scanned, wait=100):
        type_text(qtbot, edit, "ORD-1001", clock, gap_ms=180)
        clock.advance(180)
        qtbot.waitUntil(lambda: edit.text() == "ORD-1001", timeout=1000)


def test_human_enter_arrives_after_the_typed_text(qtbot, scanner, edit, clock):
    submitted: list[str] = []
    edit.returnPressed.connect(lambda: submitted.append(edit.text()))
    with qtbot.assertNotEmitted(scanner.scanned):
        type_text(qtbot, edit, "1001", clock, gap_ms=150)
        clock.advance(150)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert submitted == ["1001"]


def test_short_fast_rollover_then_enter_is_typing_not_a_scan(qtbot, scanner, edit, clock):
    submitted: list[str] = []
    edit.returnPressed.connect(lambda: submitted.append(edit.text()))
    with qtbot.assertNotEmitted(scanner.scanned):
        type_text(qtbot, edit, "ab", clock, gap_ms=10)
        clock.advance(10)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert submitted == ["ab"]


def test_scan_after_human_typing_keeps_both_apart(qtbot, scanner, edit, clock):
    type_text(qtbot, edit, "x", clock, gap_ms=200)
    clock.advance(200)
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as blocker:
        type_text(qtbot, edit, "0036000291452", clock, gap_ms=3)
        clock.advance(3)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert blocker.args == ["0036000291452"]
    assert edit.text() == "x"


def test_non_printable_key_keeps_typing_order(qtbot, scanner, edit, clock):
    type_text(qtbot, edit, "ab", clock, gap_ms=150)
    clock.advance(150)
    qtbot.keyClick(edit, Qt.Key.Key_Left)
    type_text(qtbot, edit, "c", clock, gap_ms=150)
    clock.advance(150)
    qtbot.waitUntil(lambda: edit.text() == "acb", timeout=1000)


def test_scan_keys_do_not_leak_release_events_into_the_line_edit(qtbot, scanner, edit, clock):
    released: list[int] = []

    class Spy(QObject):
        def eventFilter(self, watched, event):
            if watched is edit and event.type() == QEvent.Type.KeyRelease:
                released.append(event.key())
            return False

    spy = Spy()
    edit.installEventFilter(spy)
    with qtbot.waitSignal(scanner.scanned, timeout=1000):
        type_text(qtbot, edit, "ABCD", clock, gap_ms=2)
        clock.advance(2)
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
    edit.removeEventFilter(spy)
    assert released == []


def test_scan_characters_do_not_fire_single_key_shortcuts(qtbot, scanner, window, clock):
    # A line edit swallows printable shortcuts itself; a button (a list, a table) does not.
    button = QPushButton("Pack", window)
    QVBoxLayout(window).addWidget(button)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    fired: list[str] = []
    shortcut = QShortcut(QKeySequence("B"), window)
    shortcut.activated.connect(lambda: fired.append("B"))
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as blocker:
        type_text(qtbot, button, "AB12", clock, gap_ms=3)
        clock.advance(3)
        qtbot.keyClick(button, Qt.Key.Key_Return)
    assert blocker.args == ["AB12"]
    assert fired == []
    clock.advance(500)
    qtbot.keyClick(button, "B")  # typed by a person, the shortcut still works
    assert fired == ["B"]
