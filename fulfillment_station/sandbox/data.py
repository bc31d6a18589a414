"""Deterministic, realistic fake orders for the training sandbox.

``generate_records(dialect, n, seed, now)`` yields canonical order dicts (the JSON form of
``domain.Order``) plus a small ``extra`` dict of dialect-only fields (customer id, product ids,
returns flag...). Same ``seed`` and ``now`` give the same data. Orders are spread over the 60
days before ``now`` so "today" presets have something in them. Built from plain dicts, not
pydantic objects, so 100,000 orders take a few seconds.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class SandboxRecord:
    order: dict[str, Any]
    extra: dict[str, Any]


@dataclass(frozen=True)
class DialectProfile:
    """What a dialect's data may look like: which statuses it can express, whether it knows
    partial shipments, its sales channels."""

    statuses: tuple[tuple[str, int], ...]  # canonical status, weight
    partial: bool
    channels: tuple[str, ...]


_FIVE = (("pending", 6), ("processing", 34), ("shipped", 30), ("delivered", 20), ("cancelled", 7))
PROFILES: dict[str, DialectProfile] = {
    "nexus": DialectProfile(
        (
            ("pending", 5),
            ("confirmed", 20),
            ("processing", 18),
            ("shipped", 25),
            ("delivered", 15),
            ("completed", 10),
            ("cancelled", 7),
        ),
        True,
        ("amazon_us", "amazon_de", "ebay_us", "walmart_us", "etsy"),
    ),
    "price2b": DialectProfile(_FIVE, True, ("amazon", "meli", "shopify", "ebay", "web")),
    "squarespace": DialectProfile(
        (("processing", 55), ("shipped", 38), ("cancelled", 7)), False, ("web", "pos")
    ),
    "inventory-cloud": DialectProfile(_FIVE, True, ("web", "erp")),
    "generic-rest": DialectProfile(_FIVE, False, ("web",)),
}

# name, city, region, postal, country, street, phone prefix, currency, tax rate
_PLACES = (
    (
        ("Emily Carter", "James Miller", "Olivia Brown", "Noah Davis"),
        (("Springfield", "IL", "62704"), ("Austin", "TX", "78701"), ("Portland", "OR", "97205")),
        "US",
        ("Main St", "Oak Ave", "Maple Dr"),
        "+1",
        "USD",
        800,
    ),
    (
        ("Juan Pérez", "María González", "Sofía Martínez"),
        (("Buenos Aires", "C", "C1043"), ("Córdoba", "X", "X5000")),
        "AR",
        ("Av. Corrientes", "Calle Florida"),
        "+54",
        "USD",
        0,
    ),
    (
        ("José da Silva", "Ana Conceição", "João Araújo"),
        (("São Paulo", "SP", "01310-100"), ("Curitiba", "PR", "80010-000")),
        "BR",
        ("Rua Augusta", "Avenida Paulista"),
        "+55",
        "USD",
        0,
    ),
    (
        ("Jürgen Müller", "Änne Schröder", "Lukas Weiß"),
        (("München", "BY", "80331"), ("Köln", "NW", "50667")),
        "DE",
        ("Hauptstraße", "Königsallee"),
        "+49",
        "EUR",
        1900,
    ),
    (
        ("Zoë Lefèvre", "François Dupré", "Hélène Côté"),
        (("Paris", None, "75004"), ("Lyon", None, "69002")),
        "FR",
        ("Rue de Rivoli", "Boulevard Saint-Germain"),
        "+33",
        "EUR",
        2000,
    ),
    (
        ("Олег Петров", "Анна Смирнова", "Дмитрий Иванов"),
        (("Москва", None, "101000"), ("Санкт-Петербург", None, "190000")),
        "RU",
        ("ул. Тверская", "Невский проспект"),
        "+7",
        "EUR",
        0,
    ),
    (
        ("Γιώργος Παπαδόπουλος", "Ελένη Γεωργίου"),
        (("Αθήνα", None, "105 57"), ("Θεσσαλονίκη", None, "546 24")),
        "GR",
        ("Οδός Ερμού", "Λεωφόρος Συγγρού"),
        "+30",
        "EUR",
        2400,
    ),
    (
        ("山田太郎", "佐藤花子", "鈴木一郎"),
        (("東京都", "Tokyo", "100-0001"), ("大阪市", "Osaka", "530-0001")),
        "JP",
        ("千代田1-1", "梅田2-3"),
        "+81",
        "USD",
        1000,
    ),
    (
        ("王伟", "李娜", "张敏"),
        (("北京市", "Beijing", "100000"), ("上海市", "Shanghai", "200000")),
        "CN",
        ("长安街", "南京路"),
        "+86",
        "USD",
        0,
    ),
    (
        ("Oliver Smith", "Amelia Jones", "Harry Taylor"),
        (("London", None, "SW1A 1AA"), ("Manchester", None, "M1 1AE")),
        "GB",
        ("High Street", "Station Road"),
        "+44",
        "USD",
        2000,
    ),
    (
        ("Zofia Wójcik", "Łukasz Kowalski"),
        (("Kraków", None, "31-001"), ("Łódź", None, "90-001")),
        "PL",
        ("ul. Floriańska", "ul. Piotrkowska"),
        "+48",
        "EUR",
        2300,
    ),
)

_PRODUCT_WORDS = (
    ("Blue", "Red", "Graphite", "Sage", "Ivory", "Amber", "Midnight", "Coral"),
    (
        "Widget",
        "Water Bottle",
        "Headphones",
        "Notebook",
        "Desk Lamp",
        "Mug",
        "Backpack",
        "Phone Case",
        "Yoga Mat",
        "Tea Tin",
        "Scarf",
        "Charger",
    ),
    ("500ml", "XL", "Set of 2", "Mini", "Pro", "Classic", "Refill"),
)
_CARRIERS = (
    ("UPS", "Ground"),
    ("FedEx", "Home Delivery"),
    ("DHL", "Express Worldwide"),
    ("USPS", "Ground Advantage"),
)
_SHIPPING_CENTS = (0, 499, 750, 1500)
_NOTES = (
    "Leave at the back door",
    "Gift – please no invoice in the box",
    "Fragile: double box",
    "Call before delivery",
    "Customer asked for eco packaging",
)
_GIFTS = (
    "Happy birthday! Love, Mum",
    "Congratulations on the new job 🎉",
    "Merry Christmas from all of us",
)
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def gs1_check_digit(digits: str) -> str:
    """GS1 mod-10 check digit for a GTIN body (weights 3,1 from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


def ups_tracking(rng: _FastRandom) -> str:
    """A well-formed UPS 1Z number: 6-char shipper, 2-digit service, 7 digits, check digit."""
    body = _base32(rng.getrandbits(30), 6)
    body += f"{rng.pick((1, 2, 3, 12, 13)):02d}" + f"{rng.between(0, 10**7):07d}"
    total = 0
    for i, ch in enumerate(body):
        value = int(ch) if ch.isdigit() else (ord(ch) - 63) % 10
        total += value * (2 if i % 2 else 1)
    return "1Z" + body + str((10 - total % 10) % 10)


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    barcode: str
    price_cents: int
    weight: str
    product_id: int

    @property
    def price(self) -> Decimal:
        return Decimal(self.price_cents) / 100


def catalogue(seed: int, size: int = 240) -> list[Product]:
    """Products with valid EAN-13 (and UPC-A for a third of them) barcodes."""
    rng = random.Random(f"catalogue-{seed}")
    products = []
    for i in range(size):
        colour, thing, variant = (rng.choice(words) for words in _PRODUCT_WORDS)
        if i % 3 == 0:
            body = "0" + f"{rng.randrange(10**10):010d}"  # UPC-A: 11 digits + check
            barcode = body + gs1_check_digit(body)
        else:
            body = rng.choice(("400", "590", "779", "789", "500")) + f"{rng.randrange(10**9):09d}"
            barcode = body + gs1_check_digit(body)
        price_cents = rng.randrange(299, 12999)
        weight = f"{rng.randrange(50, 3000) / 1000:.3f}"
        products.append(
            Product(
                f"SKU-{i + 1:04d}",
                f"{colour} {thing} {variant}",
                barcode,
                price_cents,
                weight,
                12000 + i,
            )
        )
    return products


class _FastRandom(random.Random):
    """``random.Random`` with cheap picks: choice/randrange go through one ``random()`` call,
    which keeps generation of 100,000 orders within a few seconds."""

    def pick(self, seq: Any) -> Any:
        return seq[int(self.random() * len(seq))]

    def between(self, low: int, high: int) -> int:
        """An int in [low, high)."""
        return low + int(self.random() * (high - low))


def _cents(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def _iso(dt: datetime) -> str:
    return dt.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class _Ids:
    """Identifier styles per dialect, as each seed shows them."""

    def __init__(self, dialect: str, rng: _FastRandom) -> None:
        self.dialect = dialect
        self.rng = rng

    def order(self, index: int) -> tuple[str, str]:
        rng = self.rng
        match self.dialect:
            case "nexus":
                return "ord_01" + _base32(rng.getrandbits(100), 20), ""
            case "price2b":
                return str(5001 + index), f"ORD-2026-{index + 1:06d}"
            case "squarespace":
                return f"{rng.getrandbits(96):024x}", str(1001 + index)
            case "inventory-cloud":
                return "ord_" + _base32(rng.getrandbits(40), 8), f"BS-{10001 + index}"
            case _:
                return f"ORD{100000000 + index:09d}", f"ORD{100000000 + index:09d}"

    def line(self, index: int, n: int) -> str:
        match self.dialect:
            case "nexus":
                return f"item_{index * 16 + n + 1}"
            case "price2b":
                return str(10001 + index * 16 + n)
            case "squarespace":
                return f"{self.rng.getrandbits(96):024x}"
            case _:
                return f"L{index * 16 + n + 1}"


def _base32(value: int, width: int) -> str:
    out = []
    for _ in range(width):
        value, digit = divmod(value, 32)
        out.append(_CROCKFORD[digit])
    return "".join(out)


def _marketplace_number(channel: str, rng: _FastRandom) -> str:
    b = rng.between
    if channel.startswith("amazon"):
        return f"{b(100, 999)}-{b(0, 10**7):07d}-{b(0, 10**7):07d}"
    if channel.startswith("ebay"):
        return f"{b(10, 99)}-{b(0, 10**5):05d}-{b(0, 10**5):05d}"
    return f"{b(10**12, 10**13)}"


CHUNK = 5000


def generate_records(
    dialect: str, count: int, seed: int = 1, now: datetime | None = None
) -> Iterator[SandboxRecord]:
    """Yield ``count`` orders for ``dialect``, oldest first."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    for start in range(0, count, CHUNK):
        yield from generate_chunk(dialect, count, seed, now, start)


def generate_chunk(
    dialect: str, count: int, seed: int, now: datetime, start: int
) -> list[SandboxRecord]:
    """Orders ``start`` .. ``start + CHUNK`` of a data set of ``count``. Each chunk has its own
    random stream, so chunks can be made in parallel and still give the same data."""
    profile = PROFILES[dialect]
    rng = _FastRandom(f"{dialect}-{seed}-{start // CHUNK}")
    products = _catalogue_cached(seed)
    ids = _Ids(dialect, rng)
    statuses = [s for s, _ in profile.statuses]
    cumulative = list(itertools.accumulate(w for _, w in profile.statuses))
    span = timedelta(days=60).total_seconds()
    customers = max(1, count // 3)
    records = []
    for index in range(start, min(count, start + CHUNK)):
        # Creation times ascend with the index (a slot each, jittered inside it), so record
        # order is creation order.
        age = span * (count - index - rng.random()) / count
        created = now - timedelta(seconds=age) - timedelta(minutes=5)
        cust_n = rng.between(0, customers)
        records.append(
            _one(
                dialect,
                profile,
                rng,
                ids,
                products,
                (f"CUST{50000 + cust_n}", cust_n),
                statuses,
                cumulative,
                index,
                created,
                now,
            )
        )
    return records


def _catalogue_cached(seed: int, _cache: dict[int, list[Product]] = {}) -> list[Product]:  # noqa: B006
    if seed not in _cache:
        _cache[seed] = catalogue(seed)
    return _cache[seed]


def _one(
    dialect: str,
    profile: DialectProfile,
    rng: _FastRandom,
    ids: _Ids,
    products: list[Product],
    customer: tuple[str, int],
    statuses: list[str],
    cumulative: list[int],
    index: int,
    created: datetime,
    now: datetime,
) -> SandboxRecord:
    place = rng.pick(_PLACES)
    names, cities, country, streets, phone_prefix, currency, tax_bp = place
    customer_id, cust_n = customer
    name = names[cust_n % len(names)]
    city, region, postal = cities[cust_n % len(cities)]
    email_local = f"customer{cust_n}"
    ship_to = {
        "name": name,
        "company": "Acme GmbH" if rng.random() < 0.08 else None,
        "line1": f"{rng.pick(streets)} {rng.between(1, 999)}",
        "line2": f"Apt {rng.between(1, 60)}" if rng.random() < 0.2 else None,
        "city": city,
        "region": region,
        "postal_code": postal,
        "country": country,
    }
    channel = rng.pick(profile.channels)
    order_id, number = ids.order(index)
    if not number:
        number = _marketplace_number(channel, rng)
    status = statuses[bisect.bisect(cumulative, rng.random() * cumulative[-1])]
    n_lines = min(12, 1 + int(rng.expovariate(0.6)))
    picked = rng.sample(products, n_lines)
    lines: list[dict[str, Any]] = []
    product_ids: dict[str, int] = {}
    subtotal = 0  # cents: integer arithmetic keeps generation fast and exact
    for n, product in enumerate(picked):
        qty = 1 if rng.random() < 0.7 else rng.between(2, 6)
        line_id = ids.line(index, n)
        product_ids[line_id] = product.product_id
        subtotal += product.price_cents * qty
        lines.append(
            {
                "id": line_id,
                "sku": product.sku,
                "name": product.name,
                "quantity": qty,
                "quantity_fulfilled": 0,
                "unit_price": _cents(product.price_cents),
                "barcode": product.barcode,
                "weight": product.weight,
            }
        )
    tax = (subtotal * tax_bp + 5000) // 10000  # half up
    shipping = rng.pick(_SHIPPING_CENTS)
    total = subtotal + tax + shipping
    timeline = [
        {"at": _iso(created), "kind": "order_created", "message": f"Order received from {channel}"},
        {
            "at": _iso(created + timedelta(minutes=3)),
            "kind": "payment_received",
            "message": "Payment confirmed",
        },
    ]
    shipments: list[dict[str, Any]] = []
    updated = created + timedelta(minutes=3)
    fulfillment = "unfulfilled"
    partial = profile.partial and status == "processing" and len(lines) > 1 and rng.random() < 0.25
    if status in ("shipped", "delivered", "completed") or partial:
        ship_lines = lines[: len(lines) // 2] if partial else lines
        shipped_at = min(now, created + timedelta(hours=rng.between(2, 48)))
        carrier, service = rng.pick(_CARRIERS)
        tracking = ups_tracking(rng) if carrier == "UPS" else f"{rng.between(10**11, 10**12)}"
        for line in ship_lines:
            line["quantity_fulfilled"] = line["quantity"]
        shipments.append(
            {
                "id": f"shp_{index + 1}",
                "carrier": carrier,
                "service": service,
                "tracking_number": tracking,
                "tracking_url": None,
                "shipped_at": _iso(shipped_at),
                "lines": [{"line_id": ln["id"], "quantity": ln["quantity"]} for ln in ship_lines],
            }
        )
        timeline.append(
            {
                "at": _iso(shipped_at),
                "kind": "shipment",
                "message": f"Shipped via {carrier} {tracking}",
            }
        )
        fulfillment = "partial" if partial else "fulfilled"
        updated = shipped_at
    elif status == "cancelled":
        updated = created + timedelta(hours=rng.between(1, 20))
        timeline.append(
            {"at": _iso(updated), "kind": "cancel", "message": "Cancelled: CustomerRequest"}
        )
    updated = min(updated, now)
    order = {
        "id": order_id,
        "number": number,
        "dialect": dialect,
        "status": status,
        "fulfillment_status": fulfillment,
        "payment_status": "refunded" if status == "cancelled" else "paid",
        "channel": channel,
        "marketplace": channel if dialect == "nexus" else None,
        "fulfillment_method": (
            ("FBM" if rng.random() < 0.8 else rng.pick(("FBA", "FBS")))
            if dialect == "nexus"
            else None
        ),
        "currency": currency,
        "subtotal": _cents(subtotal),
        "tax": _cents(tax),
        "shipping": _cents(shipping),
        "total": _cents(total),
        "customer": {
            "name": name,
            "email": f"{email_local}@example.com",
            "phone": f"{phone_prefix} {rng.between(10**8, 10**9)}",
        },
        "ship_to": ship_to,
        "bill_to": dict(ship_to) if rng.random() < 0.9 else None,
        "lines": lines,
        "shipments": shipments,
        "timeline": timeline,
        "notes": rng.pick(_NOTES) if rng.random() < 0.1 else None,
        "gift_message": rng.pick(_GIFTS) if rng.random() < 0.05 else None,
        "created_at": _iso(created),
        "updated_at": _iso(updated),
    }
    extra = {
        "customer_id": customer_id,
        "product_ids": product_ids,
        "has_returns": status in ("delivered", "completed") and rng.random() < 0.08,
    }
    return SandboxRecord(order, extra)


def generate_records_parallel(
    dialect: str, count: int, seed: int = 1, now: datetime | None = None, workers: int = 2
) -> Iterator[SandboxRecord]:
    """Same records as ``generate_records``, made by ``workers`` processes for large sets
    (100,000 orders in a few seconds); small sets are made in-process."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    if count < 4 * CHUNK or workers < 2:
        yield from generate_records(dialect, count, seed, now)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the caller may have threads (a server, a GUI) that fork would copy.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        starts = range(0, count, CHUNK)
        for chunk in pool.map(
            generate_chunk, *zip(*((dialect, count, seed, now, s) for s in starts), strict=True)
        ):
            yield from chunk
