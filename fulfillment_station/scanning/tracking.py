"""Tracking-number recognition: which carrier, which number, is the check digit right.

The knowledge (formats, patterns, algorithm parameters, tracking URLs) is one data table,
``resources/carriers.json``, loaded into a :class:`CarrierTable`. This module only applies it:
every pattern of every format is tried, each match is checked with the algorithm the table
names (see :mod:`fulfillment_station.scanning.checkdigits`), and the matches are ranked.

Ranking, best first: check digit valid, then formats that define no check digit (Amazon TBA),
then invalid; table order breaks ties. When more than one *carrier* shares the best verdict the
parse is ``ambiguous`` and the first one is reported as ``carrier`` — the rest are in
``candidates`` for the packer to choose from (a 22-digit ``92...`` number is both a USPS IMpb
and a FedEx SmartPost number, and USPS delivers it either way).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fulfillment_station.resources import RESOURCES_DIR
from fulfillment_station.scanning.checkdigits import (
    ALGORITHMS,
    NO_CHECK,
    CheckDigitError,
    expected_check_digit,
)
from fulfillment_station.scanning.gs1 import split_aim

_SEPARATORS = re.compile(r"[\s\-\u00a0\x1d()]+")
MAX_TRACKING_LENGTH = 40


class CheckVerdict(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    NONE = "none"  # the format defines no check digit


_RANK = {CheckVerdict.VALID: 0, CheckVerdict.NONE: 1, CheckVerdict.INVALID: 2}


class CarrierTableError(ValueError):
    """The carrier table is malformed (a programming error, caught by the tests)."""


@dataclass(frozen=True)
class Carrier:
    code: str
    name: str
    url_template: str | None

    def tracking_url(self, number: str) -> str | None:
        if self.url_template is None:
            return None
        return self.url_template.replace("{number}", quote(number, safe=""))


@dataclass(frozen=True)
class TrackingFormat:
    id: str
    name: str
    carrier: str
    patterns: tuple[re.Pattern[str], ...]
    algorithm: str
    params: Mapping[str, Any]
    distinctive: bool
    carrier_by_country: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CarrierTable:
    carriers: Mapping[str, Carrier]
    formats: tuple[TrackingFormat, ...]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CarrierTable:
        carriers = {
            code: Carrier(code=code, name=str(spec["name"]), url_template=spec.get("url"))
            for code, spec in data["carriers"].items()
        }
        formats = []
        for spec in data["formats"]:
            check = dict(spec.get("check", {"algorithm": NO_CHECK}))
            algorithm = str(check.pop("algorithm"))
            if algorithm != NO_CHECK and algorithm not in ALGORITHMS:
                raise CarrierTableError(f"format {spec['id']}: unknown algorithm {algorithm!r}")
            by_country = dict(spec.get("carrier_by_country", {}))
            for code in [spec["carrier"], *by_country.values()]:
                if code not in carriers:
                    raise CarrierTableError(f"format {spec['id']}: unknown carrier {code!r}")
            patterns = tuple(re.compile(p) for p in spec["patterns"])
            for pattern in patterns:
                if "number" not in pattern.groupindex:
                    raise CarrierTableError(f"format {spec['id']}: a pattern lacks (?P<number>)")
            formats.append(
                TrackingFormat(
                    id=str(spec["id"]),
                    name=str(spec["name"]),
                    carrier=str(spec["carrier"]),
                    patterns=patterns,
                    algorithm=algorithm,
                    params=check,
                    distinctive=bool(spec.get("distinctive", False)),
                    carrier_by_country=by_country,
                )
            )
        return cls(carriers=carriers, formats=tuple(formats))

    @classmethod
    def load(cls, path: Path | None = None) -> CarrierTable:
        """Reads the table from ``path``, or the packaged ``resources/carriers.json``."""
        if path is None:
            path = RESOURCES_DIR / "carriers.json"
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))


@cache
def default_table() -> CarrierTable:
    """The packaged table, read once (it is immutable data, not shared state)."""
    return CarrierTable.load()


def carrier_display_name(carrier: str, table: CarrierTable | None = None) -> str:
    """The carrier as a customer reads it ("UPS", "FedEx"), from a code or a store's own
    spelling ("ups", "Fedex", "usps"); a carrier the table does not know keeps its own words."""
    words = carrier.strip()
    key = words.lower().replace(" ", "_")
    carriers = (table or default_table()).carriers
    if key in carriers:
        return carriers[key].name
    for known in carriers.values():
        if known.name.lower() == words.lower():
            return known.name
    return words


@dataclass(frozen=True)
class TrackingCandidate:
    carrier: str
    carrier_name: str
    format_id: str
    format_name: str
    number: str
    check_digit: CheckVerdict
    url: str | None
    distinctive: bool
    postal_code: str | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "carrier": self.carrier,
            "carrier_name": self.carrier_name,
            "format": self.format_id,
            "format_name": self.format_name,
            "number": self.number,
            "check_digit": self.check_digit.value,
            "url": self.url,
            "postal_code": self.postal_code,
            "country": self.country,
        }


@dataclass(frozen=True)
class TrackingParse:
    """What ``text`` is as a tracking number. ``best`` is None when no format matched."""

    text: str
    normalised: str
    candidates: tuple[TrackingCandidate, ...]

    @property
    def best(self) -> TrackingCandidate | None:
        return self.candidates[0] if self.candidates else None

    @property
    def recognised(self) -> bool:
        return bool(self.candidates)

    @property
    def carrier(self) -> str | None:
        return self.best.carrier if self.best else None

    @property
    def number(self) -> str | None:
        return self.best.number if self.best else None

    @property
    def check_digit(self) -> CheckVerdict | None:
        return self.best.check_digit if self.best else None

    @property
    def url(self) -> str | None:
        return self.best.url if self.best else None

    @property
    def ambiguous(self) -> bool:
        """More than one carrier fits equally well."""
        best = self.best
        if best is None:
            return False
        return any(
            c.carrier != best.carrier and c.check_digit == best.check_digit
            for c in self.candidates[1:]
        )

    def to_dict(self) -> dict[str, Any]:
        best = self.best
        return {
            "input": self.text,
            "carrier": best.carrier if best else None,
            "carrier_name": best.carrier_name if best else None,
            "number": best.number if best else None,
            "check_digit": best.check_digit.value if best else None,
            "url": best.url if best else None,
            "format": best.format_id if best else None,
            "postal_code": best.postal_code if best else None,
            "country": best.country if best else None,
            "ambiguous": self.ambiguous,
            "candidates": [c.to_dict() for c in self.candidates],
        }


def normalise(text: str) -> str:
    """Drops a scanner's AIM prefix (``]C1``), the spaces, hyphens, GS separators and GS1
    brackets people and labels put in, and upper-cases the rest."""
    _, data = split_aim(text.strip())
    return _SEPARATORS.sub("", data).upper()


def _verdict(fmt: TrackingFormat, match: re.Match[str]) -> CheckVerdict:
    if fmt.algorithm == NO_CHECK:
        return CheckVerdict.NONE
    groups = match.groupdict()
    number = groups["number"]
    body = str(fmt.params.get("implied_prefix", "")) + (groups.get("body") or number[:-1])
    check = groups.get("check") or number[-1]
    try:
        expected = expected_check_digit(fmt.algorithm, body, fmt.params)
    except CheckDigitError:
        return CheckVerdict.INVALID
    valid = check.isdigit() and int(check) == expected
    return CheckVerdict.VALID if valid else CheckVerdict.INVALID


def _candidates(table: CarrierTable, cleaned: str) -> list[TrackingCandidate]:
    found: dict[tuple[str, str], TrackingCandidate] = {}
    order: list[tuple[str, str]] = []
    for fmt in table.formats:
        for pattern in fmt.patterns:
            match = pattern.fullmatch(cleaned)
            if match is None:
                continue
            groups = match.groupdict()
            country = groups.get("country")
            carrier_code = fmt.carrier_by_country.get(country or "", fmt.carrier)
            carrier = table.carriers[carrier_code]
            number = groups["number"]
            candidate = TrackingCandidate(
                carrier=carrier.code,
                carrier_name=carrier.name,
                format_id=fmt.id,
                format_name=fmt.name,
                number=number,
                check_digit=_verdict(fmt, match),
                url=carrier.tracking_url(number),
                distinctive=fmt.distinctive,
                postal_code=groups.get("postal"),
                country=country,
            )
            key = (carrier.code, number)
            previous = found.get(key)
            if previous is None:
                order.append(key)
                found[key] = candidate
            elif _RANK[candidate.check_digit] < _RANK[previous.check_digit]:
                found[key] = candidate
    ranked = [found[key] for key in order]
    # sorted() is stable, so table order breaks ties between equal verdicts.
    return sorted(ranked, key=lambda c: _RANK[c.check_digit])


def parse_tracking(text: str, table: CarrierTable | None = None) -> TrackingParse:
    """Recognises ``text`` as a tracking number (spaces, hyphens, case and the brackets of a
    GS1 human-readable line are ignored). Never raises on bad input."""
    cleaned = normalise(text)
    if not cleaned or len(cleaned) > MAX_TRACKING_LENGTH or not cleaned.isascii():
        return TrackingParse(text=text, normalised=cleaned, candidates=())
    candidates = _candidates(table or default_table(), cleaned)
    return TrackingParse(text=text, normalised=cleaned, candidates=tuple(candidates))


def describe(parse: TrackingParse) -> Sequence[str]:
    """Plain lines for a person: carrier, number, check-digit verdict, URL."""
    best = parse.best
    if best is None:
        return [f"{parse.text!r} is not a tracking number of any carrier this app knows."]
    verdict = {
        CheckVerdict.VALID: "valid",
        CheckVerdict.INVALID: "INVALID - a digit is probably mistyped or misread",
        CheckVerdict.NONE: "none defined for this format (cannot be verified)",
    }[best.check_digit]
    lines = [
        f"carrier:     {best.carrier_name} ({best.carrier})",
        f"number:      {best.number}",
        f"format:      {best.format_name}",
        f"check digit: {verdict}",
        f"url:         {best.url or '(no public tracking page)'}",
    ]
    if best.postal_code:
        lines.append(f"ship-to ZIP: {best.postal_code}")
    if parse.ambiguous:
        others = ", ".join(
            sorted(
                {
                    c.carrier_name
                    for c in parse.candidates[1:]
                    if c.check_digit == best.check_digit and c.carrier != best.carrier
                }
            )
        )
        lines.append(f"also fits:   {others}")
    return lines
