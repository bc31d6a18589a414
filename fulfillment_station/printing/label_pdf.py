"""4x6 address labels as PDF, laid out like the ZPL label (same ``LabelGeometry``).

The app draws these only for stores that sell no labels; they carry no postage and say so
(``NO_POSTAGE``) where a carrier label shows its carrier."""

from __future__ import annotations

import io

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from fulfillment_station.domain.models import Order, Shipment
from fulfillment_station.printing.fonts import draw_string, ensure_fonts
from fulfillment_station.printing.label_content import (
    GEOMETRY,
    MAX_FROM_LINES,
    MAX_TO_LINES,
    NO_POSTAGE,
    NOT_A_SHIPPING_LABEL,
    LabelContent,
    TrackingBarcode,
    label_content,
)
from fulfillment_station.printing.settings import PAGE_SIZES, PrintSettings


def _draw_barcode(canvas: Canvas, barcode: TrackingBarcode, top: float) -> None:
    g = GEOMETRY
    inner = (g.width - 2 * g.margin) * inch
    symbol = Code128(
        barcode.reportlab_value,
        barWidth=g.module * inch,
        barHeight=g.bar_height * inch,
        humanReadable=False,
    )
    if symbol.width > inner:
        symbol = Code128(
            barcode.reportlab_value,
            barWidth=max(g.min_module * inch, g.module * inch * inner / symbol.width),
            barHeight=g.bar_height * inch,
            humanReadable=False,
        )
    x = (g.width * inch - symbol.width) / 2
    symbol.drawOn(canvas, x, top - g.bar_height * inch)


def draw_label(canvas: Canvas, content: LabelContent) -> None:
    """Draw one label on the current 4x6 page."""
    g = GEOMETRY
    page_height = g.height * inch

    def y(top: float, size: float) -> float:
        # Convert "top of a text line, in inches from the top" to a PDF baseline.
        return page_height - (top + size * 0.8) * inch

    def rule(top: float) -> None:
        canvas.setLineWidth(g.rule_thickness * inch)
        canvas.line(
            g.margin * inch,
            page_height - top * inch,
            (g.width - g.margin) * inch,
            page_height - top * inch,
        )

    left = g.margin * inch
    inner = (g.width - 2 * g.margin) * inch
    from_width = (g.carrier_left - g.margin - 0.1) * inch
    carrier_width = (g.width - g.margin - g.carrier_left) * inch
    pt = inch  # sizes in the geometry are inches; fonts want points

    draw_string(
        canvas, left, y(g.from_top, g.from_size), content.from_caption, g.from_size * pt, bold=True
    )
    for i, line in enumerate(content.from_lines[: MAX_FROM_LINES - 1]):
        top = g.from_top + (i + 1) * g.from_step
        draw_string(
            canvas,
            left,
            y(top, g.from_size),
            line,
            g.from_size * pt,
            max_width=from_width,
            min_size=g.from_size * pt * 0.7,
        )
    carrier_x = g.carrier_left * inch
    draw_string(
        canvas,
        carrier_x,
        y(g.from_top, g.carrier_size),
        NO_POSTAGE,
        g.carrier_size * pt,
        bold=True,
        max_width=carrier_width,
        min_size=g.service_size * pt,
    )
    for step, text in (
        (0.45, NOT_A_SHIPPING_LABEL),
        (0.65, f"{content.carrier} {content.service}".strip()),
    ):
        draw_string(
            canvas,
            carrier_x,
            y(g.from_top + step, g.service_size),
            text,
            g.service_size * pt,
            max_width=carrier_width,
            min_size=g.service_size * pt * 0.7,
        )
    rule(g.rule1)

    draw_string(
        canvas,
        left,
        y(g.to_caption_top, g.from_size),
        content.to_caption,
        g.from_size * pt,
        bold=True,
    )
    for i, line in enumerate(content.to_lines[:MAX_TO_LINES]):
        top = g.to_top + i * g.to_step
        draw_string(
            canvas,
            left + 0.15 * inch,
            y(top, g.to_size),
            line,
            g.to_size * pt,
            bold=i == 0,
            max_width=inner - 0.15 * inch,
            min_size=g.to_size * pt * 0.6,
        )
    rule(g.rule2)

    caption = content.tracking_caption
    draw_string(
        canvas,
        left,
        y(g.track_caption_top, g.readable_size),
        caption,
        g.readable_size * pt,
        bold=True,
        max_width=inner,
    )
    if content.barcode:
        _draw_barcode(canvas, content.barcode, page_height - g.bar_top * inch)
        draw_string(
            canvas,
            g.width * inch / 2,
            y(g.readable_top, g.readable_size),
            content.barcode.readable,
            g.readable_size * pt,
            align="center",
            max_width=inner,
            min_size=g.readable_size * pt * 0.6,
        )
    rule(g.rule3)

    half = inner / 2
    size = g.foot_size * pt
    draw_string(
        canvas,
        left,
        y(g.foot_top, g.foot_size),
        content.weight_text,
        size,
        max_width=half,
    )
    draw_string(
        canvas,
        left + half,
        y(g.foot_top, g.foot_size),
        content.date_text,
        size,
        max_width=half,
    )
    draw_string(
        canvas,
        left,
        y(g.foot_top + g.foot_step, g.foot_size),
        content.reference,
        size,
        bold=True,
        max_width=inner,
        min_size=size * 0.6,
    )


def render_label_pdf(order: Order, shipment: Shipment, settings: PrintSettings) -> bytes:
    """The 4x6 shipping label for ``shipment`` of ``order`` as a one-page PDF."""
    content = label_content(order, shipment, settings)
    ensure_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE_SIZES["4x6"], pageCompression=1)
    canvas.setTitle(f"Label {order.number}")
    draw_label(canvas, content)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
