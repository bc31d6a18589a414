"""Recognising labels the store's API hands back."""

from __future__ import annotations

import pytest

from fulfillment_station.printing.errors import LabelFormatError
from fulfillment_station.printing.label_format import detect_label_format
from fulfillment_station.printing.label_pdf import render_label_pdf
from fulfillment_station.printing.samples import sample_order, sample_settings, sample_shipment


def test_our_own_pdf_is_pdf() -> None:
    pdf = render_label_pdf(sample_order(), sample_shipment(), sample_settings())
    assert detect_label_format(pdf) == "pdf"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
        (b"\xef\xbb\xbf%PDF-1.4", "pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png"),
        (b"^XA^FO10,10^FDx^FS^XZ", "zpl"),
        (b"\r\n  ^XA\n^XZ", "zpl"),
        (b"~SD25^XA^XZ", "zpl"),
        (b"^MMT\n^XA^XZ", "zpl"),
    ],
)
def test_formats_are_recognised_from_the_bytes(data: bytes, expected: str) -> None:
    assert detect_label_format(data) == expected


@pytest.mark.parametrize("data", [b"", b"<html>Not found</html>", b"GIF89a", b"^FDno label^FS"])
def test_anything_else_is_refused_with_a_sentence(data: bytes) -> None:
    with pytest.raises(LabelFormatError, match="not a PDF, PNG or ZPL file"):
        detect_label_format(data)
