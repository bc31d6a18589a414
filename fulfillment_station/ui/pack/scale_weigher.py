"""The scale, live, for a screen: :class:`ScaleWeigher` reads the desk's scale on its own
thread and tells the GUI thread, through queued signals, each reading (for a live display) and
each *new* stable weight (to fill a field with no key press), and says once when the scale
cannot weigh (over capacity, below zero, a fault) until that clears.

A stable weight is announced once per load: the same box sitting on the scale is not announced
again, and when the platter is emptied (below ``min_weight``) the next box is announced even if
it weighs the same. The loop reads with a short timeout so :meth:`stop` returns within a
fraction of a second; a scale that cannot be opened is said once through ``problem``.

Used by the Ship dialog's Parcel weight; pack mode's weigh step can listen to ``stable`` the
same way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from fulfillment_station.domain.weight import Weight
from fulfillment_station.hardware.scale import Scale, ScaleError, ScaleStatus, why_no_weight
from fulfillment_station.ui.common.i18n import translate_message

log = logging.getLogger(__name__)

READ_TIMEOUT_S = 0.2
SAME_LOAD_G = 2  # a stable weight within this of the last one is the same box
# Said to the packer (once each time it starts): the scale cannot weigh until it is dealt with.
_PROBLEMS = frozenset(
    {
        ScaleStatus.OVER_CAPACITY,
        ScaleStatus.UNDER_ZERO,
        ScaleStatus.FAULT,
        ScaleStatus.NEEDS_CALIBRATION,
        ScaleStatus.NEEDS_REZERO,
        ScaleStatus.ERROR,
    }
)


class ScaleWeigher(QObject):
    reading = Signal(object)  # ScaleReading, every answer
    stable = Signal(object)  # Weight, once per load
    problem = Signal(str)  # one sentence, translated

    def __init__(
        self,
        open_scale: Callable[[], Scale | None],
        parent: QObject | None = None,
        *,
        min_weight: Weight | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_scale = open_scale
        self._min = min_weight if min_weight is not None else Weight.of(5, "g")
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="scale-weigher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _run(self) -> None:
        try:
            scale = self._open_scale()
        except ScaleError as exc:
            self.problem.emit(translate_message(exc.message))
            return
        if scale is None:
            return
        announced: Weight | None = None
        said_problem = False
        try:
            while not self._stop.is_set():
                try:
                    reading = scale.read(READ_TIMEOUT_S)
                except ScaleError as exc:
                    self.problem.emit(translate_message(exc.message))
                    return
                if reading.status is ScaleStatus.NO_ANSWER:
                    continue
                self.reading.emit(reading)
                weight = reading.weight
                if weight is not None and weight.grams < self._min.grams:
                    announced = None  # the platter is empty: the next box is a new load
                stable = reading.stable_weight
                if reading.status in _PROBLEMS:
                    if not said_problem:  # once per episode, not at every reading
                        said_problem = True
                        log.info("scale %s: %s (%s)", scale.name, reading.status, reading.detail)
                        self.problem.emit(
                            translate_message(
                                why_no_weight(scale.name, reading.status, READ_TIMEOUT_S)
                            )
                        )
                    continue
                said_problem = False
                if stable is None or stable.grams < self._min.grams:
                    continue
                if announced is None or abs(stable - announced).grams > SAME_LOAD_G:
                    announced = stable
                    self.stable.emit(stable)
        finally:
            scale.close()
