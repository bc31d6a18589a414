"""The window's side of the FILES half of issue 16: a damaged outbox or cache is told in the
banner (never a silent empty queue), and a second app on the same data folder says which
process holds it and stops."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fulfillment_station import launch
from fulfillment_station.app import AppServices
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.session import AppSession
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import SettingsStore
from tests.helpers.files_damage import fill_outbox, plain_order
from tests.helpers.keyring import MemoryKeyring

pytestmark = [pytest.mark.e2e, pytest.mark.gui]


@pytest.fixture
def open_session(qtbot: Any, qapp: QApplication, tmp_path: Path) -> Iterator[Any]:
    """``open_session()``: the app in training mode on ``tmp_path / "data"``."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    sessions: list[AppSession] = []
    setups: list[Any] = []

    def open_(settings_text: str | None = None) -> AppSession:
        store = SettingsStore(tmp_path / "config" / "settings.json")
        store.save(store.load().replace({"sounds.enabled": False}))
        if settings_text is not None:  # as a hand editor left it
            store.path.write_text(settings_text, encoding="utf-8")
        redactor = Redactor()
        setups.append(configure_logging(tmp_path / "logs", redactor=redactor))
        services = AppServices(
            store, TokenStore(on_secret=redactor.add), tmp_path / "data", redactor, setups[-1]
        )
        session = AppSession(qapp, services)
        sessions.append(session)
        qtbot.addWidget(session.parts.window)
        session.parts.window.confirm_close = lambda _pending: True
        return session

    yield open_
    for session in sessions:
        session.close()
    for setup in setups:
        setup.close()
    keyring.set_keyring(previous)


def test_an_emptied_outbox_is_told_in_the_banner(
    qtbot: Any, tmp_path: Path, open_session: Any
) -> None:
    outbox = tmp_path / "data" / "outbox-training.sqlite3"
    fill_outbox(outbox, [plain_order("o1")], connection_id="training")
    outbox.write_bytes(b"")
    session = open_session()
    session.start()
    banner = session.parts.window.error_banner
    qtbot.waitUntil(lambda: "found empty" in banner.message.text(), timeout=30_000)
    assert banner.isVisible()
    assert any(".damaged-" in p.name for p in outbox.parent.iterdir())


def test_a_damaged_cache_is_set_aside_and_told(
    qtbot: Any, tmp_path: Path, open_session: Any
) -> None:
    cache = tmp_path / "data" / "cache-training.sqlite3"
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"this is not SQLite at all" * 200)
    session = open_session()
    banner = session.parts.window.error_banner
    assert "order cache was damaged" in banner.message.text()
    kept = [p for p in cache.parent.iterdir() if p.name.startswith("cache-training.sqlite3.dam")]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not SQLite")


def test_damaged_scan_progress_and_cache_are_both_told_at_start(
    qtbot: Any, tmp_path: Path, open_session: Any
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "pack-progress.sqlite3").write_bytes(b"\x00garbage" * 1000)
    (data / "cache-training.sqlite3").write_bytes(b"not a database" * 1000)
    session = open_session()
    text = session.parts.window.error_banner.message.text()
    assert "order cache was damaged" in text and "saved scan progress was damaged" in text
    assert len([p for p in data.iterdir() if ".damaged-" in p.name]) == 2


def test_a_settings_entry_too_deep_to_read_is_told_and_the_rest_is_used(
    qtbot: Any, tmp_path: Path, open_session: Any
) -> None:
    text = (
        '\ufeff{"version": 2, "station": {"station_name": "Desk 9"}, "junk": '
        + "[" * 100_000
        + "]" * 100_000
        + "}"
    )
    session = open_session(text)
    banner = session.parts.window.error_banner
    assert "The settings entry junk is nested too deeply" in banner.message.text()
    settings = SettingsStore(tmp_path / "config" / "settings.json").load()
    assert settings["station.station_name"] == "Desk 9"


def test_a_second_app_on_the_same_data_folder_says_who_holds_it(
    qtbot: Any, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("FULFILLMENT_STATION_DATA_DIR", str(data))
    monkeypatch.setenv("FULFILLMENT_STATION_LOG_DIR", str(tmp_path / "logs"))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path;"
            "from fulfillment_station.store.instance_lock import InstanceLock;"
            f"lock = InstanceLock(Path({str(data)!r})); lock.acquire();"
            "print('locked', flush=True); sys.stdin.readline()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        seen: list[str] = []

        def answer_the_box() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                seen.append(box.text())
                box.accept()
            else:
                QTimer.singleShot(20, answer_the_box)

        QTimer.singleShot(0, answer_the_box)
        interval = sys.getswitchinterval()
        try:
            code = launch.run_gui()  # closes its own logging before it returns
        finally:
            sys.setswitchinterval(interval)
        assert code == 1
        assert seen == [
            f"Fulfillment Station is already running on this computer with the "
            f"data folder {data} (process {holder.pid}). Use that window, or "
            f"close it first."
        ]
    finally:
        holder.communicate("\n", timeout=10)
