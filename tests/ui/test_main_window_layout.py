"""The main window fits the screen it is on: at 1366x768 (the most common size on warehouse
PCs) and 1920x1080, in every UI language, and after a geometry saved on a larger monitor.

Each case is the real app (training store, first sync done, an order open, a problem shown and
a sync running) in a child process whose offscreen screen has the given size: a Qt process
has one set of screens. ``tests/helpers/listdesk_layout.py`` reports where every important
widget ended up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from fulfillment_station.ui.orders.detail_pane import OrderDetailPane
from tests.helpers.factories import build_order

pytestmark = [pytest.mark.gui, pytest.mark.integration]

ROOT = Path(__file__).resolve().parents[2]


def layout_on_screen(
    tmp_path: Path, width: int, height: int, language: str = "en", *extra: str
) -> dict[str, Any]:
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "desk",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    # The data and config folders are the test's own (set by the autouse fixture in os.environ).
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.listdesk_layout", language, *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def inside(box: dict[str, int], area: dict[str, int]) -> bool:
    return (
        box["x"] >= area["x"]
        and box["y"] >= area["y"]
        and box["x"] + box["w"] <= area["x"] + area["w"]
        and box["y"] + box["h"] <= area["y"] + area["h"]
    )


def assert_usable(report: dict[str, Any]) -> None:
    available = report["available"]
    assert inside(report["frame"], available), (report["frame"], available)
    for name, widget in report["widgets"].items():
        assert widget["visible"], name
        assert inside(widget, available), (name, widget, available)
        # Not squeezed below what it needs to show its text and controls.
        assert widget["w"] >= widget["min_w"] and widget["h"] >= widget["min_h"], (name, widget)
    widgets = report["widgets"]
    # The list and the pane both usable: ten rows at least, and the pane's body never wider
    # than the pane (no sideways scrolling to read an address).
    assert widgets["table"]["w"] >= 500 and widgets["table"]["h"] >= 10 * 24
    assert widgets["detail"]["w"] >= 340  # the ship-to and its Copy button side by side
    assert report["detail_viewport_w"] >= report["detail_body_min_w"]
    # The items the packer reads, without scrolling sideways.
    assert not report["items_scroll_sideways"]
    assert {0, 1, 3, 5} <= set(report["item_columns"])  # SKU, name, ordered, remaining
    # The status bar is the last thing in the window: its bottom edge is on the screen.
    status = widgets["status_bar"]
    assert status["y"] + status["h"] <= available["y"] + available["h"]


@pytest.mark.parametrize(
    ("width", "height", "language"),
    [(1366, 768, "en"), (1920, 1080, "en"), (1366, 768, "es"), (1366, 768, "pt_BR")],
)
def test_the_window_opens_within_the_screen_and_everything_is_usable(
    tmp_path: Path, width: int, height: int, language: str
) -> None:
    report = layout_on_screen(tmp_path, width, height, language)
    assert report["screen"]["w"] == width and report["screen"]["h"] == height
    assert_usable(report)
    if width >= 1600:
        # Where there is room the window keeps its comfortable size.
        assert report["window"]["w"] == 1400 and report["window"]["h"] == 860


def test_a_geometry_saved_on_a_larger_monitor_is_fitted_to_the_smaller_one(
    tmp_path: Path,
) -> None:
    big = layout_on_screen(tmp_path, 1920, 1080, "en", "--resize", "1900x1050")
    assert_usable(big)
    again = layout_on_screen(tmp_path, 1920, 1080)
    assert again["window"]["w"] == 1900  # remembered where it fits
    small = layout_on_screen(tmp_path, 1366, 768)
    assert_usable(small)
    assert small["frame"]["w"] <= 1366 and small["frame"]["h"] <= 768


def test_a_narrow_detail_pane_lets_go_of_the_barcode_column_first(qtbot: Any) -> None:
    pane = OrderDetailPane()
    qtbot.addWidget(pane)
    order = build_order(
        "N1",
        lines=[
            {
                "id": "L1",
                "sku": "TEA-EARL-GREY-250",
                "name": "Earl Grey loose leaf tea, 250 g tin",
                "barcode": "4006381333931",
                "quantity": 2,
                "unit_price": "12.50",
            }
        ],
    )
    pane.resize(1000, 700)
    pane.show()
    pane.show_order(order)
    headers = pane.lines.horizontalHeader()

    def shown() -> list[str]:
        return [
            str(pane.lines_model.headerData(c, Qt.Orientation.Horizontal))
            for c in range(pane.lines_model.columnCount())
            if not pane.lines.isColumnHidden(c)
        ]

    assert shown() == ["SKU", "Name", "Barcode", "Ordered", "Fulfilled", "Remaining", "Price"]
    pane.resize(420, 700)
    qtbot.waitUntil(lambda: "Barcode" not in shown(), timeout=5_000)
    assert shown()[:2] == ["SKU", "Name"] and "Remaining" in shown()
    qtbot.waitUntil(lambda: not pane.lines.horizontalScrollBar().isVisible(), timeout=5_000)
    assert headers.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    # Widened again, every column is back.
    pane.resize(1000, 700)
    qtbot.waitUntil(lambda: len(shown()) == 7, timeout=5_000)
