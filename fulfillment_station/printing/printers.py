"""Printer back-ends behind one small interface: raw TCP (port 9100), CUPS via ``lp``, file.

``Printer.send`` hands bytes to the printer unchanged and returns a short receipt for the log.
Anything that stops a job raises ``PrinterError`` with one sentence the packer can act on.
``accepts`` says which document formats the printer understands, so a PDF never reaches a
ZPL-only thermal printer (it would print pages of garbage).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.printing.errors import LabelFormatError, PrinterError
from fulfillment_station.printing.label_format import LabelFormat, detect_label_format

ALL_FORMATS: frozenset[LabelFormat] = frozenset({"pdf", "png", "zpl"})
Runner = Callable[..., subprocess.CompletedProcess[bytes]]


# What the packer is told when a printer fails (translated by the views).
REFUSED = QT_TRANSLATE_NOOP(
    "Printer",
    "Printer {name} at {where} refused the connection; check it is switched on and "
    "connected to the network.",
)
NO_ANSWER = QT_TRANSLATE_NOOP(
    "Printer",
    "Printer {name} at {where} did not answer within {seconds} seconds; check it is "
    "switched on and connected to the network.",
)
UNKNOWN_HOST = QT_TRANSLATE_NOOP(
    "Printer", "The printer address {host} cannot be found; check the printer settings."
)
UNREACHABLE = QT_TRANSLATE_NOOP(
    "Printer",
    "Printer {name} at {where} could not be reached ({detail}); check the printer and the network.",
)
NO_LP = QT_TRANSLATE_NOOP(
    "Printer",
    "The lp command is missing, so CUPS printers cannot be used; install CUPS or "
    "choose a network printer.",
)
CUPS_TIMEOUT = QT_TRANSLATE_NOOP(
    "Printer",
    "CUPS did not take the job for {name} within {seconds} seconds; check that CUPS is running.",
)
CUPS_REFUSED = QT_TRANSLATE_NOOP("Printer", "CUPS would not print on {name}: {detail}.")
NOT_SAVED = QT_TRANSLATE_NOOP(
    "Printer", "Could not save the print job in {folder} ({detail}); choose another folder."
)
WRONG_FORMAT = QT_TRANSLATE_NOOP(
    "Printer",
    "Printer {name} takes {takes} but this document is {kind}; choose another printer for it.",
)


class Printer(Protocol):
    name: str
    accepts: frozenset[LabelFormat]

    def send(self, data: bytes, *, title: str = "") -> str:
        """Send ``data`` as is; return a receipt such as "Sent to 10.0.0.7:9100"."""
        ...


class NetworkPrinter:
    """A printer listening for raw jobs on a TCP port (JetDirect/9100, as Zebra printers do)."""

    def __init__(
        self,
        name: str,
        host: str,
        port: int = 9100,
        *,
        timeout: float = 10.0,
        accepts: frozenset[LabelFormat] = frozenset({"zpl"}),
    ) -> None:
        self.name = name
        self.host = host
        self.port = port
        self.timeout = timeout
        self.accepts = accepts

    def send(self, data: bytes, *, title: str = "") -> str:
        where = f"{self.host}:{self.port}"
        try:
            with socket.create_connection((self.host, self.port), timeout=self.timeout) as conn:
                conn.sendall(data)
                # Half-close so the printer sees the end of the job before the socket goes.
                conn.shutdown(socket.SHUT_WR)
        except ConnectionRefusedError:
            raise PrinterError(REFUSED.format(name=self.name, where=where)) from None
        except TimeoutError:
            raise PrinterError(
                NO_ANSWER.format(name=self.name, where=where, seconds=f"{self.timeout:g}")
            ) from None
        except socket.gaierror:
            raise PrinterError(UNKNOWN_HOST.format(host=self.host)) from None
        except OSError as exc:
            raise PrinterError(
                UNREACHABLE.format(name=self.name, where=where, detail=str(exc.strerror or exc))
            ) from None
        return f"Sent to {self.name} ({where})"


class CupsPrinter:
    """A CUPS queue fed through ``lp``; ``raw`` passes the bytes to the printer untouched."""

    def __init__(
        self,
        name: str,
        queue: str,
        *,
        raw: bool = True,
        accepts: frozenset[LabelFormat] | None = None,
        lp: str = "lp",
        run: Runner = subprocess.run,
        timeout: float = 30.0,
    ) -> None:
        self.name = name
        self.queue = queue
        self.raw = raw
        # A raw queue gets whatever the printer speaks (thermal label printers: ZPL); a normal
        # queue lets CUPS convert PDF and PNG.
        self.accepts = accepts or (frozenset({"zpl"}) if raw else frozenset({"pdf", "png"}))
        self.lp = lp
        self.run = run
        self.timeout = timeout

    def send(self, data: bytes, *, title: str = "") -> str:
        command = [self.lp, "-d", self.queue]
        if self.raw:
            command += ["-o", "raw"]
        if title:
            command += ["-t", title[:100]]
        try:
            result = self.run(
                command, input=data, capture_output=True, timeout=self.timeout, check=False
            )
        except FileNotFoundError:
            raise PrinterError(NO_LP) from None
        except subprocess.TimeoutExpired:
            raise PrinterError(
                CUPS_TIMEOUT.format(name=self.name, seconds=f"{self.timeout:g}")
            ) from None
        if result.returncode != 0:
            detail = _first_line(result.stderr) or f"lp exited with status {result.returncode}"
            raise PrinterError(CUPS_REFUSED.format(name=self.name, detail=detail))
        receipt = _first_line(result.stdout)
        return f"Sent to {self.name} ({receipt})" if receipt else f"Sent to {self.name}"


class FilePrinter:
    """Saves each job as a new file in a folder (never overwriting an earlier one)."""

    def __init__(
        self, name: str, directory: Path, *, accepts: frozenset[LabelFormat] = ALL_FORMATS
    ):
        self.name = name
        self.directory = Path(directory)
        self.accepts = accepts

    def send(self, data: bytes, *, title: str = "") -> str:
        try:
            suffix: str = detect_label_format(data)
        except LabelFormatError:
            suffix = "bin"
        stem = re.sub(r"[^A-Za-z0-9._-]+", "_", title).strip("._") or "print-job"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".printing-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                target = self._link_free_name(Path(tmp), stem[:80], suffix)
            finally:
                os.unlink(tmp)
        except OSError as exc:
            raise PrinterError(
                NOT_SAVED.format(folder=str(self.directory), detail=str(exc.strerror or exc))
            ) from None
        return f"Saved to {target}"

    def _link_free_name(self, tmp: Path, stem: str, suffix: str) -> Path:
        """Give the finished file its name; a hard link fails rather than overwrite."""
        counter = 1
        while True:
            name = f"{stem}.{suffix}" if counter == 1 else f"{stem}-{counter}.{suffix}"
            try:
                os.link(tmp, self.directory / name)
            except FileExistsError:
                counter += 1
                continue
            return self.directory / name


def send_document(
    printer: Printer, data: bytes, *, title: str = "", fmt: LabelFormat | None = None
) -> str:
    """Send a document (ours, or a label the store made) to ``printer`` byte for byte.

    The format is read from the bytes unless given; a printer that cannot print it is refused
    before anything is sent.
    """
    kind: LabelFormat = fmt or detect_label_format(data)
    if kind not in printer.accepts:
        takes = ", ".join(sorted(f.upper() for f in printer.accepts))
        raise PrinterError(WRONG_FORMAT.format(name=printer.name, takes=takes, kind=kind.upper()))
    return printer.send(data, title=title)


def _first_line(output: bytes | str | None) -> str:
    if not output:
        return ""
    text = output.decode("utf-8", "replace") if isinstance(output, bytes) else output
    return text.strip().splitlines()[0].strip().rstrip(".") if text.strip() else ""
