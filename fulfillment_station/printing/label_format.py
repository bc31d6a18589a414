"""Recognising a label the store's API returned (a Price2b ``label_url`` download).

Such a label is printed exactly as it came; this module only says what it is so the right
printer gets it.
"""

from __future__ import annotations

from typing import Literal

from fulfillment_station.printing.errors import LabelFormatError

LabelFormat = Literal["pdf", "png", "zpl"]

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def detect_label_format(data: bytes) -> LabelFormat:
    """``"pdf"``, ``"png"`` or ``"zpl"`` from the bytes themselves (never from a file name)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n\x00")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(_PNG_SIGNATURE):
        return "png"
    # A ZPL label starts with ^XA, possibly after printer setup commands (~SD, ^MM, ...);
    # "^XA" may also be written with a changed caret but real label APIs never do that.
    if head.startswith((b"^XA", b"~", b"^")) and b"^XA" in data[:4096]:
        return "zpl"
    raise LabelFormatError(
        "The label the store sent is not a PDF, PNG or ZPL file, so it cannot be printed."
    )
