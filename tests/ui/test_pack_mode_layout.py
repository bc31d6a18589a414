"""Pack mode read from a metre: at 1366x768 and 1920x1080 with the largest font size setting
nothing is off-screen, the item rows are at least the size asked, the line to scan next is
shown, and a change of the setting applies at once without the window growing."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication, QWidget

from fulfillment_station.app import pack_options
from fulfillment_station.domain.models import Order
from fulfillment_station.services.live_settings import LiveSettings
from fulfillment_station.store.pack_progress import PackProgress
from fulfillment_station.store.settings import OPTIONS_BY_KEY, SettingsStore
from fulfillment_station.ui.common.i18n import install_translator
from fulfillment_station.ui.pack.pack_mode import FitLabel, PackModeOptions, PackModeView
from tests.helpers.packdesk import EAN, UPC_A, DeskHost, RecordedSounds, desk_order, long_order

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]

LARGEST = int(OPTIONS_BY_KEY["pack.font_size"].maximum or 0)
SMALLEST = int(OPTIONS_BY_KEY["pack.font_size"].minimum or 0)
SCREENS = [(1366, 768), (1920, 1080)]


@pytest.fixture
def make_view(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., PackModeView]]:
    stores: list[PackProgress] = []

    def make(orders: list[Order], font_size: int, size: tuple[int, int]) -> PackModeView:
        store = PackProgress(tmp_path / f"pack-{len(stores)}.sqlite3")
        stores.append(store)
        view = PackModeView(
            DeskHost(orders), store, RecordedSounds(), PackModeOptions(font_point_size=font_size)
        )
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        return view

    yield make
    for store in stores:
        store.close()


def off_screen(view: PackModeView) -> list[str]:
    """Every shown widget of pack mode that is not wholly inside the window."""
    outside = []
    window = view.rect()
    for child in view.findChildren(QWidget):
        if not child.isVisibleTo(view) or child.width() <= 0 or child.height() <= 0:
            continue
        top_left = child.mapTo(view, child.rect().topLeft())
        bottom_right = child.mapTo(view, child.rect().bottomRight())
        if not (window.contains(top_left) and window.contains(bottom_right)):
            outside.append(f"{type(child).__name__} {child.objectName()} at {top_left}")
    return outside


def settle(qtbot: Any, view: PackModeView, size: tuple[int, int]) -> None:
    """The layout has placed everything at ``size`` (a resize is laid out on the next turn
    of the event loop)."""
    qtbot.waitUntil(lambda: (view.width(), view.height()) == size, timeout=2000)
    qtbot.waitUntil(lambda: view.table.viewport().width() > 0, timeout=2000)


def rows_pixel_height(view: PackModeView) -> float:
    return float(QFontInfo(view.table.font()).pixelSize())


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_nothing_is_off_screen_with_the_largest_font(make_view, qtbot, size) -> None:
    view = make_view([desk_order("A1", "#100001")], LARGEST, size)
    view.on_scan("#100001")
    view.on_scan(EAN)
    settle(qtbot, view, size)

    assert (view.width(), view.height()) == size  # the window did not grow
    minimum = view.minimumSizeHint()
    assert minimum.width() <= size[0] and minimum.height() <= size[1]
    assert off_screen(view) == []
    # The item rows are at least the size asked, and one row is tall enough for its text.
    asked = QFont(view.font())
    asked.setPointSize(LARGEST)
    assert view.table.font().pointSizeF() >= LARGEST
    assert rows_pixel_height(view) >= QFontInfo(asked).pixelSize()
    assert view.table.rowHeight(0) >= view.table.fontMetrics().height()
    done_font = view.model.data(view.model.index(0, 0), 6)  # FontRole of a row
    assert done_font is None or done_font.pointSizeF() >= LARGEST
    # The line to scan next and its count: shown, whole, larger than the rows.
    assert view.next_line.isVisible() and view.next_count.isVisible()
    assert view.next_line.text() == "Next: MUG-BLK · Mug black"
    assert view.next_count.text() == "2 left"
    for label in (view.next_line, view.next_count):
        assert not label.elided
        assert label.shown_point_size >= LARGEST
    assert view.message.shown_point_size >= LARGEST * 0.5
    assert not view.message.elided


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_long_store_texts_are_elided_not_pushed_off_screen(make_view, qtbot, size) -> None:
    order = long_order("B1", "#200001")
    view = make_view([order], LARGEST, size)
    view.on_scan("#200001")
    view.on_scan("X" * 48)  # a wrong scan: the longest sentence of all
    settle(qtbot, view, size)

    assert (view.width(), view.height()) == size
    assert off_screen(view) == []
    assert view.table.horizontalScrollBar().maximum() == 0  # no column beyond the right edge
    assert sum(view.table.columnWidth(c) for c in range(4)) <= view.table.viewport().width()
    assert view.table.font().pointSizeF() >= LARGEST
    assert view.next_line.text().startswith("Next: SKU-1-")  # the whole text is kept
    assert view.message.text().startswith("STOP")


def test_a_new_font_size_applies_at_once_and_never_grows_the_window(make_view, qtbot, tmp_path):
    size = SCREENS[0]
    view = make_view([desk_order("A1", "#100001")], SMALLEST, size)
    view.on_scan("#100001")
    settle(qtbot, view, size)
    small_rows = rows_pixel_height(view)
    small_next = view.next_line.shown_point_size

    # The setting saved in Settings reaches pack mode as the app wires it.
    live = LiveSettings(SettingsStore(tmp_path / "settings.json"))
    live.subscribe(
        ("pack.font_size",), lambda current, _keys: view.apply_options(pack_options(current))
    )
    live.save(live.current.replace({"pack.font_size": LARGEST}))

    qtbot.waitUntil(lambda: rows_pixel_height(view) > small_rows * 3, timeout=2000)
    assert view.table.font().pointSizeF() == LARGEST
    assert view.next_line.shown_point_size > small_next
    assert (view.width(), view.height()) == size
    qtbot.waitUntil(lambda: off_screen(view) == [], timeout=2000)


def test_a_fit_label_shrinks_to_its_box_and_elides_only_below_the_floor(qtbot) -> None:
    label = FitLabel(lines=2)
    qtbot.addWidget(label)
    label.set_point_sizes(40, 10)
    label.resize(300, 200)
    label.setText("short")
    assert label.shown_point_size == 40 and not label.elided
    label.setText("a sentence of several words that cannot fit on one line at forty points")
    assert 10 <= label.shown_point_size < 40 and not label.elided
    label.resize(300, 20)
    label.setText("word " * 200)
    assert label.shown_point_size == 10 and label.elided
    assert label.text() == "word " * 200  # what it says is kept whole


@pytest.mark.parametrize(
    ("language", "many", "one"),
    [("es", "Faltan 2", "Falta 1"), ("pt_BR", "Faltam 2", "Falta 1")],
)
def test_the_count_left_has_real_plural_forms(
    make_view, qtbot, qapp: QApplication, tmp_path, language, many, one
) -> None:
    previous_locale = QLocale()
    installed = install_translator(qapp, language, cache_dir=tmp_path / "cache")
    try:
        view = make_view([desk_order("A1", "#100001")], 14, SCREENS[0])
        view.on_scan("#100001")
        view.on_scan(EAN)
        assert view.next_count.text() == many
        rows = {view.model.index(r, 0).data(): view.model.index(r, 3).data() for r in range(2)}
        assert rows == {"MUG-BLK": many, "TEE-M": one}  # the rows too: never "faltan 1"
        view.on_scan(EAN)
        assert view.next_count.text() == one
        view.on_scan(EAN)
        view.on_scan(UPC_A)
        assert view.next_line.text().endswith("✓") and not view.next_line.text().startswith("All")
    finally:
        for translator in installed.translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous_locale)


def test_the_big_parts_grow_with_the_window(make_view, qtbot) -> None:
    shown = {}
    for size in SCREENS:
        view = make_view([desk_order("A1", "#100001")], 14, size)
        view.on_scan("#100001")
        settle(qtbot, view, size)
        shown[size] = (view.next_count.shown_point_size, view.table.font().pointSizeF())
    small, large = shown[SCREENS[0]], shown[SCREENS[1]]
    assert large[0] > small[0]  # what is read from afar is larger on the larger screen
    assert small[1] == large[1] == 14  # the rows stay at the size asked
