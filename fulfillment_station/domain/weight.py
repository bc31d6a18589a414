"""Weights: the one place where a unit becomes grams and grams become a unit.

A scale reports in whatever unit it is set to (the HID report says kilograms, pounds, ounces,
...; a serial scale prints ``kg`` or ``lb``), a store keeps item weights in its own unit, and a
shipment goes out in the unit its API asks for. Everything in between is a :class:`Weight`:
an exact ``Decimal`` number of grams, so adding item weights and a box's tare never drifts and
two weights compare without a unit in sight.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

#: The units this app converts between, by their usual abbreviation.
WeightUnitName = Literal["mg", "g", "kg", "t", "ct", "gr", "dwt", "ozt", "oz", "lb", "tael", "ton"]

# Exact (by definition) grams per unit: the avoirdupois pound is 453.59237 g (1959 agreement),
# the grain 1/7000 of it, the troy ounce 480 grains, the pennyweight 24 grains, the metric
# carat 200 mg. The tael is the Hong Kong tael (37.799 g) that HID POS scales mean by it.
GRAMS_PER_UNIT: dict[str, Decimal] = {
    "mg": Decimal("0.001"),
    "g": Decimal(1),
    "kg": Decimal(1000),
    "t": Decimal(1_000_000),
    "ct": Decimal("0.2"),
    "gr": Decimal("0.06479891"),
    "dwt": Decimal("1.55517384"),
    "ozt": Decimal("31.1034768"),
    "oz": Decimal("28.349523125"),
    "lb": Decimal("453.59237"),
    "tael": Decimal("37.799"),
    "ton": Decimal("907184.74"),  # the short (US) ton of 2000 lb
}

# What scales and stores write for a unit, folded to one name.
_ALIASES: dict[str, str] = {
    "kgs": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "gram": "g",
    "grams": "g",
    "gm": "g",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
    "#": "lb",
    "ounce": "oz",
    "ounces": "oz",
    "milligram": "mg",
    "milligrams": "mg",
}


class UnknownUnit(ValueError):
    """A unit this app does not know; the text says which."""


def unit_name(text: str) -> str:
    """``text`` as one of :data:`GRAMS_PER_UNIT`'s keys, or ``UnknownUnit``."""
    name = text.strip().lower()
    name = _ALIASES.get(name, name)
    if name not in GRAMS_PER_UNIT:
        raise UnknownUnit(f"unknown weight unit {text!r}")
    return name


@dataclass(frozen=True, slots=True, order=True)
class Weight:
    """An exact weight in grams (may be negative: a scale under zero, a difference)."""

    grams: Decimal

    @classmethod
    def of(cls, value: Decimal | int | str, unit: str) -> Weight:
        """``value`` in ``unit`` (any name :func:`unit_name` takes)."""
        try:
            amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError(f"{value!r} is not a number") from None
        if not amount.is_finite():
            raise ValueError(f"{value!r} is not a finite weight")
        return cls(amount * GRAMS_PER_UNIT[unit_name(unit)])

    @classmethod
    def zero(cls) -> Weight:
        return cls(Decimal(0))

    def in_unit(self, unit: str, places: int | None = None) -> Decimal:
        """This weight expressed in ``unit``, rounded to ``places`` decimals when given."""
        value = self.grams / GRAMS_PER_UNIT[unit_name(unit)]
        if places is not None:
            value = value.quantize(Decimal(1).scaleb(-places))
        return value.normalize() if places is None else value

    def __add__(self, other: Weight) -> Weight:
        return Weight(self.grams + other.grams)

    def __sub__(self, other: Weight) -> Weight:
        return Weight(self.grams - other.grams)

    def __mul__(self, times: int | Decimal) -> Weight:
        return Weight(self.grams * times)

    def __abs__(self) -> Weight:
        return Weight(abs(self.grams))

    def display(self, unit: str, places: int = 3) -> str:
        """For a person: ``"1.250 kg"``."""
        return f"{self.in_unit(unit, places)} {unit_name(unit)}"
