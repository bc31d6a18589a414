"""Field readers the connectors' parsers share (every dialect's, directly or through a reader
bound to the order being read).

Each reads one value of an API payload the same tolerant way (numbers where text is expected
are fine, an empty string is no value, a datetime without an offset is UTC) and, when the value
cannot be read, raises ``BadResponse`` naming the order and the field. ``field`` defaults to the
key; a caller inside a list or object passes the full path (``items[2].price``).

They run for every field of every order a sync reads, so the common case comes first.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from fulfillment_station.connectors.errors import BadResponse
from fulfillment_station.domain.models import Order, Shipment, domain_error_from, parse_utc
from fulfillment_station.domain.money import to_decimal

_ZERO = Decimal("0")


def text(
    data: dict[str, Any], key: str, order_id: str | None, field: str | None = None
) -> str | None:
    """``data[key]`` as text; None when absent or empty. Numbers become their text."""
    value = data.get(key)
    if type(value) is str:
        return value or None
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise BadResponse(
            f"expected text, got {type(value).__name__}", field=field or key, order_id=order_id
        )
    return str(value)


def required_text(
    data: dict[str, Any], key: str, order_id: str | None, field: str | None = None
) -> str:
    """Like :func:`text`, but absent or empty is ``BadResponse`` "is missing"."""
    value = text(data, key, order_id, field)
    if value is None:
        raise BadResponse("is missing", field=field or key, order_id=order_id)
    return value


def money(
    data: dict[str, Any],
    key: str,
    order_id: str | None,
    field: str | None = None,
    *,
    required: bool = False,
) -> Decimal:
    """``data[key]`` as a Decimal amount (numbers or numeric text); absent is 0 unless
    ``required``."""
    value = data.get(key)
    if value is None:
        if required:
            raise BadResponse("is missing", field=field or key, order_id=order_id)
        return _ZERO
    try:
        return to_decimal(value)
    except ValueError as exc:
        raise BadResponse(str(exc), field=field or key, order_id=order_id) from None


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


def required_when(data: dict[str, Any], key: str, order_id: str | None) -> datetime:
    """``data[key]``, an ISO 8601 date and time that must be there, as aware UTC."""
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise BadResponse("is missing or not a date and time", field=key, order_id=order_id)
    return iso_utc(value, key, order_id)


def iso_utc(value: str, field: str, order_id: str | None) -> datetime:
    """An ISO 8601 text as aware UTC; a text without an offset is taken as UTC."""
    try:
        return parse_utc(value)
    except ValueError:
        pass
    except OverflowError:  # a valid offset that moves the instant outside years 1..9999
        raise BadResponse(
            f"{value[:40]!r} is out of range", field=field, order_id=order_id
        ) from None
    try:
        naive = datetime.fromisoformat(value.strip())
    except ValueError:
        raise BadResponse(
            f"{value[:40]!r} is not an ISO 8601 date and time", field=field, order_id=order_id
        ) from None
    if naive.tzinfo is not None:  # an offset Python could read but parse_utc refused
        raise BadResponse(f"{value[:40]!r} has an unusable offset", field=field, order_id=order_id)
    return naive.replace(tzinfo=UTC)


def optional_int(value: Any) -> int | None:
    """A count in a list answer's paging block (``total``...); None when absent or
    unreadable, since such counts only feed progress."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return None
