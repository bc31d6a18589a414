"""Each order is claimed by one desk only: "next order" never offers an order a desk shipped,
cancelled, or found on hold at the store (the `desks` benchmark once counted 467 orders
claimed by several desks: held orders, re-read and let go by every desk in turn). Real
PostgreSQL, several desks on their own threads and connections."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from fulfillment_station.station import schema
from fulfillment_station.station.config import StationDbConfig
from fulfillment_station.station.coordinator import (
    Claim,
    RefusalKind,
    ReleaseReason,
    StationCoordinator,
)
from fulfillment_station.store.db import connect as open_store

DESKS = 4


class Desks:
    """Station coordinators for one test, each with its own store file; closed at the end."""

    def __init__(self, url: str, root: Path) -> None:
        self.url = url
        self.root = root
        self.made: list[StationCoordinator] = []

    def make(self, name: str) -> StationCoordinator:
        config = StationDbConfig(self.url, lease_s=30.0, heartbeat_s=1.0)
        desk = StationCoordinator(
            config,
            open_store(self.root / f"{name}.sqlite"),
            desk=name,
            packer=f"packer of {name}",
            connection_id="shop",
        )
        self.made.append(desk)
        return desk

    def claims_per_order(self) -> dict[str, set[str]]:
        """Which desks the shared audit log says claimed each order."""
        with psycopg.connect(self.url) as conn:
            rows = conn.execute("SELECT order_id, desk FROM audit WHERE kind = 'claim'").fetchall()
        by_order: dict[str, set[str]] = {}
        for order_id, desk in rows:
            by_order.setdefault(order_id, set()).add(desk)
        return by_order


@pytest.fixture
def desks(station_url: str, tmp_path: Path) -> Iterator[Desks]:
    made = Desks(station_url, tmp_path)
    yield made
    for desk in made.made:
        desk.close()


def test_several_desks_working_one_queue_with_held_orders_claim_each_order_once(
    desks: Desks,
) -> None:
    """The benchmark's shift in miniature: every desk walks the same candidate list; an order
    found on hold is let go (as the desk does after its re-read), the others are shipped.
    Desks here ship at once, so one desk's claim and release often fall inside another desk's
    "next order" statement: the race a slower shift hits rarely."""
    candidates = [f"o{n:03d}" for n in range(150)]
    on_hold = set(candidates[::4])
    barrier = threading.Barrier(DESKS)
    errors: list[BaseException] = []

    def work(name: str) -> None:
        try:
            desk = desks.make(name)
            barrier.wait(10)
            for _ in range(len(candidates) + 1):  # bounded: one claim per order at most
                claim = desk.claim_next(candidates)
                if claim is None:
                    return
                reason = ReleaseReason.HELD if claim.order_id in on_hold else ReleaseReason.SHIPPED
                desk.release(claim.order_id, reason)
        except BaseException as exc:  # reported by the test thread below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(f"Desk {n}",)) for n in range(DESKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert not any(thread.is_alive() for thread in threads)

    claimed = desks.claims_per_order()
    assert set(claimed) == set(candidates)  # every order was looked at ...
    doubles = {order: sorted(who) for order, who in claimed.items() if len(who) > 1}
    assert doubles == {}  # ... by one desk only
    # The queue really was shared: more than one desk did work.
    assert len(Counter(next(iter(who)) for who in claimed.values())) > 1


def test_a_held_order_is_left_out_of_next_order_until_its_recheck_or_a_deliberate_open(
    desks: Desks,
) -> None:
    a, b = desks.make("Desk A"), desks.make("Desk B")
    first = a.claim_next(["held", "o1", "o2"])
    assert isinstance(first, Claim) and first.order_id == "held"
    a.release("held", ReleaseReason.HELD)

    second = b.claim_next(["held", "o1", "o2"])
    assert isinstance(second, Claim) and second.order_id == "o1"
    assert b.not_offered_among(["held", "o1", "o2"]) == {"held"}

    # The hold's recheck time comes: one desk looks at it again.
    with psycopg.connect(desks.url) as conn:
        conn.execute("UPDATE orders_held SET recheck_at = now() - interval '1 s'")
    again = b.claim_next(["held", "o2"])
    assert isinstance(again, Claim) and again.order_id == "held"
    b.release("held", ReleaseReason.HELD)
    assert isinstance(a.claim_next(["held", "o2"]), Claim)  # o2, not the held one
    assert a.not_offered_among(["held"]) == {"held"}

    # A packer who opens it on purpose (the hold was lifted) may: the mark goes with it.
    assert isinstance(b.claim("held"), Claim)
    b.release("held", ReleaseReason.CLOSED)
    assert a.not_offered_among(["held"]) == set()
    retaken = a.claim_next(["held"])
    assert isinstance(retaken, Claim) and retaken.order_id == "held"


def test_a_shipped_order_is_never_offered_again_and_is_refused_with_who_shipped_it(
    desks: Desks,
) -> None:
    a, b = desks.make("Desk A"), desks.make("Desk B")
    claim = a.claim_next(["o1", "o2"])
    assert isinstance(claim, Claim) and claim.order_id == "o1"
    a.release("o1", ReleaseReason.SHIPPED)
    assert b.claim_next(["o1"]) is None
    refusal = b.claim("o1")
    assert not isinstance(refusal, Claim)
    assert (refusal.kind, refusal.desk) == (RefusalKind.FINISHED, "Desk A")


def test_a_hold_found_while_the_server_was_away_reaches_it_on_return(
    desks: Desks, station_url: str
) -> None:
    up = threading.Event()
    up.set()

    def connect() -> psycopg.Connection:
        if not up.is_set():
            raise psycopg.OperationalError("connection refused (test outage)")
        return psycopg.connect(station_url, connect_timeout=2)

    now = [0.0]  # the coordinator's clock: the test moves it past the retry back-off
    config = StationDbConfig(station_url, lease_s=30.0, heartbeat_s=1.0)
    a = StationCoordinator(
        config,
        open_store(desks.root / "offline.sqlite"),
        desk="Desk A",
        connection_id="shop",
        connect=connect,
        clock=lambda: now[0],
    )
    desks.made.append(a)
    b = desks.make("Desk B")
    assert isinstance(a.claim("held"), Claim)
    up.clear()
    a.close()
    a.release("held", ReleaseReason.HELD)  # told locally only
    assert a.flush() > 0
    assert isinstance(b.claim("o1"), Claim)  # held by A's (live) claim meanwhile
    up.set()
    now[0] += 60
    assert a.flush() == 0
    taken = b.claim_next(["held", "o2"])
    assert isinstance(taken, Claim) and taken.order_id == "o2"
    assert b.not_offered_among(["held"]) == {"held"}


def test_a_scan_racing_another_desks_ship_gets_told_it_was_shipped_not_the_order(
    desks: Desks,
) -> None:
    """Desk A (raw SQL here, so the test can hold its transaction open) has claimed the order
    and is finishing it when desk B scans it. B waits for A's commit and must then see the
    order shipped, not take it over as if it were free."""
    b = desks.make("Desk B")
    got: list[object] = []
    with psycopg.connect(desks.url) as desk_a:
        desk_a.execute("SELECT pg_advisory_xact_lock(hashtextextended('shop' || ':' || 'o1', 0))")
        desk_a.execute(
            "INSERT INTO claims (connection_id, order_id, desk, expires_at) "
            "VALUES ('shop', 'o1', 'Desk A', now() + interval '1 min')"
        )
        scan = threading.Thread(target=lambda: got.append(b.claim("o1")))
        scan.start()
        with psycopg.connect(desks.url, autocommit=True) as watch:
            for _ in range(200):  # bounded: until B's scan waits on A (10 s at most)
                waiting = watch.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND pid <> pg_backend_pid() AND pid <> %s",
                    (desk_a.info.backend_pid,),
                ).fetchone()
                if waiting and waiting[0]:
                    break
                scan.join(0.05)
            else:
                pytest.fail("desk B's scan never waited for desk A")
        desk_a.execute("DELETE FROM claims WHERE order_id = 'o1'")
        desk_a.execute(
            "INSERT INTO orders_done (connection_id, order_id, desk, reason) "
            "VALUES ('shop', 'o1', 'Desk A', 'shipped')"
        )
        desk_a.commit()
    scan.join(10)
    [answer] = got
    assert not isinstance(answer, Claim), "desk B took an order desk A had just shipped"
    assert (answer.kind, answer.desk) == (RefusalKind.FINISHED, "Desk A")


def test_a_station_database_of_the_first_schema_is_brought_up_with_its_claims_kept(
    station_url: str,
) -> None:
    with psycopg.connect(station_url) as conn:
        with conn.transaction():
            conn.execute(schema.MIGRATIONS[0].encode())
            conn.execute("CREATE TABLE station_schema (version INTEGER NOT NULL)")
            conn.execute("INSERT INTO station_schema (version) VALUES (1)")
            conn.execute(
                "INSERT INTO claims (connection_id, order_id, desk, expires_at) "
                "VALUES ('shop', 'o1', 'Desk A', now() + interval '1 min')"
            )
        assert schema.migrate(conn) == (1, schema.SCHEMA_VERSION)
        assert schema.migrate(conn) == (schema.SCHEMA_VERSION, schema.SCHEMA_VERSION)
        assert conn.execute("SELECT desk FROM claims").fetchall() == [("Desk A",)]
        offerable = conn.execute(
            "SELECT station_order_offerable('shop', 'o1'), station_order_offerable('shop', 'o2')"
        ).fetchone()
    assert offerable == (False, True)
