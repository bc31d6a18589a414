"""Shared fixtures: every test gets its own data directory (nothing touches the real user
dirs), and session-wide read-only sandboxes are started once per dialect on demand."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fulfillment_station.sandbox.server import SandboxServer

TEST_TOKEN = "test-token-0123456789"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FULFILLMENT_STATION_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FULFILLMENT_STATION_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("FULFILLMENT_STATION_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("FULFILLMENT_STATION_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("FULFILLMENT_STATION_TOKEN", raising=False)


@pytest.fixture(autouse=True)
def _unfrozen_heap() -> Iterator[None]:
    """A window that loaded its orders froze the heap out of the cycle collector
    (``ui.shell.heap``); give the next test a collectable heap, as a fresh process would have."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def _no_key_held() -> Iterator[None]:
    """QTest's Ctrl+key click leaves Qt believing Ctrl is still down (the release carries the
    modifier), and a later test's ``selectRow`` then toggles the row instead of selecting it.
    Each test starts with no key held, as a packer's hands would be."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return  # the test used no Qt
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    no_keys = Qt.KeyboardModifier.NoModifier
    if QApplication.instance() is None or QGuiApplication.keyboardModifiers() == no_keys:
        return
    blank = QWidget()
    QTest.keyRelease(blank, Qt.Key.Key_Control)
    blank.deleteLater()


@pytest.fixture(scope="session")
def shared_sandbox(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[[str], SandboxServer]]:
    """``shared_sandbox("nexus")``: one running 300-order sandbox per dialect for the session.
    For reads only; tests that write start their own ``SandboxServer``."""
    servers: dict[str, SandboxServer] = {}

    def get(dialect: str) -> SandboxServer:
        if dialect not in servers:
            db = tmp_path_factory.mktemp(f"shared-{dialect}") / "sandbox.sqlite"
            server = SandboxServer(dialect, db_path=db, token=TEST_TOKEN, orders=300, seed=7)
            server.start()
            servers[dialect] = server
        return servers[dialect]

    yield get
    for server in servers.values():
        server.close()


@pytest.fixture
def make_sandbox(tmp_path: Path) -> Iterator[Callable[..., SandboxServer]]:
    """A fresh, private sandbox for a test that writes; closed after the test."""
    started: list[SandboxServer] = []

    def make(dialect: str, **kwargs: object) -> SandboxServer:
        kwargs.setdefault("token", TEST_TOKEN)
        kwargs.setdefault("orders", 60)
        db = tmp_path / f"{dialect}-{len(started)}.sqlite"
        server = SandboxServer(dialect, db_path=db, **kwargs)  # type: ignore[arg-type]
        server.start()
        started.append(server)
        return server

    yield make
    for server in started:
        server.close()
