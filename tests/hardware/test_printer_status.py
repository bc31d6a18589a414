"""Printers that speak up: the ~HS answer in the ZPL manual's format, a label held while the
simulated Zebra is out of paper and printed exactly once when it is reloaded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fulfillment_station.hardware.printer_status import (
    StatusFormatError,
    parse_host_status,
    query_zebra,
)
from fulfillment_station.printing.samples import sample_order, sample_shipment
from fulfillment_station.services.print_service import PrintService
from fulfillment_station.store.print_queue import JobState, PrintQueue
from fulfillment_station.store.settings import Settings
from tests.helpers.zebra_sim import ZebraSimulator

ORDER = sample_order("1001")
SHIPMENT = sample_shipment()

# The manual's example layout: string 1, 2 and 3, each <STX>...<ETX><CR><LF>.
PAPER_OUT_AND_PAUSED = (
    b"\x02030,1,1,0812,000,0,0,0,000,0,0,0\x03\r\n"
    b"\x02001,0,0,0,1,2,6,0,00000000,1,000\x03\r\n"
    b"\x021234,0\x03\r\n"
)


@pytest.fixture
def zebra() -> Iterator[ZebraSimulator]:
    with ZebraSimulator() as simulator:
        yield simulator


@pytest.fixture
def queue(tmp_path: Path) -> Iterator[PrintQueue]:
    q = PrintQueue.open(tmp_path / "station.db")
    yield q
    q.close()


def test_host_status_fields() -> None:
    status = parse_host_status(PAPER_OUT_AND_PAUSED)
    assert status.paper_out and status.paused
    assert not status.head_open and not status.ribbon_out
    assert status.label_length_dots == 812 and status.thermal_transfer
    problems = status.problems("Zebra desk 1")
    assert [str(p) for p in problems] == [
        "Printer Zebra desk 1 is out of labels; load a new roll and close the head.",
        "Printer Zebra desk 1 is paused; press its pause button to resume.",
    ]


def test_ribbon_out_only_matters_with_a_ribbon() -> None:
    ribbon_out = PAPER_OUT_AND_PAUSED.replace(b"030,1,1", b"030,0,0").replace(
        b"001,0,0,0,1", b"001,0,0,1,1"
    )
    assert "out of ribbon" in str(parse_host_status(ribbon_out).problems("Z")[0])
    direct_thermal = ribbon_out.replace(b"001,0,0,1,1", b"001,0,0,1,0")
    assert parse_host_status(direct_thermal).problems("Z") == []


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"<html>busy</html>",
        b"\x02030,1\x03\r\n",
        PAPER_OUT_AND_PAUSED.replace(b"030,1,1", b"030,x,1"),
        PAPER_OUT_AND_PAUSED[:40],
    ],
)
def test_anything_else_is_not_a_status(garbage: bytes) -> None:
    with pytest.raises(StatusFormatError):
        parse_host_status(garbage)


@pytest.mark.integration
def test_query_says_paper_out_and_head_open(zebra: ZebraSimulator) -> None:
    ready = query_zebra("Zebra desk 1", "127.0.0.1", zebra.port)
    assert ready.can_print is True and ready.problems == []

    zebra.paper_out = True
    zebra.head_open = True
    state = query_zebra("Zebra desk 1", "127.0.0.1", zebra.port)
    assert state.can_print is False
    assert [str(p) for p in state.problems] == [
        "The print head of printer Zebra desk 1 is open; close it.",
        "Printer Zebra desk 1 is out of labels; load a new roll and close the head.",
    ]
    assert zebra.jobs == []  # asking is not printing


@pytest.mark.integration
def test_mute_and_unreachable_printers(zebra: ZebraSimulator) -> None:
    zebra.mute = True
    mute = query_zebra("Z", "127.0.0.1", zebra.port, timeout=0.3)
    assert mute.can_print is None and mute.reachable

    zebra.__exit__()
    gone = query_zebra("Z", "127.0.0.1", zebra.port, timeout=0.3)
    assert gone.can_print is False and not gone.reachable
    assert "cannot be reached" in str(gone.problems[0])


def label_settings(port: int) -> Settings:
    return Settings.defaults().replace(
        {
            "station.store_name": "Harbour Teas",
            "station.return_name": "Harbour Teas",
            "station.return_line1": "12 Harbour Road",
            "station.return_city": "Portland",
            "station.return_country": "US",
            "printers.label_printer": f"tcp://127.0.0.1:{port}",
            "printers.label_format": "zpl",
            "printers.address_labels": True,  # the app's own (no postage) label
        }
    )


@pytest.mark.integration
def test_label_held_while_paper_out_then_printed_once(
    zebra: ZebraSimulator, queue: PrintQueue
) -> None:
    zebra.paper_out = True
    service = PrintService(queue, label_settings(zebra.port))

    held = service.print_label(ORDER, SHIPMENT)

    assert not held.sent and held.job is not None
    assert held.job.state is JobState.PENDING
    assert "out of labels" in held.message and "prints by itself" in held.message
    assert held.job.last_error is not None and "out of labels" in held.job.last_error
    assert zebra.jobs == []  # the label was not lost into a printer without paper

    # Still out of paper: asking again sends nothing.
    assert [o.sent for o in service.release_held()] == [False]
    assert zebra.jobs == []

    zebra.paper_out = False
    released = service.release_held()

    assert [o.sent for o in released] == [True]
    assert zebra.wait_for_jobs(1)
    assert zebra.jobs[0].startswith(b"^XA") and SHIPMENT.tracking_number.encode() in zebra.jobs[0]
    assert queue.get(held.job.id).state is JobState.DONE

    # Nothing is held any more, and nothing prints twice.
    assert service.release_held() == []
    again = service.print_label(ORDER, SHIPMENT)
    assert not again.sent and "already printed" in again.message
    assert not zebra.wait_for_jobs(2, timeout=0.3)
    assert len(zebra.jobs) == 1


@pytest.mark.integration
def test_a_printer_without_host_status_still_prints(
    zebra: ZebraSimulator, queue: PrintQueue
) -> None:
    zebra.mute = True
    service = PrintService(queue, label_settings(zebra.port))
    outcome = service.print_label(ORDER, SHIPMENT)
    assert outcome.sent and outcome.printed
    assert zebra.wait_for_jobs(1)


@pytest.mark.integration
def test_a_printer_is_known_by_the_name_the_packer_chose(
    zebra: ZebraSimulator, queue: PrintQueue
) -> None:
    settings = label_settings(zebra.port).replace(
        {
            "printers.named": [{"name": "Zebra desk 1", "uri": f"tcp://127.0.0.1:{zebra.port}"}],
            "printers.label_printer": "Zebra desk 1",
        }
    )
    zebra.head_open = True
    service = PrintService(queue, settings)

    held = service.print_label(ORDER, SHIPMENT)

    assert "The print head of printer Zebra desk 1 is open; close it." in held.message
    assert held.job is not None and held.job.printer == "Zebra desk 1"
    zebra.head_open = False
    assert [o.message for o in service.release_held()] == ["Label 1001 sent to Zebra desk 1."]
    assert zebra.wait_for_jobs(1)
