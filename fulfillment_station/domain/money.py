"""Money: Decimal amounts that serialise as strings and never pass through float, and the one
formatter every screen and paper uses (:func:`format_money`, locale-aware through babel)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer

from fulfillment_station.domain.locales import babel_locale

CENT = Decimal("0.01")
#: No order, line or total reaches a trillion: beyond, an amount is garbage (``1e999999``
#: would pass as a finite Decimal, then crash the slip's rounding and print a million digits).
MAX_AMOUNT = Decimal(10) ** 12


def to_decimal(value: Any) -> Decimal:
    """Accept Decimal, int, float (via its shortest repr) or a numeric string."""
    if type(value) is Decimal and value.is_finite() and -MAX_AMOUNT < value < MAX_AMOUNT:
        return value  # the common case (connectors hand over Decimals): no more checks
    if type(value) is float:  # what JSON gives for most amounts: skip the checks below
        result = Decimal(repr(value))
    elif isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool):
        raise ValueError("a money amount cannot be a boolean")
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        # repr() gives the shortest string that round-trips, so 13.49 stays 13.49.
        result = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"{value[:40]!r} is not an amount of money") from None
    else:
        raise ValueError(f"{type(value).__name__} is not an amount of money")
    if not result.is_finite():
        raise ValueError("a money amount must be a finite number")
    if not -MAX_AMOUNT < result < MAX_AMOUNT:
        raise ValueError("a money amount must be less than a trillion")
    return result


def round_money(value: Decimal) -> Decimal:
    """Round to cents, half up, as stores print totals."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


Money = Annotated[
    Decimal,
    BeforeValidator(to_decimal),
    PlainSerializer(lambda d: format(d, "f"), return_type=str, when_used="json"),
]


#: ISO 4217 currencies that have no minor unit (amounts are whole numbers).
ZERO_DECIMAL_CURRENCIES = frozenset({"JPY", "KRW", "CLP", "VND", "ISK", "PYG", "UGX", "XOF", "XAF"})


def format_money(amount: Decimal, currency: str | None, locale: str) -> str:
    """``Decimal("1234.5"), "EUR", "es"`` -> ``"1.234,50 €"``; ``"USD", "en_US"`` ->
    ``"$1,234.50"``. Rounded half up to the currency's minor unit first, as stores print
    totals, so the list, the detail pane and the slip show the same figure."""
    # Imported here: every layer imports this module for the Money type, and most never
    # format an amount (the CLI's --json, the sync, the sandbox).
    import babel.numbers

    code = (currency or "").strip().upper()
    places = Decimal(1) if code in ZERO_DECIMAL_CURRENCIES else CENT
    rounded = amount.quantize(places, rounding=ROUND_HALF_UP)
    loc = babel_locale(locale)
    if len(code) == 3 and code.isalpha():
        return babel.numbers.format_currency(rounded, code, locale=loc)
    # No usable ISO code from the API: the number in local style, the code (if any) beside it.
    digits = "#,##0" if places == 1 else "#,##0.00"
    number = babel.numbers.format_decimal(rounded, format=digits, locale=loc)
    return f"{number} {currency}".strip() if currency else number
