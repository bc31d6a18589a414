"""Realistic canonical Orders for tests and benchmarks, generated fast and reproducibly.

``make_orders(n, seed=...)`` gives orders from several countries with non-ASCII names, 1-12
lines, and a mix of statuses (some partly shipped, cancelled, shipped with tracking, a few with
an unknown status or an incomplete address). ``build_order(...)`` makes one plain order whose
fields a test spells out.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from fulfillment_station.domain.models import Order
from fulfillment_station.domain.summaries import OrderSummary

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

_COUNTRIES = [
    # country, currency, cities, given names, family names
    (
        "US",
        "USD",
        ["Portland", "Austin", "Boston"],
        ["Emma", "Liam", "Zoë"],
        ["Smith", "García", "O'Brien"],
    ),
    (
        "DE",
        "EUR",
        ["München", "Köln", "Düsseldorf"],
        ["Jürgen", "Anna", "Björn"],
        ["Müller", "Schäfer", "Groß"],
    ),
    (
        "FR",
        "EUR",
        ["Besançon", "Nîmes", "Lyon"],
        ["Amélie", "François", "Chloé"],
        ["Lefèvre", "Dubois", "Gaël"],
    ),
    (
        "PL",
        "PLN",
        ["Łódź", "Kraków", "Gdańsk"],
        ["Łukasz", "Małgorzata", "Zoś"],
        ["Żółkiewski", "Wójcik", "Nowak"],
    ),
    (
        "SE",
        "SEK",
        ["Göteborg", "Malmö", "Umeå"],
        ["Åsa", "Sören", "Björk"],
        ["Ångström", "Lindqvist", "Öberg"],
    ),
    (
        "GB",
        "GBP",
        ["London", "Leeds", "Cardiff"],
        ["Siobhán", "Oliver", "Amelia"],
        ["Jones", "Ní Bhriain", "Taylor"],
    ),
    ("JP", "JPY", ["東京", "大阪", "札幌"], ["太郎", "花子", "Yūki"], ["山田", "佐藤", "Tanaka"]),
    (
        "BR",
        "BRL",
        ["São Paulo", "Belém", "Niterói"],
        ["João", "Inês", "Conceição"],
        ["Gonçalves", "Araújo", "Simões"],
    ),
]
_PRODUCTS = [
    ("MUG-BLK", "Enamel mug, black", "12.50"),
    ("MUG-WHT", "Enamel mug, white", "12.50"),
    ("TEE-M-NVY", "T-shirt M navy", "24.00"),
    ("TEE-L-GRY", "T-shirt L grey", "24.00"),
    ("CAP-OLV", "Cap olive", "19.90"),
    ("SOCK-3P", "Socks, 3 pairs", "14.99"),
    ("BAG-TOTE", "Tote bag", "9.95"),
    ("PIN-ENM", "Enamel pin «Fox»", "4.50"),
    ("BOT-750", "Bottle 750 ml", "27.00"),
    ("NB-A5", "Notebook A5 dotted", "8.40"),
    ("CRD-GFT", "Gift card printed", "25.00"),
    ("POST-A3", "Poster A3 – Ålesund", "15.00"),
]
_STATUSES = [
    ("pending", 15),
    ("confirmed", 15),
    ("processing", 22),
    ("shipped", 25),
    ("delivered", 9),
    ("completed", 7),
    ("cancelled", 5),
    ("unknown", 2),
]
_CHANNELS = [
    (None, None),
    ("web", None),
    ("marketplace", "Amazon DE"),
    ("marketplace", "eBay"),
    ("pos", None),
]
_CARRIERS = ["UPS", "DHL", "PostNord", "USPS"]


def _tracking(rng: random.Random, carrier: str) -> str:
    if carrier == "UPS":
        return "1Z" + "".join(rng.choices("0123456789ABCDEFGHJKLMNPRSTUVWXYZ", k=16))
    if carrier == "USPS":
        return "9400" + "".join(rng.choices("0123456789", k=18))
    return "".join(rng.choices("0123456789", k=10 if carrier == "DHL" else 12))


def make_order_dict(
    rng: random.Random, index: int, *, dialect: str = "nexus", now: datetime = NOW
) -> dict[str, Any]:
    """One generated order as a canonical JSON dict (validated by ``parse``/``make_orders``)."""
    country, currency, cities, given, family = rng.choice(_COUNTRIES)
    name = f"{rng.choice(given)} {rng.choice(family)}"
    email = f"customer{index}@example.{country.lower()}"
    status = rng.choices([s for s, _ in _STATUSES], weights=[w for _, w in _STATUSES])[0]
    created = now - timedelta(seconds=rng.randrange(0, 180 * 86400))
    lines: list[dict[str, Any]] = []
    subtotal = Decimal("0")
    for n, (sku, title, price) in enumerate(rng.sample(_PRODUCTS, rng.randint(1, 12))):
        qty = rng.randint(1, 4)
        subtotal += Decimal(price) * qty
        lines.append(
            {
                "id": f"{index}-{n + 1}",
                "sku": sku,
                "name": title,
                "quantity": qty,
                "quantity_fulfilled": 0,
                "unit_price": price,
                "barcode": f"40{zlib.crc32(sku.encode()):011d}",
            }
        )
    if status in ("shipped", "delivered", "completed"):
        fulfilled_lines = lines
    elif status == "processing" and rng.random() < 0.4:
        fulfilled_lines = lines[: max(1, len(lines) // 2)] if len(lines) > 1 else []
    elif status == "cancelled" and rng.random() < 0.1:
        fulfilled_lines = lines[:1]
    else:
        fulfilled_lines = []
    for line in fulfilled_lines:
        line["quantity_fulfilled"] = line["quantity"]
    ordered = sum(line["quantity"] for line in lines)
    done = sum(line["quantity_fulfilled"] for line in lines)
    fulfillment = "fulfilled" if done == ordered else "partial" if done else "unfulfilled"
    shipments = []
    if fulfilled_lines:
        carrier = rng.choice(_CARRIERS)
        shipped = created + timedelta(hours=rng.randint(2, 96))
        shipments.append(
            {
                "id": f"S{index}",
                "carrier": carrier,
                "service": "Standard",
                "tracking_number": _tracking(rng, carrier),
                "shipped_at": min(shipped, now).isoformat(),
                "lines": [
                    {"line_id": ln["id"], "quantity": ln["quantity"]} for ln in fulfilled_lines
                ],
            }
        )
    channel, marketplace = rng.choice(_CHANNELS)
    shipping = Decimal("4.90")
    tax = (subtotal * Decimal("0.19")).quantize(Decimal("0.01"))
    address = {
        "name": name,
        "line1": f"{rng.randint(1, 200)} Hauptstraße",
        "city": rng.choice(cities),
        "postal_code": f"{rng.randint(10000, 99999)}",
        "country": country,
    }
    if rng.random() < 0.01:
        address["line1"] = ""
    return {
        "id": f"ord_{index:07d}",
        "number": f"#{100000 + index}",
        "dialect": dialect,
        "status": status,
        "api_status": "on-hold-review" if status == "unknown" else None,
        "fulfillment_status": fulfillment,
        "payment_status": "paid",
        "channel": channel,
        "marketplace": marketplace,
        "fulfillment_method": "pickup" if rng.random() < 0.03 else "shipping",
        "currency": currency,
        "subtotal": str(subtotal),
        "tax": str(tax),
        "shipping": str(shipping),
        "total": str(subtotal + tax + shipping),
        "customer": {"name": name, "email": email, "phone": None},
        "ship_to": address,
        "lines": lines,
        "shipments": shipments,
        "timeline": [{"at": created.isoformat(), "kind": "created", "message": "Order placed"}],
        "notes": None,
        "created_at": created.isoformat(),
        "updated_at": max((s["shipped_at"] for s in shipments), default=created.isoformat()),
        "raw": {"source": dialect, "n": index},
    }


def iter_orders(
    n: int, *, seed: int = 0, start: int = 0, dialect: str = "nexus", now: datetime = NOW
) -> Iterator[Order]:
    rng = random.Random(seed)
    for index in range(start, start + n):
        yield Order.model_validate(make_order_dict(rng, index, dialect=dialect, now=now))


def make_orders(
    n: int, *, seed: int = 0, start: int = 0, dialect: str = "nexus", now: datetime = NOW
) -> list[Order]:
    """``n`` generated orders with ids ``ord_<start>`` ... (same seed, same orders)."""
    return list(iter_orders(n, seed=seed, start=start, dialect=dialect, now=now))


def build_order(order_id: str = "A1", **fields: Any) -> Order:
    """A plain one-line order; ``fields`` override canonical fields (dicts for nested ones)."""
    data: dict[str, Any] = {
        "id": order_id,
        "number": f"#{order_id}",
        "dialect": "nexus",
        "status": "pending",
        "fulfillment_status": "unfulfilled",
        "currency": "EUR",
        "total": "10.00",
        "customer": {"name": "Test Customer", "email": "test@example.com"},
        "ship_to": {
            "name": "Test Customer",
            "line1": "1 Main St",
            "city": "Berlin",
            "country": "DE",
        },
        "lines": [
            {"id": "L1", "sku": "SKU-1", "name": "Thing", "quantity": 1, "unit_price": "10.00"}
        ],
        "created_at": "2026-11-01T10:00:00Z",
        "updated_at": "2026-11-01T10:00:00Z",
    }
    data.update(fields)
    return Order.model_validate(data)


def cached_summaries(
    tmp_path: Path, orders: Sequence[Order], connection: str = "shop", name: str = "cache.sqlite3"
) -> list[OrderSummary]:
    """The order list's rows for ``orders``, as a real cache file in ``tmp_path`` gives them."""
    from fulfillment_station.store.cache import OrderCache

    with OrderCache(tmp_path / name) as cache:
        result = cache.upsert_many(orders, connection=connection)
        return cache.summaries_for(connection, result.touched)
