"""The station coordinator against a real PostgreSQL: claims, races, leases, supervisor release,
shared outbox refusals, the audit copy, degraded mode and live change events."""

from __future__ import annotations

import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from fulfillment_station.station import schema
from fulfillment_station.station.config import (
    KEYRING_SERVICE,
    StationConfigError,
    StationDbConfig,
    save_password,
)
from fulfillment_station.station.coordinator import (
    AuditEvent,
    Claim,
    CoordinationStatus,
    LeaseKeeper,
    LocalCoordinator,
    Refusal,
    RefusalKind,
    ReleaseReason,
    StationCoordinator,
    WriteRefused,
    open_coordinator,
    rendezvous_owner,
    status_message,
)
from fulfillment_station.station.listener import ChangeListener
from fulfillment_station.store.db import connect as open_store
from fulfillment_station.store.secrets import TokenStore
from tests.helpers.station_pg import ThrowawayPostgres

MakeDesk = Callable[..., StationCoordinator]


@pytest.fixture
def make_desk(station_url: str, tmp_path: Path) -> Iterator[MakeDesk]:
    made: list[StationCoordinator] = []

    def make(
        name: str,
        *,
        lease_s: float = 30.0,
        url: str | None = None,
        connect: Callable[[], psycopg.Connection] | None = None,
    ) -> StationCoordinator:
        config = StationDbConfig(
            url or station_url, lease_s=lease_s, heartbeat_s=min(1.0, lease_s / 2)
        )
        local = open_store(tmp_path / f"{name}.sqlite")
        desk = StationCoordinator(
            config,
            local,
            desk=name,
            packer=f"packer of {name}",
            connection_id="shop",
            connect=connect,
        )
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.close()


def db(url: str) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True)


def test_a_claimed_order_is_refused_to_another_desk_with_who_and_since(make_desk: MakeDesk) -> None:
    a, b = make_desk("Desk A"), make_desk("Desk B")
    claim = a.claim("o1")
    assert isinstance(claim, Claim) and claim.coordinated
    refusal = b.claim("o1")
    assert isinstance(refusal, Refusal)
    assert (refusal.kind, refusal.desk, refusal.packer) == (
        RefusalKind.HELD,
        "Desk A",
        "packer of Desk A",
    )
    assert refusal.since == claim.since
    assert "Desk A" in refusal.message and "o1" in refusal.message
    assert isinstance(a.claim("o1"), Claim)  # the holder may open it again

    a.release("o1", ReleaseReason.CLOSED)  # closed, not shipped: another desk may take it
    assert isinstance(b.claim("o1"), Claim)
    b.release("o1", ReleaseReason.SHIPPED)
    finished = a.claim("o1")
    assert isinstance(finished, Refusal) and finished.kind is RefusalKind.FINISHED
    assert finished.desk == "Desk B"


def test_two_desks_claiming_the_same_order_in_the_same_millisecond_one_gets_it(
    make_desk: MakeDesk,
) -> None:
    """Each desk has its own thread and connection; a barrier lines the two scans up."""
    rounds = 20
    barrier = threading.Barrier(2)
    results: list[list[Claim | Refusal]] = [[] for _ in range(rounds)]

    def desk(name: str) -> None:
        coordinator = make_desk(name)  # its store file belongs to this thread
        for round_no in range(rounds):
            barrier.wait(10)
            results[round_no].append(coordinator.claim(f"race-{round_no}"))

    threads = [threading.Thread(target=desk, args=(f"Desk {n}",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    for pair in results:
        assert sorted(type(r).__name__ for r in pair) == ["Claim", "Refusal"]


def test_eight_desks_asking_next_order_at_once_get_eight_different_orders(
    make_desk: MakeDesk,
) -> None:
    candidates = [f"o{n}" for n in range(20)]
    barrier = threading.Barrier(8)
    got: list[Claim | None] = []

    def ask(name: str) -> None:
        desk = make_desk(name)
        barrier.wait(10)
        got.append(desk.claim_next(candidates))

    threads = [threading.Thread(target=ask, args=(f"Desk {n}",)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    claimed = [c.order_id for c in got if c is not None]
    assert len(claimed) == 8 and len(set(claimed)) == 8
    # The list's order is kept: the first eight candidates went out.
    assert set(claimed) == set(candidates[:8])


def test_a_dead_desks_claim_expires_and_a_live_desks_lease_is_renewed(
    make_desk: MakeDesk, station_url: str
) -> None:
    dead, alive, other = (make_desk(n, lease_s=1.0) for n in ("Dead", "Alive", "Other"))
    assert isinstance(dead.claim("o1"), Claim)
    assert isinstance(alive.claim("o2"), Claim)
    keeper = LeaseKeeper(lambda: db(station_url), desk="Alive", lease_s=1.0, interval_s=0.2)
    keeper.start()
    try:
        deadline = time.monotonic() + 10
        while not isinstance(other.claim("o1"), Claim):  # Dead's lease runs out
            assert time.monotonic() < deadline, "the dead desk's claim never expired"
            time.sleep(0.1)
        assert isinstance(other.claim("o2"), Refusal)  # Alive keeps renewing
    finally:
        keeper.stop()
    # Dead's write for the order it lost is refused: the order is Other's now.
    with pytest.raises(WriteRefused) as refused:
        dead.reserve_write("o1", "k" * 32, "ship")
    assert refused.value.refusal.desk == "Other"


def test_a_shipment_queued_at_another_desk_refuses_a_second_one(make_desk: MakeDesk) -> None:
    a, b = make_desk("Desk A"), make_desk("Desk B")
    a.reserve_write("o1", "a" * 32, "ship")  # nobody holds o1: allowed and made visible
    [pending] = b.pending_elsewhere("o1")
    assert (pending.desk, pending.state) == ("Desk A", "pending")
    with pytest.raises(WriteRefused) as refused:
        b.reserve_write("o1", "b" * 32, "ship")
    assert refused.value.refusal.kind is RefusalKind.PENDING_ELSEWHERE
    b.reserve_write("o1", "c" * 32, "update")  # a note edit is not a second shipment
    assert [(p.desk, p.kind) for p in a.pending_elsewhere("o1")] == [("Desk B", "update")]


def test_supervisor_release_frees_the_order_and_is_audited(
    make_desk: MakeDesk, station_url: str
) -> None:
    a, b = make_desk("Desk A"), make_desk("Desk B")
    assert isinstance(a.claim("o1"), Claim)
    with pytest.raises(ValueError):
        b.supervisor_release("o1", reason=" ", supervisor="Sam")
    assert b.supervisor_release("o1", reason="desk A's scanner broke", supervisor="Sam")
    assert isinstance(b.claim("o1"), Claim)
    with db(station_url) as conn:
        row = conn.execute(
            "SELECT packer, message FROM audit WHERE kind = 'supervisor_release'"
        ).fetchone()
    assert row is not None and row[0] == "Sam"
    assert "scanner broke" in row[1] and "Desk A" in row[1]


def test_station_down_desk_keeps_going_and_the_audit_catches_up(
    make_desk: MakeDesk, station_url: str
) -> None:
    """A proxy stands between desk and server, so the "outage" is a real refused connection."""
    up = threading.Event()
    up.set()

    def connect() -> psycopg.Connection:
        if not up.is_set():
            raise psycopg.OperationalError("connection refused (test outage)")
        return psycopg.connect(station_url, connect_timeout=2)

    a = make_desk("Desk A", connect=connect)
    b = make_desk("Desk B")
    assert isinstance(b.claim("held-by-b"), Claim)
    a.claim_next(["held-by-b", "x1", "x2"])  # a learns what is taken
    a.heartbeat()
    statuses: list[CoordinationStatus] = []
    a.on_status = statuses.append
    up.clear()
    a.close()  # the server "goes away"
    assert a.status is CoordinationStatus.ON
    refused = a.claim("held-by-b")
    assert isinstance(refused, Refusal) and refused.desk == "Desk B"
    assert a.status is CoordinationStatus.OFF and statuses == [CoordinationStatus.OFF]
    offline = a.claim("x9")
    assert isinstance(offline, Claim) and not offline.coordinated
    for n in range(5):
        a.record(AuditEvent(kind="wrong_scan", order_id=f"x{n}"))
    assert a.flush() > 0  # kept locally, nothing lost
    up.set()
    time.sleep(0.6)  # the first retry wait (bounded back-off)
    deadline = time.monotonic() + 15
    while a.heartbeat() is not CoordinationStatus.ON:
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert statuses[-1] is CoordinationStatus.ON
    assert a.flush() == 0
    with db(station_url) as conn:
        wrong = conn.execute(
            "SELECT count(*) FROM audit WHERE kind = 'wrong_scan' AND desk = 'Desk A'"
        ).fetchone()
        holder = conn.execute("SELECT desk FROM claims WHERE order_id = 'x9'").fetchone()
    assert wrong == (5,)
    assert holder == ("Desk A",)  # the offline claim was told to the server on return


def test_rendezvous_gives_each_order_to_one_desk() -> None:
    desks = ["A", "B", "C"]
    owners = [rendezvous_owner(f"o{n}", desks) for n in range(300)]
    assert set(owners) == set(desks)
    assert owners == [rendezvous_owner(f"o{n}", list(reversed(desks))) for n in range(300)]


def test_local_coordinator_grants_everything() -> None:
    alone = LocalCoordinator(desk="Only desk")
    assert alone.status is CoordinationStatus.SINGLE
    assert status_message(alone.status) is None
    assert "off" in status_message(CoordinationStatus.OFF)  # type: ignore[operator]
    assert isinstance(alone.claim("o1"), Claim) and isinstance(alone.claim("o1"), Claim)
    assert alone.claim_next([]) is None


def test_remote_station_without_tls_is_refused() -> None:
    with pytest.raises(StationConfigError):
        StationDbConfig("postgresql://desk@db.warehouse.example/station")
    StationDbConfig("postgresql://desk@db.warehouse.example/station?sslmode=verify-full")
    with pytest.raises(StationConfigError):
        StationDbConfig("mysql://x@127.0.0.1/db")
    config = StationDbConfig("postgresql://desk:secret@127.0.0.1/station")
    assert "secret" not in config.redacted_url()


def test_a_ship_at_desk_a_reaches_desk_b_within_a_second(
    make_desk: MakeDesk, station_url: str
) -> None:
    a = make_desk("Desk A")
    listener = ChangeListener(lambda: db(station_url), ignore_desk="Desk B")
    listener.start()
    try:
        assert listener.wait_listening(10)
        assert isinstance(a.claim("o7"), Claim)
        claimed = listener.get(timeout=1.0)
        assert claimed is not None and (claimed.change, claimed.order_id) == ("claimed", "o7")
        started = time.monotonic()
        a.release("o7", ReleaseReason.SHIPPED)
        seen = []
        while time.monotonic() - started < 1.0 and not any(e.change == "shipped" for e in seen):
            event = listener.get(timeout=0.1)
            if event is not None:
                seen.append(event)
        assert any(e.change == "shipped" and e.desk == "Desk A" for e in seen)
        assert time.monotonic() - started < 1.0
    finally:
        listener.stop()


def documented_desk_grants() -> list[str]:
    """The GRANT/REVOKE statements of docs/station-database.md's desk role."""
    doc = (Path(__file__).parents[2] / "docs" / "station-database.md").read_text("utf-8")
    block = doc.split("```sql\n\\c station\n", 1)[1].split("```", 1)[0]
    return [s.strip() for s in block.split(";") if s.strip()]


def test_a_desk_works_with_the_documented_least_privilege_role(
    station_url: str, tmp_path: Path
) -> None:
    role = f"desk_{uuid.uuid4().hex[:8]}"
    with db(station_url) as owner:
        schema.migrate(owner)
        owner.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'desk-secret'")
        for statement in documented_desk_grants():
            owner.execute(statement.replace("station_desk", role))
    user_part = station_url.split("//", 1)[1].split("@", 1)[0]
    desk_url = station_url.replace(user_part, f"{role}:desk-secret", 1)
    with db(desk_url) as conn:
        assert all(line.ok for line in schema.check(conn)), schema.check(conn)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM audit")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("CREATE TABLE mine (x int)")
    config = StationDbConfig(desk_url, lease_s=30, heartbeat_s=1)
    desk = StationCoordinator(
        config, open_store(tmp_path / "d.sqlite"), desk="Desk L", connection_id="shop"
    )
    try:
        assert desk.status is CoordinationStatus.ON
        assert isinstance(desk.claim("o1"), Claim)
        assert desk.claim_next(["o1", "o2"]) is not None
        desk.reserve_write("o1", "d" * 32, "ship")
        desk.record(AuditEvent(kind="wrong_scan", order_id="o1"))
        desk.release("o1", ReleaseReason.SHIPPED)
        assert desk.supervisor_release("o2", reason="test", supervisor="Sam")
        assert desk.heartbeat() is CoordinationStatus.ON
        assert desk.flush() == 0
    finally:
        desk.close()


def test_the_password_comes_from_the_keyring(
    station_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers.keyring import MemoryKeyring

    role = f"keyed_{uuid.uuid4().hex[:8]}"
    with db(station_url) as owner:
        schema.migrate(owner)
        owner.execute(f"CREATE ROLE {role} LOGIN SUPERUSER PASSWORD 'from-the-keyring'")
    user_part = station_url.split("//", 1)[1].split("@", 1)[0]
    url = station_url.replace(user_part, role, 1)  # no password in the address
    backend = MemoryKeyring()
    tokens = TokenStore(backend, service=KEYRING_SERVICE)
    local = open_store(tmp_path / "k.sqlite")

    alone = open_coordinator("", local, desk="D", connection_id="shop", tokens=tokens)
    assert alone.status is CoordinationStatus.SINGLE

    save_password(StationDbConfig(url), "wrong", tokens)
    refused = open_coordinator(url, local, desk="D", connection_id="shop", tokens=tokens)
    assert refused.status is CoordinationStatus.OFF  # said plainly, never raised
    save_password(StationDbConfig(url), "from-the-keyring", tokens)
    desk = open_coordinator(url, local, desk="D", connection_id="shop", tokens=tokens, lease_s=30)
    assert isinstance(desk, StationCoordinator) and desk.status is CoordinationStatus.ON
    assert "from-the-keyring" not in StationDbConfig(url).redacted_url()
    desk.close()


def test_verify_full_tls_to_the_station_database(tmp_path: Path) -> None:
    """A real TLS server with its own CA: verify-full connects and says so; a CA that did not
    sign the server's certificate is refused (coordination off, never a plain connection)."""
    with ThrowawayPostgres(tls=True) as pg:
        assert pg.ca_file is not None
        url = pg.url.replace("sslmode=disable", f"sslmode=verify-full&sslrootcert={pg.ca_file}")
        with psycopg.connect(StationDbConfig(url).conninfo(), autocommit=True) as conn:
            assert conn.pgconn.ssl_in_use
            tls = next(line for line in schema.check(conn) if line.name == "tls")
            assert tls.detail == "encrypted"
        desk = StationCoordinator(
            StationDbConfig(url),
            open_store(tmp_path / "t.sqlite"),
            desk="TLS desk",
            connection_id="shop",
        )
        assert desk.status is CoordinationStatus.ON and isinstance(desk.claim("o1"), Claim)
        desk.close()

        other_ca = tmp_path / "other-ca.pem"
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                str(tmp_path / "other.key"),
                "-out",
                str(other_ca),
                "-days",
                "1",
                "-subj",
                "/CN=Not the station CA",
            ],
            check=True,
            capture_output=True,
        )
        wrong = url.replace(str(pg.ca_file), str(other_ca))
        stranger = StationCoordinator(
            StationDbConfig(wrong),
            open_store(tmp_path / "w.sqlite"),
            desk="Wrong CA",
            connection_id="shop",
        )
        assert stranger.status is CoordinationStatus.OFF
        assert isinstance(stranger.claim("o2"), Claim) and not stranger.claim("o2").coordinated


def test_the_listener_skips_damaged_notifications_and_reconnects(
    make_desk: MakeDesk, station_url: str
) -> None:
    statuses: list[bool] = []
    listener = ChangeListener(lambda: db(station_url), on_status=statuses.append)
    listener.start()
    try:
        assert listener.wait_listening(10)
        with db(station_url) as conn:
            for junk in (
                "not json",
                '{"change": "claimed"}',
                "[1, 2]",
                '"\\ud800"',
                '{"change": 1, "connection_id": 2, "order_id": 3, "desk": 4, "at": "yesterday"}',
                "x" * 7000,
            ):
                conn.execute("SELECT pg_notify('station_changes', %s)", (junk,))
            conn.execute(
                "SELECT pg_notify('station_changes', %s)",
                (
                    '{"change": "held", "connection_id": "shop", "order_id": "o0", "desk": "D", '
                    '"at": "2026-12-04T10:00:00.000000Z"}',
                ),
            )
            first = listener.get(timeout=2.0)  # notifications arrive in order: junk skipped
            assert first is not None and (first.change, first.order_id) == ("held", "o0")
            # The listener's session is ended by the server: it must come back by itself.
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                "query LIKE 'LISTEN%%' AND pid <> pg_backend_pid()"
            )
        deadline = time.monotonic() + 10
        while statuses.count(True) < 2:
            assert time.monotonic() < deadline, statuses
            time.sleep(0.05)
        assert isinstance(make_desk("Desk A").claim("o1"), Claim)
        event = listener.get(timeout=1.0)
        assert event is not None and (event.change, event.order_id) == ("claimed", "o1")
        assert listener.drain() == []
    finally:
        listener.stop()
