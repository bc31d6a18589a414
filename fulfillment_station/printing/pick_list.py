"""The pick list: every SKU across the selected orders with the quantity still to ship, summed.

Lines are grouped by SKU (by name when a line has no SKU) and sorted so a picker walks the
list in one pass; each row carries a tick box and the orders that want it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table
from reportlab.platypus import TableStyle as TS

from fulfillment_station.domain.models import Order
from fulfillment_station.printing.errors import DocumentError
from fulfillment_station.printing.fonts import SANS, SANS_BOLD, draw_string, ensure_fonts, markup
from fulfillment_station.printing.pdfdoc import GroupMark, PageFrame, build_pdf
from fulfillment_station.printing.settings import PAGE_SIZES, PrintSettings


@dataclass(slots=True)
class PickRow:
    sku: str
    name: str
    barcode: str
    quantity: int = 0
    orders: list[str] = field(default_factory=list)


def pick_rows(orders: Sequence[Order]) -> list[PickRow]:
    """Quantities still to ship per SKU across ``orders``, sorted by SKU then name."""
    rows: dict[str, PickRow] = {}
    for order in orders:
        for line in order.lines:
            if line.remaining <= 0:
                continue
            key = line.sku.strip() or f"name:{line.name.strip()}"
            row = rows.setdefault(key, PickRow(line.sku.strip(), line.name, line.barcode or ""))
            row.quantity += line.remaining
            if order.number not in row.orders:
                row.orders.append(order.number)
    return sorted(rows.values(), key=lambda r: (r.sku == "", r.sku.casefold(), r.name.casefold()))


def render_pick_list(orders: Sequence[Order], settings: PrintSettings | None = None) -> bytes:
    """A PDF pick list for ``orders`` (Letter unless the settings choose another paper)."""
    rows = pick_rows(orders)
    if not rows:
        raise DocumentError("The selected orders have nothing left to pick.")
    ensure_fonts()
    size = PAGE_SIZES[settings.page_size if settings else "letter"]
    narrow = size[0] < 5 * inch
    frame = PageFrame(
        size=size,
        margin=(0.18 if narrow else 0.5) * inch,
        header=0.5 * inch,
        footer=0.25 * inch,
    )
    font = 7.5 if narrow else 9.0
    body = ParagraphStyle("pick", fontName=SANS, fontSize=font, leading=font * 1.25, wordWrap="CJK")
    small = ParagraphStyle(
        "pick_small", parent=body, fontSize=font * 0.85, textColor=colors.Color(0.3, 0.3, 0.3)
    )
    qty_width, box_width = 30.0, 14.0
    sku_width = 0.0 if narrow else 110.0
    item_width = frame.content_width - qty_width - box_width - sku_width
    data: list[list[object]] = [["☐", "Qty", *([] if narrow else ["SKU"]), "Item"]]
    for row in rows:
        item = [Paragraph(markup(row.name), body)]
        details = [row.barcode, f"orders {', '.join(row.orders)}"]
        if narrow:
            details.insert(0, row.sku)
        item.append(Paragraph(markup("  ·  ".join(d for d in details if d)), small))
        sku = [] if narrow else [Paragraph(markup(row.sku or "—"), body)]
        data.append(["☐", str(row.quantity), *sku, item])
    widths = [box_width, qty_width, *([] if narrow else [sku_width]), item_width]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TS(
            [
                ("FONT", (0, 0), (-1, -1), SANS, font, font * 1.25),
                ("FONT", (0, 0), (-1, 0), SANS_BOLD, font, font * 1.25),
                ("FONT", (1, 1), (1, -1), SANS_BOLD, font * 1.2, font * 1.4),
                ("FONT", (0, 1), (0, -1), SANS, font * 1.4, font * 1.4),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.Color(0.6, 0.6, 0.6)),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    units = sum(row.quantity for row in rows)
    title = f"Pick list · {len(orders)} orders · {len(rows)} SKUs · {units} units"

    def furniture(canvas: Canvas, _group: object, page: int, pages: int) -> None:
        width, height = frame.size
        top = height - frame.margin - font * 1.4
        right = width - frame.margin
        draw_string(
            canvas,
            frame.margin,
            top,
            title,
            font * 1.4,
            bold=True,
            max_width=frame.content_width,
            min_size=font,
        )
        draw_string(
            canvas, right, frame.margin, f"Page {page} of {pages}", font * 0.85, align="right"
        )

    return build_pdf([GroupMark("pick"), table], frame, furniture, "Pick list")
