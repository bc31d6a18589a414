"""The order table model and its filter proxy: typing filters, presets count right, sorting is
by value, and a sync update keeps the packer's selection."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QItemSelectionModel, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit, QTableView

from fulfillment_station.domain.models import Order, OrderStatus
from fulfillment_station.domain.money import format_money
from fulfillment_station.domain.search_text import normalize_text
from fulfillment_station.domain.summaries import OrderRef, OrderSummary
from fulfillment_station.services.order_filters import (
    PRESETS,
    Column,
    FilterState,
    facet_counts,
    facet_matches,
    facet_of,
    local_day_start,
    preset_counts,
)
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.ui.common.i18n import current_locale
from fulfillment_station.ui.orders.order_table import (
    BADGE_ROLE,
    KEY_ROLE,
    SORT_ROLE,
    OrderFilterProxy,
    OrderTableModel,
)
from tests.helpers.factories import build_order, cached_summaries, make_orders

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]

# "Now" for these tests: 2026-11-20 15:00 local time.
NOW = datetime(2026, 11, 20, 15, 0).timestamp()
TODAY_UTC = datetime.fromtimestamp(NOW).astimezone().isoformat()
YESTERDAY_UTC = datetime.fromtimestamp(NOW - 86400).astimezone().isoformat()


def ship(
    line_id: str = "L1",
    quantity: int = 1,
    at: str = TODAY_UTC,
    tracking: str = "1Z999AA10123456784",
) -> dict[str, Any]:
    return {
        "carrier": "UPS",
        "tracking_number": tracking,
        "shipped_at": at,
        "lines": [{"line_id": line_id, "quantity": quantity}],
    }


def make_proxy(
    qtbot: Any, rows: Sequence[OrderSummary]
) -> tuple[OrderTableModel, OrderFilterProxy]:
    model = OrderTableModel(rows)
    proxy = OrderFilterProxy(model, clock=lambda: NOW)
    return model, proxy


def shown_ids(proxy: OrderFilterProxy) -> list[str]:
    return [proxy.summary_at(r).order_id for r in range(proxy.rowCount())]


def known_set() -> list[Order]:
    two_lines = [{"id": "L1", "sku": "A", "quantity": 1}, {"id": "L2", "sku": "B", "quantity": 1}]
    partial_lines = [
        {"id": "L1", "sku": "A", "quantity": 1, "quantity_fulfilled": 1},
        {"id": "L2", "sku": "B", "quantity": 1},
    ]
    return [
        build_order("new", status="pending"),
        build_order("confirmed", status="confirmed"),
        build_order(
            "part",
            status="processing",
            fulfillment_status="partial",
            lines=partial_lines,
            shipments=[ship()],
        ),
        build_order(
            "part-old",
            status="processing",
            fulfillment_status="partial",
            lines=partial_lines,
            shipments=[ship(at=YESTERDAY_UTC)],
        ),
        build_order(
            "done-today",
            status="shipped",
            fulfillment_status="fulfilled",
            lines=[{"id": "L1", "sku": "A", "quantity": 1, "quantity_fulfilled": 1}],
            shipments=[ship()],
        ),
        build_order(
            "done-old",
            status="delivered",
            fulfillment_status="fulfilled",
            lines=[{"id": "L1", "sku": "A", "quantity": 1, "quantity_fulfilled": 1}],
            shipments=[ship(at=YESTERDAY_UTC)],
        ),
        build_order("cancelled", status="cancelled", lines=two_lines),
        build_order("weird", status="unknown", api_status="awaiting-fraud-check"),
        build_order("no-address", status="pending", ship_to=None),
    ]


def test_typing_in_a_search_box_filters_rows(qtbot: Any, tmp_path: Path) -> None:
    rows = cached_summaries(
        tmp_path,
        [
            build_order("M1", customer={"name": "Jürgen Müller", "email": "jm@example.de"}),
            build_order("M2", customer={"name": "Anna Muller", "email": "anna@example.com"}),
            build_order(
                "M3",
                customer={"name": "Bo Li", "email": "bo@example.cn"},
                lines=[{"id": "L1", "sku": "TEE-M", "quantity": 1, "barcode": "4006381333931"}],
            ),
            build_order(
                "M4",
                status="processing",
                fulfillment_status="partial",
                lines=[{"id": "L1", "sku": "X", "quantity": 2, "quantity_fulfilled": 1}],
                shipments=[ship(tracking="JD014600003828451234")],
            ),
        ],
    )
    _, proxy = make_proxy(qtbot, rows)
    box = QLineEdit()
    qtbot.addWidget(box)
    box.textChanged.connect(proxy.set_filter_text)

    # QTest types ASCII only; typing without accents must still find "Müller"
    qtbot.keyClicks(box, "MULLE")
    assert sorted(shown_ids(proxy)) == ["M1", "M2"]
    qtbot.keyClicks(box, "r jurg")
    assert shown_ids(proxy) == ["M1"]
    box.setText("jürgen müller")
    assert shown_ids(proxy) == ["M1"]
    box.clear()
    assert proxy.rowCount() == 4

    for text, expected in [
        ("4006381333931", ["M3"]),
        ("tee-m", ["M3"]),
        ("jd0146", ["M4"]),
        ("#M2", ["M2"]),
        ("anna@EXAMPLE", ["M2"]),
        ("nobody", []),
    ]:
        box.setText(text)
        assert shown_ids(proxy) == expected, text


def test_a_letter_every_shown_order_has_changes_nothing_on_screen(
    qtbot: Any, tmp_path: Path
) -> None:
    orders = make_orders(200, seed=3)  # every order has an email "...@example..."
    _, proxy = make_proxy(qtbot, cached_summaries(tmp_path, orders))
    proxy.sort(Column.DATE, Qt.SortOrder.DescendingOrder)
    before = shown_ids(proxy)
    with (
        qtbot.assertNotEmitted(proxy.layoutAboutToBeChanged),
        qtbot.assertNotEmitted(proxy.layoutChanged),
    ):
        for typed in ("e", "ex", "exam", "example"):
            proxy.set_filter_text(typed)
    assert shown_ids(proxy) == before
    assert proxy.filter_state.text == "example"

    with qtbot.waitSignal(proxy.layoutChanged):  # a letter that narrows the list
        proxy.set_filter_text(f"example {orders[5].customer.email}")
    assert shown_ids(proxy) == [orders[5].id]


@pytest.mark.parametrize("preset", ["all", "to_pack"])
def test_filter_result_equals_a_fresh_scan_while_typing(
    qtbot: Any, tmp_path: Path, preset: str
) -> None:
    orders = make_orders(400, seed=11)
    rows = cached_summaries(tmp_path, orders)
    _, proxy = make_proxy(qtbot, rows)
    proxy.sort(Column.TOTAL, Qt.SortOrder.DescendingOrder)
    state = next(p.state for p in PRESETS if p.key == preset)
    proxy.set_filter(state)
    today = local_day_start(NOW)
    for query in ["customer12", "1z 4", "müller", "mug-wht 40", "c"]:
        for end in range(1, len(query) + 1):
            typed = query[:end]
            proxy.set_filter_text(typed)
            words = normalize_text(typed).split()
            expected = {
                r.order_id
                for r in rows
                if facet_matches(state, facet_of(r, today))
                and all(
                    w in f"{r.search_text}\n{r.search_skus}\n{r.search_barcodes}" for w in words
                )
            }
            assert set(shown_ids(proxy)) == expected, typed
            totals = [float(proxy.summary_at(r).total) for r in range(proxy.rowCount())]
            assert totals == sorted(totals, reverse=True)


def test_structured_filters(qtbot: Any, tmp_path: Path) -> None:
    rows = cached_summaries(
        tmp_path,
        [
            build_order(
                "W1",
                channel="web",
                fulfillment_method="shipping",
                created_at="2026-11-10T12:00:00Z",
            ),
            build_order(
                "E1", channel="marketplace", marketplace="eBay", created_at="2026-11-12T12:00:00Z"
            ),
            build_order(
                "P1", channel="pos", fulfillment_method="pickup", created_at="2026-11-15T12:00:00Z"
            ),
        ],
    )
    _, proxy = make_proxy(qtbot, rows)
    proxy.set_filter(FilterState(channel="marketplace"))
    assert shown_ids(proxy) == ["E1"]
    proxy.set_filter(FilterState(marketplace="eBay", text="e1"))
    assert shown_ids(proxy) == ["E1"]
    proxy.set_filter(FilterState(fulfillment_method="pickup"))
    assert shown_ids(proxy) == ["P1"]
    proxy.set_filter(FilterState(created_from=date(2026, 11, 11), created_to=date(2026, 11, 15)))
    assert shown_ids(proxy) == ["E1", "P1"]
    proxy.set_filter(FilterState(created_to=date(2026, 11, 10)))
    assert shown_ids(proxy) == ["W1"]


def test_preset_counts_on_a_known_set(qtbot: Any, tmp_path: Path) -> None:
    rows = cached_summaries(tmp_path, known_set())
    _, proxy = make_proxy(qtbot, rows)
    expected = {
        "to_pack": {"new", "confirmed", "part", "part-old", "no-address"},
        "partly_shipped": {"part", "part-old"},
        "shipped_today": {"part", "done-today"},
        "problems": {"weird", "no-address"},
        "all": {o.id for o in known_set()},
    }
    counts = preset_counts(facet_counts(rows, local_day_start(NOW)))
    assert counts == {key: len(ids) for key, ids in expected.items()}
    for preset in PRESETS:
        proxy.set_filter(preset.state)
        assert set(shown_ids(proxy)) == expected[preset.key], preset.key
    with OrderCache(tmp_path / "cache.sqlite3") as cache:
        assert preset_counts(cache.facet_counts(local_day_start(NOW))) == counts


def test_preset_counts_and_channels_follow_sync_changes_and_the_day(
    qtbot: Any, tmp_path: Path
) -> None:
    model, _ = make_proxy(qtbot, cached_summaries(tmp_path, known_set()))
    today, tomorrow = local_day_start(NOW), local_day_start(NOW + 86400)

    def fresh(day: float) -> dict[str, int]:
        return preset_counts(facet_counts(model.summaries, day))

    assert preset_counts(model.facet_counts(today)) == fresh(today)
    before = preset_counts(model.facet_counts(today))
    new = build_order("fresh", channel="etsy")
    cancelled = next(o for o in known_set() if o.id == "new").model_copy(
        update={"status": OrderStatus.CANCELLED}
    )
    model.apply_summaries(cached_summaries(tmp_path, [new, cancelled]))
    model.remove_orders([("shop", "weird")])

    after = preset_counts(model.facet_counts(today))
    assert after == fresh(today)
    assert after["all"] == before["all"]  # one in, one out
    assert after["problems"] == before["problems"] - 1
    assert "etsy" in model.channels()
    # after midnight nothing shipped "today" any more: the counts follow the new day
    assert preset_counts(model.facet_counts(tomorrow)) == fresh(tomorrow)
    assert preset_counts(model.facet_counts(tomorrow))["shipped_today"] == 0


def test_preset_keeps_the_search_text(qtbot: Any, tmp_path: Path) -> None:
    _, proxy = make_proxy(qtbot, cached_summaries(tmp_path, known_set()))
    proxy.set_filter_text("part")
    proxy.set_filter(proxy.filter_state.with_preset(PRESETS[2]))  # shipped today
    assert shown_ids(proxy) == ["part"]


def test_sorting_by_total_and_date_is_by_value(qtbot: Any, tmp_path: Path) -> None:
    rows = cached_summaries(
        tmp_path,
        [
            build_order("T1", number="#999", total="100.00", created_at="2026-11-09T23:00:00Z"),
            build_order("T2", number="#1000", total="9.50", created_at="2026-11-10T01:00:00-05:00"),
            build_order("T3", number="#10000", total="10.00", created_at="2026-11-10T05:00:00Z"),
        ],
    )
    model, proxy = make_proxy(qtbot, rows)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)

    view.sortByColumn(Column.TOTAL, Qt.SortOrder.AscendingOrder)
    assert shown_ids(proxy) == ["T2", "T3", "T1"]  # 9.50 < 10.00 < 100.00, not as text
    # The same text as the detail pane and the slip give it, in the desk's locale.
    assert proxy.index(0, Column.TOTAL).data() == format_money(
        Decimal("9.50"), "EUR", current_locale()
    )
    view.sortByColumn(Column.TOTAL, Qt.SortOrder.DescendingOrder)
    assert shown_ids(proxy) == ["T1", "T3", "T2"]
    # 01:00 at UTC-5 is 06:00 UTC: the latest, though its text sorts before 05:00Z
    view.sortByColumn(Column.DATE, Qt.SortOrder.AscendingOrder)
    assert shown_ids(proxy) == ["T1", "T3", "T2"]
    view.sortByColumn(Column.NUMBER, Qt.SortOrder.AscendingOrder)
    assert shown_ids(proxy) == ["T1", "T2", "T3"]  # #999 < #1000 < #10000
    assert [model.index(r, Column.TOTAL).data(SORT_ROLE) for r in range(3)] == [100.0, 9.5, 10.0]
    assert isinstance(model.index(0, Column.DATE).data(SORT_ROLE), float)


def test_status_is_shown_as_words_with_a_badge_colour(qtbot: Any, tmp_path: Path) -> None:
    rows = cached_summaries(tmp_path, known_set())
    model, _ = make_proxy(qtbot, rows)
    by_id = {r.order_id: i for i, r in enumerate(model.summaries)}
    weird = by_id["weird"]
    assert model.index(weird, Column.STATUS).data() == "Unknown (awaiting-fraud-check)"
    assert "does not know" in model.index(weird, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    part = by_id["part"]
    assert model.index(part, Column.FULFILLMENT).data() == "Partly shipped"
    assert model.index(part, Column.STATUS).data() == "Processing"
    assert isinstance(model.index(part, Column.STATUS).data(BADGE_ROLE), QColor)
    assert model.index(part, Column.NUMBER).data(KEY_ROLE) == OrderRef("shop", "part")
    assert model.headerData(Column.TOTAL, Qt.Orientation.Horizontal) == "Total"


def _selected_keys(view: QTableView, proxy: OrderFilterProxy) -> list[OrderRef]:
    return [proxy.key_at(i.row()) for i in view.selectionModel().selectedRows()]


def test_sync_update_is_incremental_and_keeps_the_selection(qtbot: Any, tmp_path: Path) -> None:
    orders = make_orders(60, seed=5)
    model, proxy = make_proxy(qtbot, cached_summaries(tmp_path, orders))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(Column.TOTAL, Qt.SortOrder.AscendingOrder)
    target = OrderRef("shop", orders[10].id)
    row = proxy.row_of(target)
    assert row is not None
    view.selectionModel().select(
        proxy.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.selectionModel().setCurrentIndex(
        proxy.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
    )

    # the selected order gets much dearer (moves to the end), another changes, two arrive
    changed = [
        orders[10].model_copy(update={"total": Decimal("99999.00"), "notes": "upgraded"}),
        orders[20].model_copy(update={"status": OrderStatus.CANCELLED}),
    ]
    batch = cached_summaries(tmp_path, [*changed, *make_orders(2, start=500)])
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.waitSignal(model.rowsInserted),
        qtbot.waitSignal(model.dataChanged),
    ):
        assert model.apply_summaries(batch) == ([10, 20], 2)

    assert proxy.rowCount() == 62
    assert _selected_keys(view, proxy) == [target]
    assert proxy.row_of(target) == 61
    assert proxy.key_at(view.selectionModel().currentIndex().row()) == target
    assert proxy.summary_at(61).total == "99999.00"
    totals = [float(proxy.summary_at(r).total) for r in range(proxy.rowCount())]
    assert totals == sorted(totals)


def test_update_that_filters_out_the_selected_row_clears_it(qtbot: Any, tmp_path: Path) -> None:
    orders = [build_order("K1"), build_order("K2")]
    model, proxy = make_proxy(qtbot, cached_summaries(tmp_path, orders))
    proxy.set_filter(PRESETS[0].state)  # to pack
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.selectRow(proxy.row_of(("shop", "K1")))
    shipped = orders[0].model_copy(update={"status": OrderStatus.CANCELLED})
    model.apply_summaries(cached_summaries(tmp_path, [shipped]))
    assert shown_ids(proxy) == ["K2"]
    assert _selected_keys(view, proxy) == []


def test_removed_orders_leave_and_the_selection_stays(qtbot: Any, tmp_path: Path) -> None:
    orders = make_orders(30, seed=2)
    model, proxy = make_proxy(qtbot, cached_summaries(tmp_path, orders))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    keep = OrderRef("shop", orders[25].id)
    view.selectRow(proxy.row_of(keep))
    gone = [OrderRef("shop", orders[i].id) for i in (1, 2, 3, 17, 29)]
    with qtbot.assertNotEmitted(model.modelReset):
        assert model.remove_orders(gone) == 5
    assert proxy.rowCount() == 25
    assert all(proxy.row_of(k) is None for k in gone)
    assert _selected_keys(view, proxy) == [keep]


def test_models_pass_qt_model_tester_through_changes(
    qtbot: Any, qtmodeltester: Any, tmp_path: Path
) -> None:
    orders = make_orders(50, seed=9)
    model, proxy = make_proxy(qtbot, cached_summaries(tmp_path, orders))
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.sort(Column.CUSTOMER)
    proxy.set_filter_text("a")
    proxy.set_filter(proxy.filter_state.with_preset(PRESETS[0]))
    cancelled = orders[3].model_copy(update={"status": OrderStatus.CANCELLED})
    model.apply_summaries(cached_summaries(tmp_path, [cancelled, *make_orders(3, start=900)]))
    model.remove_orders([OrderRef("shop", orders[7].id)])
    model.set_summaries(model.summaries[:10])
    assert proxy.rowCount() <= 10


def test_visible_rows_signal_reports_the_count(qtbot: Any, tmp_path: Path) -> None:
    _, proxy = make_proxy(qtbot, cached_summaries(tmp_path, known_set()))
    with qtbot.waitSignal(proxy.visible_rows_changed) as blocker:
        proxy.set_filter(PRESETS[3].state)
    assert blocker.args == [2]


def test_a_write_waiting_in_the_outbox_shows_next_to_the_status(qtbot: Any, tmp_path: Path) -> None:
    rows = cached_summaries(tmp_path, make_orders(5, seed=3))
    model, proxy = make_proxy(qtbot, rows)
    key = OrderRef(rows[2].connection, rows[2].order_id)
    row = proxy.row_of(key)
    assert row is not None
    before = proxy.index(row, Column.STATUS).data()
    with qtbot.waitSignal(proxy.layoutChanged):  # the view repaints the row
        model.set_pending({key: "shipping…"})
    assert proxy.index(row, Column.STATUS).data() == f"{before} · shipping…"
    model.set_pending({})  # the write settled (or failed): back to the real status
    assert proxy.index(row, Column.STATUS).data() == before


def test_the_total_is_written_in_the_desk_locale(qtbot: Any, tmp_path: Path) -> None:
    rows = cached_summaries(tmp_path, [build_order("T1", total="1234.50")])
    _model, proxy = make_proxy(qtbot, rows)
    before = QLocale()
    QLocale.setDefault(QLocale("es_ES"))
    try:
        assert proxy.index(0, Column.TOTAL).data() == "1.234,50\xa0€"
        QLocale.setDefault(QLocale("en_US"))
        assert proxy.index(0, Column.TOTAL).data() == "€1,234.50"
    finally:
        QLocale.setDefault(before)
