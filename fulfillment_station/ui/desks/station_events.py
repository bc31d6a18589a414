"""The station database's live changes as Qt signals: a thin adapter over
``station.listener.ChangeListener`` for the window (order list refresh, preset counts, the
"coordination off" status bar message).

``changed`` carries one :class:`~fulfillment_station.station.coordinator.ChangeEvent` (another
desk claimed, released, shipped, cancelled... an order); ``live`` says whether changes are
being received. Both are emitted from the listener's thread and, being signals of an object that
lives in the GUI thread, reach the window's slots queued on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

import psycopg
from PySide6.QtCore import QObject, Signal

from fulfillment_station.station.coordinator import ChangeEvent
from fulfillment_station.station.listener import ChangeListener


class StationEvents(QObject):
    changed = Signal(object)  # ChangeEvent
    live = Signal(bool)

    def __init__(
        self, connect: Callable[[], psycopg.Connection], *, desk: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._listener = ChangeListener(
            connect, ignore_desk=desk, on_event=self._relay, on_status=self.live.emit
        )

    def start(self) -> None:
        self._listener.start()

    def stop(self) -> None:
        self._listener.stop()

    def _relay(self, event: ChangeEvent) -> None:
        self.changed.emit(event)
