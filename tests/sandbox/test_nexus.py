"""The NexusCommerce sandbox speaks seed 000 over a real socket: paths, envelopes, field names,
status codes, error codes, cursor paging, filters, writes and faults."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from fulfillment_station.domain.models import parse_utc
from fulfillment_station.sandbox.server import SandboxServer

pytestmark = pytest.mark.integration

TOKEN = "nexus-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SEED_LIST_FIELDS = {
    "id",
    "external_order_id",
    "marketplace",
    "status",
    "fulfillment_method",
    "total_amount",
    "currency",
    "created_at",
    "line_items",
}
SEED_LINE_FIELDS = {"sku", "title", "quantity", "unit_price", "line_total"}


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A read-only 300-order sandbox shared by the module's read tests."""
    db = tmp_path_factory.mktemp("nexus-read") / "sandbox.sqlite"
    with (
        SandboxServer("nexus", db_path=db, token=TOKEN, orders=300, seed=11) as server,
        httpx.Client(base_url=server.base_url, headers=AUTH) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def all_orders(reader: httpx.Client) -> list[dict[str, Any]]:
    return _walk(reader, {"limit": 200})


@pytest.fixture(scope="module")
def writer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    db = tmp_path_factory.mktemp("nexus-write") / "sandbox.sqlite"
    with SandboxServer("nexus", db_path=db, token=TOKEN, orders=300, seed=12) as server:
        yield server


@pytest.fixture(scope="module")
def wclient(writer: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=writer.base_url, headers=AUTH) as client:
        yield client


@pytest.fixture(scope="module")
def take(wclient: httpx.Client) -> Callable[..., dict[str, Any]]:
    """Hands each writing test orders (full detail) no other test touches."""
    pool = _walk(wclient, {"limit": 200})
    used: set[str] = set()

    def pick(status: str, min_lines: int = 1, method: str | None = None) -> dict[str, Any]:
        for summary in pool:
            if (
                summary["id"] not in used
                and summary["status"] == status
                and len(summary["line_items"]) >= min_lines
                and (method is None or summary["fulfillment_method"] == method)
            ):
                used.add(summary["id"])
                return wclient.get(f"/api/orders/{summary['id']}").json()["data"]
        raise LookupError(f"no unused {status} order with {min_lines}+ lines left")

    return pick


def _walk(client: httpx.Client, params: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        response = client.get("/api/orders", params={**params, "cursor": cursor})
        assert response.status_code == 200, response.text
        body = response.json()
        out += body["data"]
        cursor = body["meta"]["nextCursor"]
        if cursor is None:
            return out
    raise AssertionError("paging never ended")


def _error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


def _effects(server: SandboxServer, order_id: str) -> list[dict[str, Any]]:
    journal = httpx.get(server.root_url + "/_sandbox/journal", headers=server.auth_headers).json()
    return [e for e in journal["effects"] if e["order_id"] == order_id]


# -- list ---------------------------------------------------------------------------------------


def test_list_has_the_seed_envelope_and_fields(reader: httpx.Client) -> None:
    body = reader.get("/api/orders").json()
    assert set(body) == {"data", "meta"}
    assert set(body["meta"]) == {"total", "limit", "nextCursor"}
    assert body["meta"] == {"total": 300, "limit": 50, "nextCursor": body["meta"]["nextCursor"]}
    assert len(body["data"]) == 50 and isinstance(body["meta"]["nextCursor"], str)
    order = body["data"][0]
    assert set(order) == SEED_LIST_FIELDS
    assert order["id"].startswith("ord_01")
    assert isinstance(order["total_amount"], float | int)
    assert order["created_at"].endswith("Z")
    line = order["line_items"][0]
    assert set(line) == SEED_LINE_FIELDS | {"external_line_item_id"}
    assert isinstance(line["unit_price"], float | int) and isinstance(line["quantity"], int)


def test_paging_returns_every_order_once_newest_first(
    all_orders: list[dict[str, Any]], reader: httpx.Client
) -> None:
    ids = [o["id"] for o in all_orders]
    assert len(ids) == 300 and len(set(ids)) == 300
    created = [parse_utc(o["created_at"]) for o in all_orders]
    assert created == sorted(created, reverse=True)
    assert [o["id"] for o in _walk(reader, {"limit": 23})] == ids


def test_last_page_has_null_cursor(reader: httpx.Client) -> None:
    body = reader.get("/api/orders", params={"limit": 200}).json()
    last = reader.get(
        "/api/orders", params={"limit": 200, "cursor": body["meta"]["nextCursor"]}
    ).json()
    assert len(last["data"]) == 100
    assert last["meta"] == {"total": 300, "limit": 200, "nextCursor": None}


@pytest.mark.parametrize("limit", ["201", "0", "-1", "1000"])
def test_limit_outside_1_to_200_is_refused(reader: httpx.Client, limit: str) -> None:
    error = _error(reader.get("/api/orders", params={"limit": limit}), 400, "VALIDATION_ERROR")
    assert "limit" in error["message"]


def test_limit_200_is_allowed(reader: httpx.Client) -> None:
    assert len(reader.get("/api/orders", params={"limit": 200}).json()["data"]) == 200


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": "many"}, "limit"),
        ({"status": "lost"}, "status"),
        ({"fulfillment_method": "FBX"}, "fulfillment_method"),
        ({"start_date": "yesterday"}, "start_date"),
        ({"end_date": "2026-13-01"}, "end_date"),
        ({"has_returns": "maybe"}, "has_returns"),
        ({"cursor": "not-a-cursor"}, "cursor"),
    ],
)
def test_bad_query_parameters_are_400(
    reader: httpx.Client, params: dict[str, str], field: str
) -> None:
    error = _error(reader.get("/api/orders", params=params), 400, "VALIDATION_ERROR")
    assert field in error["message"]


@pytest.mark.parametrize(
    "status",
    ["pending", "confirmed", "processing", "shipped", "delivered", "completed", "cancelled"],
)
def test_status_filter(reader: httpx.Client, all_orders: list[dict[str, Any]], status: str) -> None:
    got = _walk(reader, {"status": status, "limit": 200})
    expected = [o["id"] for o in all_orders if o["status"] == status]
    assert expected and [o["id"] for o in got] == expected


def test_marketplace_and_fulfillment_method_filters(
    reader: httpx.Client, all_orders: list[dict[str, Any]]
) -> None:
    got = _walk(reader, {"marketplace": "amazon_us", "fulfillment_method": "fbm", "limit": 200})
    expected = [
        o["id"]
        for o in all_orders
        if o["marketplace"] == "amazon_us" and o["fulfillment_method"] == "FBM"
    ]
    assert expected and [o["id"] for o in got] == expected
    body = reader.get(
        "/api/orders", params={"marketplace": "amazon_us", "fulfillment_method": "FBM"}
    ).json()
    assert body["meta"]["total"] == len(expected)
    assert _walk(reader, {"marketplace": "no_such_market"}) == []


def test_date_range_filter_includes_whole_end_day(
    reader: httpx.Client, all_orders: list[dict[str, Any]]
) -> None:
    middle = parse_utc(all_orders[150]["created_at"])
    day = middle.date().isoformat()
    got = _walk(reader, {"start_date": day, "end_date": day, "limit": 200})
    expected = [o["id"] for o in all_orders if o["created_at"].startswith(day)]
    assert expected and [o["id"] for o in got] == expected
    since = middle.isoformat().replace("+00:00", "Z")
    later = _walk(reader, {"start_date": since, "limit": 200})
    assert [o["id"] for o in later] == [o["id"] for o in all_orders[:151]]
    until = _walk(reader, {"end_date": since, "limit": 200})
    assert [o["id"] for o in until] == [o["id"] for o in all_orders[150:]]


def test_has_returns_filter(reader: httpx.Client, all_orders: list[dict[str, Any]]) -> None:
    with_returns = _walk(reader, {"has_returns": "true", "limit": 200})
    without = _walk(reader, {"has_returns": "false", "limit": 200})
    assert with_returns and len(with_returns) + len(without) == len(all_orders)
    for summary in with_returns:
        detail = reader.get(f"/api/orders/{summary['id']}").json()["data"]
        assert detail["has_returns"] is True
        assert detail["status"] in ("delivered", "completed")


# -- get ----------------------------------------------------------------------------------------


def test_get_order_has_full_detail(reader: httpx.Client, all_orders: list[dict[str, Any]]) -> None:
    shipped = next(o for o in all_orders if o["status"] == "shipped")
    body = reader.get(f"/api/orders/{shipped['id']}").json()
    assert set(body) == {"data"}
    order = body["data"]
    assert set(order) >= SEED_LIST_FIELDS
    assert {"shipping_address", "sync_history", "shipments", "updated_at", "customer"} <= set(order)
    assert set(order["shipping_address"]) == {
        "name",
        "company",
        "address_line1",
        "address_line2",
        "city",
        "state_or_region",
        "postal_code",
        "country_code",
    }
    assert order["sync_history"][0]["event"] == "order_created"
    shipment = order["shipments"][0]
    assert shipment["tracking_number"] and shipment["shipped_date"].endswith("Z")
    line_ids = {li["external_line_item_id"] for li in order["line_items"]}
    assert {li["external_line_item_id"] for li in shipment["line_items"]} <= line_ids
    assert all(li["quantity_shipped"] == li["quantity"] for li in order["line_items"])


def test_unknown_order_is_order_not_found(reader: httpx.Client) -> None:
    error = _error(reader.get("/api/orders/ord_missing"), 404, "ORDER_NOT_FOUND")
    assert "ord_missing" in error["message"]


def test_unknown_path_is_404_in_the_envelope(reader: httpx.Client) -> None:
    _error(reader.get("/api/customers"), 404, "NOT_FOUND")


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic abc"}]
)
def test_missing_or_wrong_token_is_401(reader: httpx.Client, headers: dict[str, str]) -> None:
    url = str(reader.base_url)
    _error(httpx.get(url + "/api/orders", headers=headers), 401, "UNAUTHORIZED")
    _error(
        httpx.post(url + "/api/orders/x/shipment", headers=headers, json={}), 401, "UNAUTHORIZED"
    )


# -- confirm shipment ---------------------------------------------------------------------------


def test_partial_then_remaining_shipment(
    writer: SandboxServer, wclient: httpx.Client, take: Callable[..., dict[str, Any]]
) -> None:
    order = take("confirmed", min_lines=2)
    first = order["line_items"][0]
    response = wclient.post(
        f"/api/orders/{order['id']}/shipment",
        json={
            "carrier": "DHL",
            "tracking_number": "1234567890",
            "shipped_date": "2026-03-12T10:00:00.000Z",
            "line_items": [
                {
                    "external_line_item_id": first["external_line_item_id"],
                    "quantity": first["quantity"],
                }
            ],
        },
    )
    assert response.status_code == 200, response.text
    updated = response.json()["data"]
    assert updated["id"] == order["id"] and updated["status"] == "processing"
    assert updated["line_items"][0]["quantity_shipped"] == first["quantity"]
    assert updated["line_items"][1]["quantity_shipped"] == 0
    shipment = updated["shipments"][-1]
    assert shipment["carrier"] == "DHL" and shipment["tracking_number"] == "1234567890"
    assert shipment["shipped_date"] == "2026-03-12T10:00:00.000Z"
    assert shipment["line_items"] == [
        {"external_line_item_id": first["external_line_item_id"], "quantity": first["quantity"]}
    ]

    rest = wclient.post(
        f"/api/orders/{order['id']}/shipment",
        json={"carrier": "UPS", "tracking_number": "1Z999AA10123456784"},
    )
    assert rest.status_code == 200, rest.text
    done = rest.json()["data"]
    assert done["status"] == "shipped"
    assert all(li["quantity_shipped"] == li["quantity"] for li in done["line_items"])
    assert wclient.get(f"/api/orders/{order['id']}").json()["data"] == done

    again = wclient.post(
        f"/api/orders/{order['id']}/shipment",
        json={"carrier": "DHL", "tracking_number": "9999999999"},
    )
    _error(again, 409, "ALREADY_SHIPPED")
    effects = _effects(writer, order["id"])
    assert [e["kind"] for e in effects] == ["shipment", "shipment"]
    assert effects[0]["detail"]["lines"] == {first["external_line_item_id"]: first["quantity"]}


def test_shipping_a_shipped_order_is_already_shipped(
    writer: SandboxServer, wclient: httpx.Client, take: Callable[..., dict[str, Any]]
) -> None:
    for status in ("shipped", "delivered", "completed"):
        order = take(status)
        response = wclient.post(
            f"/api/orders/{order['id']}/shipment",
            json={"carrier": "DHL", "tracking_number": "1234567890"},
        )
        _error(response, 409, "ALREADY_SHIPPED")
        assert _effects(writer, order["id"]) == []


def test_repeating_a_partial_shipment_is_not_applied_twice(
    writer: SandboxServer, wclient: httpx.Client, take: Callable[..., dict[str, Any]]
) -> None:
    order = take("processing", min_lines=2)
    line = next(li for li in order["line_items"] if li["quantity_shipped"] == 0)
    body = {
        "carrier": "FedEx",
        "tracking_number": "794612345678",
        "line_items": [{"external_line_item_id": line["external_line_item_id"], "quantity": 1}],
    }
    assert wclient.post(f"/api/orders/{order['id']}/shipment", json=body).status_code == 200
    _error(wclient.post(f"/api/orders/{order['id']}/shipment", json=body), 409, "ALREADY_SHIPPED")
    assert len(_effects(writer, order["id"])) == 1


def test_cancelled_order_cannot_be_shipped(
    wclient: httpx.Client, take: Callable[..., dict[str, Any]]
) -> None:
    order = take("cancelled")
    response = wclient.post(
        f"/api/orders/{order['id']}/shipment",
        json={"carrier": "DHL", "tracking_number": "1234567890"},
    )
    _error(response, 422, "INVALID_STATUS_TRANSITION")


@pytest.mark.parametrize(
    ("carrier", "tracking"),
    [
        ("UPS", "1234567890"),
        ("ups", "1Z999AA1"),
        ("DHL", "123"),
        ("USPS", "not a number!"),
        ("FedEx", "9" * 41),
    ],
)
def test_implausible_tracking_is_marketplace_rejection(
    writer: SandboxServer,
    wclient: httpx.Client,
    take: Callable[..., dict[str, Any]],
    carrier: str,
    tracking: str,
) -> None:
    order = take("confirmed")
    response = wclient.post(
        f"/api/orders/{order['id']}/shipment",
        json={"carrier": carrier, "tracking_number": tracking},
    )
    _error(response, 422, "MARKETPLACE_REJECTION")
    assert _effects(writer, order["id"]) == []
    assert wclient.get(f"/api/orders/{order['id']}").json()["data"]["status"] == "confirmed"


@pytest.mark.parametrize(
    "body",
    [
        {"tracking_number": "1234567890"},
        {"carrier": "DHL"},
        {"carrier": "", "tracking_number": "1234567890"},
        {"carrier": "DHL", "tracking_number": "   "},
        {"carrier": "DHL", "tracking_number": "1234567890", "shipped_date": "soon"},
        {"carrier": "DHL", "tracking_number": "1234567890", "line_items": []},
        {
            "carrier": "DHL",
            "tracking_number": "1234567890",
            "line_items": [{"external_line_item_id": "item_nope", "quantity": 1}],
        },
        {
            "carrier": "DHL",
            "tracking_number": "1234567890",
            "line_items": [{"external_line_item_id": "FIRST", "quantity": 0}],
        },
        {
            "carrier": "DHL",
            "tracking_number": "1234567890",
            "line_items": [{"external_line_item_id": "FIRST", "quantity": 99}],
        },
        {
            "carrier": "DHL",
            "tracking_number": "1234567890",
            "line_items": [
                {"external_line_item_id": "FIRST", "quantity": 1},
                {"external_line_item_id": "FIRST", "quantity": 1},
            ],
        },
    ],
)
def test_malformed_shipment_is_validation_error(
    writer: SandboxServer,
    wclient: httpx.Client,
    take: Callable[..., dict[str, Any]],
    body: dict[str, Any],
) -> None:
    order = take("confirmed")
    first = order["line_items"][0]["external_line_item_id"]
    for item in body.get("line_items", []):
        if item["external_line_item_id"] == "FIRST":
            item["external_line_item_id"] = first
    response = wclient.post(f"/api/orders/{order['id']}/shipment", json=body)
    _error(response, 400, "VALIDATION_ERROR")
    assert _effects(writer, order["id"]) == []


def test_shipping_an_unknown_order_is_not_found(wclient: httpx.Client) -> None:
    response = wclient.post(
        "/api/orders/ord_missing/shipment", json={"carrier": "DHL", "tracking_number": "1234567890"}
    )
    _error(response, 404, "ORDER_NOT_FOUND")


# -- cancel -------------------------------------------------------------------------------------


def test_cancel_is_202_and_applied(
    writer: SandboxServer, wclient: httpx.Client, take: Callable[..., dict[str, Any]]
) -> None:
    order = take("confirmed")
    response = wclient.post(f"/api/orders/{order['id']}/cancel", json={"reason": "CustomerRequest"})
    assert response.status_code == 202
    assert response.json() == {
        "data": {"order_id": order["id"], "status": "cancellation_requested"}
    }
    after = wclient.get(f"/api/orders/{order['id']}").json()["data"]
    assert after["status"] == "cancelled"
    assert after["sync_history"][-1]["message"] == "Cancelled: CustomerRequest"
    assert [(e["kind"], e["detail"]) for e in _effects(writer, order["id"])] == [
        ("cancel", {"reason": "CustomerRequest"})
    ]
    again = wclient.post(f"/api/orders/{order['id']}/cancel", json={"reason": "CustomerRequest"})
    _error(again, 422, "INVALID_STATUS_TRANSITION")


def test_shipped_order_cannot_be_cancelled(
    wclient: httpx.Client, take: Callable[..., dict[str, Any]]
) -> None:
    for status in ("shipped", "delivered"):
        order = take(status)
        response = wclient.post(
            f"/api/orders/{order['id']}/cancel", json={"reason": "CustomerRequest"}
        )
        _error(response, 422, "INVALID_STATUS_TRANSITION")


def test_cancel_needs_a_reason_and_a_known_order(
    wclient: httpx.Client, take: Callable[..., dict[str, Any]]
) -> None:
    order = take("pending")
    _error(wclient.post(f"/api/orders/{order['id']}/cancel", json={}), 400, "VALIDATION_ERROR")
    _error(
        wclient.post(f"/api/orders/{order['id']}/cancel", json={"reason": ""}),
        400,
        "VALIDATION_ERROR",
    )
    _error(
        wclient.post("/api/orders/ord_missing/cancel", json={"reason": "CustomerRequest"}),
        404,
        "ORDER_NOT_FOUND",
    )


# -- bulk shipment ------------------------------------------------------------------------------


def test_bulk_shipment_seed_example(
    writer: SandboxServer, wclient: httpx.Client, take: Callable[..., dict[str, Any]]
) -> None:
    a, b = take("confirmed"), take("processing")
    response = wclient.post(
        "/api/orders/bulk-shipment",
        json={
            "shipments": [
                {"order_id": a["id"], "carrier": "DHL", "tracking_number": "1234567890"},
                {"order_id": b["id"], "carrier": "UPS", "tracking_number": "1Z999AA10123456784"},
            ]
        },
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"data": {"succeeded": 2, "failed": 0, "errors": []}}
    for order in (a, b):
        assert wclient.get(f"/api/orders/{order['id']}").json()["data"]["status"] == "shipped"
        assert len(_effects(writer, order["id"])) == 1


def test_bulk_shipment_reports_each_failure(
    writer: SandboxServer, wclient: httpx.Client, take: Callable[..., dict[str, Any]]
) -> None:
    good, shipped, cancelled, rejected = (
        take("confirmed"),
        take("shipped"),
        take("cancelled"),
        take("pending"),
    )
    response = wclient.post(
        "/api/orders/bulk-shipment",
        json={
            "shipments": [
                {"order_id": good["id"], "carrier": "DHL", "tracking_number": "1234567890"},
                {"order_id": "ord_missing", "carrier": "DHL", "tracking_number": "1234567890"},
                {"order_id": shipped["id"], "carrier": "DHL", "tracking_number": "1234567890"},
                {"order_id": cancelled["id"], "carrier": "DHL", "tracking_number": "1234567890"},
                {"order_id": rejected["id"], "carrier": "UPS", "tracking_number": "12345"},
                {"order_id": rejected["id"], "tracking_number": "1234567890"},
            ]
        },
    )
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert data["succeeded"] == 1 and data["failed"] == 5
    assert [(e["index"], e["order_id"], e["code"]) for e in data["errors"]] == [
        (1, "ord_missing", "ORDER_NOT_FOUND"),
        (2, shipped["id"], "ALREADY_SHIPPED"),
        (3, cancelled["id"], "INVALID_STATUS_TRANSITION"),
        (4, rejected["id"], "MARKETPLACE_REJECTION"),
        (5, rejected["id"], "VALIDATION_ERROR"),
    ]
    assert all(e["message"] for e in data["errors"])
    assert _effects(writer, rejected["id"]) == []


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"shipments": []},
        {"shipments": "all"},
        {"shipments": [{"order_id": "x", "carrier": "DHL", "tracking_number": "12345678"}] * 101},
    ],
)
def test_bulk_shipment_body_must_hold_1_to_100_items(
    wclient: httpx.Client, body: dict[str, Any]
) -> None:
    _error(wclient.post("/api/orders/bulk-shipment", json=body), 400, "VALIDATION_ERROR")


# -- faults -------------------------------------------------------------------------------------


def test_rate_limit_answers_429_with_retry_after(
    make_sandbox: Callable[..., SandboxServer],
) -> None:
    server = make_sandbox("nexus", token=TOKEN, orders=5)
    server.faults.rate_limit = 1
    with httpx.Client(base_url=server.base_url, headers=AUTH) as client:
        statuses = [client.get("/api/orders", params={"limit": 1}) for _ in range(3)]
    limited = [r for r in statuses if r.status_code == 429]
    assert limited
    assert limited[0].headers["Retry-After"] == "1"
    _error(limited[0], 429, "RATE_LIMITED")


def test_drop_after_commit_applies_the_shipment_once(
    make_sandbox: Callable[..., SandboxServer],
) -> None:
    server = make_sandbox("nexus", token=TOKEN, orders=40)
    with httpx.Client(base_url=server.base_url, headers=AUTH) as client:
        order = _walk(client, {"status": "confirmed"})[0]
        server.faults.drop_after_commit = 1
        with pytest.raises(httpx.TransportError):
            client.post(
                f"/api/orders/{order['id']}/shipment",
                json={"carrier": "DHL", "tracking_number": "1234567890"},
            )
        after = client.get(f"/api/orders/{order['id']}").json()["data"]
    assert after["status"] == "shipped"
    effects = _effects(server, order["id"])
    assert [(e["kind"], e["detail"]["tracking_number"]) for e in effects] == [
        ("shipment", "1234567890")
    ]
    journal = httpx.get(server.root_url + "/_sandbox/journal", headers=server.auth_headers).json()[
        "requests"
    ]
    assert journal[-1]["dropped"] is True and journal[-1]["status"] == 200


def test_shipped_date_defaults_to_now(
    wclient: httpx.Client, take: Callable[..., dict[str, Any]]
) -> None:
    order = take("pending")
    before = datetime.now().astimezone()
    response = wclient.post(
        f"/api/orders/{order['id']}/shipment",
        json={"carrier": "DHL", "tracking_number": "1234567890"},
    )
    shipped = parse_utc(response.json()["data"]["shipments"][-1]["shipped_date"])
    assert before - timedelta(seconds=5) <= shipped <= before + timedelta(seconds=60)
