"""Packing slips (one order, or a batch of many in one PDF) on Letter, A4 or 4x6 paper.

Each page carries a header (logo, store name, return address, the order number as a Code 128
barcode a scanner opens the order with) and a footer ("Page x of y" counted per order). The
body lists ship-to and bill-to, every line with a tick box, notes, the gift message and the
totals, which add up (see :func:`total_rows`). A gift order is one with a gift message; its
prices are left off when the settings say so. Every API string goes through
``fonts.markup``/``fonts.draw_string``, which escape it. The slip's own words are in the
document language (``printing.doc_text``); the quantity column is as wide as its widest cell,
so "2 (1 sent)" never wraps into pieces.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus import TableStyle as TS

from fulfillment_station.domain.locales import FALLBACK_LOCALE
from fulfillment_station.domain.models import Address, Discount, Order
from fulfillment_station.domain.money import format_money
from fulfillment_station.printing.doc_text import doc, translator
from fulfillment_station.printing.errors import BatchCancelled, DocumentError
from fulfillment_station.printing.fonts import (
    FALLBACK,
    SANS,
    SANS_BOLD,
    clean,
    draw_string,
    ensure_fonts,
    markup,
    runs,
    string_width,
)
from fulfillment_station.printing.label_content import address_lines, code128_safe
from fulfillment_station.printing.pdfdoc import GroupMark, PageFrame, build_pdf
from fulfillment_station.printing.settings import PAGE_SIZES, PrintSettings

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_GRID = colors.Color(0.6, 0.6, 0.6)
_SHADE = colors.Color(0.92, 0.92, 0.92)
_BOX = "☐"  # a tick box for the packer's pen


@dataclass(frozen=True, slots=True)
class _Look:
    """Sizes for one paper size; 4x6 is the narrow one."""

    frame: PageFrame
    narrow: bool
    font: float
    title: float
    barcode_height: float
    bar_width: float


def _look(settings: PrintSettings) -> _Look:
    size = PAGE_SIZES[settings.page_size]
    if settings.page_size == "4x6":
        frame = PageFrame(size=size, margin=0.18 * inch, header=0.95 * inch, footer=0.22 * inch)
        return _Look(frame, True, 7.5, 10, 0.38 * inch, 0.011 * inch)
    frame = PageFrame(size=size, margin=0.5 * inch, header=1.15 * inch, footer=0.3 * inch)
    return _Look(frame, False, 9, 14, 0.5 * inch, 0.014 * inch)


def money(amount: Decimal, currency: str, locale: str = FALLBACK_LOCALE) -> str:
    """The slip's amounts, with the one money formatter, in the document's language (a
    Spanish slip reads "12,50 €", an English one "€12.50")."""
    return format_money(amount, currency, locale)


def is_gift(order: Order) -> bool:
    return bool(order.gift_message and order.gift_message.strip())


class _Styles:
    def __init__(self, look: _Look) -> None:
        size = look.font
        self.body = ParagraphStyle("body", fontName=SANS, fontSize=size, leading=size * 1.25)
        # CJK text has no spaces to break at; this style may break between any two characters.
        self.wrap_any = ParagraphStyle("wrap_any", parent=self.body, wordWrap="CJK")
        self.small = ParagraphStyle(
            "small",
            parent=self.body,
            fontSize=size * 0.85,
            leading=size * 1.05,
            textColor=colors.Color(0.25, 0.25, 0.25),
            wordWrap="CJK",
        )
        self.head = ParagraphStyle("head", parent=self.body, fontName=SANS_BOLD)

    def text(self, value: str | None, bold: bool = False) -> Paragraph:
        """A paragraph of untrusted text, breakable anywhere when it holds CJK."""
        text = value or ""
        cjk = not text.isascii() and any(font == FALLBACK for font, _ in runs(text))
        return Paragraph(markup(text, bold), self.wrap_any if cjk else self.body)

    def cell(self, value: str | None, width: float, style: ParagraphStyle | None = None) -> Any:
        """A table cell: a plain string when it fits on one line in the base font, else a
        paragraph. Plain strings are drawn as they are (never parsed as markup), and skipping
        the paragraph machinery is what keeps a slip within its time budget."""
        text = clean(value).replace("\n", " ")
        style = style or self.body
        base_font_only = all(font != FALLBACK for font, _ in runs(text))
        if base_font_only and string_width(text, style.fontSize) <= width - 4:
            return text
        if style is self.body:
            return self.text(text)
        return Paragraph(markup(text), style)


def _address_block(
    styles: _Styles,
    caption: str,
    address: Address | None,
    extra: str,
    language: str,
    t: Callable[[str], str],
) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph(markup(caption, bold=True), styles.head)]
    if address is None:
        parts.append(Paragraph(markup(extra or t(doc("Not given"))), styles.body))
        return parts
    lines = list(address_lines(address, language))
    if extra:
        lines.append(extra)
    # The name is bold wherever the country's order puts it (last in Japan, first elsewhere).
    name = address.name.strip()
    markup_lines = [markup(line, bold=bool(name) and line == name) for line in lines]
    cjk = any(f == FALLBACK for line in lines for f, _ in runs(line))
    parts.append(Paragraph("<br/>".join(markup_lines), styles.wrap_any if cjk else styles.body))
    return parts


Words = Callable[[str], str]


def _addresses(order: Order, styles: _Styles, look: _Look, language: str, t: Words) -> Flowable:
    phone = order.customer.phone or ""
    bill_to = order.bill_to
    ship = _address_block(styles, t(doc("Ship to")), order.deliver_to, phone, language, t)
    bill = _address_block(
        styles,
        t(doc("Bill to")),
        bill_to,
        "" if bill_to else t(doc("Same as shipping address")),
        language,
        t,
    )
    half = look.frame.content_width / 2
    table = Table([[ship, bill]], colWidths=[half, half])
    table.setStyle(
        TS(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _summary(order: Order, styles: _Styles, t: Words) -> Paragraph:
    parts = [
        t(doc("Ordered {date}")).format(date=f"{order.created_at:%Y-%m-%d}"),
        t(doc("Items: {count}")).format(count=order.item_count),
    ]
    if order.channel or order.marketplace:
        parts.append(order.channel or order.marketplace or "")
    if order.fulfillment_method:
        parts.append(order.fulfillment_method)
    if order.marketplace_order_id:
        parts.append(f"Marketplace order {order.marketplace_order_id}")
    if order.service_requested:
        parts.append(f"Service paid for: {order.service_requested}")
    if order.has_returns:
        parts.append("RETURNS")
    for shipment in order.shipments:
        if shipment.status:
            parts.append(
                f"{shipment.carrier} {shipment.tracking_number or ''}: "
                f"{shipment.status.replace('_', ' ')}"
            )
    return Paragraph(markup("  ·  ".join(parts)), styles.small)


# Column keys (English, also the catalog's source text) in the order they are printed.
_TITLES = {
    "Qty": doc("Qty"),
    "SKU": doc("SKU"),
    "Item": doc("Item"),
    "Barcode": doc("Barcode"),
    "Price": doc("Price"),
    "Total": doc("Total"),
}
_CELL_PADDING = 4.0  # LEFTPADDING + RIGHTPADDING of the lines table


def _qty_texts(order: Order, t: Words) -> list[tuple[str, str]]:
    """(quantity, "n sent" or "") of each line, as printed."""
    sent = t(doc("{count} sent"))
    return [
        (
            str(line.quantity),
            f"({sent.format(count=line.quantity_fulfilled)})" if line.quantity_fulfilled else "",
        )
        for line in order.lines
    ]


def _columns(
    look: _Look, prices: bool, t: Words, qty_width: float = 0.0
) -> list[tuple[str, float]]:
    """(key, width) of each line-table column; the item column (width 0) takes the rest.
    ``qty_width`` widens the quantity column to what its cells need, so none wraps."""
    if look.narrow:
        columns = [(_BOX, 12.0), ("Qty", 24.0), ("Item", 0.0)]
        money_columns = [("Total", 46.0)]
    else:
        columns = [(_BOX, 16.0), ("Qty", 30.0), ("SKU", 100.0), ("Item", 0.0), ("Barcode", 80.0)]
        money_columns = [("Price", 56.0), ("Total", 60.0)]
    title_width = string_width(t(_TITLES["Qty"]), look.font, bold=True) + _CELL_PADDING
    columns = [
        (key, max(width, qty_width, title_width) if key == "Qty" else width)
        for key, width in columns
    ]
    if prices:
        columns += money_columns
    rest = look.frame.content_width - sum(width for _, width in columns)
    return [(title, width or rest) for title, width in columns]


def _lines_table(
    order: Order, styles: _Styles, look: _Look, prices: bool, t: Words, locale: str
) -> Table:
    qty_texts = _qty_texts(order, t)
    small = styles.small.fontSize
    needed = (
        max(
            (
                max(string_width(q, look.font, bold=True), string_width(sent, small))
                for q, sent in qty_texts
            ),
            default=0.0,
        )
        + _CELL_PADDING
        + 1
    )
    columns = _columns(look, prices, t, needed)
    widths = dict(columns)
    rows: list[list[Any]] = [[t(_TITLES.get(key, key)) for key, _ in columns]]
    for line, (qty_text, sent_text) in zip(order.lines, qty_texts, strict=True):
        qty: Any = qty_text
        if sent_text:
            qty = Paragraph(f"<b>{qty_text}</b><br/>{markup(sent_text)}", styles.small)
        cells: list[Any] = [_BOX, qty]
        if look.narrow:
            codes = "  ·  ".join(part for part in (line.sku, line.barcode or "") if part)
            cells.append([styles.text(line.name), Paragraph(markup(codes), styles.small)])
        else:
            cells.append(styles.cell(line.sku, widths["SKU"], styles.wrap_any))
            cells.append(styles.cell(line.name, widths["Item"]))
            cells.append(styles.cell(line.barcode, widths["Barcode"], styles.wrap_any))
        if prices:
            if "Price" in widths:
                cells.append(money(line.unit_price, order.currency, locale))
            cells.append(money(line.unit_price * line.quantity, order.currency, locale))
        rows.append(cells)
    if not order.lines:
        empty = Paragraph(markup(t(doc("This order has no line items."))), styles.body)
        rows.append(["", "", empty] + [""] * (len(columns) - 3))
    font, leading = look.font, look.font * 1.25
    # reportlab's stubs want each command's exact tuple shape; ours are built from data.
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, font, leading),
        ("FONT", (0, 0), (-1, 0), SANS_BOLD, font, leading),
        ("FONT", (1, 1), (1, -1), SANS_BOLD, font, leading),
        # A bigger tick box, easy to tick with a pen.
        ("FONT", (0, 1), (0, -1), SANS, font * 1.4, leading),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, _GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if prices:
        first_money = len(columns) - (2 if "Price" in widths else 1)
        style.append(("ALIGN", (first_money, 0), (-1, -1), "RIGHT"))
    table = Table(rows, colWidths=[width for _, width in columns], repeatRows=1)
    table.setStyle(TS(style))
    return table


UNITEMISED_CHARGES = doc("Shipping, tax or fees the store does not itemise")
UNITEMISED_DISCOUNT = doc("Discount the store does not itemise")
DISCOUNT_NAMED = doc("Discount: {name}")
DISCOUNT_CODED = doc("Discount: {name} (code {code})")
DISCOUNT_UNNAMED = doc("Discount")


class DiscountCaption(str):
    """A slip caption naming one discount the store itemises: its English text is the
    caption, ``template`` the ``doc`` caption to translate and ``params`` the store's own
    words (untrusted: shown literally, never translated)."""

    template: str
    params: dict[str, str]

    def __new__(cls, discount: Discount) -> DiscountCaption:
        name, code = discount.name.strip(), (discount.code or "").strip()
        template = (
            DISCOUNT_UNNAMED
            if not name and not code
            else DISCOUNT_CODED
            if code and name and code != name
            else DISCOUNT_NAMED
        )
        params = {"name": name or code, "code": code}
        caption = super().__new__(cls, template.format(**params))
        caption.template, caption.params = template, params
        return caption

    def translated(self, t: Words) -> str:
        return t(self.template).format(**self.params)


def total_rows(order: Order) -> list[tuple[str, Decimal]]:
    """The money rows of a slip, adding up to the total: each discount the store itemises
    (Squarespace ``discountLines``) with its name, as a negative amount; where the store's
    total holds amounts it does not itemise (Generic REST gives only items and a total,
    Inventory Cloud only tax and a total), a row says so with the amount instead of showing
    zeros that do not add up. The captions are English (``doc`` markers), translated by the
    caller into the document language (a :class:`DiscountCaption` keeps the store's words)."""
    discounts: list[tuple[str, Decimal]] = [
        (DiscountCaption(d), -d.amount) for d in order.discounts if d.amount
    ]
    unexplained = order.total - order.subtotal - order.shipping - order.tax
    unexplained -= sum((amount for _, amount in discounts), Decimal(0))
    if not unexplained:
        return [
            (doc("Subtotal"), order.subtotal),
            *discounts,
            (doc("Shipping"), order.shipping),
            (doc("Tax"), order.tax),
            (doc("Total"), order.total),
        ]
    rows: list[tuple[str, Decimal]] = []
    if order.lines or order.subtotal:
        rows.append((doc("Subtotal"), order.subtotal))
    rows += discounts
    rows += [
        (label, amount)
        for label, amount in ((doc("Shipping"), order.shipping), (doc("Tax"), order.tax))
        if amount
    ]
    rows.append((UNITEMISED_CHARGES if unexplained > 0 else UNITEMISED_DISCOUNT, unexplained))
    return [*rows, (doc("Total"), order.total)]


def _totals(order: Order, styles: _Styles, look: _Look, t: Words, locale: str) -> Table:
    caption_style = ParagraphStyle(
        "discount", fontName=SANS, fontSize=look.font, leading=look.font * 1.25, alignment=2
    )
    data: list[list[Any]] = []
    for label, amount in total_rows(order):
        caption: Any = t(label)
        if isinstance(label, DiscountCaption):  # the store's words, shown literally
            caption = Paragraph(markup(label.translated(t)[:200]), caption_style)
        data.append([caption, money(amount, order.currency, locale)])
    table = Table(data, colWidths=[look.frame.content_width - 80, 80])
    table.setStyle(
        TS(
            [
                ("FONT", (0, 0), (-1, -1), SANS, look.font, look.font * 1.25),
                ("FONT", (0, -1), (-1, -1), SANS_BOLD, look.font, look.font * 1.25),
                ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
                ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _boxed(caption: str, text: str, styles: _Styles, look: _Look) -> Flowable:
    table = Table(
        [[Paragraph(markup(caption, bold=True), styles.head)], [styles.text(text)]],
        colWidths=[look.frame.content_width],
    )
    table.setStyle(
        TS(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, _GRID),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return KeepTogether([Spacer(1, look.font * 0.8), table])


SlipBox = tuple[str, Mapping[str, int]] | tuple[str, Mapping[str, int], str]
"""One box of a shipment packed in several: its type's name ("" if none), the units of each
line id in it and, when it was weighed, its weight as shown to the packer ("1.250 kg")."""


def _boxes(
    order: Order, boxes: Sequence[SlipBox], styles: _Styles, look: _Look, t: Words
) -> Flowable:
    """Which items are in which box, so the customer (and the desk) can check each box."""
    by_id = {line.id: line for line in order.lines}
    rows = []
    for number, (name, units, *weighed) in enumerate(boxes, start=1):
        items = ", ".join(
            f"{count} × {by_id[line_id].sku} {by_id[line_id].name}".strip()
            for line_id, count in units.items()
            if count > 0 and line_id in by_id
        )
        title = t(doc("Box {number} of {count}")).format(number=number, count=len(boxes))
        title += f" ({name})" if name else ""
        title += f" · {weighed[0]}" if weighed and weighed[0] else ""
        rows.append(f"{title}: {items}")
    return _boxed(t(doc("Boxes")), "\n".join(rows), styles, look)


def slip_story(
    order: Order,
    settings: PrintSettings,
    styles: _Styles,
    look: _Look,
    boxes: Sequence[SlipBox] = (),
) -> list[Flowable]:
    prices = not (settings.hide_prices_for_gifts and is_gift(order))
    t = translator(settings.document_language)
    story: list[Flowable] = [
        _addresses(order, styles, look, settings.document_language, t),
        Spacer(1, look.font * 0.6),
        _summary(order, styles, t),
        Spacer(1, look.font * 0.6),
        _lines_table(order, styles, look, prices, t, settings.document_language),
    ]
    if prices:
        story += [
            Spacer(1, look.font * 0.4),
            _totals(order, styles, look, t, settings.document_language),
        ]
    if len(boxes) > 1:
        story.append(_boxes(order, boxes, styles, look, t))
    if order.notes and order.notes.strip():
        story.append(_boxed(t(doc("Notes")), order.notes, styles, look))
    if is_gift(order):
        story.append(_boxed(t(doc("Gift message")), order.gift_message or "", styles, look))
    return story


@dataclass(frozen=True, slots=True)
class _SlipGroup:
    """The pages of one slip in a batch (the same order may appear twice)."""

    index: int
    order: Order


class _Header:
    """Draws each page's header and footer for the order that page belongs to."""

    def __init__(self, settings: PrintSettings, look: _Look) -> None:
        self.settings = settings
        self.look = look
        self.logo: ImageReader | None = None
        if settings.logo_path is not None:
            try:
                self.logo = ImageReader(str(settings.logo_path))
                self.logo.getSize()
            except Exception as exc:  # reportlab/PIL raise many kinds for a bad image
                raise DocumentError(
                    f"The store logo {settings.logo_path} cannot be read; "
                    "choose another image in Settings."
                ) from exc
        lines = address_lines(settings.return_address, settings.document_language)
        if lines and lines[0] == settings.store_name.strip():
            lines = lines[1:]
        self.return_line = ", ".join(lines)
        self.t = translator(settings.document_language)

    def __call__(self, canvas: Canvas, group: object, page: int, pages: int) -> None:
        if not isinstance(group, _SlipGroup):
            return
        order = group.order
        look = self.look
        width, height = look.frame.size
        margin = look.frame.margin
        top = height - margin
        right = width - margin
        half = look.frame.content_width / 2

        x = margin
        if self.logo is not None:
            logo_h = look.frame.header * 0.45
            iw, ih = self.logo.getSize()
            logo_w = min(half * 0.5, logo_h * iw / ih)
            canvas.drawImage(
                self.logo,
                x,
                top - logo_h,
                logo_w,
                logo_h,
                preserveAspectRatio=True,
                anchor="nw",
                mask="auto",
            )
            x += logo_w + 6
        title_y = top - look.title
        draw_string(
            canvas,
            x,
            title_y,
            self.settings.store_name,
            look.title,
            bold=True,
            max_width=margin + half - x,
            min_size=look.font * 0.75,
        )
        small = look.font * 0.85
        draw_string(
            canvas,
            x,
            title_y - small * 1.5,
            self.return_line,
            small,
            max_width=margin + half - x,
            min_size=small * 0.7,
        )

        barcode_top = top
        if code128_safe(order.number):
            symbol = Code128(
                order.number,
                barWidth=look.bar_width,
                barHeight=look.barcode_height,
                humanReadable=False,
            )
            symbol.drawOn(
                canvas, max(right - symbol.width, margin + half), barcode_top - look.barcode_height
            )
        else:
            draw_string(
                canvas,
                right,
                barcode_top - look.barcode_height / 2,
                self.t(doc("(order number cannot be shown as a barcode)")),
                look.font * 0.8,
                align="right",
                max_width=half,
            )
        label_y = barcode_top - look.barcode_height - look.title
        draw_string(
            canvas,
            right,
            label_y,
            self.t(doc("Order {number}")).format(number=order.number),
            look.title,
            bold=True,
            align="right",
            max_width=half,
            min_size=look.font,
        )
        draw_string(
            canvas,
            right,
            label_y - look.font * 1.3,
            self.t(doc("Packing slip")),
            look.font * 0.85,
            align="right",
            max_width=half,
        )
        rule_y = height - margin - look.frame.header + 6
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.8)
        canvas.line(margin, rule_y, right, rule_y)

        foot_y = margin
        draw_string(
            canvas,
            margin,
            foot_y,
            self.t(doc("Order {number}")).format(number=order.number),
            look.font * 0.85,
            max_width=half,
        )
        draw_string(
            canvas,
            right,
            foot_y,
            self.t(doc("Page {page} of {pages}")).format(page=page, pages=pages),
            look.font * 0.85,
            align="right",
        )


def render_slips_batch(
    orders: Sequence[Order],
    settings: PrintSettings,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    boxes_of: Mapping[int, Sequence[SlipBox]] | None = None,
) -> bytes:
    """Packing slips for ``orders`` in one PDF, each starting on a new page (``boxes_of``:
    the boxes of the order at that index, when it was packed in several).

    ``progress(done, total)`` is called as each slip is laid out; when ``cancelled()`` returns
    true the batch stops and ``BatchCancelled`` is raised (no partial PDF is returned).
    """
    if not orders:
        raise DocumentError("No orders were selected, so there are no slips to print.")
    ensure_fonts()
    look = _look(settings)
    styles = _Styles(look)
    header = _Header(settings, look)
    total = len(orders)

    def mark(index: int) -> Callable[[], None]:
        def on_draw() -> None:
            if cancelled is not None and cancelled():
                raise BatchCancelled(f"Printing stopped after {index} of {total} slips.")
            if progress is not None:
                progress(index, total)

        return on_draw

    story: list[Flowable] = []
    for index, order in enumerate(orders):
        if index:
            story.append(PageBreak())
        story.append(GroupMark(_SlipGroup(index, order), mark(index)))
        boxes = (boxes_of or {}).get(index, ())
        story.extend(slip_story(order, settings, styles, look, boxes))
    title = f"Packing slip {orders[0].number}" if total == 1 else f"Packing slips ({total})"
    pdf = build_pdf(story, look.frame, header, title)
    if progress is not None:
        progress(total, total)
    return pdf


def render_slip(order: Order, settings: PrintSettings, boxes: Sequence[SlipBox] = ()) -> bytes:
    """The packing slip for one order as a PDF; with ``boxes`` (more than one) it also lists
    which items are in which box."""
    return render_slips_batch([order], settings, boxes_of={0: boxes} if boxes else None)
