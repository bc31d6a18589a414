"""The Squarespace sandbox speaks seed 002 (with the public Commerce API's paths) over a real
socket: the Order resource's fields, the ``{result, pagination}`` envelope, cursor rules,
the modified-range pair, filters, the 204 fulfillment, idempotent create, the error object and
faults."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from fulfillment_station.domain.models import parse_utc
from fulfillment_station.sandbox.server import SandboxServer

pytestmark = pytest.mark.integration

TOKEN = "squarespace-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}", "User-Agent": "fs-tests/1.0"}
ORDERS = "/1.0/commerce/orders"
ORDER_FIELDS = {
    "id",
    "orderNumber",
    "createdOn",
    "modifiedOn",
    "channel",
    "channelName",
    "testmode",
    "externalOrderReference",
    "customerEmail",
    "customerId",
    "billingAddress",
    "shippingAddress",
    "fulfillmentStatus",
    "lineItems",
    "internalNotes",
    "shippingLines",
    "discountLines",
    "formSubmission",
    "fulfillments",
    "subtotal",
    "shippingTotal",
    "discountTotal",
    "taxTotal",
    "refundedTotal",
    "grandTotal",
    "fulfilledOn",
    "priceTaxInterpretation",
}
LINE_FIELDS = {"id", "variantId", "sku", "productName", "quantity", "unitPricePaid", "lineItemType"}
ADDRESS_FIELDS = {
    "firstName",
    "lastName",
    "address1",
    "address2",
    "city",
    "state",
    "countryCode",
    "postalCode",
    "phone",
}
ERROR_FIELDS = {"type", "subtype", "message", "details", "contextId"}
SHIPMENT = {
    "shipDate": "2026-11-20T10:00:00.000Z",
    "carrierName": "USPS",
    "service": "Priority Mail",
    "trackingNumber": "9400109699939624119857",
    "trackingUrl": "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400109699939624119857",
}


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    db = tmp_path_factory.mktemp("sqsp-read") / "sandbox.sqlite"
    with (
        SandboxServer("squarespace", db_path=db, token=TOKEN, orders=300, seed=21) as server,
        httpx.Client(base_url=server.base_url, headers=AUTH) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def all_orders(reader: httpx.Client) -> list[dict[str, Any]]:
    return _walk(reader, {})


@pytest.fixture(scope="module")
def writer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    db = tmp_path_factory.mktemp("sqsp-write") / "sandbox.sqlite"
    with SandboxServer("squarespace", db_path=db, token=TOKEN, orders=200, seed=22) as server:
        yield server


@pytest.fixture(scope="module")
def wclient(writer: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=writer.base_url, headers=AUTH) as client:
        yield client


@pytest.fixture(scope="module")
def take(wclient: httpx.Client) -> Callable[[str], dict[str, Any]]:
    """Hands each writing test an order of the given status that no other test touches."""
    pool = _walk(wclient, {})
    used: set[str] = set()

    def pick(status: str) -> dict[str, Any]:
        for order in pool:
            if order["id"] not in used and order["fulfillmentStatus"] == status:
                used.add(order["id"])
                return order
        raise LookupError(f"no unused {status} order left")

    return pick


def _walk(client: httpx.Client, params: dict[str, str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    response = client.get(ORDERS, params=params)
    for _ in range(1000):
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["result"]) <= 50
        out += body["result"]
        if not body["pagination"]["hasNextPage"]:
            assert body["pagination"]["nextPageCursor"] is None
            return out
        response = client.get(ORDERS, params={"cursor": body["pagination"]["nextPageCursor"]})
    raise AssertionError("paging did not end")


def _error(
    response: httpx.Response, status: int, type_: str, subtype: str | None = None
) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == ERROR_FIELDS
    assert body["type"] == type_
    assert body["message"]
    assert body["contextId"]
    if subtype is not None:
        assert body["subtype"] == subtype
    return body


def _effects(server: SandboxServer, order_id: str) -> list[dict[str, Any]]:
    journal = httpx.get(server.root_url + "/_sandbox/journal", headers=server.auth_headers).json()
    return [e for e in journal["effects"] if e["order_id"] == order_id]


def _faults(server: SandboxServer, **knobs: Any) -> None:
    httpx.post(
        server.root_url + "/_sandbox/faults", headers=server.auth_headers, json=knobs
    ).raise_for_status()


# -- list --------------------------------------------------------------------------------------


def test_list_has_the_result_and_pagination_envelope(reader: httpx.Client) -> None:
    body = reader.get(ORDERS).json()
    assert set(body) == {"result", "pagination"}
    assert set(body["pagination"]) == {"hasNextPage", "nextPageCursor", "nextPageUrl"}
    assert len(body["result"]) == 50
    assert body["pagination"]["hasNextPage"] is True
    assert f"cursor={body['pagination']['nextPageCursor']}" in body["pagination"]["nextPageUrl"]
    follow = reader.get(body["pagination"]["nextPageUrl"])
    assert follow.status_code == 200
    assert follow.json()["result"][0]["id"] not in {o["id"] for o in body["result"]}


def test_orders_carry_the_order_resource_fields(all_orders: list[dict[str, Any]]) -> None:
    for order in all_orders:
        assert set(order) == ORDER_FIELDS
        assert order["fulfillmentStatus"] in ("PENDING", "FULFILLED", "CANCELED")
        assert order["channel"] in ("web", "pos")
        assert order["lineItems"]
        for line in order["lineItems"]:
            assert set(line) >= LINE_FIELDS
            assert isinstance(line["quantity"], int)
            assert set(line["unitPricePaid"]) == {"value", "currency"}
            assert isinstance(line["unitPricePaid"]["value"], str)
        assert set(order["shippingAddress"]) == ADDRESS_FIELDS
        for key in ("subtotal", "shippingTotal", "taxTotal", "grandTotal", "refundedTotal"):
            assert isinstance(order[key]["value"], str)
            assert order[key]["currency"] == order["grandTotal"]["currency"]
        parse_utc(order["createdOn"])
        assert order["modifiedOn"].endswith("Z")
        if order["fulfillmentStatus"] == "FULFILLED":
            assert order["fulfilledOn"] is not None
            assert set(order["fulfillments"][0]) == {
                "shipDate",
                "carrierName",
                "service",
                "trackingNumber",
                "trackingUrl",
            }
        else:
            assert order["fulfilledOn"] is None


def test_paging_returns_every_order_once_oldest_change_first(
    all_orders: list[dict[str, Any]],
) -> None:
    ids = [o["id"] for o in all_orders]
    assert len(ids) == 300
    assert len(set(ids)) == 300
    modified = [parse_utc(o["modifiedOn"]) for o in all_orders]
    assert modified == sorted(modified)
    assert sorted(int(o["orderNumber"]) for o in all_orders) == list(range(1001, 1301))


def test_there_is_no_page_size_parameter(reader: httpx.Client) -> None:
    assert len(reader.get(ORDERS, params={"limit": "500"}).json()["result"]) == 50


@pytest.mark.parametrize("status", ["PENDING", "FULFILLED", "CANCELED"])
def test_fulfillment_status_filter(
    reader: httpx.Client, all_orders: list[dict[str, Any]], status: str
) -> None:
    got = _walk(reader, {"fulfillmentStatus": status})
    expected = [o["id"] for o in all_orders if o["fulfillmentStatus"] == status]
    assert [o["id"] for o in got] == expected
    assert expected


def test_customer_filter(reader: httpx.Client, all_orders: list[dict[str, Any]]) -> None:
    customer, _ = Counter(o["customerId"] for o in all_orders).most_common(1)[0]
    got = _walk(reader, {"customerId": customer})
    assert [o["id"] for o in got] == [o["id"] for o in all_orders if o["customerId"] == customer]
    assert len(got) >= 2


def test_modified_range_is_half_open_and_pages(
    reader: httpx.Client, all_orders: list[dict[str, Any]]
) -> None:
    after = all_orders[40]["modifiedOn"]
    before = all_orders[200]["modifiedOn"]
    got = _walk(reader, {"modifiedAfter": after, "modifiedBefore": before})
    lo, hi = parse_utc(after), parse_utc(before)
    expected = [o["id"] for o in all_orders if lo <= parse_utc(o["modifiedOn"]) < hi]
    assert [o["id"] for o in got] == expected
    assert len(got) > 50  # so the cursor carried the range onto the next pages


def test_modified_range_combines_with_status(
    reader: httpx.Client, all_orders: list[dict[str, Any]]
) -> None:
    after, before = all_orders[0]["modifiedOn"], "2099-01-01T00:00:00.000Z"
    got = _walk(
        reader, {"modifiedAfter": after, "modifiedBefore": before, "fulfillmentStatus": "CANCELED"}
    )
    assert [o["id"] for o in got] == [
        o["id"] for o in all_orders if o["fulfillmentStatus"] == "CANCELED"
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"modifiedAfter": "2026-01-01T00:00:00Z"},
        {"modifiedBefore": "2026-01-01T00:00:00Z"},
        {"cursor": "abc", "fulfillmentStatus": "PENDING"},
        {
            "cursor": "abc",
            "modifiedAfter": "2026-01-01T00:00:00Z",
            "modifiedBefore": "2026-02-01T00:00:00Z",
        },
        {"cursor": "not-a-cursor"},
        {"fulfillmentStatus": "SHIPPED"},
        {"modifiedAfter": "yesterday", "modifiedBefore": "2026-01-01T00:00:00Z"},
        {"modifiedAfter": "2026-02-01T00:00:00Z", "modifiedBefore": "2026-01-01T00:00:00Z"},
    ],
)
def test_bad_list_parameters_are_400(reader: httpx.Client, params: dict[str, str]) -> None:
    _error(reader.get(ORDERS, params=params), 400, "INVALID_REQUEST_ERROR")


def test_a_real_cursor_with_another_parameter_is_400(reader: httpx.Client) -> None:
    cursor = reader.get(ORDERS).json()["pagination"]["nextPageCursor"]
    body = _error(
        reader.get(ORDERS, params={"cursor": cursor, "customerId": "CUST50001"}),
        400,
        "INVALID_REQUEST_ERROR",
        "INVALID_ARGUMENT",
    )
    assert "cursor" in body["message"]


def test_an_empty_cursor_is_the_first_page(reader: httpx.Client) -> None:
    first = reader.get(ORDERS).json()["result"]
    again = reader.get(ORDERS, params={"cursor": "", "fulfillmentStatus": "PENDING"})
    assert again.status_code == 200
    assert again.json()["result"][0]["id"] == next(
        o["id"] for o in first if o["fulfillmentStatus"] == "PENDING"
    )


# -- get, auth, user agent ---------------------------------------------------------------------


def test_get_order_matches_the_list(reader: httpx.Client, all_orders: list[dict[str, Any]]) -> None:
    listed = all_orders[17]
    response = reader.get(f"{ORDERS}/{listed['id']}")
    assert response.status_code == 200
    assert response.json() == listed


def test_unknown_order_is_404(reader: httpx.Client) -> None:
    _error(reader.get(f"{ORDERS}/000000000000000000000000"), 404, "NOT_FOUND")


@pytest.mark.parametrize("auth", [None, "Bearer wrong", "Basic abc"])
def test_missing_or_wrong_token_is_401(reader: httpx.Client, auth: str | None) -> None:
    headers = {"User-Agent": "fs-tests/1.0"}
    if auth:
        headers["Authorization"] = auth
    response = httpx.get(str(reader.base_url) + ORDERS, headers=headers)
    _error(response, 401, "AUTHORIZATION_ERROR")


def test_missing_user_agent_is_400(reader: httpx.Client) -> None:
    with httpx.Client(base_url=reader.base_url) as bare:
        del bare.headers["User-Agent"]
        response = bare.get(ORDERS, headers={"Authorization": f"Bearer {TOKEN}"})
    _error(response, 400, "INVALID_REQUEST_ERROR", "MISSING_USER_AGENT")


# -- fulfill ------------------------------------------------------------------------------------


def test_fulfill_with_shipments_is_204_and_fulfills_the_whole_order(
    writer: SandboxServer, wclient: httpx.Client, take: Callable[[str], dict[str, Any]]
) -> None:
    order = take("PENDING")
    second = {
        **SHIPMENT,
        "carrierName": "FedEx",
        "trackingNumber": "123456789012",
        "trackingUrl": None,
    }
    response = wclient.post(
        f"{ORDERS}/{order['id']}/fulfillments",
        json={"shouldSendNotification": True, "shipments": [SHIPMENT, second]},
    )
    assert response.status_code == 204
    assert response.content == b""
    after = wclient.get(f"{ORDERS}/{order['id']}").json()
    assert after["fulfillmentStatus"] == "FULFILLED"
    assert after["fulfilledOn"] is not None
    assert parse_utc(after["modifiedOn"]) > parse_utc(order["modifiedOn"])
    assert [f["trackingNumber"] for f in after["fulfillments"]] == [
        SHIPMENT["trackingNumber"],
        "123456789012",
    ]
    assert after["fulfillments"][0] == SHIPMENT
    effects = _effects(writer, order["id"])
    assert [e["kind"] for e in effects] == ["shipment"]
    assert effects[0]["detail"]["tracking_number"] == SHIPMENT["trackingNumber"]
    assert effects[0]["detail"]["notify"] is True


def test_fulfill_without_shipments_marks_fulfilled(
    writer: SandboxServer, wclient: httpx.Client, take: Callable[[str], dict[str, Any]]
) -> None:
    order = take("PENDING")
    response = wclient.post(
        f"{ORDERS}/{order['id']}/fulfillments", json={"shouldSendNotification": False}
    )
    assert response.status_code == 204
    after = wclient.get(f"{ORDERS}/{order['id']}").json()
    assert after["fulfillmentStatus"] == "FULFILLED"
    assert after["fulfillments"] == []
    assert [e["kind"] for e in _effects(writer, order["id"])] == ["fulfill"]


def test_a_fulfilled_order_accepts_more_shipments(
    writer: SandboxServer, wclient: httpx.Client, take: Callable[[str], dict[str, Any]]
) -> None:
    order = take("FULFILLED")
    url = f"{ORDERS}/{order['id']}/fulfillments"
    assert (
        wclient.post(
            url, json={"shouldSendNotification": False, "shipments": [SHIPMENT]}
        ).status_code
        == 204
    )
    after = wclient.get(f"{ORDERS}/{order['id']}").json()
    assert len(after["fulfillments"]) == len(order["fulfillments"]) + 1
    assert after["fulfilledOn"] == order["fulfilledOn"]
    # Nothing to add: accepted, and nothing changes.
    assert wclient.post(url, json={"shouldSendNotification": False}).status_code == 204
    assert wclient.get(f"{ORDERS}/{order['id']}").json() == after
    assert len(_effects(writer, order["id"])) == 1


def test_a_canceled_order_cannot_be_fulfilled(
    writer: SandboxServer, wclient: httpx.Client, take: Callable[[str], dict[str, Any]]
) -> None:
    order = take("CANCELED")
    response = wclient.post(
        f"{ORDERS}/{order['id']}/fulfillments",
        json={"shouldSendNotification": True, "shipments": [SHIPMENT]},
    )
    _error(response, 409, "CONFLICT", "ORDER_CANCELED")
    assert wclient.get(f"{ORDERS}/{order['id']}").json() == order
    assert _effects(writer, order["id"]) == []


@pytest.mark.parametrize(
    "body",
    [
        {"shipments": [SHIPMENT]},
        {"shouldSendNotification": "yes"},
        {"shouldSendNotification": True, "shipments": {"carrierName": "USPS"}},
        {"shouldSendNotification": True, "shipments": [{**SHIPMENT, "trackingNumber": None}]},
        {"shouldSendNotification": True, "shipments": [{**SHIPMENT, "carrierName": ""}]},
        {"shouldSendNotification": True, "shipments": [{**SHIPMENT, "shipDate": "soon"}]},
        {"shouldSendNotification": True, "shipments": [{**SHIPMENT, "trackingUrl": "ftp://x"}]},
        [],
    ],
)
def test_malformed_fulfillment_is_400(
    wclient: httpx.Client, take: Callable[[str], dict[str, Any]], body: Any
) -> None:
    order = take("PENDING")
    response = wclient.post(f"{ORDERS}/{order['id']}/fulfillments", json=body)
    _error(response, 400, "INVALID_REQUEST_ERROR")
    assert wclient.get(f"{ORDERS}/{order['id']}").json()["fulfillmentStatus"] == "PENDING"


def test_malformed_json_is_400(
    wclient: httpx.Client, take: Callable[[str], dict[str, Any]]
) -> None:
    order = take("PENDING")
    response = wclient.post(
        f"{ORDERS}/{order['id']}/fulfillments",
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    _error(response, 400, "INVALID_REQUEST_ERROR", "MALFORMED_JSON")


def test_fulfilling_an_unknown_order_is_404(wclient: httpx.Client) -> None:
    response = wclient.post(
        f"{ORDERS}/ffffffffffffffffffffffff/fulfillments", json={"shouldSendNotification": True}
    )
    _error(response, 404, "NOT_FOUND")


# -- create ------------------------------------------------------------------------------------


def _create_body(variant: str, **changes: Any) -> dict[str, Any]:
    body = {
        "channelName": "Etsy",
        "externalOrderReference": "ETSY-1001",
        "createdOn": "2026-11-20T09:00:00.000Z",
        "customerEmail": "ana@example.com",
        "shippingAddress": {
            "firstName": "Ana",
            "lastName": "Conceição",
            "address1": "Rua Augusta 10",
            "address2": None,
            "city": "São Paulo",
            "state": "SP",
            "countryCode": "BR",
            "postalCode": "01310-100",
            "phone": "+55 11 5555 0000",
        },
        "lineItems": [
            {
                "lineItemType": "PHYSICAL_PRODUCT",
                "variantId": variant,
                "quantity": 2,
                "unitPricePaid": {"value": "10.50", "currency": "USD"},
            }
        ],
        "priceTaxInterpretation": "EXCLUSIVE",
        "subtotal": {"value": "21.00", "currency": "USD"},
        "shippingTotal": {"value": "4.00", "currency": "USD"},
        "taxTotal": {"value": "0.00", "currency": "USD"},
        "grandTotal": {"value": "25.00", "currency": "USD"},
    }
    body.update(changes)
    return body


@pytest.fixture(scope="module")
def variant(wclient: httpx.Client) -> str:
    return wclient.get(ORDERS).json()["result"][0]["lineItems"][0]["variantId"]


def test_create_is_201_with_an_order_resource(
    writer: SandboxServer, wclient: httpx.Client, variant: str
) -> None:
    # The writable sandbox is shared by this module's tests, in any order: the new number
    # follows the highest one there now (1201 when it still holds only its 200 orders).
    highest = max(int(o["orderNumber"]) for o in _walk(wclient, {}))
    body = _create_body(variant, externalOrderReference="ETSY-CREATE-1")
    response = wclient.post(ORDERS, json=body, headers={"Idempotency-Key": "create-1"})
    assert response.status_code == 201, response.text
    order = response.json()
    assert set(order) == ORDER_FIELDS
    assert order["fulfillmentStatus"] == "PENDING"
    assert order["channelName"] == "Etsy"
    assert order["externalOrderReference"] == "ETSY-CREATE-1"
    assert order["grandTotal"] == {"value": "25.00", "currency": "USD"}
    assert order["lineItems"][0]["variantId"] == variant
    assert order["lineItems"][0]["quantity"] == 2
    assert order["shippingAddress"]["lastName"] == "Conceição"
    assert order["orderNumber"] == str(highest + 1)
    assert wclient.get(f"{ORDERS}/{order['id']}").json() == order
    assert [e["kind"] for e in _effects(writer, order["id"])] == ["create"]


def test_create_replayed_with_the_same_key_returns_the_same_order(
    writer: SandboxServer, wclient: httpx.Client, variant: str
) -> None:
    body = _create_body(variant, externalOrderReference="ETSY-REPLAY")
    headers = {"Idempotency-Key": "replay-1"}
    first = wclient.post(ORDERS, json=body, headers=headers)
    again = wclient.post(ORDERS, json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    journal = httpx.get(writer.root_url + "/_sandbox/journal", headers=writer.auth_headers).json()
    creates = [
        e
        for e in journal["effects"]
        if e["kind"] == "create" and e["detail"]["idempotency_key"] == "replay-1"
    ]
    assert len(creates) == 1


def test_same_key_with_another_body_is_409(wclient: httpx.Client, variant: str) -> None:
    headers = {"Idempotency-Key": "conflict-1"}
    assert wclient.post(ORDERS, json=_create_body(variant), headers=headers).status_code == 201
    other = _create_body(variant, externalOrderReference="ETSY-OTHER")
    _error(
        wclient.post(ORDERS, json=other, headers=headers), 409, "CONFLICT", "IDEMPOTENCY_KEY_REUSED"
    )


def test_create_without_idempotency_key_is_400(wclient: httpx.Client, variant: str) -> None:
    _error(
        wclient.post(ORDERS, json=_create_body(variant)),
        400,
        "INVALID_REQUEST_ERROR",
        "MISSING_ARGUMENT",
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"lineItems": []},
        {"lineItems": None},
        {"channelName": None},
        {"channelName": "x" * 31},
        {"externalOrderReference": None},
        {"createdOn": None},
        {"priceTaxInterpretation": "GROSS"},
        {"grandTotal": None},
        {"subtotal": {"value": "abc", "currency": "USD"}},
        {"fulfillmentStatus": "FULFILLED"},  # without fulfilledOn
        {"fulfillmentStatus": "CANCELED"},
        {
            "lineItems": [
                {
                    "variantId": "nope",
                    "quantity": 1,
                    "unitPricePaid": {"value": "1.00", "currency": "USD"},
                }
            ]
        },
    ],
)
def test_invalid_create_is_400(
    wclient: httpx.Client, variant: str, changes: dict[str, Any]
) -> None:
    body = _create_body(variant, **changes)
    key = f"bad-{sorted(changes)}-{hash(repr(changes))}"
    _error(
        wclient.post(ORDERS, json=body, headers={"Idempotency-Key": key}),
        400,
        "INVALID_REQUEST_ERROR",
    )


def test_create_a_fulfilled_order(wclient: httpx.Client, variant: str) -> None:
    body = _create_body(
        variant,
        externalOrderReference="ETSY-DONE",
        fulfillmentStatus="FULFILLED",
        fulfilledOn="2026-11-20T12:00:00.000Z",
        fulfillments=[SHIPMENT],
    )
    response = wclient.post(ORDERS, json=body, headers={"Idempotency-Key": "fulfilled-1"})
    assert response.status_code == 201, response.text
    order = response.json()
    assert order["fulfillmentStatus"] == "FULFILLED"
    assert order["fulfilledOn"] == "2026-11-20T12:00:00.000Z"
    assert order["fulfillments"] == [SHIPMENT]


# -- faults ------------------------------------------------------------------------------------


def test_rate_limit_answers_429_with_retry_after(
    writer: SandboxServer, wclient: httpx.Client
) -> None:
    _faults(writer, rate_limit=1)
    try:
        responses = [wclient.get(ORDERS) for _ in range(4)]
    finally:
        _faults(writer, rate_limit=0)
    limited = [r for r in responses if r.status_code == 429]
    assert limited
    _error(limited[0], 429, "TOO_MANY_REQUESTS")
    assert float(limited[0].headers["Retry-After"]) > 0


def test_drop_after_commit_still_applies_the_fulfillment(
    writer: SandboxServer, wclient: httpx.Client, take: Callable[[str], dict[str, Any]]
) -> None:
    order = take("PENDING")
    _faults(writer, drop_after_commit=1)
    with pytest.raises(httpx.TransportError):
        wclient.post(
            f"{ORDERS}/{order['id']}/fulfillments",
            json={"shouldSendNotification": True, "shipments": [SHIPMENT]},
        )
    after = wclient.get(f"{ORDERS}/{order['id']}").json()
    assert after["fulfillmentStatus"] == "FULFILLED"
    assert [e["kind"] for e in _effects(writer, order["id"])] == ["shipment"]
    journal = httpx.get(writer.root_url + "/_sandbox/journal", headers=writer.auth_headers).json()
    dropped = [r for r in journal["requests"] if order["id"] in r["path"]]
    assert dropped[-1]["dropped"] is True


def test_a_restart_on_the_same_database_keeps_writes(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    db = tmp_path_factory.mktemp("sqsp-restart") / "sandbox.sqlite"
    with (
        SandboxServer("squarespace", db_path=db, token=TOKEN, orders=20, seed=23) as server,
        httpx.Client(base_url=server.base_url, headers=AUTH) as client,
    ):
        order = next(o for o in _walk(client, {}) if o["fulfillmentStatus"] == "PENDING")
        assert (
            client.post(
                f"{ORDERS}/{order['id']}/fulfillments",
                json={"shouldSendNotification": False, "shipments": [SHIPMENT]},
            ).status_code
            == 204
        )
    with (
        SandboxServer("squarespace", db_path=db, token=TOKEN, orders=20, seed=23) as server,
        httpx.Client(base_url=server.base_url, headers=AUTH) as client,
    ):
        after = client.get(f"{ORDERS}/{order['id']}").json()
    assert after["fulfillmentStatus"] == "FULFILLED"
    assert after["fulfillments"] == [SHIPMENT]
