"""Pack mode with a real serial scale protocol: an MT-SICS scale simulator behind a real
pseudo-terminal, read by the real ScaleWeigher thread; the packer only scans and puts the box
on the platter. Overrides go to a real audit database."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from fulfillment_station.domain.weight import Weight
from fulfillment_station.hardware.serial_scale import SerialScale
from fulfillment_station.services.pack_flow import default_steps
from fulfillment_station.services.pack_session import PackCommand, command_payload
from fulfillment_station.services.pack_weighing import audit_log_at, weigh_step_for
from fulfillment_station.services.weighing import WEIGHT_OVERRIDE, box_for_scan
from fulfillment_station.store.pack_progress import PackProgress
from fulfillment_station.store.settings import Settings
from fulfillment_station.ui.pack.pack_mode import PackModeOptions, PackModeView, PackPhase
from fulfillment_station.ui.pack.scale_weigher import ScaleWeigher
from tests.helpers.pack_fakes import EAN, UPC_A, UPS, FakeHost, RecordedSounds
from tests.helpers.scale_sim import ScaleSimulator
from tests.services.test_pack_weighing import weighed_order

pytestmark = pytest.mark.gui


def desk() -> Settings:
    return Settings.defaults().replace(
        {
            "scale.source": "serial",
            "scale.weigh_boxes": True,
            "scale.tolerance_g": 50,
            "scale.tolerance_percent": 0,
        }
    )


@pytest.fixture
def sim() -> Iterator[ScaleSimulator]:
    with ScaleSimulator("sics", weight="0.000", unit="kg") as simulator:
        yield simulator


@pytest.fixture
def packing(
    qtbot: Any, tmp_path: Path, sim: ScaleSimulator
) -> Iterator[tuple[PackModeView, FakeHost, Path]]:
    host = FakeHost([weighed_order()])
    outbox = tmp_path / "outbox.sqlite3"
    step = weigh_step_for(desk, lambda: audit_log_at(outbox, "Desk 1"), packer=lambda: "Marta")
    weigher = ScaleWeigher(lambda: SerialScale(sim.path, "sics", name="Desk scale"))
    with PackProgress(tmp_path / "progress.sqlite3") as progress:
        view = PackModeView(
            host,
            progress,
            RecordedSounds(),
            PackModeOptions(auto_print=False),
            steps=default_steps(step),
            weigher=weigher,
        )
        qtbot.addWidget(view)
        view.show()  # the scale is read while pack mode is on screen
        try:
            yield view, host, outbox
        finally:
            weigher.stop()


def pack(view: PackModeView) -> None:
    for scan in ("#1001", UPC_A, EAN):
        view.on_scan(scan)


def test_the_weight_is_captured_with_no_key_press(
    qtbot: Any, packing: tuple[PackModeView, FakeHost, Path], sim: ScaleSimulator
) -> None:
    view, host, _ = packing
    pack(view)
    assert view.phase is PackPhase.AWAIT_WEIGHT
    sim.put("0.610", "stable", settle_after=3)  # the box swings a little, then settles
    qtbot.waitUntil(lambda: view.phase is PackPhase.AWAIT_TRACKING, timeout=5000)
    assert "0.610 kg" in view.scale_line.text()
    view.on_scan(UPS)
    assert [c for c in host.calls if c[0] == "ship"] == [
        ("ship", "A1", {"L1": 1, "L2": 1}, UPS, "ups")
    ]


def test_a_missing_item_stops_the_packer_and_the_override_is_audited(
    qtbot: Any, packing: tuple[PackModeView, FakeHost, Path], sim: ScaleSimulator
) -> None:
    view, host, outbox = packing
    pack(view)
    sim.put("0.200", "stable")  # the mug is not in the box
    qtbot.waitUntil(lambda: view.error_shown, timeout=5000)
    assert "Lighter by 0.400 kg than expected" in view.message.text()
    assert view.phase is PackPhase.AWAIT_WEIGHT
    view.run_command(PackCommand.SHIP_SCANNED)  # F2: the packer ships it anyway
    assert view.phase is PackPhase.AWAIT_TRACKING
    with audit_log_at(outbox, "Desk 1") as audit:
        [entry] = audit.for_order("A1")
    assert (entry.kind, entry.packer) == (WEIGHT_OVERRIDE, "Marta")
    assert entry.summary == "Box 1: 200 g on the scale, 600 g expected, tolerance 50 g"
    view.on_scan(UPS)
    assert len([c for c in host.calls if c[0] == "ship"]) == 1


def test_an_overloaded_scale_is_said_while_weighing(
    qtbot: Any, packing: tuple[PackModeView, FakeHost, Path], sim: ScaleSimulator
) -> None:
    view, _host, _ = packing
    pack(view)
    sim.put("99.000", "over")
    qtbot.waitUntil(lambda: view.error_shown, timeout=5000)
    assert view.phase is PackPhase.AWAIT_WEIGHT
    sim.put("0.600", "stable")  # the packer takes the extra weight off
    qtbot.waitUntil(lambda: view.phase is PackPhase.AWAIT_TRACKING, timeout=5000)


def test_a_two_box_order_is_packed_and_weighed_box_by_box(
    qtbot: Any, tmp_path: Path, sim: ScaleSimulator
) -> None:
    settings = desk().replace(
        {
            "scale.box_types": [
                {
                    "name": "Small",
                    "length_cm": "20",
                    "width_cm": "15",
                    "height_cm": "10",
                    "tare_g": "100",
                    "barcode": "BOX-S",
                },
            ]
        }
    )
    host = FakeHost([weighed_order()])
    outbox = tmp_path / "outbox.sqlite3"
    step = weigh_step_for(lambda: settings, lambda: audit_log_at(outbox, "Desk 1"))
    weigher = ScaleWeigher(lambda: SerialScale(sim.path, "sics", name="Desk scale"))
    with PackProgress(tmp_path / "progress.sqlite3") as progress:
        view = PackModeView(
            host,
            progress,
            RecordedSounds(),
            PackModeOptions(auto_print=False),
            steps=default_steps(step),
            weigher=weigher,
            box_for_scan=lambda scan: box_for_scan(settings, scan),
        )
        qtbot.addWidget(view)
        view.show()  # the scale is read while pack mode is on screen
        try:
            for scan in ("#1001", "BOX-S", UPC_A, command_payload(PackCommand.NEXT_BOX)):
                view.on_scan(scan)
            assert "box 2 (Small)" in view.header.text()
            view.on_scan(EAN)
            assert view.phase is PackPhase.AWAIT_WEIGHT
            sim.put("0.300", "stable")  # box 1: 0.1 kg box + 0.2 kg T-shirt
            qtbot.waitUntil(lambda: "put box 2 on the scale" in view.message.text(), timeout=5000)
            sim.put("0.000", "stable")  # box 1 off the platter
            qtbot.waitUntil(lambda: "0.000 kg (steady)" in view.scale_line.text(), timeout=5000)
            sim.put("0.500", "stable")  # box 2: 0.1 kg box + 0.4 kg mug
            qtbot.waitUntil(lambda: view.phase is PackPhase.AWAIT_TRACKING, timeout=5000)
            shipment = view.flow.shipment
            assert shipment is not None
            assert [dict(p.lines) for p in shipment.packed_boxes()] == [{"L1": 1}, {"L2": 1}]
            assert shipment.weights == [Weight.of("0.3", "kg"), Weight.of("0.5", "kg")]
        finally:
            weigher.stop()


def test_the_scale_is_read_only_while_pack_mode_is_shown(
    qtbot: Any, packing: tuple[PackModeView, FakeHost, Path], sim: ScaleSimulator
) -> None:
    view, _host, _ = packing
    assert view.weigher is not None
    qtbot.waitUntil(lambda: view.weigher is not None and view.weigher.running, timeout=5000)
    view.hide()  # the packer left pack mode: the port is free for the Ship dialog
    assert not view.weigher.running
    view.show()
    assert view.weigher.running


def test_the_boxes_and_their_weights_survive_closing_pack_mode_mid_order(
    qtbot: Any, tmp_path: Path, sim: ScaleSimulator
) -> None:
    """Two boxes packed, box 1 weighed, then pack mode goes away (a crash: nothing is closed
    cleanly). A new pack mode on the same progress file reopens the order with the same
    boxes, the same items in each, box 1's weight kept: it asks for box 2 only."""
    settings = desk().replace(
        {
            "scale.box_types": [
                {
                    "name": "Small",
                    "length_cm": "20",
                    "width_cm": "15",
                    "height_cm": "10",
                    "tare_g": "100",
                    "barcode": "BOX-S",
                },
            ]
        }
    )
    outbox = tmp_path / "outbox.sqlite3"

    def open_view(progress: PackProgress) -> PackModeView:
        step = weigh_step_for(lambda: settings, lambda: audit_log_at(outbox, "Desk 1"))
        weigher = ScaleWeigher(lambda: SerialScale(sim.path, "sics", name="Desk scale"))
        view = PackModeView(
            FakeHost([weighed_order()]),
            progress,
            RecordedSounds(),
            PackModeOptions(auto_print=False),
            steps=default_steps(step),
            weigher=weigher,
            box_for_scan=lambda scan: box_for_scan(settings, scan),
        )
        qtbot.addWidget(view)
        view.show()
        return view

    first = PackProgress(tmp_path / "progress.sqlite3")
    view = open_view(first)
    try:
        for scan in ("#1001", "BOX-S", UPC_A, command_payload(PackCommand.NEXT_BOX), EAN):
            view.on_scan(scan)
        sim.put("0.300", "stable")  # box 1: 0.1 kg box + 0.2 kg T-shirt
        qtbot.waitUntil(lambda: "put box 2 on the scale" in view.message.text(), timeout=5000)
    finally:
        assert view.weigher is not None
        view.weigher.stop()
    view.hide()
    sim.put("0.000", "stable")  # box 1 is put aside while the app starts again
    second = PackProgress(tmp_path / "progress.sqlite3")  # the first one is never closed
    try:
        again = open_view(second)
        try:
            again.on_scan("#1001")
            assert "box 2 (Small)" in again.header.text()
            session = again.flow.session
            assert session is not None
            assert [(b.name if b else None, units) for b, units in session.boxes()] == [
                ("Small", {"L1": 1}),
                ("Small", {"L2": 1}),
            ]
            assert again.phase is PackPhase.AWAIT_WEIGHT
            assert "Put box 2 of 2 on the scale" in again.message.text()
            qtbot.waitUntil(lambda: "0.000 kg (steady)" in again.scale_line.text(), timeout=5000)
            sim.put("0.500", "stable")  # box 2: 0.1 kg box + 0.4 kg mug
            qtbot.waitUntil(lambda: again.phase is PackPhase.AWAIT_TRACKING, timeout=5000)
            shipment = again.flow.shipment
            assert shipment is not None
            packed = shipment.packed_boxes()
            assert [(p.box.dimensions_cm if p.box else None, p.weight) for p in packed] == [
                ((Decimal(20), Decimal(15), Decimal(10)), Weight.of("0.3", "kg")),
                ((Decimal(20), Decimal(15), Decimal(10)), Weight.of("0.5", "kg")),
            ]
        finally:
            assert again.weigher is not None
            again.weigher.stop()
    finally:
        second.close()
        first.close()
