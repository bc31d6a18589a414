"""Check-digit algorithms, one implementation per algorithm (never one per carrier).

Every function takes the *body* (the characters the check digit protects, any implied prefix
already prepended) and the parameters from the carrier table, and returns the expected check
digit. Which carrier uses which algorithm with which parameters lives in
``resources/carriers.json``; GS1 product codes reuse :func:`mod10_weighted` with weights 3,1.

Weights are always given *from the rightmost body character leftwards* and repeat cyclically.
Anchoring at the right is what makes one parameter set serve bodies of different lengths
(a 12-digit FedEx number and the 13-digit serial in its 34-digit barcode, a 20- and a 22-digit
USPS number).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

CheckFunction = Callable[[str, Mapping[str, Any]], int]


class CheckDigitError(ValueError):
    """The body holds a character the algorithm cannot weigh."""


def _weights(params: Mapping[str, Any]) -> Sequence[int]:
    weights = params.get("weights")
    if not weights:
        raise CheckDigitError("the algorithm needs a non-empty 'weights' list")
    return [int(w) for w in weights]


def _value(char: str, letter_offset: int | None) -> int:
    if char.isdigit() and char.isascii():
        return int(char)
    if letter_offset is not None and "A" <= char <= "Z":
        # UPS folds letters onto digits: A=2, B=3 ... I=0, J=1 ... i.e. (code point - 3) mod 10.
        return (ord(char) - letter_offset) % 10
    raise CheckDigitError(f"character {char!r} cannot carry a check digit")


def weighted_sum(body: str, weights: Sequence[int], letter_offset: int | None = None) -> int:
    """Sum of digit values times weights, weights anchored at the rightmost character."""
    total = 0
    for index, char in enumerate(reversed(body)):
        total += _value(char, letter_offset) * weights[index % len(weights)]
    return total


def mod10_weighted(body: str, params: Mapping[str, Any]) -> int:
    """GS1 / USPS / FedEx Ground / UPS style: ``(10 - sum mod 10) mod 10``."""
    total = weighted_sum(body, _weights(params), params.get("letter_offset"))
    return (10 - total % 10) % 10


def mod11_weighted(body: str, params: Mapping[str, Any]) -> int:
    """Weighted sum modulo 11, with two variants chosen by parameters.

    ``complement`` false (FedEx Express): the check digit is the remainder itself.
    ``complement`` true (UPU S10): it is ``11 - remainder``.
    ``remap`` turns the two-digit outcomes (10, 11) into a single digit (S10: 10->0, 11->5).
    """
    remainder = weighted_sum(body, _weights(params)) % 11
    value = 11 - remainder if params.get("complement") else remainder
    remap = {int(k): int(v) for k, v in dict(params.get("remap", {})).items()}
    value = remap.get(value, value)
    if not 0 <= value <= 9:
        raise CheckDigitError(f"mod-11 outcome {value} has no single-digit mapping")
    return value


def mod7(body: str, params: Mapping[str, Any]) -> int:
    """DHL Express: the body read as one number, modulo 7."""
    if not (body.isascii() and body.isdigit()):
        raise CheckDigitError("a mod-7 body must be digits only")
    return int(body) % 7


ALGORITHMS: Mapping[str, CheckFunction] = {
    "mod10_weighted": mod10_weighted,
    "mod11_weighted": mod11_weighted,
    "mod7": mod7,
}
"""Algorithm name (as written in the carrier table) -> implementation. ``"none"`` is handled by
the caller: it means the format defines no check digit (Amazon Logistics)."""

NO_CHECK = "none"


def expected_check_digit(algorithm: str, body: str, params: Mapping[str, Any]) -> int:
    try:
        function = ALGORITHMS[algorithm]
    except KeyError:
        raise CheckDigitError(f"unknown check-digit algorithm {algorithm!r}") from None
    return function(body, params)


GS1_WEIGHTS: Mapping[str, Any] = {"weights": [3, 1]}
"""GTIN, SSCC and GLN check digits: mod 10, weights 3,1 from the right."""


def gs1_check_digit(body: str) -> int:
    return mod10_weighted(body, GS1_WEIGHTS)


def gs1_is_valid(code: str) -> bool:
    """True when ``code`` (digits, check digit last) passes the GS1 mod-10 check."""
    if len(code) < 2 or not (code.isascii() and code.isdigit()):
        return False
    return gs1_check_digit(code[:-1]) == int(code[-1])
