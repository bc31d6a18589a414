"""Helpers for reading back what the printing layer produced: PDF text and barcodes."""

from __future__ import annotations

import io

import pypdf
import pypdfium2
import pytest
import zxingcpp

from fulfillment_station.printing.samples import sample_settings
from fulfillment_station.printing.settings import PrintSettings


def flat(text: str) -> str:
    """Whitespace collapsed, since PDF text comes back split at font changes and lines."""
    return " ".join(text.split())


def pdf_pages_text(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [flat(page.extract_text()) for page in reader.pages]


def decode_barcodes(pdf: bytes, page: int = 0, scale: float = 4.0) -> list[zxingcpp.Barcode]:
    """Render one page as a scanner would see it and decode every barcode on it."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[page].render(scale=scale, grayscale=True).to_pil()
    finally:
        document.close()
    return zxingcpp.read_barcodes(image, text_mode=zxingcpp.TextMode.Plain)


@pytest.fixture
def settings() -> PrintSettings:
    return sample_settings()
