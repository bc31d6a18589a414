"""Printing: packing slips, pick lists and 4x6 shipping labels (PDF and ZPL), and printers.

What the CLI and services call:

- ``render_slip(order, settings)`` / ``render_slips_batch(orders, settings, progress, cancelled)``
- ``render_pick_list(orders, settings=None)``
- ``render_label_pdf(order, shipment, settings)`` / ``render_label_zpl(order, shipment, settings,
  dpi)``
- ``detect_label_format(data)`` and ``send_document(printer, data)`` for labels the store made
- printers: ``NetworkPrinter`` (raw TCP 9100), ``CupsPrinter`` (``lp``), ``FilePrinter``

No Qt here; the preview dialog and QPrinter glue live in ``ui.common.print_preview``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fulfillment_station.printing.errors import (
        BatchCancelled,
        DocumentError,
        LabelFormatError,
        PrinterError,
        PrintingError,
    )
    from fulfillment_station.printing.label_format import LabelFormat, detect_label_format
    from fulfillment_station.printing.label_pdf import render_label_pdf
    from fulfillment_station.printing.pick_list import render_pick_list
    from fulfillment_station.printing.printers import (
        CupsPrinter,
        FilePrinter,
        NetworkPrinter,
        Printer,
        send_document,
    )
    from fulfillment_station.printing.settings import PAGE_SIZES, PrintSettings
    from fulfillment_station.printing.slip import render_slip, render_slips_batch
    from fulfillment_station.printing.zpl import render_label_zpl

#: Where each name of the package lives. Loaded on first use (PEP 562): importing a light
#: submodule such as ``printing.errors`` must not pull in reportlab, which costs a few tenths
#: of a second the GUI thread would pay before the window exists.
_HOMES = {
    "BatchCancelled": "errors",
    "DocumentError": "errors",
    "LabelFormatError": "errors",
    "PrinterError": "errors",
    "PrintingError": "errors",
    "LabelFormat": "label_format",
    "detect_label_format": "label_format",
    "render_label_pdf": "label_pdf",
    "render_pick_list": "pick_list",
    "CupsPrinter": "printers",
    "FilePrinter": "printers",
    "NetworkPrinter": "printers",
    "Printer": "printers",
    "send_document": "printers",
    "PAGE_SIZES": "settings",
    "PrintSettings": "settings",
    "render_slip": "slip",
    "render_slips_batch": "slip",
    "render_label_zpl": "zpl",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


__all__ = [
    "PAGE_SIZES",
    "BatchCancelled",
    "CupsPrinter",
    "DocumentError",
    "FilePrinter",
    "LabelFormat",
    "LabelFormatError",
    "NetworkPrinter",
    "PrintSettings",
    "Printer",
    "PrinterError",
    "PrintingError",
    "detect_label_format",
    "render_label_pdf",
    "render_label_zpl",
    "render_pick_list",
    "render_slip",
    "render_slips_batch",
    "send_document",
]
