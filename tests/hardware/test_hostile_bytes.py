"""Scales and printers are on the other end of a cable: any bytes may arrive. The decoders
never raise anything but their own documented error, and a printer that talks forever or
drips its answer does not hold the desk longer than the timeout."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fulfillment_station.hardware.hid_scale import decode_report
from fulfillment_station.hardware.printer_status import (
    StatusFormatError,
    parse_host_status,
    query_zebra,
)
from fulfillment_station.hardware.serial_scale import parse_cas, parse_nci, parse_sics


@given(st.binary(max_size=64))
def test_any_hid_report_decodes_or_is_skipped(data: bytes) -> None:
    reading = decode_report(data)
    if reading is not None and reading.stable_weight is not None:
        assert data[0] == 3 and data[1] in (2, 4)


@given(st.text(max_size=80))
def test_any_serial_line_parses_or_is_ignored(line: str) -> None:
    for parse in (parse_sics, parse_cas):
        reading = parse(line)
        assert reading is None or reading.status is not None


@given(st.binary(max_size=80))
def test_any_nci_frame_parses_or_is_ignored(frame: bytes) -> None:
    parse_nci(frame)


@settings(max_examples=200)
@given(st.binary(max_size=200))
def test_any_host_status_bytes_parse_or_say_so(data: bytes) -> None:
    with contextlib.suppress(StatusFormatError):
        parse_host_status(data)


def _server(behaviour: str) -> Iterator[int]:
    sock = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        sock.settimeout(5)
        try:
            conn, _ = sock.accept()
        except OSError:
            return
        with conn:
            conn.recv(16)
            while not stop.is_set():
                try:
                    if behaviour == "endless":
                        conn.sendall(b"\x02" + b"9" * 4096)
                    else:  # drip: one byte of a valid-looking answer every 50 ms
                        conn.sendall(b"0")
                        time.sleep(0.05)  # the simulated printer's own pace
                except OSError:
                    return

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield sock.getsockname()[1]
    finally:
        stop.set()
        sock.close()
        thread.join(timeout=5)


@pytest.fixture(params=["endless", "drip"])
def talkative_printer(request: pytest.FixtureRequest) -> Iterator[int]:
    yield from _server(request.param)


def test_a_printer_that_never_stops_talking_is_bounded(talkative_printer: int) -> None:
    started = time.monotonic()
    state = query_zebra("Z", "127.0.0.1", talkative_printer, timeout=0.5)
    assert time.monotonic() - started < 2.0
    assert state.can_print is None and state.reachable
    assert len(state.detail) <= 2048
