"""CUPS queues as the desk sees them: their names and whether each can print now, read from
``lpstat`` (the CUPS command-line client; the C library binding pycups is not needed for two
read-only questions). Printing to a queue is ``printing.printers.CupsPrinter`` (``lp``).

``lpstat`` runs with ``LC_ALL=C`` so its lines are the English ones parsed here, and honours
``CUPS_SERVER`` like every CUPS client (a desk printing through another machine's CUPS).
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.hardware.printer_status import PrinterState

log = logging.getLogger(__name__)

Runner = Callable[..., subprocess.CompletedProcess[str]]

QUEUE_STOPPED = QT_TRANSLATE_NOOP(
    "PrinterStatus",
    "The CUPS printer {name} is stopped{reason}; start it again in the printer settings.",
)
QUEUE_REJECTING = QT_TRANSLATE_NOOP(
    "PrinterStatus", "The CUPS printer {name} is not accepting jobs{reason}."
)
QUEUE_MISSING = QT_TRANSLATE_NOOP("PrinterStatus", "There is no CUPS printer called {name}.")
NO_CUPS = QT_TRANSLATE_NOOP(
    "PrinterStatus",
    "CUPS cannot be asked about {name} ({detail}); check that CUPS is installed and running.",
)


@dataclass(frozen=True, slots=True)
class CupsQueue:
    name: str
    state: str  # "idle", "printing" or "stopped"
    accepting: bool
    reason: str = ""

    @property
    def can_print(self) -> bool:
        return self.state != "stopped" and self.accepting


_PRINTER_LINE = re.compile(r"^printer (\S+) (?:is (idle)|(now printing)|(disabled))")
_ACCEPT_LINE = re.compile(r"^(\S+) (accepting|not accepting) requests")


class CupsUnavailable(OSError):
    """lpstat is missing, timed out or the scheduler cannot be reached."""


def _lpstat(args: list[str], run: Runner, timeout: float) -> str:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        result = run(
            ["lpstat", *args], capture_output=True, text=True, timeout=timeout, env=env, check=False
        )
    except FileNotFoundError:
        raise CupsUnavailable("lpstat is not installed") from None
    except subprocess.TimeoutExpired:
        raise CupsUnavailable(f"lpstat did not answer within {timeout:g} seconds") from None
    if result.returncode != 0 and not result.stdout.strip():
        detail = (result.stderr or "").strip().splitlines()
        # "No destinations added." is an empty list, not a failure.
        if detail and "no destinations" in detail[0].lower():
            return ""
        raise CupsUnavailable(detail[0] if detail else f"lpstat exited {result.returncode}")
    return result.stdout


def list_queues(*, run: Runner = subprocess.run, timeout: float = 10.0) -> list[CupsQueue]:
    """Every CUPS queue with its state, in lpstat's order."""
    printers = _lpstat(["-p"], run, timeout)
    accepting_text = _lpstat(["-a"], run, timeout)
    accepting: dict[str, bool] = {}
    for line in accepting_text.splitlines():
        match = _ACCEPT_LINE.match(line)
        if match:
            accepting[match.group(1)] = match.group(2) == "accepting"
    queues: list[CupsQueue] = []
    lines = printers.splitlines()
    for index, line in enumerate(lines):
        match = _PRINTER_LINE.match(line)
        if not match:
            continue
        name = match.group(1)
        state = "idle" if match.group(2) else ("printing" if match.group(3) else "stopped")
        reason = ""
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if following.startswith(("\t", " ")) and not following.strip().startswith("printer "):
            reason = following.strip()
        queues.append(CupsQueue(name, state, accepting.get(name, True), reason))
    return queues


def queue_state(
    name: str, queue: str, *, run: Runner = subprocess.run, timeout: float = 10.0
) -> PrinterState:
    """Whether the CUPS queue ``queue`` (shown to the packer as ``name``) can print now."""
    try:
        queues = {q.name: q for q in list_queues(run=run, timeout=timeout)}
    except CupsUnavailable as exc:
        return PrinterState(
            name, False, [NO_CUPS.format(name=name, detail=str(exc))], detail=str(exc)
        )
    found = queues.get(queue)
    if found is None:
        return PrinterState(
            name, False, [QUEUE_MISSING.format(name=queue)], detail=", ".join(queues) or "no queues"
        )
    reason = f" ({found.reason})" if found.reason and found.reason != "reason unknown" else ""
    problems = []
    if found.state == "stopped":
        problems.append(QUEUE_STOPPED.format(name=name, reason=reason))
    if not found.accepting:
        problems.append(QUEUE_REJECTING.format(name=name, reason=reason))
    return PrinterState(
        name,
        not problems,
        problems,
        detail=f"{found.state}, {'accepting' if found.accepting else 'rejecting'}"
        + (f", {found.reason}" if found.reason else ""),
    )
