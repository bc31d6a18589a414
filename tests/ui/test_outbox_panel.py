"""Outbox panel: states in words, the done filter, Retry/Dismiss signals for failed rows."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt

from fulfillment_station.connectors.base import Operation
from fulfillment_station.domain.requests import CancelRequest, ShipRequest
from fulfillment_station.services.actions import Action
from fulfillment_station.store.outbox import ActionRecord, ActionState
from fulfillment_station.ui.panels.outbox_panel import Column, OutboxPanel, pending_text

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def record(
    action_id: int, state: ActionState, *, message: str = "", kind: Operation = Operation.SHIP
) -> ActionRecord[Action]:
    payload = (
        ShipRequest(carrier="UPS", tracking_number="1Z999AA10123456784", lines={"L1": 2})
        if kind is Operation.SHIP
        else CancelRequest(reason="Duplicate order")
    )
    action = Action(kind=kind, connection_id="c1", order_id=f"o{action_id}", payload=payload)
    return ActionRecord(
        id=action_id,
        action=action,
        state=state,
        attempts=2,
        next_attempt_at=NOW if state is ActionState.RETRYING else None,
        verify_first=False,
        message=message,
        api_message="",
        error_code=None,
        order_number=f"10{action_id:02d}",
        before={},
        baseline=None,
        created_at=NOW,
        updated_at=NOW,
    )


def panel(qtbot: Any) -> OutboxPanel:
    widget = OutboxPanel()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_records(
        [
            record(1, ActionState.FAILED, message="<b>Order is locked</b>", kind=Operation.CANCEL),
            record(2, ActionState.RETRYING, message="The store did not answer."),
            record(3, ActionState.DONE),
            record(4, ActionState.PENDING),
        ]
    )
    return widget


def cell(widget: OutboxPanel, row: int, column: Column) -> str:
    return str(widget.model.index(row, column).data())


@pytest.mark.gui
def test_states_are_words_and_done_is_hidden_until_asked(qtbot: Any) -> None:
    widget = panel(qtbot)
    states = [cell(widget, r, Column.STATE) for r in range(widget.model.rowCount())]
    assert states == ["Failed: retry or dismiss", "Will retry", "Waiting to send"]
    assert cell(widget, 0, Column.MESSAGE) == "<b>Order is locked</b>"
    assert cell(widget, 0, Column.ACTION) == "Cancel: Duplicate order"
    assert cell(widget, 0, Column.ORDER) == "1001"
    assert cell(widget, 1, Column.NEXT) != ""
    assert cell(widget, 2, Column.NEXT) == ""
    qtbot.mouseClick(widget.show_done, Qt.MouseButton.LeftButton)
    assert widget.model.rowCount() == 4
    assert cell(widget, 2, Column.STATE) == "Done"


@pytest.mark.gui
def test_retry_and_dismiss_only_for_a_failed_row(qtbot: Any) -> None:
    widget = panel(qtbot)
    assert not widget.retry_button.isEnabled()
    widget.select_action(2)
    assert not widget.retry_button.isEnabled() and not widget.dismiss_button.isEnabled()
    widget.select_action(1)
    with qtbot.waitSignal(widget.retry_requested) as retry:
        qtbot.mouseClick(widget.retry_button, Qt.MouseButton.LeftButton)
    assert retry.args == [1]
    with qtbot.waitSignal(widget.dismiss_requested) as dismiss:
        qtbot.mouseClick(widget.dismiss_button, Qt.MouseButton.LeftButton)
    assert dismiss.args == [1]


@pytest.mark.gui
def test_selection_survives_a_refresh(qtbot: Any) -> None:
    widget = panel(qtbot)
    widget.select_action(1)
    widget.set_records(
        [record(4, ActionState.PENDING), record(1, ActionState.FAILED, message="still locked")]
    )
    selected = widget.selected()
    assert selected is not None and selected.id == 1
    assert widget.retry_button.isEnabled()


def test_pending_text() -> None:
    assert pending_text(0) == "Nothing waiting to send"
    assert pending_text(1) == "1 action waiting to send"
    assert pending_text(3) == "3 actions waiting to send"
