"""What every dialect's sandbox shares: auth before anything else, the fault knobs, and the
sandbox-only journal."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from fulfillment_station.sandbox.server import SandboxServer

pytestmark = pytest.mark.integration

#: One write route per dialect (relative to the base URL) with a body no API accepts.
WRITES = {
    "nexus": ("POST", "/api/orders/bulk-shipment"),
    "price2b": ("POST", "/v1/orders/sync"),
    "squarespace": ("POST", "/1.0/commerce/orders"),
    "inventory-cloud": ("POST", "/v1/orders"),
    "generic-rest": ("POST", "/orders"),
}
LISTS = {
    "nexus": "/api/orders",
    "price2b": "/v1/orders",
    "squarespace": "/1.0/commerce/orders",
    "inventory-cloud": "/v1/orders",
    "generic-rest": "/orders",
}


@pytest.mark.parametrize("dialect", sorted(WRITES))
def test_no_token_is_401_even_with_a_malformed_body(
    dialect: str, shared_sandbox: Callable[[str], SandboxServer]
) -> None:
    server = shared_sandbox(dialect)
    method, path = WRITES[dialect]
    answer = httpx.request(
        method,
        server.base_url + path,
        content=b"{not json",
        headers={"Content-Type": "application/json", "User-Agent": "t"},
    )
    assert answer.status_code == 401, answer.text
    wrong = httpx.request(
        method,
        server.base_url + path,
        json={"x": 1},
        headers={"Authorization": "Bearer wrong", "User-Agent": "t"},
    )
    assert wrong.status_code == 401


@pytest.mark.parametrize("dialect", sorted(LISTS))
def test_rate_limit_answers_429_with_retry_after(
    dialect: str, make_sandbox: Callable[..., SandboxServer]
) -> None:
    server = make_sandbox(dialect, orders=5)
    server.faults.rate_limit = 2
    headers = {"Authorization": f"Bearer {server.token}", "User-Agent": "t"}
    with httpx.Client(base_url=server.base_url, headers=headers) as client:
        codes = [client.get(LISTS[dialect]) for _ in range(5)]
    limited = [a for a in codes if a.status_code == 429]
    assert limited, [a.status_code for a in codes]
    assert all(float(a.headers["Retry-After"]) > 0 for a in limited)


def test_fail_rate_gives_5xx_in_the_dialects_envelope(
    make_sandbox: Callable[..., SandboxServer],
) -> None:
    server = make_sandbox("nexus", orders=5)
    server.faults.fail_rate = 1.0
    answer = httpx.get(
        server.base_url + "/api/orders", headers={"Authorization": f"Bearer {server.token}"}
    )
    assert answer.status_code in (500, 502, 503)
    assert answer.json()["error"]["code"] == "INTERNAL_ERROR"


def test_faults_can_be_set_over_http_and_sandbox_paths_skip_them(
    make_sandbox: Callable[..., SandboxServer],
) -> None:
    server = make_sandbox("generic-rest", orders=5)
    answer = httpx.post(
        server.root_url + "/_sandbox/faults", headers=server.auth_headers, json={"fail_rate": 1.0}
    )
    assert answer.json()["fail_rate"] == 1.0
    assert httpx.get(server.root_url + "/_sandbox/health").json()["ok"] is True
    assert (
        httpx.get(server.root_url + "/_sandbox/journal", headers=server.auth_headers).status_code
        == 200
    )


@pytest.mark.parametrize("dialect", ["nexus", "squarespace"])
def test_journal_and_faults_need_the_sandbox_token(
    make_sandbox: Callable[..., SandboxServer], dialect: str
) -> None:
    server = make_sandbox(dialect, orders=2)
    wrong = {"Authorization": "Bearer not-the-token"}
    for headers in ({}, wrong):
        assert httpx.get(server.root_url + "/_sandbox/journal", headers=headers).status_code == 401
        assert httpx.get(server.root_url + "/_sandbox/faults", headers=headers).status_code == 401
        refused = httpx.post(
            server.root_url + "/_sandbox/faults", headers=headers, json={"fail_rate": 1.0}
        )
        assert refused.status_code == 401
    # Nothing was changed by the refused calls.
    assert server.faults.fail_rate == 0
    assert (
        httpx.get(server.root_url + "/_sandbox/faults", headers=server.auth_headers).json()[
            "fail_rate"
        ]
        == 0
    )
