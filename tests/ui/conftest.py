"""GUI fixtures: Qt offscreen, and a factory that wires a MainWindow to a sandbox the same way
``app.py`` does (its own cache file per test, workers stopped after the test)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fulfillment_station.app import (
    ConnectionConfig,
    reader_resources,
    sync_resources,
)
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.ui.common.tasks import ConnectionWorker
from fulfillment_station.ui.shell.main_window import MainWindow, WindowOptions


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., MainWindow]]:
    workers: list[ConnectionWorker] = []

    def make(
        server: SandboxServer,
        *,
        token: str | None = None,
        sync_on_start: bool = False,
        cache_name: str = "cache.sqlite3",
        training: bool = False,
    ) -> MainWindow:
        config = ConnectionConfig(
            id="test",
            dialect=server.dialect,
            base_url=server.base_url,
            token=token or server.token,
            label=f"{server.dialect} test",
            training=training,
        )
        cache = tmp_path / cache_name
        # Retries without waiting, so a failing store fails fast in tests.
        sync_worker = ConnectionWorker(
            sync_resources(config, cache, sleep=lambda _s: None, max_read_attempts=2), name="sync"
        )
        reader = ConnectionWorker(reader_resources(cache), name="reader")
        workers.extend((sync_worker, reader))
        window = MainWindow(
            WindowOptions(
                config.id,
                config.label,
                training=training,
                sync_on_start=sync_on_start,
                layout_file=tmp_path / "window-state.ini",
            ),
            sync_worker,
            reader,
        )
        qtbot.addWidget(window)
        window.show()
        return window

    yield make
    for worker in workers:
        worker.stop()
