from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from fulfillment_station.store.audit import CSV_HEADER, AuditLog, from_db_time, to_db_time
from fulfillment_station.store.db import connect
from tests.helpers.clock import FakeClock

OpenLog = Callable[..., AuditLog]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def open_log(clock: FakeClock) -> Iterator[OpenLog]:
    conns: list[sqlite3.Connection] = []

    def open_(path: Path, station: str = "Desk 1") -> AuditLog:
        conns.append(connect(path))
        return AuditLog(conns[-1], station=station, clock=clock)

    yield open_
    for conn in conns:
        conn.close()


def _ship(log: AuditLog, order_id: str, outcome: str, message: str = "") -> None:
    log.record(
        order_id=order_id,
        order_number=f"#{order_id}",
        kind="ship",
        summary="Ship: all remaining items via DHL 123",
        outcome=outcome,
        message=message,
        packer="Ana",
        connection_id="shop",
    )


def test_rows_survive_reopening_and_keep_who_where_when(
    db_path: Path, clock: FakeClock, open_log: OpenLog
) -> None:
    log = open_log(db_path)
    _ship(log, "o1", "queued")
    clock.advance(5)
    _ship(log, "o1", "done")

    reopened = open_log(db_path, station="Desk 2")
    rows = reopened.for_order("o1")
    assert [r.outcome for r in rows] == ["queued", "done"]
    first = rows[0]
    assert (first.station, first.packer, first.order_number, first.kind) == (
        "Desk 1",
        "Ana",
        "#o1",
        "ship",
    )
    assert rows[1].at - rows[0].at == timedelta(seconds=5)
    assert rows[1].at.tzinfo is not None


def test_for_order_returns_only_that_order_oldest_first(
    db_path: Path, clock: FakeClock, open_log: OpenLog
) -> None:
    log = open_log(db_path)
    _ship(log, "o1", "queued")
    _ship(log, "o2", "queued")
    _ship(log, "o1", "failed", "Marketplace rejected the shipment")
    assert [(r.order_id, r.outcome) for r in log.for_order("o1")] == [
        ("o1", "queued"),
        ("o1", "failed"),
    ]
    assert log.for_order("o1", connection_id="other-shop") == []


def test_entries_between_times(db_path: Path, clock: FakeClock, open_log: OpenLog) -> None:
    log = open_log(db_path)
    _ship(log, "o1", "queued")
    start = clock.now + timedelta(seconds=1)
    clock.advance(10)
    _ship(log, "o2", "queued")
    clock.advance(10)
    _ship(log, "o3", "queued")
    assert [e.order_id for e in log.entries(since=start, until=clock.now)] == ["o2"]


def test_export_csv_to_path_reads_back(
    db_path: Path, clock: FakeClock, tmp_path: Path, open_log: OpenLog
) -> None:
    log = open_log(db_path)
    _ship(log, "o1", "queued")
    _ship(log, "o1", "failed", 'Carrier said "no", then, "maybe"\nsecond line')
    target = tmp_path / "audit.csv"

    assert log.export_csv(target) == 2

    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(CSV_HEADER)
    assert [r["outcome"] for r in rows] == ["queued", "failed"]
    assert rows[1]["message"] == 'Carrier said "no", then, "maybe"\nsecond line'
    assert rows[1]["station"] == "Desk 1"
    assert from_db_time(rows[0]["at"]) == clock.now


def test_export_csv_to_open_file_defuses_spreadsheet_formulas(
    db_path: Path, clock: FakeClock, open_log: OpenLog
) -> None:
    log = open_log(db_path)
    _ship(log, "o1", "failed", '=HYPERLINK("http://evil.example","click")')
    buffer = io.StringIO()

    log.export_csv(buffer)

    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert rows[0]["message"] == '\'=HYPERLINK("http://evil.example","click")'


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        to_db_time(datetime(2026, 1, 1))
