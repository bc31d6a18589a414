"""Telling a keyboard-wedge scanner from a person typing, by the timing of the keys alone.

A scanner "types" a whole code in a few milliseconds per character and ends it with Enter (or
Tab); a person leaves tens to hundreds of milliseconds between keys. :class:`BurstDetector` is
the pure decision logic (no Qt, no clock of its own), so the Qt event filter in
``ui/common/scanner_filter.py`` stays a thin adapter and the rules are tested without a GUI.

Whether a key belongs to a scan is only known later (after enough fast keys and a terminator),
so the detector *holds* each printable key and tells its caller, with every :class:`Decision`,
which held keys to hand back (``replay``) because they turned out to be human typing. Rules:

* a key arriving more than ``max_gap_ms`` after the previous held key ends that burst: the held
  keys were typed by a person (or were a scan without terminator, see below) and are replayed;
* Enter/Tab right after at least ``min_length`` fast keys completes a scan: the held keys and
  the terminator are swallowed and the scan is returned;
* Enter/Tab in any other situation replays the held keys and passes through itself;
* :meth:`BurstDetector.end` says the keyboard went quiet (the caller's timer), which releases the
  held keys the same way; :meth:`poll` does so only if ``max_gap_ms`` has really passed;
* more than ``max_length`` fast keys without terminator is not a scan (a stuck key, a macro).

With ``require_terminator=False`` a fast burst of ``min_length`` keys that then goes quiet is a
scan too, for scanners configured to send no suffix.

Times are milliseconds from any monotonic source; pass ``t_ms`` explicitly or inject ``clock``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

TERMINATORS = frozenset({"\r", "\n", "\t"})


def monotonic_ms() -> float:
    return time.monotonic() * 1000.0


@dataclass(frozen=True)
class Decision:
    """What to do with the key just fed (or with the held keys when the input went quiet).

    The caller first replays ``replay`` (held keys, oldest first, exactly as many characters as
    it holds events for), then handles ``scan`` if set, then lets the current key through unless
    ``swallow``. ``hold`` means the current key is now held and will come back later either in
    a ``replay`` or as part of a ``scan``.
    """

    swallow: bool = False
    hold: bool = False
    replay: str = ""
    scan: str | None = None


PASS = Decision()


@dataclass
class BurstDetector:
    max_gap_ms: float = 30.0
    min_length: int = 4
    max_length: int = 512
    require_terminator: bool = True
    clock: Callable[[], float] = monotonic_ms

    def __post_init__(self) -> None:
        if self.max_gap_ms <= 0 or self.min_length < 1 or self.max_length < self.min_length:
            raise ValueError("need max_gap_ms > 0 and 1 <= min_length <= max_length")
        self._held: list[str] = []
        self._last_ms: float | None = None

    @property
    def held(self) -> str:
        """The keys held back so far, oldest first."""
        return "".join(self._held)

    def _now(self, t_ms: float | None) -> float:
        return self.clock() if t_ms is None else t_ms

    def _release(self) -> tuple[str, str | None]:
        """Empties the buffer: (keys to replay, completed scan)."""
        held = "".join(self._held)
        self._held.clear()
        self._last_ms = None
        if held and not self.require_terminator and len(held) >= self.min_length:
            return "", held
        return held, None

    def feed(self, char: str, t_ms: float | None = None) -> Decision:
        """One key with printable text (a single character) or a terminator, typed at ``t_ms``."""
        now = self._now(t_ms)
        fast = self._last_ms is not None and now - self._last_ms <= self.max_gap_ms
        if char in TERMINATORS:
            if fast and len(self._held) >= self.min_length:
                scan: str | None = "".join(self._held)
                self._held.clear()
                self._last_ms = None
                return Decision(swallow=True, scan=scan)
            if fast:  # a short fast burst then Enter: a person's key rollover, not a scan
                return self.interrupt()
            replay, scan = self._release()
            return Decision(replay=replay, scan=scan)
        replay, scan = "", None
        if self._held and not fast:
            replay, scan = self._release()
        elif len(self._held) >= self.max_length:
            replay, scan = "".join(self._held), None
            self._held.clear()
        self._held.append(char)
        self._last_ms = now
        return Decision(swallow=True, hold=True, replay=replay, scan=scan)

    def interrupt(self) -> Decision:
        """A key that is not part of any scan (arrow, Ctrl+C, auto-repeat) arrived: release the
        held keys so they land before it, in typing order."""
        held = "".join(self._held)
        self._held.clear()
        self._last_ms = None
        return Decision(replay=held)

    def end(self, t_ms: float | None = None) -> Decision:
        """The keyboard went quiet: release the held keys (or the scan, without terminator)."""
        replay, scan = self._release()
        return Decision(replay=replay, scan=scan)

    def poll(self, t_ms: float | None = None) -> Decision | None:
        """Like :meth:`end` once ``max_gap_ms`` has passed since the last key, else ``None``
        (keys may still be on their way)."""
        if self._last_ms is None:
            return PASS
        if self._now(t_ms) - self._last_ms <= self.max_gap_ms:
            return None
        return self.end(t_ms)

    def quiet_in(self, t_ms: float | None = None) -> float:
        """Milliseconds until :meth:`poll` would release the held keys (0 when nothing is held)."""
        if self._last_ms is None:
            return 0.0
        return max(0.0, self._last_ms + self.max_gap_ms - self._now(t_ms))
