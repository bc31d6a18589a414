"""What a scan is: :func:`classify_scan` turns the raw text a scanner typed into a
:class:`ScanResult` — a tracking number (with carrier), a product code (GTIN-14 key), an SSCC,
an order reference / free text, or junk with a reason a packer can act on.

Order of decisions, and why:

1. Junk first (empty, too long, control characters): nothing else should see it.
2. The AIM symbology identifier, if the scanner sends one, is trusted: EAN/UPC data is a
   product, GS1 symbologies are element strings.
3. GS1 element strings (GS separators or the ``(AI)`` human-readable form): AI 01 -> product,
   00 -> SSCC, 420/421 + 9x -> USPS IMpb tracking number with the ship-to postal code. A lone
   420 is the routing barcode on a label, which packers scan by mistake: junk, with a hint.
4. Plain text: a valid GTIN wins over a tracking number for 8/12/13/14 digits because product
   barcodes are what a packer scans most; a 12-digit code that is also a valid FedEx number
   keeps that parse in ``tracking`` so the caller can try both. Then tracking numbers whose
   check digit is valid or not defined. Anything else printable is a reference (order number,
   free text); if it looked like a tracking number of a distinctive shape (``1Z...``, S10,
   ``420``+ZIP) but failed the check digit, it is reported as a tracking scan with a reason.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypedDict

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.scanning.checkdigits import gs1_is_valid
from fulfillment_station.scanning.gs1 import (
    EAN_UPC_SYMBOLOGY,
    GS,
    GS1_SYMBOLOGIES,
    Gs1Error,
    gtin_key,
    is_gtin,
    is_parenthesised,
    parse_element_string,
    split_aim,
)
from fulfillment_station.scanning.tracking import (
    CarrierTable,
    CheckVerdict,
    TrackingParse,
    normalise,
    parse_tracking,
)

__all__ = ["MAX_SCAN_LENGTH", "ScanKind", "ScanResult", "classify_scan", "gtin_key"]

MAX_SCAN_LENGTH = 512
"""Longer than any code a packing desk reads (a GS1 DataMatrix on a label stays well under);
anything longer is a scanner stuck in a loop or a paste gone wrong."""

_TERMINATORS = "\r\n\t"
_TRACKING_AIS = frozenset(f"9{d}" for d in "123456789")


class ScanKind(StrEnum):
    TRACKING = "tracking"
    PRODUCT = "product"
    SSCC = "sscc"
    REFERENCE = "reference"
    JUNK = "junk"


@dataclass(frozen=True)
class ScanResult:
    kind: ScanKind
    raw: str
    value: str
    """What to look up: the tracking number, the GTIN-14 key, the SSCC or the reference text
    (empty for junk)."""
    symbology: str | None = None
    tracking: TrackingParse | None = None
    gtin: str | None = None
    postal_code: str | None = None
    country: str | None = None
    """ISO 3166 numeric country code from AI 421."""
    elements: tuple[tuple[str, str], ...] = field(default=())
    reason: Message | None = None
    """Why a scan is junk, or what is doubtful about it (a wrong check digit); the UI shows it
    translated."""
    also_reference: bool = False
    """The text is plain digits with nothing (symbology, prefix, letters) to rule out that it is
    an order number that happens to pass a check digit: look it up as a reference too when
    the product / tracking lookup finds nothing."""

    @property
    def is_junk(self) -> bool:
        return self.kind is ScanKind.JUNK


# Why a scan is refused, in the packer's words (translated by the UI; see domain/messages.py).
WRONG_CHECK = QT_TRANSLATE_NOOP(
    "Scanning",
    "This looks like a {carrier} number but its check digit is wrong: a character "
    "is probably mistyped or misread.",
)
PRODUCT_CHECK = QT_TRANSLATE_NOOP(
    "Scanning", "The product barcode's check digit is wrong: rescan it."
)
SSCC_CHECK = QT_TRANSLATE_NOOP(
    "Scanning", "The carton label's SSCC check digit is wrong: rescan it."
)
POSTAL_CODE = QT_TRANSLATE_NOOP(
    "Scanning",
    "This is the ship-to postal code barcode ({postal}), not the tracking number: "
    "scan the other barcode on the label.",
)
NOTHING_IN_GS1 = QT_TRANSLATE_NOOP(
    "Scanning", "This GS1 barcode holds no product, carton or tracking number."
)
EMPTY = QT_TRANSLATE_NOOP("Scanning", "The scan was empty: scan the barcode again.")
TOO_LONG = QT_TRANSLATE_NOOP(
    "Scanning",
    "The scan is {length} characters long, more than any barcode this app reads "
    "({max}): scan a single barcode.",
)
BAD_CHARACTER = QT_TRANSLATE_NOOP(
    "Scanning",
    "The scan holds an unreadable character ({character}): check the scanner's "
    "keyboard-language setting and scan again.",
)
GS1_UNREADABLE = QT_TRANSLATE_NOOP(
    "Scanning", "The GS1 barcode cannot be read ({detail}): scan it again."
)


def _junk(raw: str, reason: Message, symbology: str | None = None) -> ScanResult:
    return ScanResult(kind=ScanKind.JUNK, raw=raw, value="", symbology=symbology, reason=reason)


def _bad_character(text: str) -> str | None:
    for char in text:
        if char == GS:
            continue
        category = unicodedata.category(char)
        if category[0] == "C" or char == "\ufffd":
            return char
    return None


def _usable(parse: TrackingParse) -> bool:
    return parse.check_digit in (CheckVerdict.VALID, CheckVerdict.NONE)


def _wrong_check_reason(parse: TrackingParse) -> Message:
    best = parse.best
    assert best is not None
    return WRONG_CHECK.format(carrier=best.carrier_name)


class _CommonFields(TypedDict):
    """What every result read from GS1 elements carries, whatever its kind."""

    raw: str
    symbology: str | None
    elements: tuple[tuple[str, str], ...]
    postal_code: str | None
    country: str | None


def _from_elements(
    raw: str, symbology: str | None, elements: list[tuple[str, str]], table: CarrierTable | None
) -> ScanResult:
    values = dict(elements)
    postal = values.get("420")
    country = None
    if "421" in values:
        country, postal = values["421"][:3], values["421"][3:]
    common: _CommonFields = {
        "raw": raw,
        "symbology": symbology,
        "elements": tuple(elements),
        "postal_code": postal,
        "country": country,
    }

    for ai, value in elements:
        if ai in _TRACKING_AIS:
            parse = parse_tracking(ai + value, table)
            if parse.recognised:
                reason = None if _usable(parse) else _wrong_check_reason(parse)
                return ScanResult(
                    kind=ScanKind.TRACKING,
                    value=parse.number or "",
                    tracking=parse,
                    reason=reason,
                    **common,
                )
    if "01" in values:
        if not gs1_is_valid(values["01"]):
            return _junk(raw, PRODUCT_CHECK, symbology)
        return ScanResult(
            kind=ScanKind.PRODUCT,
            value=gtin_key(values["01"]),
            gtin=gtin_key(values["01"]),
            **common,
        )
    if "00" in values:
        if not gs1_is_valid(values["00"]):
            return _junk(raw, SSCC_CHECK, symbology)
        return ScanResult(kind=ScanKind.SSCC, value=values["00"], **common)
    if postal is not None:
        return _junk(raw, POSTAL_CODE.format(postal=postal), symbology)
    return _junk(raw, NOTHING_IN_GS1, symbology)


def _from_plain(
    raw: str, symbology: str | None, text: str, table: CarrierTable | None
) -> ScanResult:
    compact = normalise(text)
    is_ean_symbol = symbology is not None and symbology[1] == EAN_UPC_SYMBOLOGY
    if is_ean_symbol and not is_gtin(compact):
        return _junk(raw, PRODUCT_CHECK, symbology)
    if is_ean_symbol or is_gtin(compact):
        parse = None if is_ean_symbol else parse_tracking(compact, table)
        return ScanResult(
            kind=ScanKind.PRODUCT,
            raw=raw,
            value=gtin_key(compact),
            symbology=symbology,
            gtin=gtin_key(compact),
            tracking=parse if parse is not None and _usable(parse) else None,
            also_reference=not is_ean_symbol,
        )
    parse = parse_tracking(compact, table)
    if parse.recognised and _usable(parse):
        best = parse.best
        assert best is not None
        return ScanResult(
            kind=ScanKind.TRACKING,
            raw=raw,
            value=best.number,
            symbology=symbology,
            tracking=parse,
            postal_code=best.postal_code,
            also_reference=not best.distinctive,
        )
    if parse.recognised and parse.best is not None and parse.best.distinctive:
        return ScanResult(
            kind=ScanKind.TRACKING,
            raw=raw,
            value=parse.best.number,
            symbology=symbology,
            tracking=parse,
            reason=_wrong_check_reason(parse),
        )
    return ScanResult(
        kind=ScanKind.REFERENCE,
        raw=raw,
        value=text.strip(),
        symbology=symbology,
        tracking=parse if parse.recognised else None,
        reason=_wrong_check_reason(parse) if parse.recognised else None,
    )


def classify_scan(
    text: str, *, table: CarrierTable | None = None, max_length: int = MAX_SCAN_LENGTH
) -> ScanResult:
    """Says what ``text`` (one scan, as typed by the scanner) is. Never raises."""
    trimmed = text.strip(_TERMINATORS + " ")
    if not trimmed:
        return _junk(text, EMPTY)
    if len(trimmed) > max_length:
        return _junk(text, TOO_LONG.format(length=len(trimmed), max=max_length))
    symbology, data = split_aim(trimmed)
    bad = _bad_character(data)
    if bad is not None:
        return _junk(text, BAD_CHARACTER.format(character=f"U+{ord(bad):04X}"), symbology)
    if not data.strip(GS):
        return _junk(text, EMPTY, symbology)

    gs1_claimed = symbology in GS1_SYMBOLOGIES
    if gs1_claimed or GS in data or is_parenthesised(data):
        try:
            elements = parse_element_string(data)
        except Gs1Error as exc:
            if GS in data:
                # The detail stays English: it names GS1 application identifiers, which a
                # packer passes on to support rather than acts on.
                return _junk(text, GS1_UNREADABLE.format(detail=str(exc)), symbology)
            elements = None  # "(A1) text" may simply be free text; a ]C1 may carry plain data
        if elements is not None:
            return _from_elements(text, symbology, elements, table)
    return _from_plain(text, symbology, data.strip(), table)
