"""The filter bar offers only the filters a store's orders have: FBM/FBA/FBS on Nexus only, a
channel where the store has channels or marketplaces."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any

import pytest

from fulfillment_station.connectors import connector_class
from fulfillment_station.services.order_filters import FilterState
from fulfillment_station.ui.orders.filter_bar import FilterBar


@pytest.mark.gui
@pytest.mark.parametrize(
    ("dialect", "channel", "method"),
    [
        ("nexus", True, True),
        ("price2b", True, False),
        ("squarespace", False, False),
        ("inventory-cloud", False, False),
        ("generic-rest", False, False),
    ],
)
def test_the_bar_is_built_from_the_stores_capabilities(
    qtbot: Any, dialect: str, channel: bool, method: bool
) -> None:
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.configure(connector_class(dialect).CAPABILITIES)
    assert bar.channel.isVisible() is channel
    assert bar.method.isVisible() is method
    assert bar.status.isVisible() and bar.fulfillment.isVisible() and bar.use_dates.isVisible()


@pytest.mark.gui
def test_a_hidden_filter_no_longer_narrows(qtbot: Any) -> None:
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.method.setCurrentIndex(bar.method.findData("FBA"))  # remembered from a Nexus shop
    assert bar.apply_to(FilterState()).fulfillment_method == "FBA"
    bar.configure(connector_class("squarespace").CAPABILITIES)
    assert bar.apply_to(FilterState()).fulfillment_method is None


@pytest.mark.gui
@pytest.mark.parametrize("locale", ["en_US", "es_ES", "de_DE", "pt_BR"])
def test_the_date_range_reads_as_the_lists_date_column_in_every_language(
    qtbot: Any, locale: str
) -> None:
    from PySide6.QtCore import QDate, QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        bar = FilterBar()
        qtbot.addWidget(bar)
        bar.date_from.setDate(QDate(2026, 11, 5))
        assert bar.date_from.text() == "2026-11-05"  # not 11/5/26, 05/11/26 or 5.11.26
    finally:
        QLocale.setDefault(previous)
