"""The end-of-day manifest: one section per carrier listing every shipment the store confirmed
(tracking number, order, items, boxes), its totals and a line for the driver's signature. The
rows come from the station database (``station/reports.py``); every text in them came from a
store's API or a desk, so it is drawn literally (``markup``/``draw_string``), never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from itertools import groupby

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table
from reportlab.platypus import TableStyle as TS

from fulfillment_station.printing.errors import DocumentError
from fulfillment_station.printing.fonts import SANS, SANS_BOLD, draw_string, ensure_fonts, markup
from fulfillment_station.printing.pdfdoc import GroupMark, PageFrame, build_pdf
from fulfillment_station.printing.settings import PAGE_SIZES, PageSize
from fulfillment_station.station.reports import ManifestRow


def render_manifest(
    rows: Sequence[ManifestRow], day: str, *, page_size: PageSize = "letter", warehouse: str = ""
) -> bytes:
    """A PDF manifest of ``rows`` (sorted by carrier), one section per carrier, for ``day``."""
    if not rows:
        raise DocumentError("No shipment was confirmed in this period: nothing to hand over.")
    ensure_fonts()
    frame = PageFrame(
        size=PAGE_SIZES[page_size], margin=0.5 * inch, header=0.6 * inch, footer=0.3 * inch
    )
    font = 9.0
    body = ParagraphStyle(
        "manifest", fontName=SANS, fontSize=font, leading=font * 1.25, wordWrap="CJK"
    )
    story: list[object] = []
    ordered = sorted(rows, key=lambda r: (r.carrier, r.at))
    widths = [frame.content_width * f for f in (0.34, 0.22, 0.08, 0.08, 0.28)]
    for index, (carrier, group) in enumerate(groupby(ordered, key=lambda r: r.carrier)):
        shipments = list(group)
        if index:
            story.append(PageBreak())
        story.append(GroupMark(carrier or "-"))
        data: list[list[object]] = [["Tracking number", "Order", "Items", "Boxes", "Desk"]]
        for row in shipments:
            data.append(
                [
                    Paragraph(markup(row.tracking or "-"), body),
                    Paragraph(markup(row.order_number), body),
                    str(row.items),
                    str(row.boxes),
                    Paragraph(markup(f"{row.desk} · {row.packer}"), body),
                ]
            )
        boxes = sum(r.boxes for r in shipments)
        data.append(
            [
                "Total",
                f"{len(shipments)} shipments",
                str(sum(r.items for r in shipments)),
                str(boxes),
                "",
            ]
        )
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(
            TS(
                [
                    ("FONT", (0, 0), (-1, -1), SANS, font, font * 1.25),
                    ("FONT", (0, 0), (-1, 0), SANS_BOLD, font, font * 1.25),
                    ("FONT", (0, -1), (-1, -1), SANS_BOLD, font, font * 1.25),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.Color(0.6, 0.6, 0.6)),
                ]
            )
        )
        story.append(table)
        story.append(Spacer(1, 0.5 * inch))
        story.append(
            Paragraph(
                markup(
                    f"Received {len(shipments)} shipments ({boxes} boxes) for {carrier or '-'}."
                ),
                body,
            )
        )
        story.append(Spacer(1, 0.4 * inch))
        story.append(
            Paragraph(
                "Driver's name: ______________________   Signature: ______________________   "
                "Time: __________",
                body,
            )
        )

    def furniture(canvas: Canvas, group: object, page: int, pages: int) -> None:
        width, height = frame.size
        top = height - frame.margin - font * 1.6
        title = f"Manifest · {group} · {day}"
        if warehouse:
            title += f" · {warehouse}"
        draw_string(
            canvas,
            frame.margin,
            top,
            title,
            font * 1.6,
            bold=True,
            max_width=frame.content_width,
            min_size=font,
        )
        draw_string(
            canvas,
            width - frame.margin,
            frame.margin,
            f"Page {page} of {pages} · printed {datetime.now().strftime('%H:%M')}",
            font * 0.85,
            align="right",
        )

    return build_pdf(story, frame, furniture, f"Manifest {day}")  # type: ignore[arg-type]
