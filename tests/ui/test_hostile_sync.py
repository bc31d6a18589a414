"""The window when the store sends an order nobody can read: the others are listed, and the
banner names how many were skipped (the ids are in the log)."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest

from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.ui.shell.main_window import MainWindow
from tests.helpers import hostile_server as lies
from tests.helpers.hostile_server import HostileServer

pytestmark = [pytest.mark.gui, pytest.mark.integration]


def _one_absurd_total(body: Any, _: lies.Seen) -> Any:
    body["data"][0]["total_amount"] = "1e999999"
    body["data"][1]["customer"] = {"name": "Ann \ud83d\x1b[2J"}
    return body


def test_an_unreadable_order_is_skipped_and_named_in_the_banner(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    server = make_sandbox("nexus", orders=12)
    with HostileServer(server.root_url) as liar:
        liar.lie("GET", "/api/orders$", lies.rewrite(_one_absurd_total))
        through_liar = SimpleNamespace(
            dialect="nexus",
            token=server.token,
            base_url=liar.url + server.base_url[len(server.root_url) :],
        )
        window = make_window(through_liar)
        with qtbot.waitSignal(window.sync_finished, timeout=30_000) as blocker:
            window.start()
            window.start_sync()
        result = blocker.args[0]
        assert len(result.unreadable) == 1
        assert len(window.model.summaries) == 11
        qtbot.waitUntil(window.error_banner.isVisible)
        assert "1 order could not be read" in window.error_banner.message.text()
