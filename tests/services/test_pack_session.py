"""Pack session rules: what a scan counts, which scans are refused (and change nothing), undo,
bulk quantities, what gets shipped, and resuming after a crash from the progress file."""

from __future__ import annotations

from pathlib import Path

import pytest

from fulfillment_station.domain.models import Order
from fulfillment_station.services.pack_session import (
    COMMAND_PREFIX,
    COMMANDS,
    PackCommand,
    PackErrorKind,
    PackRefused,
    PackSession,
    Ticked,
    command_payload,
    command_sheet_entries,
    parse_command,
)
from fulfillment_station.store.pack_progress import PackProgress
from tests.helpers.factories import build_order

UPC_A = "036000291452"  # the same product as EAN-13 0036000291452 and GTIN-14 00036000291452
EAN = "4006381333931"


def three_line_order(order_id: str = "A1") -> Order:
    return build_order(
        order_id,
        lines=[
            {
                "id": "L1",
                "sku": "TEE-M",
                "name": "T-shirt M",
                "quantity": 2,
                "unit_price": "10",
                "barcode": UPC_A,
            },
            {
                "id": "L2",
                "sku": "MUG-BLK",
                "name": "Mug black",
                "quantity": 1,
                "unit_price": "5",
                "barcode": EAN,
            },
            {"id": "L3", "sku": "CARD", "name": "Gift card", "quantity": 1, "unit_price": "1"},
            {
                "id": "L4",
                "sku": "AAA-OLD",
                "name": "Shipped before",
                "quantity": 1,
                "quantity_fulfilled": 1,
                "unit_price": "1",
            },
        ],
    )


@pytest.fixture
def store(tmp_path: Path):
    with PackProgress(tmp_path / "pack.sqlite3") as progress:
        yield progress


@pytest.fixture
def session(store: PackProgress) -> PackSession:
    return PackSession(three_line_order(), "shop", store)


def counts(session: PackSession) -> dict[str, int]:
    return {line.line_id: line.scanned for line in session.lines}


def test_lines_come_in_pick_order_without_the_already_shipped_ones(session):
    assert [line.sku for line in session.lines] == ["CARD", "MUG-BLK", "TEE-M"]
    assert [line.state_text for line in session.lines] == ["1 left", "1 left", "2 left"]


@pytest.mark.parametrize("code", [UPC_A, "0036000291452", "00036000291452", "tee-m", " TEE-M "])
def test_barcode_in_any_gtin_form_or_the_sku_counts_one_unit(session, code):
    outcome = session.scan(code)
    assert isinstance(outcome, Ticked)
    assert outcome.line.line_id == "L1"
    assert counts(session)["L1"] == 1
    assert session.line("L1").state_text == "1 left"


def test_a_fully_scanned_order_is_complete_and_ships_every_line(session):
    for code in (UPC_A, UPC_A, EAN):
        assert isinstance(session.scan(code), Ticked)
    assert not session.complete
    assert isinstance(session.confirm_line("L3"), Ticked)  # no barcode: confirmed by key
    assert session.complete
    assert session.ship_scanned() == {"L1": 2, "L2": 1, "L3": 1}


def test_wrong_item_is_a_persistent_error_that_changes_nothing(session):
    session.scan(UPC_A)
    error = session.scan("5901234123457")
    assert not isinstance(error, Ticked)
    assert error.kind is PackErrorKind.WRONG_ITEM
    assert "not on order #A1" in error.message
    assert counts(session) == {"L3": 0, "L2": 0, "L1": 1}
    session.undo()  # an explicit action by the packer: it also clears the error
    assert session.error is None


def test_over_scan_is_refused_and_the_error_stays_until_a_right_item(session):
    session.scan(EAN)
    error = session.scan(EAN)
    assert not isinstance(error, Ticked)
    assert error.kind is PackErrorKind.OVER_SCAN
    assert "already complete" in error.message
    assert session.line("L2").scanned == 1
    assert session.error == error
    session.scan(EAN)  # another wrong scan keeps an error up
    assert session.error is not None
    assert isinstance(session.scan(UPC_A), Ticked)
    assert session.error is None


def test_acknowledge_clears_the_error(session):
    session.scan("NOT-ON-ORDER")
    assert session.error is not None
    session.acknowledge()
    assert session.error is None


def test_junk_is_an_error_with_a_reason_a_packer_can_act_on(session):
    error = session.scan("]C1420100233424")
    assert not isinstance(error, Ticked)
    assert error.kind is PackErrorKind.JUNK
    assert "postal code" in error.message
    assert session.scanned_units == 0


def test_pending_quantity_applies_to_the_next_scan_only(session):
    session.set_pending_quantity(2)
    outcome = session.scan(UPC_A)
    assert isinstance(outcome, Ticked) and outcome.quantity == 2
    assert session.pending_quantity is None
    assert session.line("L1").state_text == "done"


def test_pending_quantity_larger_than_what_is_left_is_an_over_scan(session):
    session.set_pending_quantity(3)
    error = session.scan(UPC_A)
    assert not isinstance(error, Ticked) and error.kind is PackErrorKind.OVER_SCAN
    assert "only 2" in error.message
    assert session.line("L1").scanned == 0


def test_scan_then_type_a_quantity_amends_the_last_scan(session):
    session.scan(UPC_A)
    assert isinstance(session.amend_last_quantity(2), Ticked)
    assert session.line("L1").scanned == 2
    refused = session.amend_last_quantity(3)
    assert not isinstance(refused, Ticked) and refused.kind is PackErrorKind.OVER_SCAN
    assert session.line("L1").scanned == 2
    session.undo()
    assert session.line("L1").scanned == 0


def test_undo_takes_back_scans_newest_first(session):
    session.scan(UPC_A)
    session.scan(EAN)
    assert session.undo().line_id == "L2"
    assert counts(session) == {"L3": 0, "L2": 0, "L1": 1}
    assert session.undo().line_id == "L1"
    assert session.undo() is None


def test_reset_zeroes_every_count(session):
    session.scan(UPC_A)
    session.scan(EAN)
    session.reset()
    assert session.scanned_units == 0
    assert session.undo() is None


def test_ship_scanned_is_partial_and_refused_when_nothing_is_scanned(session):
    with pytest.raises(PackRefused, match="Nothing is scanned"):
        session.ship_scanned()
    session.scan(UPC_A)
    assert session.ship_scanned() == {"L1": 1}


def test_ship_all_unverified_needs_the_setting(store):
    strict = PackSession(three_line_order(), "shop", store)
    with pytest.raises(PackRefused, match="switched off"):
        strict.ship_all_unverified()
    lenient = PackSession(three_line_order(), "shop", store, allow_ship_unverified=True)
    assert lenient.ship_all_unverified() == {"L1": 2, "L2": 1, "L3": 1}


def test_a_crash_mid_pack_resumes_with_the_same_counts_and_undo(tmp_path):
    path = tmp_path / "pack.sqlite3"
    first_store = PackProgress(path)
    first = PackSession(three_line_order(), "shop", first_store)
    first.scan(UPC_A)
    first.scan(EAN)
    first.mark_printed()
    first_store.close()  # the app dies here

    with PackProgress(path) as store:
        resumed = PackSession(three_line_order(), "shop", store)
        assert counts(resumed) == {"L3": 0, "L2": 1, "L1": 1}
        assert resumed.printed
        assert resumed.undo().line_id == "L2"
        other = PackSession(three_line_order("B2"), "shop", store)
        assert other.scanned_units == 0


def test_finish_forgets_the_progress(store):
    session = PackSession(three_line_order(), "shop", store)
    session.scan(UPC_A)
    session.finish()
    assert PackSession(three_line_order(), "shop", store).scanned_units == 0


def test_orders_that_cannot_be_packed_are_refused_with_a_reason(store):
    with pytest.raises(PackRefused, match="cancelled"):
        PackSession(build_order("C1", status="cancelled"), "shop", store)
    open_order = build_order(
        "D1", lines=[{"id": "L1", "sku": "X", "quantity": 1, "unit_price": "1"}]
    )
    PackSession(open_order, "shop", store).scan("X")
    shipped = build_order(
        "D1",
        lines=[{"id": "L1", "sku": "X", "quantity": 1, "quantity_fulfilled": 1, "unit_price": "1"}],
    )
    with pytest.raises(PackRefused, match="nothing left"):
        PackSession(shipped, "shop", store)
    assert store.load("shop", "D1") is None  # the stale scans of a shipped order are dropped


def test_command_payloads_round_trip_and_never_look_like_orders_or_items():
    for command in PackCommand:
        assert parse_command(command_payload(command)) is command
        assert command in COMMANDS
    assert parse_command(command_payload(PackCommand.UNDO).lower()) is PackCommand.UNDO
    for not_a_command in ("UNDO", "#1001", "TEE-M", UPC_A, COMMAND_PREFIX + "FLY"):
        assert parse_command(not_a_command) is None
    assert len(command_sheet_entries()) == len(PackCommand)
