"""A hostile network, end to end: the lying server of ``tests/helpers/hostile_server.py`` in
front of a real sandbox, driven through the connectors, the CLI, sync and the outbox. Each case
ends with one clear line, or an unknown outcome the outbox settles by re-reading the order;
never a traceback, never ``done`` without the store's proof. Memory is measured (tracemalloc
peak) and time bounded with short, configured deadlines.
"""

from __future__ import annotations

import io
import socket
import ssl
import subprocess
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fulfillment_station.cli.main import main as cli_main
from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import Connector, ListQuery
from fulfillment_station.connectors.errors import (
    AnswerTooLarge,
    ConnectionFailed,
    ConnectorError,
    InsecureConnection,
    PagingLoop,
    RedirectRefused,
    ServerError,
    TlsFailed,
    UnknownOutcome,
)
from fulfillment_station.connectors.http import AnswerLimits, UnprovenWrite, check_base_url
from fulfillment_station.domain.models import FulfillmentStatus, OrderStatus
from fulfillment_station.domain.requests import ShipRequest
from fulfillment_station.domain.safe_text import is_text_safe
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services import headless
from fulfillment_station.services.actions import Action
from fulfillment_station.services.outbox_runner import BackoffPolicy
from fulfillment_station.services.outbox_service import OutboxService
from fulfillment_station.services.sync import SyncService
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.store.db import connect as open_store
from fulfillment_station.store.outbox import ActionState, Outbox
from tests.conftest import TEST_TOKEN
from tests.helpers import hostile_server as lies
from tests.helpers.hostile_server import HostileServer

pytestmark = pytest.mark.integration

#: Small caps and short deadlines, so each hostile case is decided in about a second.
LIMITS = AnswerLimits(
    list_bytes=2 * 2**20,
    detail_bytes=2**20,
    label_bytes=2**20,
    write_bytes=2**20,
    read_deadline_s=1.5,
    write_deadline_s=1.0,
)
FAST = BackoffPolicy(base=0.05, cap=0.3, max_attempts=40)
#: Peak Python memory a refused answer may cost, whatever its size (caps are 1-2 MB).
MEMORY_BOUND = 12 * 2**20
TRACKING = "JD014600006543299001"


@pytest.fixture
def hostile(
    make_sandbox: Callable[..., SandboxServer],
) -> Iterator[Callable[..., tuple[HostileServer, SandboxServer, str]]]:
    """(lying server, the sandbox behind it, the connector's base URL through the liar)."""
    started: list[HostileServer] = []

    def make(dialect: str, **sandbox: Any) -> tuple[HostileServer, SandboxServer, str]:
        sandbox.setdefault("orders", 40)
        server = make_sandbox(dialect, **sandbox)
        liar = HostileServer(server.root_url).start()
        started.append(liar)
        base_path = server.base_url[len(server.root_url) :]
        return liar, server, liar.url + base_path

    yield make
    for liar in started:
        liar.stop()


def connector_for(dialect: str, base_url: str, **options: Any) -> Connector:
    options.setdefault("limits", LIMITS)
    return connect(dialect, base_url, TEST_TOKEN, max_read_attempts=3, backoff_base=0.01, **options)


def fresh_order(connector: Connector) -> Any:
    for row in connector.list_orders():
        if (
            row.status in (OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.PROCESSING)
            and row.fulfillment_status == FulfillmentStatus.UNFULFILLED
        ):
            order = connector.get_order(row.id)
            # A held order (pending, marketplace-fulfilled...) is refused before any write.
            if (
                order.lines
                and order.fulfillment_status == FulfillmentStatus.UNFULFILLED
                and not order.holds
            ):
                return order
    raise LookupError("no fresh order")


def shipments_applied(server: SandboxServer, order_id: str) -> int:
    return sum(
        1
        for e in server.db.journal()["effects"]
        if e["order_id"] == order_id and e["kind"] in ("shipment", "fulfill")
    )


class Desk:
    def __init__(self, connector: Connector, path: Path) -> None:
        self.connector = connector
        self.store = open_store(path)
        self.outbox: Outbox[Action] = Outbox(
            self.store, AuditLog(self.store, station="D1"), decode=Action.model_validate
        )
        self.service = OutboxService(self.outbox, connector, connection_id="shop", policy=FAST)

    def run(self, seconds: float) -> None:
        self.service.run_until_idle(datetime.now(UTC) + timedelta(seconds=seconds))

    def state(self, action_id: int) -> ActionState:
        record = self.outbox.get(action_id)
        assert record is not None
        return record.state

    def close(self) -> None:
        self.connector.close()
        self.store.close()


# --- 1. a write is done only when the store says so ------------------------------------------


@pytest.mark.parametrize("status", [301, 307])
def test_squarespace_bare_redirect_to_a_fulfillment_is_never_done(
    hostile: Callable[..., Any], tmp_path: Path, status: int
) -> None:
    liar, server, base = hostile("squarespace")
    desk = Desk(connector_for("squarespace", base), tmp_path / "o.sqlite3")
    try:
        order = fresh_order(desk.connector)
        liar.lie("POST", "/fulfillments$", lies.redirect(status, "https://elsewhere.example/"))
        with pytest.raises(UnprovenWrite):
            desk.connector.ship(order.id, ShipRequest(carrier="DHL", tracking_number=TRACKING))
        record = desk.service.ship(order.id, ShipRequest(carrier="DHL", tracking_number=TRACKING))
        desk.run(1.5)
        # Never applied, never done: it waits (the re-read shows no shipment yet).
        assert desk.state(record.id) != ActionState.DONE
        assert shipments_applied(server, order.id) == 0
        liar.lies.clear()  # the store comes back: the queued shipment goes, exactly once
        desk.run(10)
        assert desk.state(record.id) == ActionState.DONE
        assert shipments_applied(server, order.id) == 1
    finally:
        desk.close()


@pytest.mark.parametrize(
    ("dialect", "path", "lie"),
    [
        ("squarespace", "/fulfillments$", lies.redirect(307, "/elsewhere", apply=True)),
        ("squarespace", "/fulfillments$", lies.html(200, apply=True)),
        ("nexus", "/shipment$", lies.redirect_with_upstream_body(307, "/api/orders/moved")),
        ("nexus", "/shipment$", lies.html(200, apply=True)),
    ],
)
def test_an_applied_write_with_an_unproving_answer_is_settled_by_a_re_read(
    hostile: Callable[..., Any], tmp_path: Path, dialect: str, path: str, lie: lies.Lie
) -> None:
    liar, server, base = hostile(dialect)
    desk = Desk(connector_for(dialect, base), tmp_path / "o.sqlite3")
    try:
        order = fresh_order(desk.connector)
        liar.lie("POST", path, lie)
        record = desk.service.ship(order.id, ShipRequest(carrier="DHL", tracking_number=TRACKING))
        desk.run(10)
        # The answer proved nothing; the re-read found the shipment: done, sent once only.
        assert desk.state(record.id) == ActionState.DONE
        assert shipments_applied(server, order.id) == 1
        assert len(liar.requests_to(path, "POST")) == 1
    finally:
        desk.close()


def test_cli_ship_never_says_shipped_on_a_sign_in_page(
    hostile: Callable[..., Any], capsys: pytest.CaptureFixture[str]
) -> None:
    liar, server, base = hostile("squarespace")
    with connector_for("squarespace", base) as connector:
        order = fresh_order(connector)
    liar.lie("POST", "/fulfillments$", lies.html(200))  # not applied
    argv = [
        "orders",
        "ship",
        order.id,
        "--dialect",
        "squarespace",
        "--base-url",
        base,
        "--token",
        TEST_TOKEN,
        "--carrier",
        "DHL",
        "--tracking",
        TRACKING,
    ]
    assert cli_main(argv) == 1
    out, err = capsys.readouterr()
    assert "shipped" not in out
    assert err.count("\n") == 1 and "no such shipment yet" in err
    assert shipments_applied(server, order.id) == 0

    liar.lies.clear()
    liar.lie("POST", "/fulfillments$", lies.html(200, apply=True))  # applied, then the page
    assert cli_main(argv) == 0
    out, _ = capsys.readouterr()
    assert "shipped" in out and "confirmed by re-reading the order" in out
    assert shipments_applied(server, order.id) == 1


# --- reads: a 3xx is never data, another origin never followed ------------------------------


def test_a_read_redirect_with_a_json_body_is_not_data(hostile: Callable[..., Any]) -> None:
    liar, _, base = hostile("nexus")
    elsewhere = f"http://127.0.0.2:{liar.port}/api/orders"
    liar.lie("GET", "/api/orders$", lies.redirect(302, elsewhere, body=b'{"data": []}'))
    with connector_for("nexus", base) as connector, pytest.raises(RedirectRefused) as caught:
        connector.list_orders()
    assert len(liar.seen) == 1  # not followed to the other origin
    assert "\n" not in str(caught.value)


def test_a_same_origin_read_redirect_is_followed(hostile: Callable[..., Any]) -> None:
    liar, _, base = hostile("nexus")
    liar.lie("GET", "/api/v0/orders$", lies.redirect(301, "/api/orders"))
    with connector_for("nexus", base) as connector:
        target = liar.url + "/api/v0/orders"
        answer = connector.api.get(target)
    assert answer.status_code == 200
    assert [s.path for s in liar.seen] == ["/api/v0/orders", "/api/orders"]


# --- 3. bounds: size (while streaming), time (a deadline per request) ------------------------


def _peak_while(call: Callable[[], Any]) -> tuple[BaseException | None, int, float]:
    tracemalloc.start()
    started = time.monotonic()
    error: BaseException | None = None
    try:
        call()
    except ConnectorError as exc:
        error = exc
    finally:
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return error, peak, elapsed


@pytest.mark.parametrize(
    ("name", "lie"),
    [
        ("huge", lies.huge(200)),
        ("gzip bomb", lies.gzip_bomb(256)),
        ("endless", lies.endless()),
    ],
)
def test_a_huge_answer_is_refused_while_it_streams(
    hostile: Callable[..., Any], name: str, lie: lies.Lie
) -> None:
    liar, _, base = hostile("nexus")
    liar.lie("GET", "/api/orders$", lie)
    with connector_for("nexus", base) as connector:
        error, peak, elapsed = _peak_while(connector.list_orders)
    assert isinstance(error, AnswerTooLarge), name
    assert peak < MEMORY_BOUND, f"{name}: {peak / 2**20:.1f} MB"
    assert elapsed < 10, name
    assert len(liar.requests_to("/api/orders$")) == 1  # a size refusal is not retried


def test_a_store_sending_a_byte_a_second_is_cut_at_the_deadline(
    hostile: Callable[..., Any],
) -> None:
    liar, _, base = hostile("nexus")
    liar.lie("GET", "/api/orders$", lies.trickle(apply=True, per_second=20))
    with connector_for("nexus", base) as connector:
        started = time.monotonic()
        with pytest.raises(ConnectionFailed) as caught:
            connector.list_orders()
        elapsed = time.monotonic() - started
    # One deadline for the whole request, retries included (not 1.5 s per read).
    assert elapsed < LIMITS.read_deadline_s + 1.0
    assert "in time" in str(caught.value)


def test_a_slow_write_gives_up_at_the_write_deadline_and_is_settled(
    hostile: Callable[..., Any], tmp_path: Path
) -> None:
    liar, server, base = hostile("nexus")
    desk = Desk(connector_for("nexus", base), tmp_path / "o.sqlite3")
    try:
        first, second = fresh_order(desk.connector), None
        liar.lie("POST", "/shipment$", lies.trickle(apply=True, per_second=50))
        started = time.monotonic()
        with pytest.raises(UnknownOutcome):
            desk.connector.ship(first.id, ShipRequest(carrier="DHL", tracking_number=TRACKING))
        assert time.monotonic() - started < LIMITS.write_deadline_s + 0.8
        # Through the outbox: the slow answer is given up on, the re-read settles it.
        second = fresh_order(desk.connector)
        record = desk.service.ship(
            second.id, ShipRequest(carrier="DHL", tracking_number=TRACKING + "2")
        )
        started = time.monotonic()
        desk.run(10)
        assert desk.state(record.id) == ActionState.DONE
        assert time.monotonic() - started < 6
        assert shipments_applied(server, second.id) == 1
        assert len(liar.requests_to(second.id + "/shipment$", "POST")) == 1
    finally:
        desk.close()


# --- paging that goes round stops, and says so -----------------------------------------------


def _nexus_new_cursor(body: Any, _: lies.Seen) -> Any:
    body["meta"]["nextCursor"] = f"c{time.monotonic_ns()}"
    return body


def _growing_offset(body: Any, seen: lies.Seen) -> Any:
    offset = int(seen.query.get("offset", "0"))
    body["pagination"]["nextOffset"] = offset + len(body["data"])
    body["pagination"]["hasMore"] = True
    return body


@pytest.mark.parametrize(
    ("dialect", "path", "lie"),
    [
        ("nexus", "/api/orders$", lies.rewrite(_nexus_new_cursor, drop_query=("cursor",))),
        ("price2b", "/v1/orders$", lies.rewrite(lambda b, _: b, drop_query=("page",))),
        ("generic-rest", "/orders$", lies.rewrite(_growing_offset, drop_query=("offset",))),
        ("squarespace", "/commerce/orders$", lies.rewrite(lambda b, _: b, drop_query=("cursor",))),
        ("inventory-cloud", "/v1/orders$", lies.rewrite(lambda b, _: b, drop_query=("offset",))),
    ],
)
def test_endless_paging_stops_and_says_so(
    hostile: Callable[..., Any], dialect: str, path: str, lie: lies.Lie
) -> None:
    liar, _, base = hostile(dialect, orders=120)
    liar.lie("GET", path, lie)
    started = time.monotonic()
    with connector_for(dialect, base) as connector, pytest.raises(PagingLoop) as caught:
        connector.list_orders(ListQuery(page_size=10))
    assert time.monotonic() - started < 15
    assert len(liar.requests_to(path, "GET")) <= 6
    assert "same pages" in str(caught.value)


# --- 2. one bad order never stops the rest ---------------------------------------------------

EVIL_NAME = "Evil\x1b[2J\x07\x00\rName\u202e"


def _poisoned(body: Any, _: lies.Seen) -> Any:
    rows = body["data"]
    rows[0]["customer"] = {**(rows[0].get("customer") or {}), "name": "Ann \ud83d"}
    rows[1]["customer"] = {**(rows[1].get("customer") or {}), "name": EVIL_NAME}
    rows[2]["total_amount"] = "1e999999"
    rows[3]["line_items"][0]["quantity"] = 10**30
    return body


def test_sync_skips_the_orders_it_cannot_read_and_keeps_the_rest(
    hostile: Callable[..., Any], tmp_path: Path
) -> None:
    liar, _server, base = hostile("nexus", orders=12)
    liar.lie("GET", "/api/orders$", lies.rewrite(_poisoned))

    def evil_detail(body: Any, _: lies.Seen) -> Any:
        order = body.get("data", body)
        order["customer"] = {**(order.get("customer") or {}), "name": "Ann \ud83d" + EVIL_NAME}
        return body

    liar.lie("GET", r"/api/orders/[^/]+$", lies.rewrite(evil_detail))  # the list is summaries
    with connector_for("nexus", base) as connector, OrderCache(tmp_path / "cache.sqlite3") as cache:
        result = SyncService(connector, cache, "shop").run()
        assert len(result.unreadable) == 2
        reasons = " ".join(u.reason for u in result.unreadable)
        assert "total" in reasons and "quantity" in reasons
        assert result.unreadable_message == "2 orders could not be read; see the log."
        assert result.seen == 10
        names = [
            cache.get(o, connection="shop").customer.name  # type: ignore[union-attr]
            for o in result.new
        ]
    assert len(names) == 10
    assert all(n.startswith("Ann \ufffdEvil") for n in names)
    assert all(is_text_safe(n) and "\x1b" not in n and "\x00" not in n for n in names)


def test_cli_lists_the_readable_orders_and_names_the_others(
    hostile: Callable[..., Any], capsys: pytest.CaptureFixture[str]
) -> None:
    liar, _, base = hostile("nexus", orders=12)
    liar.lie("GET", "/api/orders$", lies.rewrite(_poisoned))
    argv = ["orders", "list", "--dialect", "nexus", "--base-url", base, "--token", TEST_TOKEN]
    assert cli_main(argv) == 0
    out, err = capsys.readouterr()
    assert len(out.strip().splitlines()) == 11  # header + 10 orders
    assert not any(c in out for c in "\x1b\x07\x00\r\u202e")
    assert "2 orders could not be read" in err
    assert "Traceback" not in err


def test_cli_show_of_an_absurd_total_is_one_line(
    hostile: Callable[..., Any], capsys: pytest.CaptureFixture[str]
) -> None:
    liar, _, base = hostile("nexus")

    def absurd(body: Any, _: lies.Seen) -> Any:
        order = body.get("data", body)
        order["total_amount"] = "1" + "0" * 5000
        return body

    with connector_for("nexus", base) as connector:
        order_id = connector.list_orders(limit=1)[0].id
    liar.lie("GET", r"/api/orders/[^/]+$", lies.rewrite(absurd))
    argv = [
        "orders",
        "show",
        order_id,
        "--dialect",
        "nexus",
        "--base-url",
        base,
        "--token",
        TEST_TOKEN,
        "--json",
    ]
    assert cli_main(argv) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "total" in err and len(err) < 700


def test_ship_many_goes_on_past_an_order_it_cannot_read(
    hostile: Callable[..., Any], tmp_path: Path
) -> None:
    liar, server, base = hostile("nexus")
    with connector_for("nexus", base) as connector:
        open_orders = [
            o
            for o in connector.list_orders()
            if o.status == OrderStatus.PROCESSING and not o.shipments
        ][:3]
    bad = open_orders[1].id

    def surrogate_and_huge(body: Any, _: lies.Seen) -> Any:
        order = body.get("data", body)
        order["customer"] = {"name": "\ud83d"}
        order["total_amount"] = "1e999999"
        return body

    liar.lie("GET", rf"/api/orders/{bad}$", lies.rewrite(surrogate_and_huge))
    out = io.StringIO()
    argv = [
        "--dialect",
        "nexus",
        "--base-url",
        base,
        "--token",
        TEST_TOKEN,
        "--connection-id",
        "shop",
        "--outbox",
        str(tmp_path / "o.sqlite3"),
        "--timeout",
        "20",
        "ship-many",
        *[f"{o.id}:{TRACKING[:-1]}{i}" for i, o in enumerate(open_orders)],
    ]
    code = headless.main(argv, out=out)
    text = out.getvalue()
    assert code == 1  # one refused
    assert text.count('"refused"') == 1 and bad in text
    assert text.count('"state": "done"') == 2
    assert shipments_applied(server, bad) == 0


# --- messages, TLS, addresses ----------------------------------------------------------------


def test_a_502_page_is_named_not_pasted(hostile: Callable[..., Any]) -> None:
    liar, _, base = hostile("nexus")
    liar.lie("GET", "/api/orders$", lies.html(502, lies.BAD_GATEWAY_PAGE))
    with connector_for("nexus", base) as connector, pytest.raises(ServerError) as caught:
        connector.list_orders()
    text = str(caught.value)
    assert "<" not in text and "nginx" not in text and len(text) < 400
    assert "HTML page" in text


def test_a_tls_failure_is_named_and_not_retried(hostile: Callable[..., Any]) -> None:
    liar, _, _ = hostile("nexus")  # speaks plain HTTP: the TLS handshake fails
    with (
        connector_for("nexus", f"https://127.0.0.1:{liar.port}/api") as connector,
        pytest.raises(TlsFailed) as caught,
    ):
        connector.list_orders()
    assert liar.connections == 1
    assert "secure connection" in caught.value.user_message
    assert not caught.value.transient


def test_localhost_names_go_to_loopback_without_dns(
    hostile: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    liar, _, base = hostile("nexus")
    asked: list[str] = []
    real = socket.getaddrinfo

    def recording(host: Any, *args: Any, **kwargs: Any) -> Any:
        asked.append(str(host))
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", recording)
    named = base.replace("127.0.0.1", "shop.localhost")
    with connector_for("nexus", named) as connector:
        assert connector.list_orders(limit=3)
    assert liar.seen[0].headers["host"].startswith("shop.localhost")
    assert not any("localhost" in h for h in asked)


@pytest.mark.parametrize(
    "url", ["https://user:secret@shop.example.com/api", "http://user@127.0.0.1:8080/api"]
)
def test_credentials_in_a_base_url_are_refused(url: str) -> None:
    with pytest.raises(InsecureConnection) as caught:
        check_base_url(url)
    assert "secret" not in str(caught.value)


def test_a_huge_price2b_label_is_refused_while_it_downloads(hostile: Callable[..., Any]) -> None:
    liar, _, base = hostile("price2b")
    liar.lie("GET", "/label$", lies.huge(100))
    with connector_for("price2b", base) as connector:
        error, peak, elapsed = _peak_while(
            lambda: connector.fetch_label(base + "/v1/shipping/shipments/1/label")
        )
    assert isinstance(error, AnswerTooLarge)
    assert peak < MEMORY_BOUND and elapsed < 10


def test_an_untrusted_certificate_is_named_and_not_retried(tmp_path: Path) -> None:
    """A real TLS server on loopback with a self-signed certificate (made by openssl)."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(10)
    handshakes: list[str] = []

    def serve() -> None:
        for _ in range(5):  # bounded: at most five attempts are ever looked at
            try:
                conn, _addr = listener.accept()
            except OSError:
                return
            try:
                with context.wrap_socket(conn, server_side=True):
                    handshakes.append("ok")
            except (ssl.SSLError, OSError):
                handshakes.append("refused by the client")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    url = f"https://127.0.0.1:{listener.getsockname()[1]}/api"
    try:
        with connector_for("nexus", url) as connector, pytest.raises(TlsFailed) as caught:
            connector.list_orders()
    finally:
        listener.close()
        thread.join(10)
    assert handshakes == ["refused by the client"]  # one attempt: no retry
    assert "certificate" in caught.value.user_message
    assert "Check the network" not in str(caught.value)


@pytest.mark.parametrize(
    ("dialect", "method", "path"),
    [
        ("generic-rest", "PUT", r"/orders/[^/]+$"),
        ("price2b", "POST", "/fulfill$"),
        ("nexus", "POST", "/shipment$"),
        ("squarespace", "POST", "/fulfillments$"),
    ],
)
@pytest.mark.parametrize(
    "lie", [lies.redirect(302, "/login"), lies.html(200), lies.rewrite(lambda _b, _s: {"ok": True})]
)
def test_no_dialect_takes_an_unproving_answer_for_a_shipment(
    hostile: Callable[..., Any], dialect: str, method: str, path: str, lie: lies.Lie
) -> None:
    liar, _, base = hostile(dialect)
    with connector_for(dialect, base) as connector:
        order = fresh_order(connector)
        liar.lie(method, path, lie)
        with pytest.raises(UnknownOutcome) as caught:
            connector.ship(order.id, ShipRequest(carrier="DHL", tracking_number=TRACKING))
    assert caught.value.unknown_outcome
    assert "\n" not in str(caught.value)
