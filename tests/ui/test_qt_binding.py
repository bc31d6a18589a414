"""Guards against a broken Qt binding: PySide6-Essentials 6.12.0 loses a reference to True on
every ``Signal.emit()`` and aborts the process after enough emits - a packing desk emits
thousands an hour. pyproject excludes that release; this catches any other that does it."""

from __future__ import annotations

import os
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Signal

pytestmark = pytest.mark.gui


class Emitter(QObject):
    text = Signal(str)
    pair = Signal(int, object)


def test_emitting_signals_leaks_no_reference_to_true(qtbot: object) -> None:
    emitter = Emitter()
    received: list[object] = []
    emitter.text.connect(received.append)
    before = sys.getrefcount(True)
    for n in range(1000):
        emitter.text.emit("scan")
        emitter.pair.emit(n, None)
    assert len(received) == 1000
    assert abs(sys.getrefcount(True) - before) < 50


def test_void_calls_leak_no_reference_to_none(qtbot: object) -> None:
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for n in range(1000):
        label.setText(str(n))
    assert abs(sys.getrefcount(None) - before) < 50
