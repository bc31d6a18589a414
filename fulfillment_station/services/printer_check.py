"""Whether each printer of the desk can print now, asked of the printers themselves: a network
(ZPL) printer answers ``~HS``, a CUPS queue says its state through lpstat, a folder is
writable or not. Used by ``fulfillment-station printer status`` and Settings → Printers.

An address is what a printer setting holds (``tcp://host:9100``, ``cups:QUEUE``,
``file:/folder``); a name is one the packer chose in ``printers.named``.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.hardware.cups import queue_state
from fulfillment_station.hardware.printer_status import PrinterState, query_zebra
from fulfillment_station.services.print_service import named_printers
from fulfillment_station.store.settings import Settings

FOLDER_UNWRITABLE = QT_TRANSLATE_NOOP(
    "PrinterStatus", "The folder {folder} does not exist or cannot be written."
)
NOT_AN_ADDRESS = QT_TRANSLATE_NOOP(
    "PrinterStatus",
    "The printer address {address} is not "
    "understood; use tcp://host:9100, cups:QUEUE or file:/folder.",
)


class UnknownPrinter(ValueError):
    """Neither a named printer nor an address."""


def resolve(settings: Settings, printer: str) -> tuple[str, str]:
    """(name, address) of a printer given by its name (any case) or its address."""
    named = named_printers(settings)
    chosen = next((n for n in named if n.casefold() == printer.strip().casefold()), None)
    return (chosen, named[chosen]) if chosen else (printer.strip(), printer.strip())


def printer_state(name: str, address: str, *, timeout: float = 3.0) -> PrinterState:
    """Ask the printer at ``address`` (shown to the packer as ``name``)."""
    scheme, _, rest = address.strip().partition(":")
    scheme = scheme.lower()
    if scheme == "tcp":
        parts = urlsplit(address.strip())
        try:
            host, port = parts.hostname, parts.port or 9100
        except ValueError:
            host, port = None, 0
        if host:
            return query_zebra(name, host, port, timeout=timeout)
    elif scheme == "cups" and rest.strip():
        return queue_state(name, rest.strip(), timeout=max(timeout, 5.0))
    elif scheme == "file" and rest.strip():
        folder = Path(rest.strip().removeprefix("//")).expanduser()
        if folder.is_dir() and os.access(folder, os.W_OK):
            return PrinterState(name, True, detail=f"folder {folder}")
        return PrinterState(
            name, False, [FOLDER_UNWRITABLE.format(folder=str(folder))], detail=str(folder)
        )
    raise UnknownPrinter(NOT_AN_ADDRESS.format(address=repr(address)))


def check_printers(settings: Settings, *, timeout: float = 3.0) -> list[PrinterState]:
    """Every printer this desk uses or named, each asked once (in Settings order)."""
    wanted: list[str] = [row["name"] for row in settings["printers.named"]]
    for key in ("printers.slip_printer", "printers.label_printer"):
        spec = str(settings[key]).strip()
        if spec and resolve(settings, spec)[0].casefold() not in {w.casefold() for w in wanted}:
            wanted.append(spec)
    states: list[PrinterState] = []
    for printer in wanted:
        name, address = resolve(settings, printer)
        try:
            states.append(printer_state(name, address, timeout=timeout))
        except UnknownPrinter as exc:
            states.append(PrinterState(name, False, [exc.args[0]], detail=address))
    return states
