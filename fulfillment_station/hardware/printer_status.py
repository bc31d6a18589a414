"""Asking a printer whether it can print, before a label is sent to it.

Zebra-type (ZPL) printers on a raw TCP port answer ``~HS`` (Host Status Return) with three
strings, each ``<STX>...<ETX><CR><LF>`` (ZPL II Programming Guide, ~HS)::

    string 1  aaa,b,c,dddd,eee,f,g,h,iii,j,k,l
              aaa communication settings, b paper out, c pause, dddd label length (dots),
              eee formats in the receive buffer, f buffer full, g communications diagnostic
              mode, h partial format in progress, iii unused, j corrupt RAM,
              k under temperature, l over temperature
    string 2  mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www
              mmm function settings, n unused, o head up (open), p ribbon out,
              q thermal transfer mode, r print mode, s print width mode, t label waiting,
              uuuuuuuu labels remaining in batch, v format while printing, www graphics stored
    string 3  xxxx,y   password, static RAM installed

A flag is ``1`` when set. :func:`parse_host_status` reads the strings into a
:class:`HostStatus`; :func:`query_zebra` asks a printer over TCP (bounded in time and size).
CUPS queues say their state through ``lpstat`` (:mod:`fulfillment_station.hardware.cups`).
Both end in a :class:`PrinterState`: whether the printer can print now and, when not, plain
sentences saying what the packer must do.
"""

from __future__ import annotations

import logging
import socket
import time
from dataclasses import dataclass, field

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)

STX, ETX = 0x02, 0x03
MAX_ANSWER = 1024  # three short strings; anything longer is not a status answer

PAPER_OUT = QT_TRANSLATE_NOOP(
    "PrinterStatus", "Printer {name} is out of labels; load a new roll and close the head."
)
PAUSED = QT_TRANSLATE_NOOP(
    "PrinterStatus", "Printer {name} is paused; press its pause button to resume."
)
HEAD_OPEN = QT_TRANSLATE_NOOP(
    "PrinterStatus", "The print head of printer {name} is open; close it."
)
RIBBON_OUT = QT_TRANSLATE_NOOP(
    "PrinterStatus", "Printer {name} is out of ribbon; load a new ribbon."
)
BUFFER_FULL = QT_TRANSLATE_NOOP(
    "PrinterStatus", "Printer {name} is busy (its buffer is full); wait for it to finish."
)
OVER_TEMPERATURE = QT_TRANSLATE_NOOP(
    "PrinterStatus", "The print head of printer {name} is too hot; let it cool down."
)
UNDER_TEMPERATURE = QT_TRANSLATE_NOOP(
    "PrinterStatus", "Printer {name} is below its working temperature; labels may print faint."
)
CORRUPT_RAM = QT_TRANSLATE_NOOP(
    "PrinterStatus",
    "Printer {name} reports lost settings (corrupt memory); check its configuration.",
)
STATUS_UNREADABLE = QT_TRANSLATE_NOOP(
    "PrinterStatus",
    "Printer {name} at {where} gave no status answer; it may not be a Zebra-type printer.",
)
STATUS_UNREACHABLE = QT_TRANSLATE_NOOP(
    "PrinterStatus",
    "Printer {name} at {where} cannot be "
    "reached ({detail}); check it is switched on and "
    "connected.",
)
READY = QT_TRANSLATE_NOOP("PrinterStatus", "Printer {name} is ready.")
UNKNOWN_STATE = QT_TRANSLATE_NOOP(
    "PrinterStatus", "Printer {name} did not say whether it can print."
)


class StatusFormatError(ValueError):
    """The bytes are not a ~HS answer."""


@dataclass(frozen=True, slots=True)
class HostStatus:
    """The flags of a Zebra ~HS answer that matter at a packing desk."""

    paper_out: bool
    paused: bool
    label_length_dots: int
    formats_in_buffer: int
    buffer_full: bool
    partial_format: bool
    corrupt_ram: bool
    under_temperature: bool
    over_temperature: bool
    head_open: bool
    ribbon_out: bool
    thermal_transfer: bool
    labels_remaining: int

    def problems(self, name: str) -> list[Message]:
        """What stops printing, most urgent first (empty: it can print)."""
        found: list[Message] = []
        if self.head_open:
            found.append(HEAD_OPEN.format(name=name))
        if self.paper_out:
            found.append(PAPER_OUT.format(name=name))
        # A direct thermal printer has no ribbon; its ribbon flag means nothing.
        if self.ribbon_out and self.thermal_transfer:
            found.append(RIBBON_OUT.format(name=name))
        if self.over_temperature:
            found.append(OVER_TEMPERATURE.format(name=name))
        if self.paused:
            found.append(PAUSED.format(name=name))
        if self.buffer_full:
            found.append(BUFFER_FULL.format(name=name))
        return found

    def warnings(self, name: str) -> list[Message]:
        """Worth saying, but the printer still prints."""
        found: list[Message] = []
        if self.under_temperature:
            found.append(UNDER_TEMPERATURE.format(name=name))
        if self.corrupt_ram:
            found.append(CORRUPT_RAM.format(name=name))
        return found


def _fields(string: bytes, count: int, which: str) -> list[str]:
    parts = string.decode("ascii", "replace").strip().split(",")
    if len(parts) < count:
        raise StatusFormatError(f"~HS {which} has {len(parts)} fields, expected {count}")
    return [p.strip() for p in parts]


def _flag(value: str) -> bool:
    if value not in ("0", "1"):
        raise StatusFormatError(f"~HS flag {value!r} is not 0 or 1")
    return value == "1"


def _number(value: str) -> int:
    if not value.isdigit():
        raise StatusFormatError(f"~HS number {value!r} is not a number")
    return int(value)


def split_strings(data: bytes) -> list[bytes]:
    """The complete ``<STX>...<ETX>`` strings in ``data``, in order."""
    strings: list[bytes] = []
    position = 0
    while (start := data.find(bytes([STX]), position)) >= 0:
        end = data.find(bytes([ETX]), start + 1)
        if end < 0:
            break
        strings.append(data[start + 1 : end])
        position = end + 1
    return strings


def parse_host_status(data: bytes) -> HostStatus:
    """A ~HS answer (at least its first two strings); ``StatusFormatError`` otherwise."""
    strings = split_strings(data)
    if len(strings) < 2:
        raise StatusFormatError(f"~HS answer has {len(strings)} of its 3 strings")
    one = _fields(strings[0], 12, "string 1")
    two = _fields(strings[1], 11, "string 2")
    return HostStatus(
        paper_out=_flag(one[1]),
        paused=_flag(one[2]),
        label_length_dots=_number(one[3]),
        formats_in_buffer=_number(one[4]),
        buffer_full=_flag(one[5]),
        partial_format=_flag(one[7]),
        corrupt_ram=_flag(one[9]),
        under_temperature=_flag(one[10]),
        over_temperature=_flag(one[11]),
        head_open=_flag(two[2]),
        ribbon_out=_flag(two[3]),
        thermal_transfer=_flag(two[4]),
        labels_remaining=_number(two[8]),
    )


@dataclass(frozen=True, slots=True)
class PrinterState:
    """What a printer said about itself. ``can_print`` is ``None`` when it could not say
    (no status answer); ``problems`` are the sentences that explain a ``False``."""

    name: str
    can_print: bool | None
    problems: list[Message] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    detail: str = ""  # the printer's own words (a CUPS state line, the raw ~HS), for the log
    reachable: bool = True  # False: nothing answered at all (off, unplugged, wrong address)

    @property
    def summary(self) -> Message:
        if self.problems:
            return self.problems[0]
        if self.can_print:
            return READY.format(name=self.name)
        return self.warnings[0] if self.warnings else UNKNOWN_STATE.format(name=self.name)


def query_zebra(name: str, host: str, port: int = 9100, *, timeout: float = 2.0) -> PrinterState:
    """Ask a ZPL printer ``~HS``. Unreachable: ``can_print=False``; reachable but no readable
    answer: ``can_print=None`` (a ZPL-compatible printer that does not implement ~HS)."""
    where = f"{host}:{port}"
    deadline = time.monotonic() + timeout
    try:
        with socket.create_connection((host, port), timeout=timeout) as conn:
            conn.sendall(b"~HS")
            answer = bytearray()
            while len(split_strings(bytes(answer))) < 3 and len(answer) < MAX_ANSWER:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                conn.settimeout(remaining)
                try:
                    chunk = conn.recv(MAX_ANSWER - len(answer))
                except TimeoutError:
                    break
                if not chunk:
                    break
                answer += chunk
    except OSError as exc:
        detail = "no answer" if isinstance(exc, TimeoutError) else str(exc.strerror or exc)
        return PrinterState(
            name,
            False,
            [STATUS_UNREACHABLE.format(name=name, where=where, detail=detail)],
            detail=detail,
            reachable=False,
        )
    raw = (
        bytes(answer)
        .decode("ascii", "replace")
        .replace("\x02", "<STX>")
        .replace("\x03", "<ETX>")
        .replace("\r\n", " ")
    )
    try:
        status = parse_host_status(bytes(answer))
    except StatusFormatError as exc:
        log.warning("printer %s at %s: no usable ~HS answer (%s): %r", name, where, exc, raw)
        return PrinterState(
            name, None, [], [STATUS_UNREADABLE.format(name=name, where=where)], detail=raw
        )
    problems = status.problems(name)
    return PrinterState(name, not problems, problems, status.warnings(name), detail=raw)
