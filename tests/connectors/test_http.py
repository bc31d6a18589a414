"""The shared HTTP client: retry policy for reads, none for writes, typed errors, HTTPS rule,
and no token in errors or logs. Narrow edge cases, so httpx is mocked with respx here;
contract tests per dialect run against the real sandboxes."""

from __future__ import annotations

import logging
import random
import threading

import httpx
import pytest
import respx

from fulfillment_station.connectors.errors import (
    AlreadyShipped,
    AuthenticationError,
    ConnectionFailed,
    InsecureConnection,
    NotFound,
    RateLimited,
    ServerError,
    UnknownOutcome,
)
from fulfillment_station.connectors.http import ApiClient, check_base_url, parse_retry_after

BASE = "https://api.example.test/v1"
TOKEN = "super-secret-token-do-not-leak"


class FakeSleep:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def client(sleep: FakeSleep, **kwargs: object) -> ApiClient:
    return ApiClient(BASE, TOKEN, sleep=sleep, rng=random.Random(1), **kwargs)  # type: ignore[arg-type]


@respx.mock
def test_read_retries_5xx_then_succeeds_with_backoff() -> None:
    route = respx.get(f"{BASE}/orders").mock(
        side_effect=[
            httpx.Response(503),
            httpx.Response(502),
            httpx.Response(200, json={"data": []}),
        ]
    )
    sleep = FakeSleep()
    assert client(sleep).get_json("/orders") == {"data": []}
    assert route.call_count == 3
    assert len(sleep.calls) == 2
    assert all(0 <= s <= 30 for s in sleep.calls)


@respx.mock
def test_read_honours_retry_after_on_429() -> None:
    respx.get(f"{BASE}/orders").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "7"}),
            httpx.Response(200, json=[]),
        ]
    )
    sleep = FakeSleep()
    client(sleep).get_json("/orders")
    assert sleep.calls == [7.0]


@respx.mock
def test_read_gives_up_after_max_attempts_with_typed_error() -> None:
    respx.get(f"{BASE}/orders").mock(
        return_value=httpx.Response(
            429,
            headers={"Retry-After": "1"},
            json={"error": {"code": "RATE_LIMITED", "message": "slow down"}},
        )
    )
    with pytest.raises(RateLimited) as info:
        client(FakeSleep(), max_read_attempts=3).get_json("/orders")
    assert info.value.retry_after == 1.0
    assert info.value.transient and not info.value.unknown_outcome


@respx.mock
def test_read_retries_connection_errors() -> None:
    route = respx.get(f"{BASE}/orders").mock(
        side_effect=[
            httpx.ConnectError("refused"),
            httpx.ReadTimeout("slow"),
            httpx.Response(200, json=1),
        ]
    )
    assert client(FakeSleep()).get_json("/orders") == 1
    assert route.call_count == 3


@respx.mock
def test_write_is_sent_once_even_on_5xx_and_marks_outcome_unknown() -> None:
    route = respx.post(f"{BASE}/orders/1/ship").mock(return_value=httpx.Response(500))
    with pytest.raises(ServerError) as info:
        client(FakeSleep()).send_json("POST", "/orders/1/ship", json={})
    assert route.call_count == 1
    assert info.value.unknown_outcome


@respx.mock
def test_write_timeout_is_unknown_outcome_and_not_retried() -> None:
    route = respx.post(f"{BASE}/orders/1/ship").mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(UnknownOutcome) as info:
        client(FakeSleep()).send_json("POST", "/orders/1/ship", json={}, order_id="1")
    assert route.call_count == 1
    assert info.value.order_id == "1"


@respx.mock
def test_write_connect_error_is_known_not_sent() -> None:
    respx.post(f"{BASE}/orders/1/ship").mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(ConnectionFailed) as info:
        client(FakeSleep()).send_json("POST", "/orders/1/ship", json={})
    assert info.value.transient and not info.value.unknown_outcome


@respx.mock
def test_error_codes_become_typed_errors_with_api_message() -> None:
    respx.post(f"{BASE}/orders/1/ship").mock(
        return_value=httpx.Response(
            409, json={"error": {"code": "ALREADY_SHIPPED", "message": "has shipment"}}
        )
    )
    respx.get(f"{BASE}/orders/2").mock(return_value=httpx.Response(404, json={}))
    c = client(FakeSleep())
    with pytest.raises(AlreadyShipped) as info:
        c.send_json("POST", "/orders/1/ship", json={})
    assert info.value.code == "ALREADY_SHIPPED"
    assert "has shipment" in str(info.value)
    assert info.value.user_message.endswith(".")
    with pytest.raises(NotFound):
        c.get_json("/orders/2")


@respx.mock
def test_token_is_sent_but_never_in_errors_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    route = respx.get(f"{BASE}/orders").mock(
        return_value=httpx.Response(
            401, json={"error": {"code": "UNAUTHENTICATED", "message": "bad token"}}
        )
    )
    caplog.set_level(logging.DEBUG)
    with pytest.raises(AuthenticationError) as info:
        client(FakeSleep()).get_json("/orders")
    assert route.calls[0].request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert route.calls[0].request.headers["User-Agent"].startswith("FulfillmentStation/")
    assert TOKEN not in str(info.value) and TOKEN not in repr(info.value)
    assert all(TOKEN not in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "url", ["http://shop.example.com/api", "ftp://x", "shop.example.com", "http://10.0.0.5/api"]
)
def test_plain_http_refused_except_loopback(url: str) -> None:
    with pytest.raises(InsecureConnection) as info:
        check_base_url(url)
    assert "https" in info.value.user_message.lower()


@pytest.mark.parametrize(
    "url",
    [
        "https://shop.example.com",
        "http://127.0.0.1:8000/api",
        "http://localhost:9/x",
        "http://[::1]:80",
    ],
)
def test_https_and_loopback_accepted(url: str) -> None:
    check_base_url(url)


def test_retry_after_forms() -> None:
    assert parse_retry_after("12") == 12.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("garbage") is None
    when = parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=lambda: 1445412470.0)
    assert when == 10.0


@respx.mock
def test_read_ahead_serves_the_next_page_once_and_carries_its_error() -> None:
    route = respx.get(f"{BASE}/orders").mock(
        side_effect=[httpx.Response(200, json={"page": 2}), httpx.Response(404, json={})]
    )
    c = client(FakeSleep())
    c.prefetch("/orders", {"page": 2})
    assert c.get_json("/orders", {"page": 2}) == {"page": 2}
    assert route.call_count == 1  # served from the read-ahead, not asked twice
    c.prefetch("/orders", {"page": 3})
    with pytest.raises(NotFound):
        c.get_json("/orders", {"page": 3})
    c.close()


@respx.mock
def test_a_stale_read_ahead_is_read_again() -> None:
    route = respx.get(f"{BASE}/orders").mock(
        side_effect=[
            httpx.Response(200, json={"old": True}),
            httpx.Response(200, json={"old": False}),
        ]
    )
    c = client(FakeSleep(), prefetch_fresh_s=-1.0)  # every read-ahead is already stale
    c.prefetch("/orders", {"page": 2})
    assert c.get_json("/orders", {"page": 2}) == {"old": False}
    assert route.call_count == 2
    c.close()


def test_a_read_ahead_never_waits_for_its_answer() -> None:
    released = threading.Event()
    prefetch_returned = threading.Event()
    seen: list[bool] = []

    def slow_server(request: httpx.Request) -> httpx.Response:
        released.wait(5)
        seen.append(prefetch_returned.is_set())
        return httpx.Response(200, json={"page": 2})

    c = ApiClient(BASE, TOKEN, transport=httpx.MockTransport(slow_server))
    c.prefetch("/orders", {"page": 2})  # returns while the server is still answering
    prefetch_returned.set()
    released.set()
    assert c.get_json("/orders", {"page": 2}) == {"page": 2}
    assert seen == [True]
    c.close()
