"""Price2b channel sync in a small dialog: start it, watch it complete, per-channel counts and
the next scheduled run, all read from the store on the connection's worker."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from fulfillment_station.app import ConnectionConfig, sync_resources
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.ui.common.tasks import ConnectionWorker
from fulfillment_station.ui.dialogs.channel_sync_dialog import ChannelSyncDialog

pytestmark = [pytest.mark.gui, pytest.mark.integration]


def test_start_watch_and_read_the_per_channel_counts(
    qtbot: Any, tmp_path: Path, make_sandbox: Callable[..., SandboxServer]
) -> None:
    server = make_sandbox("price2b", orders=40)
    config = ConnectionConfig(
        id="p2b", dialect="price2b", base_url=server.base_url, token=server.token, label="Price2b"
    )
    worker = ConnectionWorker(sync_resources(config, tmp_path / "cache.sqlite3"), name="sync")
    try:
        dialog = ChannelSyncDialog(worker, poll_ms=50)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.status is not None, timeout=10_000)
        assert dialog.status is not None and dialog.status.status == "never"
        assert "No channel sync has run yet" in dialog.summary.text()
        assert "Next scheduled sync" in dialog.next_run.text()
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: dialog.status is not None and dialog.status.status == "completed",
            timeout=10_000,
        )
        assert "completed" in dialog.summary.text() and dialog.start_button.isEnabled()
        names = {dialog.channels.item(r, 0).text() for r in range(dialog.channels.rowCount())}
        assert "amazon" in names
        synced = [int(dialog.channels.item(r, 1).text()) for r in range(dialog.channels.rowCount())]
        assert all(n >= 0 for n in synced)
        assert dialog.next_run.text() != "" and "—" not in dialog.next_run.text()
    finally:
        worker.stop()
