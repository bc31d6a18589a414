"""Application-wide Qt event filter that turns keyboard-wedge scanner bursts into one signal.

Install it once (``ScannerFilter(...).install(app)``); it emits ``scanned(str)`` with the whole
code and swallows the scan's keystrokes, so a scan never lands as junk in whatever line edit
happens to have focus. Human typing reaches the widgets unchanged.

How, given that a burst is only recognisable after the fact: every printable key press is
*held back* (the event filter returns True) and remembered together with the widget it was
meant for. The pure :class:`~fulfillment_station.scanning.burst.BurstDetector` then decides:

* a terminator (Enter/Tab) after enough fast keys -> the held keys and the terminator are
  dropped and ``scanned`` is emitted;
* a slow gap, a short burst, a non-printable key (arrows, Backspace, Ctrl+C, auto-repeat) or
  the keyboard going quiet (a single-shot timer, checked against the injectable clock) -> the
  held keys are *replayed*: fresh press/release events are sent, in the original order, to the
  widget each key was meant for, before the key that interrupted them is let through.

A person therefore sees each character echo at most ``max_gap_ms`` (+ timer slack) late, which
is below what anyone notices, while order, cursor movement and shortcuts keep working. The
release events of held keys are swallowed (the replay sends its own), so widgets always see
press/release pairs. While a burst is under way ShortcutOverride events for printable keys are
accepted, so the characters of a scan cannot fire single-key shortcuts — except the first one,
which arrives before anything marks a burst: do not bind shortcuts to bare printable keys.

A field made to take scans (the Ship dialog's tracking number) says so with the widget
property :data:`ACCEPTS_SCANS`; while it has focus, keys reach it untouched, so a label scanned
into it lands there instead of opening an order.

Only deliveries to the focus widget are looked at: Qt hands a key first to the window and then,
for keys a widget ignores, to each parent — those repeated deliveries must not be fed twice.

Limits, on purpose: the decision uses arrival time on the GUI thread, so a person who types
``min_length`` keys and Enter while the GUI thread is stalled looks like a scanner (those keys
arrive together); the GUI thread must not stall (see docs/architecture.md). Scanners must be
set to end codes with Enter or Tab unless the detector was built with ``require_terminator=False``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken

from fulfillment_station.scanning.burst import BurstDetector, Decision

_GS = "\x1d"
#: Widget property: a field that wants scans typed into it as they are.
ACCEPTS_SCANS = "acceptsScans"
_TIMER_SLACK_MS = 5
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    }
)


@dataclass(frozen=True)
class _HeldKey:
    receiver: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


def _key_code(event: QKeyEvent) -> int:
    key = event.key()
    return int(key.value) if hasattr(key, "value") else int(key)


def scan_char(event: QKeyEvent) -> str | None:
    """The character a key press contributes to a scan, or None if it never belongs to one."""
    key = event.key()
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return "\r"
    if key == Qt.Key.Key_Tab:
        return "\t"
    text = event.text()
    if text == _GS:  # FNC1 of a GS1 barcode, typed by the scanner as Ctrl+]
        return _GS
    modifiers = event.modifiers()
    command = modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
    # Ctrl+Alt is AltGr on Windows and produces text ('@' on many layouts): keep it.
    if command and not modifiers & Qt.KeyboardModifier.AltModifier:
        return None
    if len(text) == 1 and text.isprintable():
        return text
    return None


class ScannerFilter(QObject):
    """Holds back fast keys, emits ``scanned`` for a scan, replays them for a person."""

    scanned = Signal(str)

    def __init__(
        self,
        detector: BurstDetector | None = None,
        clock: Callable[[], float] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._detector = detector if detector is not None else BurstDetector()
        self._clock = clock if clock is not None else self._detector.clock
        self._held: list[_HeldKey] = []
        self._eaten_releases: Counter[int] = Counter()
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_quiet)

    @property
    def detector(self) -> BurstDetector:
        return self._detector

    def install(self, app: QCoreApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QCoreApplication) -> None:
        app.removeEventFilter(self)
        self._apply(self._detector.interrupt())

    # -- Qt entry point -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            return self._on_press(watched, event)  # type: ignore[arg-type]
        if kind == QEvent.Type.KeyRelease:
            return self._on_release(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.ShortcutOverride and self._in_burst(watched, event):
            event.accept()
            return True
        return False

    # -- decisions ----------------------------------------------------------------------

    @staticmethod
    def _is_target(watched: QObject) -> bool:
        if not watched.isWidgetType():
            return False
        # A field that takes scans itself (a tracking field) keeps its keys: whether the key
        # goes to it (``watched``) or it holds the focus while the key is on its way.
        if watched.property(ACCEPTS_SCANS):
            return False
        focus = QApplication.focusWidget()
        if focus is not None and focus.property(ACCEPTS_SCANS):
            return False
        return focus is None or focus is watched

    def _in_burst(self, watched: QObject, event: QEvent) -> bool:
        return (
            bool(self._held)
            and self._is_target(watched)
            and isinstance(event, QKeyEvent)
            and scan_char(event) is not None
            and self._detector.quiet_in(self._clock()) > 0
        )

    def _on_press(self, watched: QObject, event: QKeyEvent) -> bool:
        if not self._is_target(watched) or event.key() in _MODIFIER_KEYS:
            return False
        char = scan_char(event)
        if char is None or event.isAutoRepeat():
            if self._held:
                self._apply(self._detector.interrupt())
            return False
        decision = self._detector.feed(char, self._clock())
        current = None
        if decision.hold:
            current = _HeldKey(watched, _key_code(event), event.modifiers(), event.text())
        self._apply(decision, current)
        if decision.swallow:
            self._eaten_releases[_key_code(event)] += 1
        if self._held:
            self._timer.start(int(self._detector.max_gap_ms) + _TIMER_SLACK_MS)
        else:
            self._timer.stop()
        return decision.swallow

    def _on_release(self, event: QKeyEvent) -> bool:
        code = _key_code(event)
        if self._eaten_releases[code] > 0 and not event.isAutoRepeat():
            self._eaten_releases[code] -= 1
            if not self._eaten_releases[code]:
                del self._eaten_releases[code]
            return True
        return False

    def _on_quiet(self) -> None:
        decision = self._detector.poll(self._clock())
        if decision is None:  # by the clock keys may still come: look again shortly
            self._timer.start(int(self._detector.max_gap_ms) + _TIMER_SLACK_MS)
            return
        self._apply(decision)

    def _apply(self, decision: Decision, current: _HeldKey | None = None) -> None:
        count = len(decision.replay)
        to_replay, self._held = self._held[:count], self._held[count:]
        if decision.scan is not None:
            del self._held[: len(decision.scan)]
        self._replay(to_replay)
        if current is not None:
            self._held.append(current)
        if decision.scan is not None:
            self.scanned.emit(decision.scan)

    def _replay(self, keys: list[_HeldKey]) -> None:
        self._replaying = True
        try:
            for held in keys:
                if not Shiboken.isValid(held.receiver):
                    continue  # the widget was closed meanwhile; its keys go nowhere
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(
                        held.receiver, QKeyEvent(kind, held.key, held.modifiers, held.text)
                    )
        finally:
            self._replaying = False
