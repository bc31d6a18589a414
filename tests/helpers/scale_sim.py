"""A serial scale simulator on a real pseudo-terminal: the app opens the pty's slave side with
pyserial exactly as it would open /dev/ttyUSB0, and a thread behind the master side speaks
MT-SICS, CAS continuous or NCI SCP-01 bytes as those protocols document them.

The simulated scale has a ``state`` the test sets at any time:
``stable``, ``motion``, ``over`` (over capacity), ``under`` (below zero) or ``silent`` (no
byte at all). ``settle_after`` makes it report motion for that many answers before it is
stable, like a box swinging on the platter. Every answer it sent is kept in ``sent``.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
import tty
from decimal import Decimal
from typing import Literal

State = Literal["stable", "motion", "over", "under", "silent"]


class ScaleSimulator:
    def __init__(
        self,
        protocol: Literal["sics", "cas", "avery"],
        *,
        weight: str = "1.250",
        unit: str = "kg",
        state: State = "stable",
        frame_interval: float = 0.02,
    ) -> None:
        self.protocol = protocol
        self.weight = Decimal(weight)
        self.unit = unit
        self.state: State = state
        self.settle_after = 0
        self.frame_interval = frame_interval
        self.noise = b""  # sent before every answer: line noise, a wrong baud rate's bytes
        self.sent: list[bytes] = []
        self.commands: list[bytes] = []
        self.stable_since: float | None = None  # monotonic time of the first stable answer
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.path = os.ttyname(self.slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ScaleSimulator:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)

    def put(self, weight: str, state: State = "stable", settle_after: int = 0) -> None:
        """A new load on the platter."""
        self.weight = Decimal(weight)
        self.settle_after = settle_after
        self.stable_since = None
        self.state = state

    # -- the protocols ----------------------------------------------------------------------

    def _current_state(self) -> State:
        if self.state == "stable" and self.settle_after > 0:
            self.settle_after -= 1
            return "motion"
        return self.state

    def _answer(self, command: bytes) -> bytes | None:
        state = self._current_state()
        if state == "silent":
            return None
        if state == "stable" and self.stable_since is None:
            self.stable_since = time.monotonic()
        if self.protocol == "sics":
            if command.strip() == b"Z":
                return b"Z A\r\n"
            if command.strip() not in (b"S", b"SI"):
                return b"ES\r\n"
            if state == "over":
                return b"S +\r\n"
            if state == "under":
                return b"S -\r\n"
            flag = "S" if state == "stable" else "D"
            return f"S {flag} {self.weight:>10} {self.unit}\r\n".encode()
        if self.protocol == "avery":
            first, second = 0x30, 0x30
            if state == "motion":
                first |= 0b01
            if self.weight == 0:
                first |= 0b10
            if state == "over":
                second |= 0b10
            if state == "under":
                second |= 0b01
            status = bytes([first, second])
            if command.strip() == b"S" or command.strip() == b"Z":
                return b"\n" + status + b"\r\x03"
            if command.strip() != b"W":
                return b"\n?\r\x03"
            shown = (
                "^^^^^^"
                if state == "over"
                else ("______" if state == "under" else f"{self.weight:>8}")
            )
            return f"\n{shown}{self.unit.upper()}\r\n".encode("latin-1") + status + b"\r\x03"
        # CAS continuous frame
        head = {"stable": "ST", "motion": "US", "over": "OL", "under": "ST"}[state]
        sign = "-" if state == "under" else "+"
        weight = self.weight if state != "under" else abs(self.weight) or Decimal("0.010")
        return f"\x02{head},GS,{sign}{weight:>8}{self.unit}\r\n".encode()

    def _send(self, data: bytes) -> None:
        self.sent.append(data)
        os.write(self.master, self.noise + data)

    def _run(self) -> None:
        buffer = b""
        next_frame = time.monotonic()
        while not self._stop.is_set():
            readable, _, _ = select.select([self.master], [], [], 0.01)
            if readable:
                try:
                    buffer += os.read(self.master, 256)
                except OSError:
                    return
            if self.protocol == "cas":
                buffer = b""  # a continuous scale ignores what it is sent
                if time.monotonic() >= next_frame:
                    next_frame = time.monotonic() + self.frame_interval
                    answer = self._answer(b"")
                    if answer is not None:
                        self._send(answer)
                continue
            while b"\r" in buffer:
                command, _, buffer = buffer.partition(b"\r")
                buffer = buffer.lstrip(b"\n")
                self.commands.append(command)
                answer = self._answer(command)
                if answer is not None:
                    self._send(answer)
