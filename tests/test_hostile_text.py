"""Arbitrary Unicode from an Orders API (lone surrogates, controls, RTL overrides, 100k
characters) through every dialect's parser and on to the slip PDF, the ZPL label and the
terminal: text is made safe once at the edge, then nothing raises but the typed refusals."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fulfillment_station.cli import orders_cmd
from fulfillment_station.connectors import (
    connect,
    generic_rest,
    inventory_cloud,
    nexus,
    price2b,
    squarespace,
)
from fulfillment_station.connectors.errors import BadResponse
from fulfillment_station.connectors.http import loads
from fulfillment_station.domain.models import Order
from fulfillment_station.domain.safe_text import (
    MAX_FIELD_CHARS,
    clean_api_text,
    for_terminal,
    is_text_safe,
    short_message,
)
from fulfillment_station.printing.errors import PrintingError
from fulfillment_station.printing.samples import sample_settings, sample_shipment
from fulfillment_station.printing.slip import render_slip
from fulfillment_station.printing.zpl import render_label_zpl
from fulfillment_station.sandbox.server import SandboxServer
from tests.conftest import TEST_TOKEN

PARSERS: dict[str, Callable[[Any], Order]] = {
    "nexus": nexus.parse_order,
    "price2b": price2b.parse_order,
    "squarespace": squarespace.parse_order,
    "inventory-cloud": inventory_cloud.parse_order,
    "generic-rest": generic_rest.parse_order,
}
#: Keys whose text reaches a label, a slip or a terminal.
TEXT_KEYS = (
    "name",
    "sku",
    "title",
    "note",
    "city",
    "line",
    "address",
    "company",
    "email",
    "message",
    "first",
    "last",
    "product",
    "street",
    "state",
    "region",
)

hostile_text = st.one_of(
    st.text(st.characters(codec=None, categories=None), max_size=60),
    st.lists(
        st.sampled_from(
            [
                "\ud83d",
                "\udc00",
                "\x1b",
                "\x07",
                "\x00",
                "\r",
                "\n",
                "\u202e",
                "\u2066",
                "\u0645",
                "a",
                " ",
                "^XZ",
                "~JA",
                "<b>",
                "&",
            ]
        ),
        max_size=40,
    ).map("".join),
    st.integers(90_000, 110_000).map(lambda n: "\u202e\ud83d" * (n // 2)),
)


def _texts_to(payload: Any, value: str) -> Any:
    """``payload`` with every text under a name-like key set to ``value``."""
    if isinstance(payload, dict):
        return {
            k: (
                value
                if isinstance(v, str) and any(t in k.lower() for t in TEXT_KEYS)
                else _texts_to(v, value)
            )
            for k, v in payload.items()
        }
    if isinstance(payload, list):
        return [_texts_to(v, value) for v in payload]
    return payload


@pytest.fixture(scope="module")
def payloads(shared_sandbox: Callable[[str], SandboxServer]) -> dict[str, Any]:
    """One real order payload per dialect, as its sandbox sends it."""
    out: dict[str, Any] = {}
    for dialect in PARSERS:
        server = shared_sandbox(dialect)
        with connect(dialect, server.base_url, TEST_TOKEN) as connector:
            first = connector.list_orders(limit=1)[0]
            out[dialect] = connector.get_order(first.id).raw
    return out


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@given(text=hostile_text)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_every_parser_and_printer_takes_any_text(payloads: dict[str, Any], text: str) -> None:
    settings_ = sample_settings("letter")
    for dialect, payload in payloads.items():
        wire = json.dumps(_texts_to(copy.deepcopy(payload), text))  # escapes: valid JSON
        data = loads(wire.encode())
        assert all(is_text_safe(s) and len(s) <= MAX_FIELD_CHARS for s in _strings(data))
        try:
            order = PARSERS[dialect](data)
        except BadResponse as exc:  # refused, naming why: fine
            assert is_text_safe(str(exc))
            continue
        assert all(is_text_safe(s) for s in _strings(order.to_json_dict()))
        assert render_slip(order, settings_).startswith(b"%PDF")
        if order.ship_to is not None:
            try:
                zpl = render_label_zpl(order, sample_shipment(), settings_)
            except PrintingError:
                pass  # an address a carrier cannot take is refused in words
            else:
                assert zpl.startswith("^XA") and zpl.count("^XZ") == 1
        line = for_terminal(f"{order.number} {order.customer.name} {order.notes}")
        assert not any(c in line for c in "\x1b\x07\x00\r\n\u202e\u2066")


@given(text=st.text(max_size=300) | hostile_text)
@settings(max_examples=200, deadline=None)
def test_the_edge_and_the_terminal_filters_hold(text: str) -> None:
    clean = clean_api_text(text)
    assert is_text_safe(clean) and len(clean) <= MAX_FIELD_CHARS
    assert clean_api_text(clean) == clean  # once is enough
    shown = for_terminal(text)
    assert shown.isprintable()
    message = short_message(text)
    assert is_text_safe(message) and len(message) <= 300
    assert not any(c in message for c in "\n\u202e\u2066")


def test_the_terminal_printer_never_passes_controls(capsys: pytest.CaptureFixture[str]) -> None:
    from fulfillment_station.printing.samples import sample_order

    order = sample_order(customer="Evil\x1b]0;pwned\x07\r\u202eName", notes="a\x00b\x1b[2J")
    orders_cmd._print_order(order)
    orders_cmd._print_orders([order])
    out = capsys.readouterr().out
    assert not any(c in out for c in "\x1b\x07\x00\r\u202e")
    assert "\\x1b" in out  # shown, escaped, for whoever reads it
