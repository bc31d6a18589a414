"""Squarespace discounts itemised: each ``discountLines`` entry (seed 002: "Array of discount
line items. Describes the promotions redeemed during checkout.") reaches the cache, the
detail pane and the slip with its name and amount, so the slip adds up without an
unitemised row. An order with discounts is created in the sandbox over HTTP, then synced."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from fulfillment_station.connectors import connect
from fulfillment_station.domain import Order
from fulfillment_station.domain.money import format_money
from fulfillment_station.printing.samples import sample_settings
from fulfillment_station.printing.slip import (
    UNITEMISED_CHARGES,
    UNITEMISED_DISCOUNT,
    money,
    render_slip,
    total_rows,
)
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.sync import SyncService
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.ui.orders.detail_pane import OrderDetailPane
from tests.conftest import TEST_TOKEN

from .conftest import pdf_pages_text

pytestmark = pytest.mark.integration

SPRING = "Spring sale <b>bold</b>"  # API text: shown literally, never as markup


def usd(value: Decimal) -> dict[str, str]:
    return {"value": format(value, "f"), "currency": "USD"}


def create_discounted_order(server: SandboxServer) -> str:
    """POST an order with two promotions to the sandbox, as another sales channel would."""
    with connect("squarespace", server.base_url, TEST_TOKEN) as shop:
        sku = next(line.sku for o in shop.list_orders() for line in o.lines if line.sku)
    price, quantity = Decimal("24.00"), 2
    subtotal = price * quantity
    shipping, tax = Decimal("6.50"), Decimal("3.10")
    discounts = [
        {"name": SPRING, "amount": usd(Decimal("5.00"))},
        {"name": "Welcome", "promoCode": "WELCOME10", "amount": usd(Decimal("2.50"))},
    ]
    total = subtotal + shipping + tax - Decimal("7.50")
    body: dict[str, Any] = {
        "channelName": "Market stall",
        "externalOrderReference": f"STALL-{secrets.token_hex(4)}",
        "createdOn": "2026-03-02T10:00:00Z",
        "priceTaxInterpretation": "EXCLUSIVE",
        "lineItems": [{"sku": sku, "quantity": quantity, "unitPricePaid": usd(price)}],
        "shippingLines": [{"method": "Standard", "amount": usd(shipping)}],
        "discountLines": discounts,
        "taxTotal": usd(tax),
        "subtotal": usd(subtotal),
        "grandTotal": usd(total),
        "shippingAddress": {
            "firstName": "Ana",
            "lastName": "Lima",
            "address1": "1 Quay Street",
            "city": "Portland",
            "postalCode": "97201",
            "countryCode": "US",
        },
    }
    answer = httpx.post(
        f"{server.base_url}/1.0/commerce/orders",
        json=body,
        headers={
            "Authorization": f"Bearer {TEST_TOKEN}",
            "User-Agent": "discount-test",
            "Idempotency-Key": secrets.token_hex(8),
        },
        timeout=10,
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


@pytest.fixture
def discounted(make_sandbox: Callable[..., SandboxServer], tmp_path: Path) -> tuple[Order, Order]:
    """(the order as the cache holds it after a sync, as the store's detail gives it)."""
    server = make_sandbox("squarespace", orders=10)
    order_id = create_discounted_order(server)
    with (
        connect("squarespace", server.base_url, TEST_TOKEN) as shop,
        OrderCache(tmp_path / "cache.sqlite3") as cache,
    ):
        SyncService(shop, cache, "shop").run()
        cached = cache.get(order_id, connection="shop")
        assert cached is not None
        return cached, shop.get_order(order_id)


def test_each_discount_reaches_the_cache_with_its_name_and_amount(
    discounted: tuple[Order, Order],
) -> None:
    cached, detail = discounted
    assert cached.to_json_dict() == detail.to_json_dict()
    assert [(d.name, d.code, d.amount) for d in cached.discounts] == [
        (SPRING, None, Decimal("5.00")),
        ("Welcome", "WELCOME10", Decimal("2.50")),
    ]


def test_the_slip_itemises_each_discount_and_adds_up(discounted: tuple[Order, Order]) -> None:
    order, _ = discounted
    rows = total_rows(order)
    assert rows[-1] == ("Total", order.total)
    assert sum((amount for _, amount in rows[:-1]), Decimal(0)) == order.total
    captions = [label for label, _ in rows]
    assert UNITEMISED_DISCOUNT not in captions and UNITEMISED_CHARGES not in captions
    text = " ".join(pdf_pages_text(render_slip(order, sample_settings())))
    assert f"Discount: {SPRING} {money(Decimal('-5.00'), 'USD')}" in text
    assert f"Discount: Welcome (code WELCOME10) {money(Decimal('-2.50'), 'USD')}" in text
    assert f"Total {money(order.total, 'USD')}" in text


def test_the_detail_pane_lists_each_discount(qtbot: Any, discounted: tuple[Order, Order]) -> None:
    order, _ = discounted
    pane = OrderDetailPane(locale="en")
    qtbot.addWidget(pane)
    pane.show_order(order)
    shown = pane.totals.text()
    assert f"Discount {SPRING}: {format_money(Decimal('-5.00'), 'USD', 'en')}" in shown
    assert "Discount Welcome (code WELCOME10): " in shown
    assert pane.totals.textFormat().name == "PlainText"
