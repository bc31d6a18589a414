"""Serial (RS-232 / USB-serial) scales through ``pyserial``, in the three protocol families
found on packing desks. The packer picks the protocol in Settings; each is parsed by a pure
function (tested line by line) and spoken by :class:`SerialScale` over the port:

``sics``  Mettler Toledo MT-SICS, polled. The scale is asked ``SI`` (weight now, stable or not)
          and answers ``S S      0.256 kg`` (stable), ``S D      0.250 kg`` (dynamic: in
          motion), ``S +`` / ``S -`` (over / under the weighing range), ``S I`` (busy), or an
          error: ``ES`` syntax, ``ET`` transmission, ``EL`` logical. ``Z`` zeroes it.
``cas``   CAS (PD-II, SW, ER, AD and the many scales that copy it), continuous: the scale sends
          a frame per reading without being asked, ``ST,GS,+  1.234kg`` where ``ST`` is
          stable, ``US`` unstable, ``OL`` overload; ``GS`` gross, ``NT`` net. Some send an STX
          first. Zeroing is a key on the scale.
``avery`` Avery Weigh-Tronix / NCI SCP-01 ("NCI standard", 3825), polled: ``W<CR>`` asks the
          weight and the answer is ``<LF>  1.234kg<CR><LF>hh<CR><ETX>``: the weight with its
          unit, then two status bytes (bits 4-5 always set): byte 1 bit 0 motion, bit 1 at
          zero, bits 2-3 RAM/EEPROM error; byte 2 bit 0 under capacity, bit 1 over capacity,
          bits 2-3 ROM error / faulty calibration. ``Z<CR>`` zeroes it.

Every read is bounded: a frame longer than :data:`MAX_FRAME` is dropped as noise and nothing
waits longer than the timeout it was given.
"""

from __future__ import annotations

import logging
import re
import time
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from fulfillment_station.domain.weight import UnknownUnit, Weight, unit_name
from fulfillment_station.hardware.scale import (
    CANNOT_OPEN,
    DISCONNECTED,
    ScaleError,
    ScaleReading,
    ScaleStatus,
)

log = logging.getLogger(__name__)

SerialProtocol = Literal["sics", "cas", "avery"]
PROTOCOLS: dict[SerialProtocol, str] = {
    "sics": "Mettler Toledo (MT-SICS)",
    "cas": "CAS (continuous)",
    "avery": "Avery Weigh-Tronix (NCI)",
}
MAX_FRAME = 128
STX, ETX = b"\x02", b"\x03"


def _weight(number: str, unit: str, status: ScaleStatus, detail: str) -> ScaleReading:
    try:
        value = Decimal(number.replace(" ", ""))
        name = unit_name(unit)
    except (InvalidOperation, UnknownUnit):
        return ScaleReading(ScaleStatus.ERROR, None, "", detail)
    return ScaleReading(status, Weight.of(value, name), name, detail)


def _last_printable_run(line: str) -> str:
    """What follows the last byte that is not printable ASCII: line noise, a byte of another
    baud rate or an STX before a frame is dropped, the frame itself is kept."""
    return re.split(r"[^\x20-\x7e]", line.strip())[-1].strip()


_SICS_WEIGHT = re.compile(r"S\s+([SD])\s+([-+]?\s*[0-9]*\.?[0-9]+)\s*([A-Za-z]+)\s*$")
_SICS_SHORT = re.compile(r"(?:^|\s|[^A-Z])(S\s*[-+I]|E[STL])$")


def parse_sics(line: str) -> ScaleReading | None:
    """One MT-SICS answer line (noise before it is ignored); ``None`` for a line that is no
    weight answer."""
    text = _last_printable_run(line)
    match = _SICS_WEIGHT.search(text)
    if match:
        status = ScaleStatus.STABLE if match.group(1) == "S" else ScaleStatus.MOTION
        reading = _weight(match.group(2), match.group(3), status, text)
        if (
            reading.weight is not None
            and status is ScaleStatus.STABLE
            and reading.weight.grams == 0
        ):
            return ScaleReading(ScaleStatus.ZERO, reading.weight, reading.unit, text)
        return reading
    short = _SICS_SHORT.search(text)
    compact = short.group(1).replace(" ", "") if short else ""
    if compact == "S+":
        return ScaleReading(ScaleStatus.OVER_CAPACITY, None, "", text)
    if compact == "S-":
        return ScaleReading(ScaleStatus.UNDER_ZERO, None, "", text)
    if compact == "SI":
        return ScaleReading(ScaleStatus.MOTION, None, "", text)  # busy: try again
    if compact in ("ES", "ET", "EL"):
        return ScaleReading(ScaleStatus.ERROR, None, "", text)
    return None


_CAS_FRAME = re.compile(
    r"(ST|US|OL),(GS|NT|TR|GR),\s*([-+]?)\s*([0-9]*\.?[0-9]*)\s*([A-Za-z]*)\s*$"
)


def parse_cas(line: str) -> ScaleReading | None:
    """One CAS continuous frame (an STX or noise before it is ignored); ``None`` for noise
    alone (a partial frame, a blank line)."""
    text = _last_printable_run(line)
    match = _CAS_FRAME.search(text)
    if not match:
        return None
    head, sign, number, unit = match.group(1), match.group(3), match.group(4), match.group(5)
    if head == "OL":
        return ScaleReading(ScaleStatus.OVER_CAPACITY, None, "", text)
    if not number or not unit:
        return None
    status = ScaleStatus.STABLE if head == "ST" else ScaleStatus.MOTION
    if sign == "-" and status is ScaleStatus.STABLE:
        # A stable negative gross weight: the platter was zeroed with something on it.
        return ScaleReading(ScaleStatus.UNDER_ZERO, None, "", text)
    reading = _weight(sign + number, unit, status, text)
    if status is ScaleStatus.STABLE and reading.weight is not None and reading.weight.grams == 0:
        return ScaleReading(ScaleStatus.ZERO, reading.weight, reading.unit, text)
    return reading


_NCI_WEIGHT = re.compile(r"^\s*([-+]?\s*[0-9]*\.?[0-9]+)\s*([A-Za-z]+)\s*$")


def parse_nci(frame: bytes) -> ScaleReading | None:
    """One NCI SCP-01 answer (from the LF to the ETX); ``None`` if it is no weight answer."""
    text = frame.decode("latin-1").strip("\x03")
    parts = [p for p in re.split(r"\r\n|\r|\n", text) if p != ""]
    detail = text.replace("\r", "<CR>").replace("\n", "<LF>")
    if not parts or parts[0].strip() == "?":
        return None
    status_bytes = parts[-1].encode("latin-1")
    if len(status_bytes) < 2 or any(b & 0x30 != 0x30 for b in status_bytes[:2]):
        return None
    first, second = status_bytes[0], status_bytes[1]
    if first & 0b1100 or second & 0b0100:
        return ScaleReading(ScaleStatus.FAULT, None, "", detail)
    if second & 0b1000:
        return ScaleReading(ScaleStatus.NEEDS_CALIBRATION, None, "", detail)
    if second & 0b10:
        return ScaleReading(ScaleStatus.OVER_CAPACITY, None, "", detail)
    if second & 0b01:
        return ScaleReading(ScaleStatus.UNDER_ZERO, None, "", detail)
    if len(parts) < 2:
        return None  # a status-only answer
    # The weight is the line before the status bytes; anything earlier is noise.
    match = _NCI_WEIGHT.match(_last_printable_run(parts[-2]))
    if not match:
        # Out-of-range characters on the display without a status bit: not a weight.
        return ScaleReading(ScaleStatus.ERROR, None, "", detail)
    if first & 0b01:
        status = ScaleStatus.MOTION
    elif first & 0b10:
        status = ScaleStatus.ZERO
    else:
        status = ScaleStatus.STABLE
    return _weight(match.group(1), match.group(2), status, detail)


class SerialScale:
    """A scale on a serial port, speaking ``protocol``. ``serial_factory`` exists for the
    port's construction only (``serial.Serial`` by default); tests use a real pseudo-terminal.
    """

    def __init__(
        self,
        port: str,
        protocol: SerialProtocol,
        *,
        baudrate: int = 9600,
        name: str = "",
        poll_interval: float = 0.05,
    ) -> None:
        if protocol not in PROTOCOLS:
            raise ValueError(f"unknown scale protocol {protocol!r}")
        self.name = name or port
        self.port_name = port
        self.protocol: SerialProtocol = protocol
        self.poll_interval = poll_interval
        try:
            import serial  # type: ignore[import-untyped]  # pyserial

            self._port: Any = serial.Serial(
                port,
                baudrate=baudrate,
                bytesize=8,
                parity="N",
                stopbits=1,
                timeout=0.1,
                write_timeout=1.0,
            )
        except (ImportError, OSError, ValueError) as exc:
            raise ScaleError(CANNOT_OPEN.format(name=self.name, detail=str(exc))) from None
        self._polled_at = 0.0

    # -- reading ----------------------------------------------------------------------------

    def read(self, timeout: float) -> ScaleReading:
        deadline = time.monotonic() + timeout
        try:
            if self.protocol == "cas":
                return self._read_continuous(deadline)
            return self._read_polled(deadline)
        except OSError as exc:
            raise ScaleError(DISCONNECTED.format(name=self.name, detail=str(exc))) from None

    def _read_polled(self, deadline: float) -> ScaleReading:
        # Do not hammer the scale: one question per poll interval.
        pause = self._polled_at + self.poll_interval - time.monotonic()
        if pause > 0:
            time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
        self._port.reset_input_buffer()  # an answer to an earlier question is stale
        self._port.write(b"SI\r\n" if self.protocol == "sics" else b"W\r")
        self._polled_at = time.monotonic()
        terminator = b"\n" if self.protocol == "sics" else ETX
        while (frame := self._frame(terminator, deadline)) is not None:
            reading = (
                parse_sics(frame.decode("latin-1")) if self.protocol == "sics" else parse_nci(frame)
            )
            if reading is not None:
                return reading
            log.debug("%s: ignoring %r", self.name, frame)
        return ScaleReading(ScaleStatus.NO_ANSWER)

    def _read_continuous(self, deadline: float) -> ScaleReading:
        # Frames pile up while nobody reads; only what comes from now on is current.
        self._port.reset_input_buffer()
        while (frame := self._frame(b"\n", deadline)) is not None:
            reading = parse_cas(frame.decode("latin-1"))
            if reading is not None:
                return reading
        return ScaleReading(ScaleStatus.NO_ANSWER)

    def _frame(self, terminator: bytes, deadline: float) -> bytes | None:
        """The last :data:`MAX_FRAME` bytes up to and with ``terminator`` (noise longer than
        a frame is dropped from the front); ``None`` when the time is up first."""
        buffer = bytearray()
        while (remaining := deadline - time.monotonic()) > 0:
            self._port.timeout = min(remaining, 0.2)
            buffer += self._port.read_until(terminator, MAX_FRAME)
            del buffer[:-MAX_FRAME]
            if buffer.endswith(terminator):
                return bytes(buffer)
        return None

    # -- commands ---------------------------------------------------------------------------

    def zero(self) -> bool:
        """Zero (tare) the empty scale where the protocol can; CAS scales zero on their key."""
        command = {"sics": b"Z\r\n", "avery": b"Z\r"}.get(self.protocol)
        if command is None:
            return False
        try:
            self._port.reset_input_buffer()
            self._port.write(command)
        except OSError as exc:
            raise ScaleError(DISCONNECTED.format(name=self.name, detail=str(exc))) from None
        return True

    def close(self) -> None:
        self._port.close()


def list_serial_ports() -> list[tuple[str, str]]:
    """Serial ports present now, as (device, description) for Settings."""
    try:
        from serial.tools import list_ports  # type: ignore[import-untyped]
    except ImportError:
        return []
    return [(p.device, p.description or p.device) for p in list_ports.comports()]
