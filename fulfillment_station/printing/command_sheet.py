"""The command sheet: one printable page of Code 128 barcodes that drive pack mode (ship what
is scanned, undo, reset, ...), to tape next to the packing desk.

The entries (payload, title, explanation) come from the caller — pack mode's commands live in
``services/pack_session.py`` (:func:`command_sheet_entries`) — so this module only lays them
out: two columns of generously sized symbols with a quiet zone, so a handheld scanner picks one
without catching its neighbour.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from fulfillment_station import APP_NAME
from fulfillment_station.printing.fonts import draw_string, ensure_fonts
from fulfillment_station.printing.label_content import code128_safe
from fulfillment_station.printing.settings import PAGE_SIZES, PageSize

_MARGIN = 15 * mm
_BAR_WIDTH = 0.42 * mm
_BAR_HEIGHT = 16 * mm
_ROW_GAP = 9 * mm
_MIN_BAR_WIDTH = 0.25 * mm  # about 10 mil: what handheld scanners read at arm's length
_COLUMN_GAP = 8 * mm
_TITLE_SIZE = 13.0
_TEXT_SIZE = 8.5


def _symbol(payload: str, max_width: float) -> Code128:
    """The payload's Code 128 at the widest bars (up to ``_BAR_WIDTH``) that fit the column,
    so a long command never runs into its neighbour's quiet zone."""
    symbol = Code128(payload, barWidth=_BAR_WIDTH, barHeight=_BAR_HEIGHT, humanReadable=False)
    if symbol.width > max_width:
        bar = max(_MIN_BAR_WIDTH, _BAR_WIDTH * max_width / symbol.width)
        symbol = Code128(payload, barWidth=bar, barHeight=_BAR_HEIGHT, humanReadable=False)
    return symbol


def render_command_sheet(
    entries: Sequence[tuple[str, str, str]],
    *,
    page_size: PageSize = "letter",
    heading: str = f"{APP_NAME} - pack mode commands",
) -> bytes:
    """A PDF page (more if needed) with one barcode per ``(payload, title, explanation)``."""
    for payload, _title, _text in entries:
        if not code128_safe(payload):
            raise ValueError(f"The command {payload!r} cannot be printed as a Code 128 barcode.")
    ensure_fonts()
    width, height = PAGE_SIZES[page_size]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height))
    canvas.setTitle(heading)
    column_width = (width - 2 * _MARGIN) / 2
    row_height = _TITLE_SIZE + 4 + _BAR_HEIGHT + 4 + _TEXT_SIZE + _ROW_GAP
    top = height - _MARGIN - 36
    rows_per_page = max(1, int((top - _MARGIN) // row_height))

    def start_page() -> None:
        draw_string(canvas, _MARGIN, height - _MARGIN - 14, heading, 16, bold=True)

    start_page()
    for index, (payload, title, text) in enumerate(entries):
        slot = index % (rows_per_page * 2)
        if index and slot == 0:
            canvas.showPage()
            start_page()
        row, column = divmod(slot, 2)
        x = _MARGIN + column * column_width
        y = top - row * row_height
        draw_string(
            canvas, x, y - _TITLE_SIZE, title, _TITLE_SIZE, bold=True, max_width=column_width - 6
        )
        symbol = _symbol(payload, column_width - _COLUMN_GAP)
        symbol.drawOn(canvas, x, y - _TITLE_SIZE - 4 - _BAR_HEIGHT)
        draw_string(
            canvas,
            x,
            y - _TITLE_SIZE - 8 - _BAR_HEIGHT - _TEXT_SIZE,
            text,
            _TEXT_SIZE,
            max_width=column_width - 6,
        )
    canvas.showPage()
    canvas.save()
    return out.getvalue()
