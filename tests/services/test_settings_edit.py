"""Editing the settings without any window: a form's values checked against the option table,
connection addresses against the HTTPS rule, and the file written to a real folder with the
removed connections' tokens forgotten (keyring in memory)."""

from __future__ import annotations

from pathlib import Path

from keyring.backends import fail

from fulfillment_station.connectors.errors import InsecureConnection
from fulfillment_station.services.connection_setup import NotWritten
from fulfillment_station.services.settings_edit import (
    ConnectionProblem,
    FieldProblem,
    apply_form_values,
    refused_connection,
    save_settings,
)
from fulfillment_station.store.secrets import SERVICE, TokenStore
from fulfillment_station.store.settings import ConnectionProfile, Settings, SettingsStore
from tests.helpers.keyring import MemoryKeyring


def test_a_forms_values_are_applied_in_order() -> None:
    settings = apply_form_values(
        Settings.defaults(),
        [("station.packer_name", "Ana"), ("general.sync_interval_s", 120)],
    )
    assert isinstance(settings, Settings)
    assert settings["station.packer_name"] == "Ana"
    assert settings["general.sync_interval_s"] == 120


def test_the_first_refused_value_names_its_option_and_says_why() -> None:
    problem = apply_form_values(
        Settings.defaults(),
        [
            ("station.packer_name", "Ana"),
            ("station.station_name", ""),
            ("general.sync_interval_s", 1),
        ],
    )
    assert problem == FieldProblem("station.station_name", "Station name cannot be empty.")


def test_a_plain_http_connection_to_another_computer_is_the_one_refused() -> None:
    good = ConnectionProfile("a", "Local", "nexus", "http://127.0.0.1:8700")
    bad = ConnectionProfile("b", "Old shop", "nexus", "http://shop.example.com")
    assert refused_connection([good]) is None
    assert refused_connection([good, bad]) == ConnectionProblem(bad, InsecureConnection.user_text)


def test_saving_writes_the_file_and_forgets_the_removed_tokens(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    tokens = TokenStore(backend)
    tokens.set("kept", "token-1")
    tokens.set("gone", "token-2")
    store = SettingsStore(tmp_path / "settings.json")
    settings = Settings.defaults().replace({"station.packer_name": "Ana"})

    assert save_settings(store, tokens, settings, removed={"gone"}) is None

    assert store.load() == settings
    assert backend.passwords == {(SERVICE, "kept"): "token-1"}


def test_a_keyring_that_is_away_does_not_stop_the_settings_being_saved(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    settings = Settings.defaults().replace({"station.packer_name": "Ana"})
    tokens = TokenStore(fail.Keyring(), token_file=tmp_path / "tokens.json")
    assert save_settings(store, tokens, settings, removed=["gone"]) is None
    assert store.load() == settings


def test_a_file_that_cannot_be_written_is_said_and_no_token_is_forgotten(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    tokens = TokenStore(backend)
    tokens.set("gone", "token-2")
    (tmp_path / "not-a-folder").write_text("")
    store = SettingsStore(tmp_path / "not-a-folder" / "settings.json")

    refused = save_settings(store, tokens, Settings.defaults(), removed=["gone"])

    assert isinstance(refused, NotWritten) and refused.error
    assert backend.passwords == {(SERVICE, "gone"): "token-2"}
