"""The shift's numbers and the station-db command line, on the audit log of a real shift: two
headless desks ship a sandbox's open orders through one station database, then every report
is checked against the sandbox's own record of shipments."""

from __future__ import annotations

import io
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from pypdf import PdfReader

from fulfillment_station.cli.main import main as cli_main
from fulfillment_station.cli.station_cmd import day_bounds
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.station import reports, schema
from tests.helpers.station_pg import ThrowawayPostgres, free_port

pytestmark = pytest.mark.e2e

TOKEN = "reports-token"
WRONG_EVERY = 3


@dataclass(frozen=True)
class Shift:
    url: str
    shipments: dict[str, str]
    """order id -> tracking number, from the sandbox's effects"""
    numbers: dict[str, str]
    """order id -> order number"""


@pytest.fixture(scope="module")
def shift(
    station_server: ThrowawayPostgres, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Shift]:
    name = f"r_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(station_server.url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = station_server.url.replace("/postgres?", f"/{name}?")
    tmp = tmp_path_factory.mktemp("shift")
    server = SandboxServer("nexus", db_path=tmp / "sandbox.sqlite", token=TOKEN, orders=40, seed=5)
    server.start()
    try:
        desks = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "fulfillment_station.services.desk",
                    "--dialect",
                    "nexus",
                    "--base-url",
                    server.base_url,
                    "--token",
                    TOKEN,
                    "--store",
                    str(tmp / f"desk{n}.sqlite"),
                    "--desk",
                    f"Desk {n}",
                    "--packer",
                    f"Packer {n}",
                    "--station-db",
                    url,
                    "--wrong-scan-every",
                    str(WRONG_EVERY),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for n in range(2)
        ]
        for desk in desks:
            _out, err = desk.communicate(timeout=120)
            assert desk.returncode == 0, err.decode()[-2000:]
        effects = [e for e in server.db.journal()["effects"] if e["kind"] == "shipment"]
        shipments = {e["order_id"]: e["detail"]["tracking_number"] for e in effects}
        with psycopg.connect(url) as conn:
            numbers = dict(
                conn.execute(
                    "SELECT order_id, order_number FROM audit WHERE kind = 'ship'"
                ).fetchall()
            )
        yield Shift(url, shipments, numbers)
    finally:
        server.close()


def today() -> tuple:  # type: ignore[type-arg]
    return day_bounds(None)


def test_hourly_numbers_add_up_to_the_stores_shipments(shift: Shift) -> None:
    with psycopg.connect(shift.url) as conn:
        by_packer = reports.per_hour(conn, *today(), by="packer")
        by_desk = reports.per_hour(conn, *today(), by="desk")
    assert sum(r.orders for r in by_packer) == len(shift.shipments) > 5
    assert {r.who for r in by_packer} <= {"Packer 0", "Packer 1"}
    assert {r.who for r in by_desk} <= {"Desk 0", "Desk 1"}
    assert sum(r.boxes for r in by_desk) == len(shift.shipments)
    assert sum(r.items for r in by_desk) >= len(shift.shipments)


def test_pack_time_per_order_and_wrong_scans(shift: Shift) -> None:
    with psycopg.connect(shift.url) as conn:
        times = reports.pack_times(conn, *today())
        scans = reports.scans(conn, *today(), by="desk")
    assert {t.order_id for t in times} == set(shift.shipments)
    assert all(0 <= t.seconds < 60 for t in times)
    # Each desk scanned a wrong item on every third order it packed.
    assert sum(s.wrong_scans for s in scans) == sum(
        n // WRONG_EVERY for n in _orders_per_desk(shift).values()
    )


def _orders_per_desk(shift: Shift) -> dict[str, int]:
    with psycopg.connect(shift.url) as conn:
        return dict(
            conn.execute(
                "SELECT desk, count(*) FROM audit WHERE kind = 'ship' AND "
                "outcome = 'done' GROUP BY desk"
            ).fetchall()
        )


def test_manifest_csv_and_pdf_list_every_confirmed_shipment(shift: Shift, tmp_path: Path) -> None:
    csv_path, pdf_path = tmp_path / "manifest.csv", tmp_path / "manifest.pdf"
    code = cli_main(
        [
            "station-db",
            "report",
            "manifest",
            shift.url,
            "--csv",
            str(csv_path),
            "--pdf",
            str(pdf_path),
        ]
    )
    assert code == 0
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("carrier,tracking,order_number")
    trackings = {line.split(",")[1] for line in lines[1:]}
    assert trackings == set(shift.shipments.values())
    text = "".join(page.extract_text() for page in PdfReader(pdf_path).pages)
    assert "Manifest · DHL" in text and "Signature" in text
    for order_id, tracking in shift.shipments.items():
        assert tracking in text and shift.numbers[order_id] in text


def test_cli_reports_print_csv(shift: Shift, capsys: pytest.CaptureFixture[str]) -> None:
    for report in ("hourly", "pack-times", "scans"):
        assert cli_main(["station-db", "report", report, shift.url]) == 0
        out = capsys.readouterr().out
        assert len(out.splitlines()) >= 2, report


def test_migrate_then_check(station_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["station-db", "check", station_url]) == 1  # empty database: no schema
    assert "run `fulfillment-station station-db migrate URL`" in capsys.readouterr().out
    assert cli_main(["station-db", "migrate", station_url]) == 0
    assert f"version 0 -> {schema.SCHEMA_VERSION}" in capsys.readouterr().out
    assert cli_main(["station-db", "check", station_url]) == 0
    out = capsys.readouterr().out
    assert "privileges  ok" in out and "schema      ok" in out


def test_check_of_an_unreachable_server_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql://station@127.0.0.1:{free_port()}/station?sslmode=disable"
    assert cli_main(["station-db", "check", url]) == 1
    assert "cannot reach the station database" in capsys.readouterr().err


def test_api_text_cannot_become_a_spreadsheet_formula() -> None:
    row = reports.ManifestRow(
        "DHL", "=HYPERLINK(1)", "#1", 1, 1, "Desk", "P", *day_bounds(None)[:1]
    )
    out = io.StringIO()
    reports.write_csv([row], out, reports.ManifestRow)
    assert "'=HYPERLINK(1)" in out.getvalue()


def test_a_supervisor_sees_the_claims_and_releases_one_with_a_reason(
    station_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fulfillment_station.station.config import StationDbConfig
    from fulfillment_station.station.coordinator import Claim, StationCoordinator
    from fulfillment_station.store.db import connect as open_store

    desk = StationCoordinator(
        StationDbConfig(station_url),
        open_store(tmp_path / "d.sqlite"),
        desk="Desk 4",
        packer="Ana",
        connection_id="shop",
    )
    try:
        assert isinstance(desk.claim("o42"), Claim)
        assert cli_main(["station-db", "claims", station_url]) == 0
        assert "shop\to42\tDesk 4\tAna\t" in capsys.readouterr().out
        assert (
            cli_main(
                [
                    "station-db",
                    "release",
                    station_url,
                    "o42",
                    "--connection-id",
                    "shop",
                    "--reason",
                    "scanner broke",
                    "--supervisor",
                    "Sam",
                ]
            )
            == 0
        )
        assert capsys.readouterr().out == "order o42 released\n"
        assert cli_main(["station-db", "claims", station_url]) == 0
        assert "o42" not in capsys.readouterr().out
        with psycopg.connect(station_url) as conn:
            audited = conn.execute(
                "SELECT packer, message FROM audit WHERE kind = 'supervisor_release'"
            ).fetchall()
            desks = conn.execute("SELECT desk FROM desks").fetchall()
        assert audited == [("Sam", "Sam: scanner broke (held by Desk 4 (Ana))")]
        assert ("supervisor Sam",) not in desks  # never counted as a packing desk
    finally:
        desk.close()
