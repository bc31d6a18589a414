"""Pack mode driven the way a packer drives it: scanner bursts and human typing through the
real ScannerFilter (fake clock), keys only, no mouse, against a fake host that records calls."""

from __future__ import annotations

import os
import wave

# CI exports this too; set here so `pytest tests/ui` also runs headless on its own.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from fulfillment_station.domain.models import Order
from fulfillment_station.scanning.burst import BurstDetector
from fulfillment_station.services.pack_session import (
    PackCommand,
    command_payload,
)
from fulfillment_station.store.pack_progress import PackProgress
from fulfillment_station.ui.common.scanner_filter import ScannerFilter
from fulfillment_station.ui.pack.pack_mode import PackModeOptions, PackModeView, PackPhase
from fulfillment_station.ui.pack.sounds import SOUNDS_DIR, Sounds
from tests.helpers.pack_fakes import (
    EAN,
    OTHER_EAN,
    UPC_A,
    UPS,
    DeferredHost,
    FakeHost,
    RecordedSounds,
    make_order,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


def is_red(view: PackModeView) -> bool:
    style = view.message.styleSheet()
    return "#c00000" in style or "#ff3030" in style


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Desk:
    """A packing desk: the view, the scanner and the packer's hands."""

    def __init__(
        self,
        qtbot: Any,
        view: PackModeView,
        clock: FakeClock,
        host: FakeHost,
        sounds: RecordedSounds,
        scanner: ScannerFilter,
    ) -> None:
        self.qtbot = qtbot
        self.scanner = scanner
        self.view = view
        self.clock = clock
        self.host = host
        self.sounds = sounds

    def scan(self, text: str) -> None:
        """A scanner burst: 3 ms per character, then Enter."""
        self.clock.now += 500
        for char in text:
            self.clock.now += 3
            self.qtbot.keyClick(self.view, char)
        self.clock.now += 3
        self.qtbot.keyClick(self.view, Qt.Key.Key_Return)

    def type(self, text: str) -> None:
        """A person typing: 200 ms per key; returns once the filter let the last key through
        (it holds each key until it knows no scan follows)."""
        for char in text:
            self.clock.now += 200
            self.qtbot.keyClick(self.view, char)
        self.clock.now += 200
        self.qtbot.waitUntil(lambda: self.scanner.detector.held == "", timeout=1000)

    def key(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.clock.now += 200
        self.qtbot.keyClick(self.view, key, modifier)

    def scanned(self, line_id: str) -> int:
        assert self.view.session is not None
        return self.view.session.line(line_id).scanned

    @property
    def message(self) -> str:
        return self.view.message.text()


@pytest.fixture
def make_desk(qtbot, qapp, tmp_path: Path) -> Iterator[Callable[..., Desk]]:
    filters: list[ScannerFilter] = []
    stores: list[PackProgress] = []

    def make(
        orders: list[Order],
        *,
        options: PackModeOptions | None = None,
        label_tracking: str | None = None,
        host: FakeHost | None = None,
    ) -> Desk:
        clock = FakeClock()
        scanner = ScannerFilter(BurstDetector(max_gap_ms=30, min_length=4, clock=clock))
        scanner.install(qapp)
        filters.append(scanner)
        store = PackProgress(tmp_path / "pack.sqlite3")
        stores.append(store)
        host = host or FakeHost(orders, label_tracking)
        sounds = RecordedSounds()
        view = PackModeView(host, store, sounds, options)
        qtbot.addWidget(view)
        scanner.scanned.connect(view.on_scan)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        return Desk(qtbot, view, clock, host, sounds, scanner)

    yield make
    for scanner in filters:
        scanner.uninstall(qapp)
    for store in stores:
        store.close()


def test_an_order_is_packed_printed_and_shipped_with_scans_only(make_desk):
    desk = make_desk([make_order("A1", "#100001"), make_order("B2", "#100002")])
    opened: list[str] = []
    desk.view.order_opened.connect(lambda order: opened.append(order.id))

    desk.scan("#100001")
    assert desk.view.phase is PackPhase.PACKING
    assert "#100001" in desk.view.header.text()
    desk.scan("0036000291452")  # the UPC-A on the order, read as EAN-13
    desk.scan(EAN)
    assert desk.view.progress.value() == 2
    assert desk.host.named("print") == []
    desk.scan("CARD-0001")

    assert desk.host.named("print") == [("print", "A1", False)]
    assert desk.view.phase is PackPhase.AWAIT_TRACKING
    assert "Scan the tracking number" in desk.message
    desk.scan(UPS)

    assert desk.host.named("ship") == [("ship", "A1", {"L1": 1, "L2": 1, "L3": 1}, UPS, "ups")]
    assert desk.host.named("print") == [("print", "A1", False)]  # exactly once
    assert desk.host.named("next") == [("next", "A1")]
    assert opened == ["A1", "B2"]
    assert desk.view.phase is PackPhase.PACKING
    assert "#100002" in desk.view.header.text()
    assert desk.view.progress.value() == 0
    assert "error" not in desk.sounds.played
    assert desk.sounds.played.count("success") == 2
    assert desk.view._store.load("shop", "A1") is None  # shipped: nothing left to resume


def test_the_lines_table_says_the_state_in_words(make_desk):
    desk = make_desk([make_order("A1", "#100001", mug_quantity=3)])
    desk.scan("#100001")
    desk.scan(EAN)
    model = desk.view.model
    rows = {
        model.data(model.index(r, 0)): [model.data(model.index(r, c)) for c in (2, 3)]
        for r in range(model.rowCount())
    }
    assert rows == {
        "CARD": ["0 / 1", "1 left"],
        "MUG-BLK": ["1 / 3", "2 left"],
        "TEE-M": ["0 / 1", "1 left"],
    }
    desk.scan(UPC_A)
    assert model.data(model.index(2, 3)) == "✓ done"


def test_wrong_item_raises_an_error_that_stays_until_acknowledged(make_desk):
    desk = make_desk([make_order("A1", "#100001")])
    desk.scan("#100001")
    desk.scan(UPC_A)
    desk.scan(OTHER_EAN)

    assert desk.view.error_shown
    assert "Wrong item" in desk.message and "STOP" in desk.message
    assert desk.sounds.played[-1] == "error"
    assert desk.view.progress.value() == 1
    assert is_red(desk.view)
    desk.type("5")  # other keys do not make it go away
    assert desk.view.error_shown
    desk.key(Qt.Key.Key_Escape)
    assert not desk.view.error_shown
    assert not is_red(desk.view)
    assert desk.view.progress.value() == 1


def test_the_error_flashes_then_stays_red(make_desk, qtbot):
    desk = make_desk([make_order("A1", "#100001")])
    desk.scan("#100001")
    desk.scan(OTHER_EAN)
    qtbot.waitUntil(lambda: "#ff3030" in desk.view.message.styleSheet(), timeout=2000)
    qtbot.waitUntil(lambda: "#c00000" in desk.view.message.styleSheet(), timeout=2000)
    assert desk.view.error_shown


def test_over_scan_changes_nothing_and_a_right_item_clears_it(make_desk):
    desk = make_desk([make_order("A1", "#100001")])
    desk.scan("#100001")
    desk.scan(EAN)
    desk.scan(EAN)

    assert desk.view.error_shown
    assert "already complete" in desk.message
    assert desk.scanned("L2") == 1
    desk.scan(UPC_A)
    assert not desk.view.error_shown
    assert desk.scanned("L1") == 1


def test_enter_typed_by_a_person_acknowledges_an_error(make_desk):
    desk = make_desk([make_order("A1", "#100001")])
    desk.scan("#100001")
    desk.scan("NOT-ON-THIS-ORDER")
    assert desk.view.error_shown
    desk.key(Qt.Key.Key_Return)
    assert not desk.view.error_shown


def test_junk_scans_say_what_to_do(make_desk):
    desk = make_desk([make_order("A1", "#100001")])
    desk.scan("]C1420100233424")  # the ZIP routing code on a USPS label, no order open
    assert desk.view.error_shown
    assert "postal code" in desk.message
    assert desk.host.named("find") == []
    desk.key(Qt.Key.Key_Escape)
    desk.scan("#100001")
    desk.scan("]C1420100233424")
    assert "postal code" in desk.message
    assert desk.view.progress.value() == 0


def test_an_unknown_order_number_is_an_error(make_desk):
    desk = make_desk([make_order("A1", "#100001")])
    desk.scan("#999999")
    assert desk.view.phase is PackPhase.IDLE
    assert "No order found for #999999" in desk.message


def test_undo_by_key_and_by_command_barcode(make_desk):
    desk = make_desk([make_order("A1", "#100001")])
    desk.scan("#100001")
    desk.scan(UPC_A)
    desk.scan(EAN)
    desk.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (desk.scanned("L1"), desk.scanned("L2")) == (1, 0)
    desk.scan(command_payload(PackCommand.UNDO))
    assert (desk.scanned("L1"), desk.scanned("L2")) == (0, 0)
    assert desk.view.progress.value() == 0


def test_scan_then_type_a_quantity_and_quantity_before_a_scan(make_desk):
    desk = make_desk([make_order("A1", "#100001", mug_quantity=12)])
    desk.scan("#100001")
    desk.scan(EAN)
    desk.type("10")
    assert "Quantity typed: 10" in desk.view.quantity.text()
    desk.key(Qt.Key.Key_Return)
    assert desk.scanned("L2") == 10
    desk.type("2*")
    assert "Next scan counts 2" in desk.view.quantity.text()
    desk.scan(EAN)
    assert desk.scanned("L2") == 12
    assert desk.view.quantity.text() == ""


def test_a_line_without_barcode_is_confirmed_with_keys(make_desk):
    desk = make_desk([make_order("A1", "#100001", card_barcode=None)])
    desk.scan("#100001")
    desk.scan(UPC_A)
    desk.scan(EAN)
    desk.key(Qt.Key.Key_Up)  # from the mug just scanned up to CARD, first in pick order
    desk.type(" ")
    assert desk.view.phase is PackPhase.AWAIT_TRACKING
    assert desk.host.named("print") == [("print", "A1", False)]


def test_a_crash_mid_pack_resumes_where_the_packer_was(make_desk):
    orders = [make_order("A1", "#100001")]
    first = make_desk(orders)
    first.scan("#100001")
    first.scan(UPC_A)
    first.scan(EAN)
    first.view.close()  # the app dies; a new one starts on the same progress file

    second = make_desk(orders)
    second.scan("#100001")
    assert "resumed" in second.message
    assert (second.scanned("L1"), second.scanned("L2"), second.scanned("L3")) == (1, 1, 0)
    assert second.view.progress.value() == 2
    second.scan("CARD-0001")
    assert second.view.phase is PackPhase.AWAIT_TRACKING


def test_ship_scanned_command_ships_a_partial_package(make_desk):
    desk = make_desk([make_order("A1", "#100001"), make_order("B2", "#100002")])
    desk.scan("#100001")
    desk.scan(UPC_A)
    desk.scan(command_payload(PackCommand.SHIP_SCANNED))
    assert desk.host.named("print") == [("print", "A1", False)]
    desk.scan(UPS)
    assert desk.host.named("ship") == [("ship", "A1", {"L1": 1}, UPS, "ups")]
    assert desk.host.named("next") == [("next", "A1")]


def test_next_package_ships_what_is_scanned_and_keeps_the_order_open(make_desk):
    desk = make_desk([make_order("A1", "#100001"), make_order("B2", "#100002")])
    desk.scan("#100001")
    desk.scan(EAN)
    desk.key(Qt.Key.Key_F4)
    desk.scan(UPS)
    assert desk.host.named("ship") == [("ship", "A1", {"L2": 1}, UPS, "ups")]
    assert desk.host.named("next") == []
    assert desk.host.named("load")[-1] == ("load", "A1")
    assert desk.view.phase is PackPhase.PACKING


def test_ship_all_and_reset_and_cancel_commands(make_desk):
    desk = make_desk([make_order("A1", "#100001")])
    desk.scan("#100001")
    desk.scan(UPC_A)
    desk.scan(command_payload(PackCommand.SHIP_ALL))
    assert "switched off" in desk.message
    desk.key(Qt.Key.Key_Escape)
    desk.scan(command_payload(PackCommand.RESET))
    assert desk.view.progress.value() == 0
    desk.scan(command_payload(PackCommand.CANCEL))
    assert desk.view.phase is PackPhase.IDLE
    assert desk.view.session is None


def test_ship_all_unverified_when_the_setting_allows_it(make_desk):
    desk = make_desk(
        [make_order("A1", "#100001")], options=PackModeOptions(allow_ship_unverified=True)
    )
    desk.scan("#100001")
    desk.key(Qt.Key.Key_F3)
    desk.scan(UPS)
    assert desk.host.named("ship") == [("ship", "A1", {"L1": 1, "L2": 1, "L3": 1}, UPS, "ups")]


def test_a_tracking_number_from_the_label_api_ships_without_asking(make_desk):
    desk = make_desk([make_order("A1", "#100001")], label_tracking=UPS)
    desk.scan("#100001")
    for code in (UPC_A, EAN, "CARD-0001"):
        desk.scan(code)
    assert desk.host.named("ship") == [("ship", "A1", {"L1": 1, "L2": 1, "L3": 1}, UPS, "ups")]
    assert "All orders of this list are packed" in desk.message
    assert desk.view.phase is PackPhase.IDLE


def test_a_product_scan_instead_of_the_tracking_number_is_refused(make_desk):
    desk = make_desk([make_order("A1", "#100001")])
    desk.scan("#100001")
    for code in (UPC_A, EAN, "CARD-0001"):
        desk.scan(code)
    desk.scan("CARD-0001")
    assert desk.view.error_shown
    assert "not a tracking number" in desk.message
    assert desk.host.named("ship") == []


def test_reprint_prints_again_and_without_auto_print_nothing_prints_by_itself(make_desk):
    desk = make_desk([make_order("A1", "#100001")], options=PackModeOptions(auto_print=False))
    desk.scan("#100001")
    for code in (UPC_A, EAN, "CARD-0001"):
        desk.scan(code)
    assert desk.host.named("print") == []
    assert desk.view.phase is PackPhase.AWAIT_TRACKING
    desk.key(Qt.Key.Key_F5)
    desk.scan(command_payload(PackCommand.REPRINT))
    assert desk.host.named("print") == [("print", "A1", False), ("print", "A1", True)]
    assert desk.view.phase is PackPhase.AWAIT_TRACKING


def test_the_font_size_setting_is_applied(make_desk):
    desk = make_desk([], options=PackModeOptions(font_point_size=26))
    assert desk.view.font().pointSize() == 26


def test_sounds_without_qtmultimedia_fall_back_and_honour_volume_and_mute(qapp):
    sounds = Sounds(use_multimedia=False, volume=2.0)
    assert not sounds.has_real_sounds
    assert sounds.volume == 1.0
    sounds.set_volume(-1)
    assert sounds.volume == 0.0
    sounds.set_volume(0.5)
    sounds.muted = True
    sounds.play_error()  # muted: nothing happens, and nothing raises


@pytest.mark.parametrize("name", ["success", "error", "complete"])
def test_the_sound_files_are_short_valid_wavs(name):
    with wave.open(str(SOUNDS_DIR / f"{name}.wav")) as sound:
        seconds = sound.getnframes() / sound.getframerate()
        assert sound.getnchannels() == 1
    assert 0.05 < seconds < 1.0


def test_a_slow_host_keeps_scans_out_and_can_be_abandoned(make_desk):
    orders = [make_order("A1", "#100001")]
    host = DeferredHost(orders)
    desk = make_desk(orders, host=host)
    desk.scan("#100001")
    assert desk.view.phase is PackPhase.LOADING
    host.answer()  # found; now loading
    desk.scan(UPC_A)
    assert desk.view.error_shown and "Wait a moment" in desk.message
    desk.key(Qt.Key.Key_F10)
    assert desk.view.phase is PackPhase.IDLE
    host.answer()  # the late answer is ignored
    assert desk.view.session is None
    desk.scan("#100001")
    host.answer()
    host.answer()
    assert desk.view.phase is PackPhase.PACKING


def test_f2_while_asked_for_tracking_ships_without_one(make_desk):
    desk = make_desk([make_order("A1", "#100001")])
    desk.scan("#100001")
    for code in (UPC_A, EAN, "CARD-0001"):
        desk.scan(code)
    assert "F2: ship without one" in desk.message
    desk.key(Qt.Key.Key_F2)
    assert desk.host.named("ship") == [("ship", "A1", {"L1": 1, "L2": 1, "L3": 1}, None, None)]
