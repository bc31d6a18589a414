"""The real window (training store, Nexus: its list is a summary): a note changed at the store,
which no list summary shows, reaches the detail pane when the packer opens the order and the
cached detail is more than a few minutes old; a fresh copy is shown as it is."""

from __future__ import annotations

from typing import Any

import pytest

from fulfillment_station.app import AppParts
from fulfillment_station.domain import OrderStatus
from fulfillment_station.services.resources import OutboxResources
from tests.helpers.training_app import parts  # noqa: F401  (the app as the command builds it)

pytestmark = [pytest.mark.e2e, pytest.mark.gui]

NOTE = "Customer asks for the parcel to go to the back door"


def run_on_outbox(qtbot: Any, parts: AppParts, work: Any) -> None:  # noqa: F811
    task = parts.outbox_worker.call(work)
    with qtbot.waitSignal(task.succeeded, timeout=10_000):
        pass


def select(qtbot: Any, parts: AppParts, order_id: str) -> None:  # noqa: F811
    window = parts.window
    qtbot.waitUntil(lambda: window.proxy.rowCount() == len(window.model.summaries), timeout=10_000)
    row = next(
        r for r in range(window.proxy.rowCount()) if window.proxy.summary_at(r).order_id == order_id
    )
    window.table.clearSelection()
    window.table.selectRow(row)


def test_an_order_opened_with_an_old_copy_is_read_again_from_the_store(
    qtbot: Any,
    parts: AppParts,  # noqa: F811  (the fixture imported above)
) -> None:
    window = parts.window
    with qtbot.waitSignal(window.sync_finished, timeout=60_000):
        parts.start()
    window.tabs.setCurrentIndex(
        next(i for i in range(window.tabs.count()) if window.tabs.tabText(i).startswith("All"))
    )
    target = next(
        s for s in window.model.summaries if s.status == OrderStatus.CONFIRMED and not s.holds
    )
    sandbox = parts.sandbox
    assert sandbox is not None
    stored = sandbox.db.get(target.order_id)
    assert stored is not None
    # Changed at the store without a new update time: the list shows nothing.
    sandbox.db.save(stored.order.model_copy(update={"notes": NOTE}))

    # Just synced: the copy is fresh, the pane shows it as cached.
    select(qtbot, parts, target.order_id)
    qtbot.waitUntil(
        lambda: window.detail.order is not None and window.detail.order.id == target.order_id,
        timeout=10_000,
    )
    assert NOTE not in window.detail.notes.text()

    # Ten minutes later (the read time moved back), opening the order reads it again.
    connection = parts.config.id

    def age(resources: OutboxResources) -> None:
        resources.cache.mark_detail_read(connection, [target.order_id], 0.0)

    run_on_outbox(qtbot, parts, age)
    window.table.clearSelection()
    select(qtbot, parts, target.order_id)
    qtbot.waitUntil(lambda: NOTE in window.detail.notes.text(), timeout=15_000)
