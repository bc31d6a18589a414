"""Clocks a test moves by hand: :class:`FakeClock` for code that reads aware UTC datetimes
(outbox, audit, runner), :class:`FakeTicks` for code that reads a plain number (monotonic
milliseconds or seconds: the scanner's burst timing)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

#: Where a FakeClock starts unless told otherwise.
T0 = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)


class FakeClock:
    """``clock()`` is ``now``; :meth:`advance` moves it, :meth:`sleep` moves it and records
    the nap (for code that sleeps through its clock)."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start
        self.naps: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)

    def sleep(self, seconds: float) -> None:
        self.naps.append(seconds)
        self.advance(seconds)


class FakeTicks:
    """``ticks()`` is ``now``, a plain number in whatever unit the code under test counts."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, amount: float) -> None:
        self.now += amount
