"""Pack mode's ship step and the desk's duplicate-tracking check (``services.tracking_reuse``):
a tracking number already used on another order stops the shipment before it is queued."""

from __future__ import annotations

from pathlib import Path

from fulfillment_station.services.pack_flow import PackFlow, PackFlowOptions, PackPhase
from fulfillment_station.services.pack_session import PackCommand
from fulfillment_station.services.tracking_reuse import OVERRIDE_KIND, TrackingGuard
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import connect
from fulfillment_station.store.pack_progress import PackProgress
from tests.helpers.desk_tracking import UPS, cache_with_shipped_order
from tests.helpers.pack_fakes import EAN, UPC_A, Display, Host, RecordedSounds, two_line_order

OTHER_UPS = "1Z999AA10123456793"


def _flow(root: Path) -> tuple[PackFlow, Host, Display]:
    host, display = Host([two_line_order("C3", "#C3")]), Display()
    host.tracking_guard = lambda: TrackingGuard(
        root, connection="shop", station="Desk 1", packer="Ana"
    )
    progress = PackProgress(root / "progress.sqlite3")
    flow = PackFlow(host, progress, display, RecordedSounds(), PackFlowOptions(auto_print=False))
    flow.scan("#C3")
    flow.scan(UPC_A)
    flow.scan(EAN)
    return flow, host, display


def test_a_reused_tracking_number_stops_before_anything_is_queued(tmp_path: Path) -> None:
    cache_with_shipped_order(tmp_path)  # #A1 already went out with UPS
    flow, host, display = _flow(tmp_path)
    flow.scan(UPS)
    assert not host.named("ship") and flow.error_shown
    assert flow.phase is PackPhase.AWAIT_TRACKING
    assert "#A1" in display.errors[-1] and "#C3" in display.errors[-1]
    # The parcel's own label: shipped with that number.
    flow.scan(OTHER_UPS)
    assert host.named("ship") == [("ship", "C3", {"L1": 1, "L2": 1}, OTHER_UPS)]


def test_f2_ships_anyway_and_the_choice_is_in_the_audit_log_first(tmp_path: Path) -> None:
    cache_with_shipped_order(tmp_path)
    flow, host, _display = _flow(tmp_path)
    flow.scan(UPS)
    flow.command(PackCommand.SHIP_SCANNED)
    assert host.named("ship") == [("ship", "C3", {"L1": 1, "L2": 1}, UPS)]
    conn = connect(tmp_path / "outbox-shop.sqlite3")
    try:
        kinds = [e.kind for e in AuditLog(conn, station="").for_order("C3")]
    finally:
        conn.close()
    assert OVERRIDE_KIND in kinds


def test_an_unused_number_ships_at_once(tmp_path: Path) -> None:
    flow, host, display = _flow(tmp_path)
    flow.scan(UPS)
    assert host.named("ship") and not display.errors
