"""What goes on a shipping label, decided once for both the PDF and the ZPL renderer.

The tracking barcode is GS1-128 for USPS domestic parcels, as on a USPS Intelligent Mail
package barcode: FNC1, AI (420) with the destination ZIP, FNC1, then the tracking number, whose
leading "9x" is itself a GS1 company-internal AI. Anything else is plain Code 128 of the
tracking number.

A label needs a real sender: without a return address set up (or with only the app's own
name) it is refused with one sentence naming the Settings page, never printed with an empty
FROM. Its own words are in the document language; a shipment with no date yet prints the day
the label is made ("Printed: ..."), never "Shipped: -".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from fulfillment_station import APP_NAME
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.domain.models import Address, Order, Shipment
from fulfillment_station.printing.doc_text import doc, translator
from fulfillment_station.printing.errors import DocumentError
from fulfillment_station.printing.postal import format_address
from fulfillment_station.printing.settings import PrintSettings
from fulfillment_station.scanning.tracking import carrier_display_name

FNC1 = "\xf1"
# A label this app draws carries no postage: it says so where a carrier label shows its
# carrier, so nobody mistakes it for a shipping label (the store's own label is printed as it
# came and never drawn here).
NO_POSTAGE = "NO POSTAGE"
NOT_A_SHIPPING_LABEL = "Not a shipping label"
_US_COUNTRIES = frozenset({"us", "usa", "united states", "united states of america"})
_USPS_NAMES = frozenset({"usps", "united states postal service", "us postal service"})
_TRACKING_OK = re.compile(r"[A-Za-z0-9-]+")


@dataclass(frozen=True, slots=True)
class TrackingBarcode:
    """A tracking barcode as the list of FNC1-separated segments it encodes.

    ``gs1`` barcodes start with FNC1 and put FNC1 between segments; plain Code 128 has one
    segment. ``readable`` is the human-readable line printed under the bars.
    """

    gs1: bool
    segments: tuple[str, ...]
    readable: str

    @property
    def reportlab_value(self) -> str:
        """The value for reportlab's Code128, which spells FNC1 as ``\\xf1``."""
        if not self.gs1:
            return self.segments[0]
        return "".join(FNC1 + segment for segment in self.segments)


@dataclass(frozen=True, slots=True)
class LabelContent:
    from_lines: tuple[str, ...]
    to_lines: tuple[str, ...]
    carrier: str
    service: str
    tracking_number: str | None
    barcode: TrackingBarcode | None
    weight: str
    reference: str
    ship_date: str
    # The label's own words, already in the document language (``printing.doc_text``).
    from_caption: str = "FROM:"
    to_caption: str = "SHIP TO:"
    tracking_caption: str = ""
    weight_text: str = ""
    date_text: str = ""


def is_usps(carrier: str) -> bool:
    return carrier.strip().lower() in _USPS_NAMES


def code128_safe(text: str) -> bool:
    """Whether Code 128 can carry the text exactly (printable ASCII only)."""
    return bool(text) and all(32 <= ord(ch) < 127 for ch in text)


def address_lines(address: Address, language: str = "en") -> tuple[str, ...]:
    """An address as printed, in its country's own order (see :mod:`printing.postal`)."""
    return format_address(address, language=language)


def us_zip(address: Address) -> str | None:
    """The destination ZIP (5 or 9 digits) of a US address, else None."""
    if address.country.strip().lower() not in _US_COUNTRIES:
        return None
    digits = (address.postal_code or "").replace("-", "").replace(" ", "")
    return digits if digits.isdigit() and len(digits) in (5, 9) else None


def normalised_tracking(tracking: str) -> str:
    """The tracking number without spaces; a clear error if a barcode cannot carry it."""
    compact = "".join(tracking.split())
    if not _TRACKING_OK.fullmatch(compact):
        raise DocumentError(
            f"Tracking number {tracking[:40]!r} has characters a barcode cannot carry; "
            "correct it on the shipment."
        )
    return compact


def _grouped(digits: str) -> str:
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def tracking_barcode(carrier: str, tracking: str, ship_to: Address) -> TrackingBarcode:
    number = normalised_tracking(tracking)
    zip_code = us_zip(ship_to)
    if is_usps(carrier) and zip_code and number.isdigit() and number.startswith("9"):
        return TrackingBarcode(
            gs1=True,
            segments=("420" + zip_code, number),
            readable=f"(420) {zip_code}  {_grouped(number)}",
        )
    return TrackingBarcode(gs1=False, segments=(number,), readable=number)


def shipment_weight(order: Order, shipment: Shipment) -> Decimal | None:
    """Sum of line weights times quantities shipped; None when any weight is unknown."""
    if shipment.lines:
        picked = [(order.line(s.line_id), s.quantity) for s in shipment.lines]
    else:
        # No lines named: the parcel holds what is left to ship (everything, on a reprint of
        # a label for an order already shipped in full).
        picked = [(line, line.remaining or line.quantity) for line in order.lines]
    total = Decimal(0)
    for line, quantity in picked:
        if line is None or line.weight is None:
            return None
        total += line.weight * quantity
    return total if picked else None


def _format_date(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d") if when else ""


def _format_date_only(day: date | None) -> str:
    return (day or date.today()).isoformat()


NO_SHIP_FROM = QT_TRANSLATE_NOOP(
    "Printing",
    "No ship-from address is set up yet. Enter the store's return address (name, "
    "street, city, country) in Settings → Station before printing the first label.",
)


def check_ship_from(settings: PrintSettings) -> None:
    """A label needs a sender a carrier can return it to: not empty, not the app's name."""
    address = settings.return_address
    # The store name stands in for the address's own name (it is printed first).
    missing = [
        f for f in address.missing_required() if not (f == "name" and settings.store_name.strip())
    ]
    names = {address.name.strip().casefold(), settings.store_name.strip().casefold()} - {""}
    # The app's own name is what a ship-from nobody set up is called: never a sender.
    if missing or names <= {APP_NAME.casefold()}:
        raise DocumentError(NO_SHIP_FROM)


def label_content(
    order: Order, shipment: Shipment, settings: PrintSettings, *, today: date | None = None
) -> LabelContent:
    """What the label says. ``today`` (default: the local date) is printed when the shipment
    carries no date yet: the label is made the day the parcel leaves."""
    check_ship_from(settings)
    t = translator(settings.document_language)
    ship_to = order.deliver_to
    if ship_to is None:
        raise DocumentError(
            f"Order {order.number} has no shipping address, so no label can be made."
        )
    missing = ship_to.missing_required()
    if missing:
        raise DocumentError(
            f"Order {order.number}'s shipping address lacks {', '.join(missing)}; "
            "complete it before printing a label."
        )
    tracking = (shipment.tracking_number or "").strip() or None
    barcode = tracking_barcode(shipment.carrier, tracking, ship_to) if tracking else None
    weight = shipment_weight(order, shipment)
    from_lines = address_lines(settings.return_address, settings.document_language)
    if settings.store_name.strip() and settings.store_name.strip() not in from_lines[:2]:
        from_lines = (settings.store_name.strip(), *from_lines)
    carrier = carrier_display_name(shipment.carrier)
    weight_text = f"{weight.normalize():f} {settings.weight_unit}" if weight is not None else ""
    ship_date = _format_date(shipment.shipped_at)
    if ship_date:
        date_text = t(doc("Shipped: {date}")).format(date=ship_date)
    else:
        date_text = t(doc("Printed: {date}")).format(date=_format_date_only(today))
    if barcode is not None:
        tracking_caption = (
            t(doc("{carrier} TRACKING #")).format(carrier=carrier).strip()
            if carrier
            else t(doc("TRACKING #"))
        )
    else:
        tracking_caption = t(doc("NO TRACKING NUMBER"))
    return LabelContent(
        from_lines=from_lines,
        to_lines=address_lines(ship_to, settings.document_language),
        carrier=carrier,
        service=shipment.service or "",
        tracking_number=tracking,
        barcode=barcode,
        weight=weight_text,
        reference=t(doc("Order {number}")).format(number=order.number),
        ship_date=ship_date,
        from_caption=t(doc("FROM:")),
        to_caption=t(doc("SHIP TO:")),
        tracking_caption=tracking_caption,
        weight_text=t(doc("Weight: {weight}")).format(weight=weight_text) if weight_text else "",
        date_text=date_text,
    )


@dataclass(frozen=True, slots=True)
class LabelGeometry:
    """Where things sit on the 4x6 label, in inches from the top-left corner.

    Shared by the PDF and ZPL renderers so both labels look the same.
    """

    width: float = 4.0
    height: float = 6.0
    margin: float = 0.15
    from_top: float = 0.15
    from_size: float = 0.11
    from_step: float = 0.145
    carrier_left: float = 2.55
    carrier_size: float = 0.32
    service_size: float = 0.13
    rule1: float = 1.22
    to_caption_top: float = 1.32
    to_top: float = 1.55
    to_size: float = 0.2
    to_step: float = 0.27
    rule2: float = 3.25
    track_caption_top: float = 3.36
    bar_top: float = 3.62
    bar_height: float = 0.95
    readable_top: float = 4.66
    readable_size: float = 0.14
    rule3: float = 4.98
    foot_top: float = 5.1
    foot_size: float = 0.15
    foot_step: float = 0.26
    rule_thickness: float = 0.015
    # Narrowest bar a scanner reads reliably (10 mil) and the width aimed for (15 mil).
    min_module: float = 0.010
    module: float = 0.015


GEOMETRY = LabelGeometry()
MAX_TO_LINES = 6
MAX_FROM_LINES = 7


def code128_modules(barcode: TrackingBarcode) -> int:
    """A safe upper bound on the modules a Code 128 symbol of this barcode needs."""
    modules = 11 + 11 + 13 + 20  # start, check, stop, quiet zones
    for segment in barcode.segments:
        if barcode.gs1:
            modules += 11
        if segment.isdigit():
            modules += (len(segment) + 1) // 2 * 11 + 22  # code C pairs, room for switches
        else:
            modules += len(segment) * 11
    return modules
