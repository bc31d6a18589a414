"""Live changes from the other desks: a thread that LISTENs on the station database's
``station_changes`` channel and hands each change over as a typed
:class:`~fulfillment_station.station.coordinator.ChangeEvent`.

The thread owns its own connection (notifications arrive on the connection that listens), and
reconnects by itself after an outage, waiting a little longer each time, up to a bound. Events
are put on a queue (:meth:`ChangeListener.get`, :meth:`ChangeListener.drain`) and, when given,
passed to ``on_event`` from the listener's thread: a Qt adapter re-emits them as a signal
(queued to the GUI thread). ``on_status`` hears when listening starts and stops, so the window
can say that live lists are off. No Qt here.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

import psycopg

from fulfillment_station.station.coordinator import ChangeEvent
from fulfillment_station.station.schema import CHANNEL

log = logging.getLogger(__name__)

#: How often the thread looks at its stop flag while no notification comes.
_POLL_S = 0.2
_MAX_BACKOFF_S = 5.0


class ChangeListener:
    """``start()``, then ``get(timeout)`` or ``drain()``; ``stop()`` ends the thread.

    ``ignore_desk`` drops this desk's own announcements (it already knows)."""

    def __init__(
        self,
        connect: Callable[[], psycopg.Connection],
        *,
        ignore_desk: str | None = None,
        on_event: Callable[[ChangeEvent], None] | None = None,
        on_status: Callable[[bool], None] | None = None,
    ) -> None:
        self._connect = connect
        self._ignore_desk = ignore_desk
        self._on_event = on_event
        self._on_status = on_status
        self._events: queue.Queue[ChangeEvent] = queue.Queue()
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="station-listener", daemon=True)

    @property
    def listening(self) -> bool:
        return self._listening.is_set()

    def start(self) -> None:
        self._thread.start()

    def wait_listening(self, timeout: float) -> bool:
        return self._listening.wait(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def get(self, timeout: float) -> ChangeEvent | None:
        try:
            return self._events.get(timeout=timeout)
        except queue.Empty:
            return None

    def drain(self) -> list[ChangeEvent]:
        out: list[ChangeEvent] = []
        while True:
            try:
                out.append(self._events.get_nowait())
            except queue.Empty:
                return out

    def _set_listening(self, on: bool) -> None:
        if on != self._listening.is_set():
            if on:
                self._listening.set()
            else:
                self._listening.clear()
            if self._on_status is not None:
                self._on_status(on)

    def _run(self) -> None:
        backoff = 0.2
        while not self._stop.is_set():
            try:
                with self._connect() as conn:
                    conn.autocommit = True
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._set_listening(True)
                    backoff = 0.2
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=_POLL_S):
                            self._deliver(note.payload)
                            if self._stop.is_set():
                                break
            except (psycopg.Error, OSError) as exc:
                log.warning("live changes stopped (%s); listening again in %.1f s", exc, backoff)
            self._set_listening(False)
            self._stop.wait(backoff)
            backoff = min(_MAX_BACKOFF_S, backoff * 2)

    def _deliver(self, payload: str) -> None:
        try:
            event = ChangeEvent.from_payload(payload)
        except (ValueError, KeyError, TypeError):
            log.warning("ignored a malformed change notification")
            return
        if event.desk == self._ignore_desk:
            return
        self._events.put(event)
        if self._on_event is not None:
            self._on_event(event)
