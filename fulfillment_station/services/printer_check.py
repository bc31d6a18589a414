"""Whether each printer of the desk can print now, asked of the printers themselves: a network
(ZPL) printer answers ``~HS``, a CUPS queue says its state through lpstat, a folder is
writable or not. Used by ``fulfillment-station printer status`` and Settings → Printers, which
also prints a test page through :func:`print_test_page`.

An address is what a printer setting holds (``tcp://host:9100``, ``cups:QUEUE``,
``file:/folder``); a name is one the packer chose in ``printers.named``.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.hardware.cups import queue_state
from fulfillment_station.hardware.printer_status import PrinterState, query_zebra
from fulfillment_station.printing.errors import PrintingError
from fulfillment_station.printing.printers import send_document
from fulfillment_station.services.print_service import (
    PrinterKind,
    document_language,
    named_printers,
    printer_from,
)
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


# -- a test page ---------------------------------------------------------------------------------

TEST_PAGE_SENT = QT_TRANSLATE_NOOP(
    "PrinterStatus", "The test page went to {printer}; check that it came out whole."
)
TEST_PAGE_FAILED = QT_TRANSLATE_NOOP("PrinterStatus", "The test page was not printed: {reason}")


def render_test_page(settings: Settings, kind: PrinterKind) -> bytes:
    """A sample packing slip, or a sample 4x6 label in the label printer's format: the
    multilingual sample names show at a glance whether the printer draws every script."""
    from fulfillment_station.printing.label_pdf import render_label_pdf
    from fulfillment_station.printing.samples import sample_order, sample_settings, sample_shipment
    from fulfillment_station.printing.slip import render_slip
    from fulfillment_station.printing.zpl import render_label_zpl

    page = sample_settings(
        settings["printers.page_size"],
        label_dpi=settings["printers.label_dpi"],
        document_language=document_language(settings),
    )
    order = sample_order("TEST-PAGE", lines=3, notes=None)
    if kind == "slip":
        return render_slip(order, page)
    if settings["printers.label_format"] == "zpl":
        return render_label_zpl(order, sample_shipment(), page).encode("utf-8")
    return render_label_pdf(order, sample_shipment(), page)


def print_test_page(settings: Settings, kind: PrinterKind = "slip") -> Message:
    """Print a test page on the ``kind`` printer ``settings`` name; one sentence saying what
    became of it (the printer's own words when it refused). Blocking: call it off the GUI
    thread."""
    try:
        printer = printer_from(settings, kind)
        send_document(printer, render_test_page(settings, kind), title="test-page")
    except PrintingError as exc:
        return TEST_PAGE_FAILED.format(reason=exc.message)
    return TEST_PAGE_SENT.format(printer=printer.name)
