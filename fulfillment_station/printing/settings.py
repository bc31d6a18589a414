"""What the printed documents need to know about the store, and the page sizes they come in.

``PrintSettings`` is a small frozen value; the settings store will later build it from the
packer's saved settings. ``PAGE_SIZES`` is the one table of paper sizes (in PDF points).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch

from fulfillment_station.domain.models import Address

PageSize = Literal["letter", "a4", "4x6"]
LabelDpi = Literal[203, 300]
WeightUnit = Literal["lb", "oz", "kg", "g"]

PAGE_SIZES: dict[PageSize, tuple[float, float]] = {
    "letter": LETTER,
    "a4": A4,
    "4x6": (4 * inch, 6 * inch),
}

# Shipping labels are always 4x6 inch thermal stock.
LABEL_SIZE_INCHES: tuple[float, float] = (4.0, 6.0)
LABEL_DPIS: tuple[LabelDpi, ...] = (203, 300)


@dataclass(frozen=True, slots=True)
class PrintSettings:
    """The store details and choices every slip and label is printed with."""

    store_name: str
    return_address: Address
    logo_path: Path | None = None
    page_size: PageSize = "letter"
    hide_prices_for_gifts: bool = True
    label_dpi: LabelDpi = 203
    # The domain model keeps line weights as bare numbers; the store says what unit they are in.
    weight_unit: WeightUnit = "lb"
    # The language the documents are written in (country names today); a per-store choice that
    # defaults to the packer's UI language where the settings store builds this value.
    document_language: str = "en"

    def __post_init__(self) -> None:
        if self.page_size not in PAGE_SIZES:
            raise ValueError(f"Page size {self.page_size!r} is not one of {', '.join(PAGE_SIZES)}.")
        if self.label_dpi not in LABEL_DPIS:
            raise ValueError(
                f"Label printer resolution must be 203 or 300 dpi, not {self.label_dpi}."
            )
