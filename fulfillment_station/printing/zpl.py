"""4x6 address labels in ZPL II, at 203 or 300 dpi (marked ``NO POSTAGE``: the app never
draws a carrier label; a store's own label goes through ``label_raster``).

Untrusted text never reaches the printer as is: every field is sent with ``^FH`` and any byte
outside a small safe set (which excludes ``^``, ``~`` and the ``_`` escape itself) is written as
``_XX``, the hex of its UTF-8 byte; ``^CI28`` tells the printer the bytes are UTF-8. A customer
called ``^XZ~JA`` therefore prints as text and cannot end the label or cancel the printer's jobs.

Text uses the printer's built-in scalable font 0, which covers Latin, Greek and Cyrillic on
current Zebra firmware but has no CJK glyphs; for CJK addresses print the PDF label instead
(or load a CJK font on the printer).
"""

from __future__ import annotations

import string

from fulfillment_station.domain.models import Order, Shipment
from fulfillment_station.printing.fonts import clean
from fulfillment_station.printing.label_content import (
    GEOMETRY,
    MAX_FROM_LINES,
    MAX_TO_LINES,
    NO_POSTAGE,
    NOT_A_SHIPPING_LABEL,
    LabelContent,
    TrackingBarcode,
    code128_modules,
    label_content,
)
from fulfillment_station.printing.settings import LABEL_DPIS, LabelDpi, PrintSettings

_SAFE = frozenset((string.ascii_letters + string.digits + " .,-/#:()&'+*@!?%=").encode())
# Font 0 averages about this fraction of its height per character; used to keep text inside
# its box (the ^FB block below catches anything the estimate misses).
_CHAR_WIDTH = 0.56


def zpl_escape(text: str | None) -> str:
    """Text for a ``^FH_^FD`` field: safe ASCII as is, every other UTF-8 byte as ``_XX``."""
    line = clean(text).replace("\n", " ").replace("\t", " ")
    return "".join(chr(b) if b in _SAFE else f"_{b:02X}" for b in line.encode("utf-8"))


class _Zpl:
    """Collects ZPL commands with coordinates given in inches."""

    def __init__(self, dpi: LabelDpi) -> None:
        self.dpi = dpi
        self.parts: list[str] = []

    def dots(self, inches: float) -> int:
        return round(inches * self.dpi)

    def text(self, x: float, y: float, size: float, text: str, width: float) -> None:
        height = self.dots(size)
        max_chars = max(1, int(self.dots(width) / (height * _CHAR_WIDTH)))
        line = clean(text).replace("\n", " ")
        if len(line) > max_chars:
            # Shrink long lines down to two thirds of the size before cutting them short.
            height = max(int(height * 2 / 3), int(self.dots(width) / (len(line) * _CHAR_WIDTH)))
            max_chars = max(1, int(self.dots(width) / (height * _CHAR_WIDTH)))
            if len(line) > max_chars:
                # Font 0 may lack "…"; three dots print everywhere.
                line = line[: max(0, max_chars - 3)].rstrip() + "..."
        self.parts.append(
            f"^FO{self.dots(x)},{self.dots(y)}^A0N,{height},{height}"
            f"^FB{self.dots(width)},1,0,L,0^FH_^FD{zpl_escape(line)}^FS"
        )

    def rule(self, y: float, x: float, width: float, thickness: float) -> None:
        t = max(1, self.dots(thickness))
        self.parts.append(f"^FO{self.dots(x)},{self.dots(y)}^GB{self.dots(width)},{t},{t}^FS")

    def barcode(
        self, x: float, y: float, height: float, barcode: TrackingBarcode, width: float
    ) -> None:
        modules = code128_modules(barcode)
        module = max(1, min(self.dots(GEOMETRY.module), self.dots(width) // modules))
        if module * modules > self.dots(width):
            # Even one-dot bars do not fit: centre is impossible, start at the margin.
            x = GEOMETRY.margin
        else:
            x = x + (width - module * modules / self.dpi) / 2
        self.parts.append(
            f"^FO{self.dots(x)},{self.dots(y)}^BY{module},3,{self.dots(height)}"
            f"^BCN,{self.dots(height)},N,N,N,{'N' if barcode.gs1 else 'A'}"
            f"^FD{_barcode_data(barcode)}^FS"
        )


def _barcode_data(barcode: TrackingBarcode) -> str:
    """^BC field data. GS1 uses mode N invocation codes: ``>;`` start C, ``>8`` FNC1.

    In subset C every code is a digit pair, so ``>5`` (switch to C) is sent only from B, and a
    segment with an odd number of digits sends its last digit in subset B (``>6``).
    """
    if not barcode.gs1:
        # Mode A picks subsets itself; tracking numbers are limited to [A-Za-z0-9-].
        return barcode.segments[0]
    data, subset = ">;", "C"
    for segment in barcode.segments:
        data += ">8"
        even = len(segment) - len(segment) % 2
        if even:
            if subset != "C":
                data, subset = data + ">5", "C"
            data += segment[:even]
        if even < len(segment):
            if subset != "B":
                data, subset = data + ">6", "B"
            data += segment[even:]
    return data


def zpl_label(content: LabelContent, dpi: LabelDpi) -> str:
    if dpi not in LABEL_DPIS:
        raise ValueError(f"Label printer resolution must be 203 or 300 dpi, not {dpi}.")
    g = GEOMETRY
    z = _Zpl(dpi)
    inner = g.width - 2 * g.margin
    from_width = g.carrier_left - g.margin - 0.1
    carrier_width = g.width - g.margin - g.carrier_left

    z.text(g.margin, g.from_top, g.from_size, content.from_caption, from_width)
    for i, line in enumerate(content.from_lines[: MAX_FROM_LINES - 1]):
        z.text(g.margin, g.from_top + (i + 1) * g.from_step, g.from_size, line, from_width)
    z.text(g.carrier_left, g.from_top, g.carrier_size, NO_POSTAGE, carrier_width)
    z.text(g.carrier_left, g.from_top + 0.45, g.service_size, NOT_A_SHIPPING_LABEL, carrier_width)
    z.text(
        g.carrier_left,
        g.from_top + 0.65,
        g.service_size,
        f"{content.carrier} {content.service}".strip(),
        carrier_width,
    )
    z.rule(g.rule1, g.margin, inner, g.rule_thickness)

    z.text(g.margin, g.to_caption_top, g.from_size, content.to_caption, inner)
    for i, line in enumerate(content.to_lines[:MAX_TO_LINES]):
        z.text(g.margin + 0.15, g.to_top + i * g.to_step, g.to_size, line, inner - 0.15)
    z.rule(g.rule2, g.margin, inner, g.rule_thickness)

    caption = content.tracking_caption
    z.text(g.margin, g.track_caption_top, g.readable_size, caption, inner)
    if content.barcode:
        z.barcode(g.margin, g.bar_top, g.bar_height, content.barcode, inner)
        z.text(g.margin, g.readable_top, g.readable_size, content.barcode.readable, inner)
    z.rule(g.rule3, g.margin, inner, g.rule_thickness)

    half = inner / 2
    z.text(g.margin, g.foot_top, g.foot_size, content.weight_text, half)
    z.text(g.margin + half, g.foot_top, g.foot_size, content.date_text, half)
    z.text(g.margin, g.foot_top + g.foot_step, g.foot_size, content.reference, inner)

    width, height = z.dots(g.width), z.dots(g.height)
    header = f"^XA^CI28^PW{width}^LL{height}^LH0,0"
    return "\n".join([header, *z.parts, "^PQ1", "^XZ"]) + "\n"


def render_label_zpl(
    order: Order, shipment: Shipment, settings: PrintSettings, dpi: LabelDpi | None = None
) -> str:
    """The 4x6 label as ZPL II at ``dpi`` (the settings' label dpi when not given)."""
    return zpl_label(label_content(order, shipment, settings), dpi or settings.label_dpi)
