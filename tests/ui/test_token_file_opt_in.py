"""A Linux desk without a keyring: the token can be kept in a user-only file, but only after
the person has read the risk and said yes; never silently."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import stat
from pathlib import Path
from typing import Any

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import Qt

from fulfillment_station.store.secrets import (
    TOKEN_FILE_RISK,
    NoKeyringError,
    TokenStore,
    enable_token_file,
)
from fulfillment_station.store.settings import SettingsStore
from fulfillment_station.ui.dialogs.connection_dialog import ConnectionDialog
from tests.helpers.keyring import LockedKeyring

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def test_without_a_keyring_nothing_is_kept_until_the_desk_opts_in(tmp_path: Path) -> None:
    tokens = TokenStore(fail.Keyring(), token_file=tmp_path / "tokens.json")
    with pytest.raises(NoKeyringError):
        tokens.set("shop", "s3cret-token")
    assert not (tmp_path / "tokens.json").exists()
    enable_token_file(tmp_path)
    assert stat.S_IMODE((tmp_path / "tokens.json").stat().st_mode) == 0o600
    tokens.set("shop", "s3cret-token")
    assert tokens.uses_token_file
    assert (
        TokenStore(fail.Keyring(), token_file=tmp_path / "tokens.json").get("shop")
        == "s3cret-token"
    )
    assert stat.S_IMODE((tmp_path / "tokens.json").stat().st_mode) == 0o600
    tokens.delete("shop")
    assert tokens.get("shop") is None
    # Deleting the file withdraws the choice.
    (tmp_path / "tokens.json").unlink()
    with pytest.raises(NoKeyringError):
        tokens.get("shop")


def open_dialog(
    qtbot: Any, tmp_path: Path, answer: bool, backend: KeyringBackend | None = None
) -> tuple[ConnectionDialog, list[str]]:
    asked: list[str] = []

    def confirm(_parent: object, risk: str) -> bool:
        asked.append(risk)
        return answer

    tokens = TokenStore(backend or fail.Keyring(), token_file=tmp_path / "data" / "tokens.json")
    dialog = ConnectionDialog(
        SettingsStore(tmp_path / "settings.json"), tokens, confirm_risk=confirm
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.dialect_combo.setCurrentIndex(dialog.dialect_combo.findData("nexus"))
    qtbot.keyClicks(dialog.label_edit, "Main shop")
    qtbot.keyClicks(dialog.url_edit, "http://127.0.0.1:9")
    qtbot.keyClicks(dialog.token_edit, "s3cret-token")
    qtbot.waitUntil(lambda: dialog.token_edit.text() == "s3cret-token")
    return dialog, asked


def test_the_connection_dialog_offers_the_file_states_the_risk_and_saves(
    qtbot: Any, tmp_path: Path
) -> None:
    dialog, asked = open_dialog(qtbot, tmp_path, answer=True)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "keyring" in dialog.error_label.text()
    assert dialog.token_file_button.isVisible()
    assert not (tmp_path / "data" / "tokens.json").exists()
    qtbot.mouseClick(dialog.token_file_button, Qt.MouseButton.LeftButton)
    assert asked == [TOKEN_FILE_RISK]
    stored = json.loads((tmp_path / "data" / "tokens.json").read_text())
    assert list(stored["fulfillment-station"].values()) == ["s3cret-token"]
    assert dialog.result() == ConnectionDialog.DialogCode.Accepted


def test_saying_no_keeps_nothing(qtbot: Any, tmp_path: Path) -> None:
    dialog, asked = open_dialog(qtbot, tmp_path, answer=False)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.mouseClick(dialog.token_file_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert not (tmp_path / "data" / "tokens.json").exists()
    assert dialog.result() != ConnectionDialog.DialogCode.Accepted
    dialog.reject()


def test_a_locked_keyring_says_to_unlock_it_and_offers_no_file(qtbot: Any, tmp_path: Path) -> None:
    dialog, asked = open_dialog(qtbot, tmp_path, answer=True, backend=LockedKeyring())
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.error_label.text() == NoKeyringError.LOCKED
    assert not dialog.token_file_button.isVisible()
    assert asked == []
    assert not (tmp_path / "settings.json").exists()
    assert dialog.result() != ConnectionDialog.DialogCode.Accepted
    dialog.reject()
