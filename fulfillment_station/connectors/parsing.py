"""How the connectors read a store's answer: :class:`FieldReader`, the one set of field readers
every dialect's parser uses, and the validation of the order (or shipment) they build.

A reader is bound to the order being read (``None`` for a list answer's paging block) and
reads one field at a time: ``reader.count(item, "quantity", "items[2].quantity")``. It is
tolerant of what stores send (numbers where text is expected, numeric text where numbers are
expected, an empty string for no value) and, when a field cannot be read, raises
``BadResponse`` naming the order and the field's path from the payload's top. ``field``
defaults to the key; a caller inside a list or object passes the full path.

What differs between dialects stays in the dialect's module and is handed to the reader: the
field names, the status table, the address's keys, and whether a date and time without an
offset is taken as UTC (``naive_utc``) or refused (for stores whose documents promise UTC).

Readers run for every field of every order a sync reads, so the common case comes first.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Final, Literal, overload

from pydantic import ValidationError

from fulfillment_station.connectors.errors import BadResponse
from fulfillment_station.domain.models import (
    Order,
    OrderStatus,
    Shipment,
    domain_error_from,
    parse_utc,
)
from fulfillment_station.domain.money import MAX_AMOUNT, to_decimal

_ZERO: Final = Decimal("0")

#: Python refuses to write an int with more digits as text, and int() of such a Decimal takes
#: minutes ("1e999999"), so a count this long is unreadable rather than a stall.
_MAX_COUNT_DIGITS: Final = 4300

#: The canonical address fields that are text, never None (the model's defaults are "").
_ADDRESS_TEXT: Final = frozenset({"name", "line1", "city", "country"})


class FieldReader:
    """Reads the fields of one order (or one answer, ``order_id`` None); every refusal is a
    ``BadResponse`` naming the order and the field's path.

    ``naive_utc``: a date and time without an offset is taken as UTC (True) or refused (False,
    for a store whose document promises an offset)."""

    __slots__ = ("naive_utc", "order_id")

    def __init__(self, order_id: str | None, *, naive_utc: bool = True) -> None:
        self.order_id = order_id
        self.naive_utc = naive_utc

    def bad(self, message: str, field: str) -> BadResponse:
        """The refusal of ``field``, for a dialect's own check of a field it has read."""
        return BadResponse(message, field=field, order_id=self.order_id)

    # -- text -----------------------------------------------------------------------------

    def text(self, data: Mapping[str, Any], key: str, field: str | None = None) -> str | None:
        """``data[key]`` as text; None when absent or empty. Numbers become their text."""
        value = data.get(key)
        if type(value) is str:
            return value or None
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
            raise self.bad(f"expected text, got {type(value).__name__}", field or key)
        return str(value)

    def required_text(self, data: Mapping[str, Any], key: str, field: str | None = None) -> str:
        """Like :meth:`text`, but absent or empty is "is missing"."""
        value = self.text(data, key, field)
        if value is None:
            raise self.bad("is missing", field or key)
        return value

    def ident(self, data: Mapping[str, Any], key: str, field: str | None = None) -> str:
        """An id that must be there: text (not blank) or a whole number, as its text. A
        fraction or a boolean is no id."""
        value = data.get(key)
        if type(value) is str:
            if value.strip():
                return value
        elif type(value) is int:
            return str(value)
        elif value is not None:
            raise self.bad("is not an id", field or key)
        raise self.bad("is missing", field or key)

    def status(
        self,
        data: Mapping[str, Any],
        key: str,
        table: Mapping[str, OrderStatus],
        *,
        required: bool = True,
    ) -> tuple[OrderStatus, str | None]:
        """(canonical status, the word as sent) of ``data[key]`` through the dialect's
        ``table`` (whose words are all lower or all upper case), matched without regard to
        case or surrounding spaces; a word the table does not know is ``UNKNOWN``. A status is
        a word: a number or anything else is refused. Absent is "is missing", or (``required``
        False) ``UNKNOWN`` with no word."""
        value = data.get(key)
        if type(value) is not str or not value.strip():
            if value is None or type(value) is str:
                if required:
                    raise self.bad("is missing", key)
                return OrderStatus.UNKNOWN, None
            raise self.bad(f"expected text, got {type(value).__name__}", key)
        status = table.get(value)
        if status is None:
            word = value.strip()
            status = table.get(word.lower()) or table.get(word.upper()) or OrderStatus.UNKNOWN
        return status, value

    def cursor(self, data: Mapping[str, Any], key: str, field: str | None = None) -> str | None:
        """A paging cursor: text, None when absent or empty."""
        value = data.get(key)
        if value is None or value == "":
            return None
        if type(value) is not str:
            raise self.bad("is not text", field or key)
        return value

    # -- numbers --------------------------------------------------------------------------

    def money(
        self,
        data: Mapping[str, Any],
        key: str,
        field: str | None = None,
        *,
        required: bool = False,
    ) -> Decimal:
        """``data[key]`` as an exact amount (a number or numeric text); absent is 0, or
        "is missing" when ``required``."""
        value = data.get(key)
        if type(value) is str:  # the common case of stores that send amounts as text
            try:
                amount = Decimal(value)  # surrounding spaces are Decimal's to ignore
            except InvalidOperation:
                pass  # to_decimal words the refusal
            else:
                if amount.is_finite() and -MAX_AMOUNT < amount < MAX_AMOUNT:
                    return amount
        elif value is None:
            if required:
                raise self.bad("is missing", field or key)
            return _ZERO
        try:
            return to_decimal(value)
        except ValueError as exc:
            raise self.bad(str(exc), field or key) from None

    def money_object(
        self, data: Mapping[str, Any], key: str, field: str | None = None
    ) -> tuple[Decimal, str | None]:
        """(amount, currency) of a money object ``{"value", "currency"}`` (a bare amount is
        read too); absent is 0 with no currency. A currency that is not text is ignored."""
        value = data.get(key)
        if type(value) is dict:
            currency = value.get("currency")
            return (
                self.money(value, "value", field or key),
                currency if type(currency) is str and currency else None,
            )
        return self.money(data, key, field), None

    def number(self, data: Mapping[str, Any], key: str, field: str | None = None) -> Decimal | None:
        """``data[key]`` as an exact number, None when absent (an amount that may be unknown)."""
        return None if data.get(key) is None else self.money(data, key, field)

    def weight(self, data: Mapping[str, Any], key: str, field: str | None = None) -> Decimal | None:
        """A weight: a number that cannot be negative; None when absent."""
        if data.get(key) is None:
            return None
        weight = self.money(data, key, field)
        if weight.is_signed() and weight:  # -0 is no weight, not a negative one
            raise self.bad("cannot be negative", field or key)
        return weight

    @overload
    def count(self, data: Mapping[str, Any], key: str, field: str | None = None) -> int | None: ...
    @overload
    def count(
        self,
        data: Mapping[str, Any],
        key: str,
        field: str | None = None,
        *,
        required: Literal[True],
    ) -> int: ...
    def count(
        self, data: Mapping[str, Any], key: str, field: str | None = None, *, required: bool = False
    ) -> int | None:
        """A whole number that cannot be negative (a quantity, a page number); None when
        absent, or "is missing" when ``required``. Numeric text and whole floats (``2.0``) are
        read; the order model, not the reader, decides how many units are too many."""
        value = data.get(key)
        if type(value) is int:
            if value < 0:
                raise self.bad("cannot be negative", field or key)
            return value
        if value is None:
            if required:
                raise self.bad("is missing", field or key)
            return None
        try:
            if isinstance(value, bool):
                raise ValueError(value)
            number = Decimal(value.strip()) if isinstance(value, str) else Decimal(value)
            if (
                not number.is_finite()
                or number != number.to_integral_value()
                or number.adjusted() >= _MAX_COUNT_DIGITS
            ):
                raise ValueError(value)
            count = int(number)
        except (ValueError, ArithmeticError, TypeError, InvalidOperation):
            raise self.bad(f"{str(value)[:40]!r} is not a whole number", field or key) from None
        if count < 0:
            raise self.bad("cannot be negative", field or key)
        return count

    @staticmethod
    def paging_count(data: Mapping[str, Any], key: str) -> int | None:
        """A count in a list answer's paging block (``total``...); None when absent or
        unreadable, since such counts only feed progress."""
        value = data.get(key)
        if value is None or isinstance(value, bool):
            return None
        try:
            return int(value)
        except (TypeError, ValueError, OverflowError):
            return None

    # -- dates ----------------------------------------------------------------------------

    def when(self, data: Mapping[str, Any], key: str, field: str | None = None) -> datetime | None:
        """An ISO 8601 date and time as aware UTC; None when absent or blank."""
        value = data.get(key)
        if type(value) is str:
            try:
                return parse_utc(value)
            except ValueError:
                if not value.strip():
                    return None
                return self._naive(value, field or key)
            except OverflowError:  # a valid offset that moves the instant outside years 1..9999
                raise self.bad(f"{value[:40]!r} is out of range", field or key) from None
        if value is None:
            return None
        raise self.bad("is not a date and time", field or key)

    def required_when(
        self, data: Mapping[str, Any], key: str, field: str | None = None
    ) -> datetime:
        """Like :meth:`when`, but absent or blank is "is missing"."""
        value = self.when(data, key, field)
        if value is None:
            raise self.bad("is missing", field or key)
        return value

    def _naive(self, value: str, field: str) -> datetime:
        """``value``, which parse_utc refused: a date and time without an offset (UTC when
        the dialect says so), or unreadable."""
        try:
            naive = datetime.fromisoformat(value.strip())
        except ValueError:
            raise self.bad(f"{value[:40]!r} is not an ISO 8601 date and time", field) from None
        if naive.tzinfo is not None:  # an offset Python could read but parse_utc refused
            raise self.bad(f"{value[:40]!r} has an unusable offset", field)
        if not self.naive_utc:
            raise self.bad(f"{value[:40]!r} has no UTC offset", field)
        return naive.replace(tzinfo=UTC)

    # -- nested ---------------------------------------------------------------------------

    def obj(self, data: Mapping[str, Any], key: str, field: str | None = None) -> dict[str, Any]:
        """A nested object; ``{}`` when absent."""
        value = data.get(key)
        if type(value) is dict:
            return value
        if value is None:
            return {}
        raise self.bad("is not an object", field or key)

    def values(self, data: Mapping[str, Any], key: str, field: str | None = None) -> list[Any]:
        """A list of anything; empty when absent."""
        value = data.get(key)
        if type(value) is list:
            return value
        if value is None:
            return []
        raise self.bad("is not a list", field or key)

    def objects(
        self, data: Mapping[str, Any], key: str, field: str | None = None
    ) -> list[dict[str, Any]]:
        """A list of objects; empty when absent. Each entry that is not an object is refused
        by its place (``items[3]``)."""
        field = field or key
        value = self.values(data, key, field)
        for n, item in enumerate(value):
            if type(item) is not dict:
                raise self.bad("is not an object", f"{field}[{n}]")
        return value

    def address(
        self, data: Mapping[str, Any], key: str, wire: Mapping[str, str]
    ) -> dict[str, str | None] | None:
        """``data[key]``, an address object, in the canonical address's terms (None when
        absent). ``wire`` maps each canonical field the dialect has (``line1``...) to the
        dialect's key (``address_line1``); name, line1, city and country are "" when absent,
        the others None."""
        if data.get(key) is None:
            return None
        value = self.obj(data, key)
        out: dict[str, str | None] = {}
        for name, wire_key in wire.items():
            text = value.get(wire_key)
            if type(text) is not str:  # a number, or something text() refuses by its path
                text = self.text(value, wire_key, f"{key}.{wire_key}")
            out[name] = text or ("" if name in _ADDRESS_TEXT else None)
        return out


def order_from(fields: dict[str, Any], order_id: str) -> Order:
    """The canonical order from ``fields`` (sub-objects as plain dicts, so it is validated once,
    as a whole); what the model refuses is ``BadResponse`` naming the order and the field."""
    try:
        return Order.model_validate(fields)
    except ValidationError as exc:
        err = domain_error_from(exc)
        raise BadResponse(err.message, field=err.field, order_id=order_id) from None


def shipment_from(fields: dict[str, Any], order_id: str | None, where: str) -> Shipment:
    """A shipment the store answered on its own (not inside an order), validated as
    :func:`order_from` validates an order; ``where`` is its place in the answer."""
    try:
        return Shipment.model_validate(fields)
    except ValidationError as exc:
        err = domain_error_from(exc)
        field = f"{where}.{err.field}" if err.field else where
        raise BadResponse(err.message, field=field, order_id=order_id) from None
