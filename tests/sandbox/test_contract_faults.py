"""Faults an independent contract run found in the sandboxes, each with the request that
found it: numbers past 64 bits in paging, dates before year 1000, and a Squarespace create that
took two shipping lines and dropped the shipping line and discounts it was sent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest

from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import ListQuery
from fulfillment_station.domain.models import parse_utc
from fulfillment_station.sandbox.db import time_key
from fulfillment_station.sandbox.server import SandboxServer
from tests.conftest import TEST_TOKEN

pytestmark = pytest.mark.integration

PAST_64_BITS = str(2**64 + 7)

#: dialect -> (list path, paging parameter, the status and envelope key of its refusals)
PAGING = {
    "price2b": ("/v1/orders", "page", 422, "success"),
    "inventory-cloud": ("/v1/orders", "offset", 422, "error"),
    "generic-rest": ("/orders", "offset", 400, "error"),
    "nexus": ("/api/orders", "cursor", 400, "error"),
    "squarespace": ("/1.0/commerce/orders", "cursor", 400, "type"),
}


def _client(server: SandboxServer) -> httpx.Client:
    return httpx.Client(
        base_url=server.base_url,
        headers={"Authorization": f"Bearer {TEST_TOKEN}", "User-Agent": "fs-tests/1.0"},
    )


@pytest.mark.parametrize("dialect", sorted(PAGING))
def test_a_paging_number_past_64_bits_is_the_dialects_own_refusal(
    dialect: str, shared_sandbox: Callable[[str], SandboxServer]
) -> None:
    path, param, status, envelope_key = PAGING[dialect]
    with _client(shared_sandbox(dialect)) as client:
        answer = client.get(path, params={param: PAST_64_BITS})
        assert answer.status_code == status, answer.text[:200]
        assert answer.headers["content-type"].startswith("application/json")
        assert envelope_key in answer.json()
        # The largest position SQLite takes is still an ordinary (empty) page.
        if param == "offset":
            edge = client.get(path, params={param: str(2**63 - 1)})
            assert edge.status_code == 200, edge.text[:200]


def test_time_keys_sort_years_before_1000_first() -> None:
    early = datetime(999, 12, 31, 23, 59, tzinfo=UTC)
    later = datetime(1000, 1, 1, tzinfo=UTC)
    assert time_key(early) == "0999-12-31T23:59:00.000000"
    assert time_key(early) < time_key(later) < time_key(datetime(2026, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize(
    "dialect", ["squarespace", "price2b", "generic-rest", "inventory-cloud", "nexus"]
)
def test_an_order_from_before_year_1000_sorts_and_renders_validly(
    dialect: str, make_sandbox: Callable[..., SandboxServer]
) -> None:
    server = make_sandbox(dialect, orders=5)
    stored = server.db.query(limit=1)[0]
    ancient = datetime(999, 6, 1, 12, 0, tzinfo=UTC)
    order = stored.order.model_copy(
        update={
            "id": stored.order.id[:-3] + "999",
            "number": stored.order.number + "9",
            "created_at": ancient,
            "updated_at": ancient,
            "timeline": [],
            "shipments": [],
        }
    )
    server.db.insert_order(order, stored.extra)
    with connect(dialect, server.base_url, TEST_TOKEN) as connector:
        orders = connector.list_orders()
        found = next(o for o in orders if o.created_at.year == 999)
        assert found.created_at == ancient  # rendered as ISO 8601 the connector can read
        position = orders.index(found)
        if dialect == "nexus":
            # Nexus lists in the order it took orders in; its date filter must still see it.
            before_1000 = connector.list_orders(
                ListQuery(created_to=datetime(1000, 1, 1, tzinfo=UTC))
            )
            assert [o.id for o in before_1000] == [found.id]
        else:
            # Newest first, except Squarespace (oldest change first).
            assert position == (0 if dialect == "squarespace" else len(orders) - 1)
        detail = connector.get_order(found.id)
        assert detail.created_at == ancient
    raw = detail.raw or {}
    stamps = [v for k, v in raw.items() if k in ("createdOn", "created_at", "createdAt")]
    assert stamps and all(parse_utc(s if s.endswith("Z") else s + "Z").year == 999 for s in stamps)


def _create_body(variant: str, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "channelName": "Etsy",
        "externalOrderReference": "ETSY-SHIPLINE",
        "createdOn": "2026-11-20T09:00:00.000Z",
        "customerEmail": "ana@example.com",
        "shippingAddress": {
            "firstName": "Ana",
            "lastName": "Conceição",
            "address1": "Rua Augusta 10",
            "city": "São Paulo",
            "state": "SP",
            "countryCode": "BR",
            "postalCode": "01310-100",
        },
        "lineItems": [
            {
                "variantId": variant,
                "quantity": 2,
                "unitPricePaid": {"value": "10.50", "currency": "USD"},
            }
        ],
        "priceTaxInterpretation": "EXCLUSIVE",
        "subtotal": {"value": "21.00", "currency": "USD"},
        "shippingLines": [
            {"method": "USPS Ground Advantage", "amount": {"value": "6.40", "currency": "USD"}}
        ],
        "discountLines": [{"name": "WELCOME10", "amount": {"value": "2.10", "currency": "USD"}}],
        "taxTotal": {"value": "1.20", "currency": "USD"},
        "grandTotal": {"value": "26.50", "currency": "USD"},
    }
    body.update(changes)
    return body


def test_squarespace_create_keeps_the_shipping_line_and_discounts(
    make_sandbox: Callable[..., SandboxServer],
) -> None:
    server = make_sandbox("squarespace", orders=5)
    with _client(server) as client:
        variant = client.get("/1.0/commerce/orders").json()["result"][0]["lineItems"][0][
            "variantId"
        ]
        two = _create_body(
            variant,
            shippingLines=[
                {"method": "A", "amount": {"value": "1.00", "currency": "USD"}},
                {"method": "B", "amount": {"value": "2.00", "currency": "USD"}},
            ],
        )
        refused = client.post(
            "/1.0/commerce/orders", json=two, headers={"Idempotency-Key": "two-lines"}
        )
        assert refused.status_code == 400
        assert "only one shipping entry" in refused.json()["message"]
        answer = client.post(
            "/1.0/commerce/orders",
            json=_create_body(variant),
            headers={"Idempotency-Key": "one-line"},
        )
        assert answer.status_code == 201, answer.text
        made = client.get(f"/1.0/commerce/orders/{answer.json()['id']}").json()
    assert made["shippingLines"] == [
        {"method": "USPS Ground Advantage", "amount": {"value": "6.40", "currency": "USD"}}
    ]
    assert made["discountLines"][0]["name"] == "WELCOME10"

    def value(key: str) -> Decimal:
        return Decimal(made[key]["value"])

    assert value("shippingTotal") == Decimal("6.40")
    assert value("discountTotal") == Decimal("2.10")
    assert (
        value("subtotal") + value("shippingTotal") + value("taxTotal") - value("discountTotal")
    ) == value("grandTotal")
