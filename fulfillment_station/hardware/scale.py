"""What every scale says, whatever its cable: a :class:`ScaleReading` (a status and, when the
scale shows one, a :class:`~fulfillment_station.domain.weight.Weight`), and
:func:`read_stable`, the one loop that waits for a stable weight.

Only a stable weight is ever taken: a box still swinging on the platter, a scale over its
capacity or below zero gives a reading whose status says so, and :func:`read_stable` keeps
reading until the status is stable or its time is up. Then it raises :class:`ScaleError` with
one sentence for the packer (translatable, see ``domain.messages``) saying why there is no
weight. Drivers (``hid_scale``, ``serial_scale``) only turn bytes into readings.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.domain.weight import Weight


class ScaleStatus(StrEnum):
    """The states of the HID POS "Scale Status" usage (0x8D:0x71-0x78), which every serial
    protocol here maps onto, plus ``NO_ANSWER`` for a scale that said nothing."""

    FAULT = "fault"
    ZERO = "zero"  # stable at the center of zero
    MOTION = "in motion"
    STABLE = "stable"
    UNDER_ZERO = "under zero"
    OVER_CAPACITY = "over capacity"
    NEEDS_CALIBRATION = "needs calibration"
    NEEDS_REZERO = "needs re-zeroing"
    ERROR = "error"  # the scale answered with an error code (SICS "ES", "EL", ...)
    NO_ANSWER = "no answer"

    @property
    def is_stable(self) -> bool:
        return self in (ScaleStatus.STABLE, ScaleStatus.ZERO)


@dataclass(frozen=True, slots=True)
class ScaleReading:
    """One answer of a scale. ``weight`` is set whenever the scale showed a number (also in
    motion, for a live display); only a stable reading's weight may be used."""

    status: ScaleStatus
    weight: Weight | None = None
    unit: str = ""  # the unit the scale displays, for showing the weight as the scale does
    detail: str = ""  # what the scale sent, for the log

    @property
    def stable_weight(self) -> Weight | None:
        return self.weight if self.status.is_stable and self.weight is not None else None


class Scale(Protocol):
    """A connected scale. ``read`` waits at most ``timeout`` seconds for one reading and
    returns ``ScaleStatus.NO_ANSWER`` when none came; it raises ``ScaleError`` only when the
    device itself is gone."""

    name: str

    def read(self, timeout: float) -> ScaleReading: ...

    def zero(self) -> bool:
        """Zero the empty scale; ``False`` when it can only be zeroed with its own key."""
        ...

    def close(self) -> None: ...


# What the packer is told (translated by the views).
WHY_NO_WEIGHT: dict[ScaleStatus, Message] = {
    ScaleStatus.FAULT: QT_TRANSLATE_NOOP(
        "Scale", "The scale {name} reports a fault; switch it off and on again."
    ),
    ScaleStatus.MOTION: QT_TRANSLATE_NOOP(
        "Scale",
        "The scale {name} did not settle (still in motion); keep the box still on the scale.",
    ),
    ScaleStatus.UNDER_ZERO: QT_TRANSLATE_NOOP(
        "Scale", "The scale {name} reads below zero; take everything off and zero it."
    ),
    ScaleStatus.OVER_CAPACITY: QT_TRANSLATE_NOOP(
        "Scale", "The scale {name} is over its capacity; the box is too heavy for it."
    ),
    ScaleStatus.NEEDS_CALIBRATION: QT_TRANSLATE_NOOP(
        "Scale", "The scale {name} needs calibrating before it can weigh."
    ),
    ScaleStatus.NEEDS_REZERO: QT_TRANSLATE_NOOP(
        "Scale", "The scale {name} needs zeroing; take everything off and zero it."
    ),
    ScaleStatus.ERROR: QT_TRANSLATE_NOOP(
        "Scale", "The scale {name} answered with an error; check its settings."
    ),
    ScaleStatus.NO_ANSWER: QT_TRANSLATE_NOOP(
        "Scale",
        "The scale {name} did not answer within {seconds} seconds; check its cable "
        "and that it is switched on.",
    ),
}
CANNOT_OPEN = QT_TRANSLATE_NOOP(
    "Scale",
    "The scale {name} cannot be opened ({detail}); check it is plugged in and that "
    "this user may use it.",
)
DISCONNECTED = QT_TRANSLATE_NOOP(
    "Scale", "The scale {name} was disconnected ({detail}); plug it in again."
)


class ScaleError(Exception):
    """No weight: ``message`` is the packer's sentence, ``status`` the last thing the scale
    said (``None`` when it could not be opened at all)."""

    def __init__(self, message: Message | str, status: ScaleStatus | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def why_no_weight(name: str, status: ScaleStatus, seconds: float) -> Message:
    template = WHY_NO_WEIGHT.get(status, WHY_NO_WEIGHT[ScaleStatus.ERROR])
    if status is ScaleStatus.NO_ANSWER:
        return template.format(name=name, seconds=f"{seconds:g}")
    return template.format(name=name)


def read_stable(
    scale: Scale,
    timeout: float = 3.0,
    *,
    clock: Callable[[], float] = time.monotonic,
) -> ScaleReading:
    """Read until the scale reports a stable weight; at most ``timeout`` seconds.

    Returns the stable reading (its ``weight`` is set). Raises ``ScaleError`` with the last
    status the scale gave when the time runs out first.
    """
    deadline = clock() + timeout
    last = ScaleReading(ScaleStatus.NO_ANSWER)
    while True:
        remaining = deadline - clock()
        if remaining <= 0:
            break
        reading = scale.read(min(remaining, 1.0))
        if reading.status is not ScaleStatus.NO_ANSWER or last.status is ScaleStatus.NO_ANSWER:
            last = reading
        if reading.stable_weight is not None:
            return reading
    raise ScaleError(why_no_weight(scale.name, last.status, timeout), last.status)
