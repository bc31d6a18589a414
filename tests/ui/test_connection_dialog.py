"""The connection dialog against a real sandbox: the test runs in the background and shows
reachability, authentication and capabilities; plain HTTP elsewhere is refused before anything
is sent; OK puts the profile in the settings file and the token in the keyring."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt

from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import CheckReport
from fulfillment_station.connectors.errors import AuthenticationError, InsecureConnection
from fulfillment_station.connectors.http import connector_options
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.store.secrets import SERVICE, NoKeyringError, TokenStore
from fulfillment_station.store.settings import ConnectionProfile, Settings, SettingsStore
from fulfillment_station.ui.dialogs.connection_dialog import ConnectionDialog
from tests.conftest import TEST_TOKEN
from tests.helpers.keyring import MemoryKeyring

pytestmark = [
    pytest.mark.gui,
    pytest.mark.integration,
    # The headless "offscreen" platform warns about a feature it lacks on every show().
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


class Env:
    def __init__(self, tmp_path: Path) -> None:
        self.keyring = MemoryKeyring()
        self.tokens = TokenStore(self.keyring)
        self.settings = SettingsStore(tmp_path / "settings.json")
        self.connect_calls: list[tuple[Any, ...]] = []

    def connect(self, *args: Any, **kwargs: Any) -> Any:
        self.connect_calls.append(args)
        return connect(*args, **kwargs)


@pytest.fixture
def env(tmp_path: Path) -> Env:
    return Env(tmp_path)


@pytest.fixture
def open_dialog(qtbot: Any, env: Env) -> Iterator[Callable[..., ConnectionDialog]]:
    dialogs: list[ConnectionDialog] = []

    def make(**kwargs: Any) -> ConnectionDialog:
        dialog = ConnectionDialog(env.settings, env.tokens, connect_fn=env.connect, **kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        dialogs.append(dialog)
        return dialog

    yield make
    for dialog in dialogs:
        dialog.reject()  # stops the dialog's worker thread


def fill(
    qtbot: Any,
    dialog: ConnectionDialog,
    *,
    label: str = "Main shop",
    url: str,
    token: str,
    dialect: str = "nexus",
) -> None:
    dialog.dialect_combo.setCurrentIndex(dialog.dialect_combo.findData(dialect))
    for edit, text in (
        (dialog.label_edit, label),
        (dialog.url_edit, url),
        (dialog.token_edit, token),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)


def run_test(qtbot: Any, dialog: ConnectionDialog) -> object:
    with qtbot.waitSignal(dialog.check_finished, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


@pytest.fixture
def nexus(make_sandbox: Callable[..., SandboxServer]) -> SandboxServer:
    return make_sandbox("nexus", orders=20)


def test_test_connection_shows_authenticated_and_capabilities(
    qtbot: Any, open_dialog: Callable[..., ConnectionDialog], nexus: SandboxServer
) -> None:
    dialog = open_dialog()
    fill(qtbot, dialog, url=nexus.base_url, token=TEST_TOKEN)
    report = run_test(qtbot, dialog)

    assert isinstance(report, CheckReport)
    assert report.authenticated
    status = dialog.status_label.text()
    assert "Reachable: yes" in status
    assert "Authenticated: yes" in status
    assert f"Orders visible: {report.orders_visible}" in status
    assert dialog.status_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.message_label.textFormat() == Qt.TextFormat.PlainText
    model = dialog.capabilities
    assert model.rowCount() == len(report.capabilities.table())
    assert model.data(model.index(0, 0)) == report.capabilities.table()[0][0]
    assert dialog.test_button.isEnabled()


def test_a_wrong_token_shows_the_clear_message(
    qtbot: Any, open_dialog: Callable[..., ConnectionDialog], nexus: SandboxServer
) -> None:
    dialog = open_dialog()
    fill(qtbot, dialog, url=nexus.base_url, token="wrong-token")
    report = run_test(qtbot, dialog)
    assert isinstance(report, CheckReport) and not report.authenticated
    assert "Authenticated: no" in dialog.status_label.text()
    assert AuthenticationError.user_text in dialog.message_label.text()


def test_plain_http_to_another_computer_is_refused_before_any_request(
    qtbot: Any, open_dialog: Callable[..., ConnectionDialog], env: Env
) -> None:
    dialog = open_dialog()
    fill(qtbot, dialog, url="http://example.com/api", token=TEST_TOKEN)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.message_label.text() == InsecureConnection.user_text
    assert env.connect_calls == []
    assert dialog._worker is None  # not even a thread was started

    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.error_label.text() == InsecureConnection.user_text
    assert dialog.isVisible()
    assert not env.settings.path.exists()
    assert env.keyring.passwords == {}


def test_ok_saves_the_profile_to_settings_and_the_token_to_the_keyring(
    qtbot: Any, open_dialog: Callable[..., ConnectionDialog], env: Env, nexus: SandboxServer
) -> None:
    dialog = open_dialog()
    fill(qtbot, dialog, label="Nexus shop", url=nexus.base_url, token=TEST_TOKEN)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    saved = env.settings.load()
    profile = saved.active_profile()
    assert profile is not None and profile == dialog.profile
    assert (profile.label, profile.dialect, profile.base_url) == (
        "Nexus shop",
        "nexus",
        nexus.base_url,
    )
    assert env.keyring.passwords == {(SERVICE, profile.id): TEST_TOKEN}
    assert TEST_TOKEN not in env.settings.path.read_text()


def test_editing_keeps_the_saved_token_and_tests_with_it(
    qtbot: Any, open_dialog: Callable[..., ConnectionDialog], env: Env, nexus: SandboxServer
) -> None:
    profile = ConnectionProfile("shop1", "Old name", "nexus", nexus.base_url)
    env.settings.save(Settings.defaults().with_profile(profile))
    env.tokens.set("shop1", TEST_TOKEN)

    dialog = open_dialog(profile=profile)
    report = run_test(qtbot, dialog)  # token field empty: the keyring's token is used
    assert isinstance(report, CheckReport) and report.authenticated
    assert env.connect_calls[-1][2] == TEST_TOKEN

    dialog.label_edit.clear()
    qtbot.keyClicks(dialog.label_edit, "New name")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert env.settings.load().connections == (
        ConnectionProfile("shop1", "New name", "nexus", nexus.base_url),
    )
    assert env.keyring.passwords == {(SERVICE, "shop1"): TEST_TOKEN}


def test_without_a_keyring_ok_says_so_and_saves_nothing(
    qtbot: Any, qapp: Any, env: Env, tmp_path: Path
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    dialog = ConnectionDialog(env.settings, TokenStore(), connect_fn=env.connect)
    qtbot.addWidget(dialog)
    try:
        fill(qtbot, dialog, url="https://shop.example.com/api", token=TEST_TOKEN)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    finally:
        keyring.set_keyring(previous)
    assert dialog.error_label.text() == NoKeyringError.NO_BACKEND
    assert dialog.result() == 0 and dialog.profile is None
    assert not env.settings.path.exists()


def test_a_ca_bundle_becomes_an_ssl_context_and_a_missing_one_is_refused(
    qtbot: Any, open_dialog: Callable[..., ConnectionDialog], env: Env
) -> None:
    import ssl

    import certifi

    assert isinstance(connector_options(certifi.where())["verify"], ssl.SSLContext)
    assert connector_options(None) == {}
    dialog = open_dialog()
    fill(qtbot, dialog, url="https://shop.example.com", token=TEST_TOKEN)
    qtbot.keyClicks(dialog.ca_edit, "/no/such/ca.pem")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.message_label.text() == "The CA bundle file /no/such/ca.pem does not exist."
    assert env.connect_calls == []


def test_an_unreachable_store_says_so(
    qtbot: Any, open_dialog: Callable[..., ConnectionDialog], nexus: SandboxServer
) -> None:
    url = nexus.base_url
    nexus.close()  # nothing listens on that port any more
    dialog = open_dialog()
    fill(qtbot, dialog, url=url, token=TEST_TOKEN)
    report = run_test(qtbot, dialog)
    assert isinstance(report, CheckReport) and not report.reachable
    assert "Reachable: no" in dialog.status_label.text()
    assert "Cannot reach the store" in dialog.message_label.text()
