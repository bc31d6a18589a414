"""Live lists across desks with real Qt signals: a shipment at desk A (its coordinator) reaches
desk B's ``StationEvents`` within a second, on B's GUI thread."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import psycopg
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fulfillment_station.station.config import StationDbConfig
from fulfillment_station.station.coordinator import Claim, ReleaseReason, StationCoordinator
from fulfillment_station.store.db import connect as open_store
from fulfillment_station.ui.desks.station_events import StationEvents

pytestmark = pytest.mark.gui


def test_a_ship_at_desk_a_reaches_desk_b_within_a_second(
    qtbot: Any, station_url: str, tmp_path: Path
) -> None:
    desk_a = StationCoordinator(
        StationDbConfig(station_url),
        open_store(tmp_path / "a.sqlite"),
        desk="Desk A",
        connection_id="shop",
    )
    desk_b = StationEvents(lambda: psycopg.connect(station_url), desk="Desk B")
    try:
        with qtbot.waitSignal(desk_b.live, timeout=10_000) as went_live:
            desk_b.start()
        assert went_live.args == [True]
        with qtbot.waitSignal(
            desk_b.changed, timeout=1000, check_params_cb=lambda e: e.change == "claimed"
        ):
            assert isinstance(desk_a.claim("o1"), Claim)
        started = time.monotonic()
        with qtbot.waitSignal(
            desk_b.changed, timeout=1000, check_params_cb=lambda e: e.change == "shipped"
        ) as shipped:
            desk_a.release("o1", ReleaseReason.SHIPPED)
        assert time.monotonic() - started < 1.0
        [event] = shipped.args
        assert (event.order_id, event.desk) == ("o1", "Desk A")
    finally:
        desk_b.stop()
        desk_a.close()
