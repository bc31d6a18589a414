"""A store's own label (PDF or PNG) for a ZPL thermal printer, as a faithful ZPL graphic.

Price2b sells labels as PDF files; a Zebra-compatible printer takes only ZPL. The label is
rasterised at the printer's resolution (pdfium for PDF, Pillow for PNG), turned into one bit
per dot (dark below half grey) and sent as one ``^GFA`` graphic field (with ZPL's ``:``
repeat-row and ``,`` rest-is-white shorthands), so what prints is the store's label dot for
dot, never a redrawn look-alike. A ZPL label from the store is sent as it came
(``label_for_printer`` returns it untouched).

Only the first page prints: a carrier label is one page, and a printer fed the pages of an
unexpected multi-page file would waste labels. The graphic is limited to a 4x6 inch label at
the printer's dpi (a larger page is scaled to fit, keeping its proportions).
"""

from __future__ import annotations

import io

from fulfillment_station.printing.errors import DocumentError
from fulfillment_station.printing.label_format import LabelFormat, detect_label_format
from fulfillment_station.printing.settings import LabelDpi

LABEL_WIDTH_IN = 4.0
LABEL_HEIGHT_IN = 6.0
#: A label image larger than this (a 4x6 label at 600 dpi is 8.6 million) is refused unread.
MAX_PNG_PIXELS = 40_000_000
_DARK_BELOW = 128  # grey level (0 black .. 255 white) under which a dot is printed
_TO_BIT = bytes(b"1"[0] if grey < _DARK_BELOW else b"0"[0] for grey in range(256))
_UNREADABLE = "The label the store sent cannot be read, so it cannot be printed on the ZPL printer."


def label_for_printer(
    data: bytes, printer_format: LabelFormat, dpi: LabelDpi
) -> tuple[bytes, LabelFormat]:
    """The store's label bytes as the label printer takes them: unchanged when the formats
    match (or the printer takes PDF/PNG), rasterised into ZPL for a ZPL printer."""
    fmt = detect_label_format(data)
    if printer_format != "zpl" or fmt == "zpl":
        return data, fmt
    return raster_to_zpl(*_grey_pixels(data, fmt, dpi)).encode("ascii"), "zpl"


def _grey_pixels(data: bytes, fmt: LabelFormat, dpi: int) -> tuple[bytes, int, int, int]:
    """(8-bit grey pixels, width, height, bytes per row) of the label's first page."""
    max_w, max_h = round(LABEL_WIDTH_IN * dpi), round(LABEL_HEIGHT_IN * dpi)
    if fmt == "pdf":
        import pypdfium2  # a native library: loaded only when a PDF label meets a ZPL printer

        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            raise DocumentError(_UNREADABLE) from exc
        try:
            if len(document) == 0:
                raise DocumentError(_UNREADABLE)
            page = document[0]
            width_pt, height_pt = page.get_size()
            scale = min(dpi / 72, max_w / max(width_pt, 1), max_h / max(height_pt, 1))
            bitmap = page.render(scale=scale, grayscale=True)
            if bitmap.n_channels != 1:  # pdfium may still hand back colour; grey it here
                image = bitmap.to_pil().convert("L")
                return image.tobytes(), image.width, image.height, image.width
            return bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride
        finally:
            document.close()
    from PIL import Image, UnidentifiedImageError  # installed with reportlab

    try:
        with Image.open(io.BytesIO(data)) as source:
            # The header alone says how big it would be: a small file can unpack to gigabytes.
            if source.width * source.height > MAX_PNG_PIXELS:
                raise DocumentError(_UNREADABLE)
            image = source.convert("L")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise DocumentError(_UNREADABLE) from exc
    if image.width > max_w or image.height > max_h:
        image.thumbnail((max_w, max_h))
    return image.tobytes(), image.width, image.height, image.width


def raster_to_zpl(pixels: bytes, width: int, height: int, stride: int) -> str:
    """One ZPL label printing the grey ``pixels`` (row-major, ``stride`` bytes per row) as a
    ``^GFA`` graphic at the top-left corner."""
    row_bytes = (width + 7) // 8
    pad = b"0" * (row_bytes * 8 - width)
    rows = []
    previous = None
    for y in range(height):
        # grey byte -> "1" (dark) or "0", then the row's bits as one binary number.
        bits = pixels[y * stride : y * stride + width].translate(_TO_BIT) + pad
        row = int(bits, 2).to_bytes(row_bytes, "big").hex().upper()
        # ZPL's ASCII shorthands (every ZPL II printer reads them): ":" repeats the row
        # above, "," fills the rest of a row with zeros. A label is mostly white.
        if row == previous:
            rows.append(":")
        else:
            kept = row.rstrip("0")
            rows.append(kept + "," if len(kept) < len(row) else row)
        previous = row
    total = row_bytes * height
    return (
        f"^XA^PW{width}^LL{height}^LH0,0^FO0,0"
        f"^GFA,{total},{total},{row_bytes},{''.join(rows)}^FS^PQ1^XZ\n"
    )


def zpl_graphic_bits(zpl: bytes) -> tuple[int, list[str]]:
    """(bytes per row, rows as hex) of the first ``^GFA`` field of ``zpl``, its ``:`` and
    ``,`` shorthands expanded (for checks and support: what the printer will print)."""
    text = zpl.decode("ascii")
    start = text.index("^GFA,") + len("^GFA,")
    _total, _field, per_row, rest = text[start:].split(",", 3)
    data = rest[: rest.index("^FS")]
    width = int(per_row) * 2
    rows: list[str] = []
    current = ""
    for char in data:
        if char == ":":
            rows.append(rows[-1] if rows else "0" * width)
        elif char == ",":
            rows.append(current.ljust(width, "0"))
            current = ""
        else:
            current += char
            if len(current) == width:
                rows.append(current)
                current = ""
    return int(per_row), rows
