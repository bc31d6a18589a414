"""The raw text of a barcode: AIM symbology identifiers, GS1 element strings and GTINs.

* AIM symbology identifiers (ISO/IEC 15424) are the ``]Cm`` prefix some scanners put before the
  data (``]C1`` GS1-128, ``]E0`` EAN/UPC, ``]d2`` GS1 DataMatrix, ``]Q3`` GS1 QR ...).
  :func:`split_aim` separates it from the data.
* GS1 element strings are application identifiers (AIs) followed by their data. Variable-length
  fields end with FNC1, which scanners send as GS (ASCII 29); printed labels show the same data
  as ``(00)123...(420)12345``. :func:`parse_element_string` reads both forms for the AIs a packing
  desk meets: 00 SSCC, 01/02 GTIN, dates, lot/serial, 4xx shipping (420 ship-to postal code,
  421 ISO country + postal code) and 90-99, the company-internal AIs USPS IMpb uses for the
  tracking number that follows the 420 routing code.
* :func:`gtin_key` turns UPC-A (12), EAN-13 (13), EAN-8 and GTIN-14 forms of one product into
  one GTIN-14 string, after the GS1 mod-10 check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fulfillment_station.scanning.checkdigits import gs1_is_valid

GS = "\x1d"

_AIM = re.compile(r"^\](?P<symbology>[A-Za-z])(?P<modifier>[0-9A-Za-z])")

GS1_SYMBOLOGIES = frozenset({"]C1", "]e0", "]d2", "]Q3", "]J1"})
"""AIM identifiers that announce a GS1 element string."""

EAN_UPC_SYMBOLOGY = "E"
"""AIM symbology letter of EAN/UPC: its data is a GTIN, never a tracking number."""


class Gs1Error(ValueError):
    """The text claims to be a GS1 element string but cannot be read as one."""


class GtinError(ValueError):
    """The text is not a GTIN (wrong length, not digits, or a wrong check digit)."""


def split_aim(text: str) -> tuple[str | None, str]:
    """``"]C10100..."`` -> ``("]C1", "0100...")``; without an identifier -> ``(None, text)``."""
    match = _AIM.match(text)
    if match is None:
        return None, text
    return match.group(0), text[match.end() :]


@dataclass(frozen=True)
class AiSpec:
    ai: str
    title: str
    fixed: int | None  # exact data length, or None for variable length (ends at GS)
    max_length: int
    numeric: bool = True


def _specs() -> dict[str, AiSpec]:
    specs = [
        AiSpec("00", "SSCC", 18, 18),
        AiSpec("01", "GTIN", 14, 14),
        AiSpec("02", "GTIN of contained trade items", 14, 14),
        AiSpec("10", "batch or lot", None, 20, numeric=False),
        AiSpec("11", "production date", 6, 6),
        AiSpec("12", "due date", 6, 6),
        AiSpec("13", "packaging date", 6, 6),
        AiSpec("15", "best before", 6, 6),
        AiSpec("16", "sell by", 6, 6),
        AiSpec("17", "expiry date", 6, 6),
        AiSpec("20", "variant", 2, 2),
        AiSpec("21", "serial number", None, 20, numeric=False),
        AiSpec("22", "consumer product variant", None, 20, numeric=False),
        AiSpec("30", "count of items", None, 8),
        AiSpec("37", "count of trade items", None, 8),
        AiSpec("400", "customer's purchase order", None, 30, numeric=False),
        AiSpec("401", "consignment number", None, 30, numeric=False),
        AiSpec("402", "shipment identification", 17, 17),
        AiSpec("403", "routing code", None, 30, numeric=False),
        AiSpec("420", "ship-to postal code", None, 20, numeric=False),
        AiSpec("421", "ship-to postal code with ISO country code", None, 12, numeric=False),
        AiSpec("422", "country of origin", 3, 3),
        AiSpec("90", "mutually agreed information", None, 30, numeric=False),
    ]
    specs += [AiSpec(f"41{d}", "global location number", 13, 13) for d in "0123457"]
    # 91-99: company internal; USPS puts the IMpb tracking number here (92, 93, 94, 95 ...).
    specs += [AiSpec(f"9{d}", "company internal", None, 90, numeric=False) for d in "123456789"]
    # 310n-369n: trade measures, four-digit AIs whose last digit is the decimal point position.
    specs += [
        AiSpec(f"3{a}{b}{n}", "measure", 6, 6)
        for a in "123456"
        for b in "0123456789"
        for n in "0123456789"
    ]
    return {spec.ai: spec for spec in specs}


AI_SPECS: dict[str, AiSpec] = _specs()

_PAREN = re.compile(r"\((\d{2,4})\)([^()]*)")
_PAREN_FORM = re.compile(r"^\s*(?:\(\d{2,4}\)[^()]*)+$")


def is_parenthesised(text: str) -> bool:
    return bool(_PAREN_FORM.match(text))


def _spec_at(data: str, position: int) -> AiSpec:
    for length in (2, 3, 4):
        spec = AI_SPECS.get(data[position : position + length])
        if spec is not None:
            return spec
    raise Gs1Error(f"unknown application identifier at {data[position : position + 4]!r}")


def _check_value(spec: AiSpec, value: str) -> None:
    if not value:
        raise Gs1Error(f"AI ({spec.ai}) {spec.title} has no data")
    if spec.fixed is not None and len(value) != spec.fixed:
        raise Gs1Error(f"AI ({spec.ai}) {spec.title} needs {spec.fixed} digits, got {len(value)}")
    if len(value) > spec.max_length:
        raise Gs1Error(f"AI ({spec.ai}) {spec.title} is longer than {spec.max_length}")
    if spec.numeric and not (value.isascii() and value.isdigit()):
        raise Gs1Error(f"AI ({spec.ai}) {spec.title} must be digits")


def _parse_parenthesised(text: str) -> list[tuple[str, str]]:
    elements = []
    for ai, raw_value in _PAREN.findall(text):
        spec = AI_SPECS.get(ai)
        if spec is None:
            raise Gs1Error(f"unknown application identifier ({ai})")
        # Human-readable lines group digits with spaces: "(00) 0 0614141 123456789 0".
        value = re.sub(r"\s+", "", raw_value)
        _check_value(spec, value)
        elements.append((ai, value))
    return elements


def _parse_raw(data: str) -> list[tuple[str, str]]:
    elements = []
    position = 0
    while position < len(data):
        if data[position] == GS:  # FNC1 after a fixed-length field is allowed and meaningless
            position += 1
            continue
        spec = _spec_at(data, position)
        start = position + len(spec.ai)
        if spec.fixed is not None:
            end = start + spec.fixed
            if end > len(data):
                raise Gs1Error(f"AI ({spec.ai}) {spec.title} is cut short")
        else:
            separator = data.find(GS, start)
            end = len(data) if separator < 0 else separator
        value = data[start:end]
        _check_value(spec, value)
        elements.append((spec.ai, value))
        position = end
    if not elements:
        raise Gs1Error("the element string is empty")
    return elements


def parse_element_string(text: str) -> list[tuple[str, str]]:
    """Reads a GS1 element string (AIM identifier already removed) into ``(ai, value)`` pairs,
    in either the GS-separated scanner form or the parenthesised human-readable form."""
    if is_parenthesised(text):
        return _parse_parenthesised(text)
    return _parse_raw(text.strip(GS))


def gtin_key(code: str) -> str:
    """The GTIN-14 form of a UPC-A, EAN-13, EAN-8 or GTIN-14 code, after checking its digit.

    ``gtin_key("036000291452") == gtin_key("0036000291452") == "00036000291452"``.
    A GTIN-14 with a non-zero indicator digit names a case or pack, a different thing from the
    unit, so it keeps its own key. Raises :class:`GtinError` with a plain sentence otherwise.
    """
    digits = code.strip().replace(" ", "").replace("-", "")
    if not (digits.isascii() and digits.isdigit()):
        raise GtinError(f"{code!r} is not a product code: it must be digits only.")
    if len(digits) not in (8, 12, 13, 14):
        raise GtinError(
            f"{code!r} is not a product code: it has {len(digits)} digits "
            "(UPC has 12, EAN 13 or 8, GTIN-14 has 14)."
        )
    if not gs1_is_valid(digits):
        raise GtinError(f"{code!r} has a wrong check digit: rescan it or check the digits.")
    return digits.zfill(14)


def is_gtin(code: str) -> bool:
    try:
        gtin_key(code)
    except GtinError:
        return False
    return True


def same_product(a: str, b: str) -> bool:
    """True when two product codes name the same GTIN (false if either is not a GTIN)."""
    try:
        return gtin_key(a) == gtin_key(b)
    except GtinError:
        return False
