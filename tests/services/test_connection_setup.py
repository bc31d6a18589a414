"""Setting a desk up with a store, without any window: the HTTPS rule's verdict, a connection
saved to a real settings file with its token in a keyring (in memory), the desk without a
keyring and its explicit token-file opt-in, and the first-run decision."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from keyring.backends import fail

from fulfillment_station.connectors.errors import InsecureConnection
from fulfillment_station.services.connection_setup import (
    ConnectionForm,
    ConnectionSaved,
    KeyringUnavailable,
    NotWritten,
    is_first_run,
    judge_base_url,
    keep_tokens_in_file,
    remember_first_run,
    save_connection,
    shown_host,
)
from fulfillment_station.store.secrets import SERVICE, NoKeyringError, TokenStore
from fulfillment_station.store.settings import ConnectionProfile, Settings, SettingsStore
from tests.helpers.keyring import LockedKeyring, MemoryKeyring

FORM = ConnectionForm("Main shop", "nexus", "https://shop.example.com/api", "s3cret-token")


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://shop.example.com/api", "shop.example.com"),
        ("http://127.0.0.1:8700", "127.0.0.1"),
        ("http://localhost:8700/api", "localhost"),
    ],
)
def test_https_and_plain_http_to_this_computer_are_accepted(url: str, host: str) -> None:
    verdict = judge_base_url(url)
    assert verdict.accepted and verdict.problem is None
    assert verdict.host == host
    assert shown_host(url) == host


def test_plain_http_to_another_computer_is_refused_with_the_packers_sentence() -> None:
    verdict = judge_base_url("http://shop.example.com/api")
    assert not verdict.accepted
    assert verdict.problem == InsecureConnection.user_text
    assert shown_host("http://shop.example.com/api") == "http://shop.example.com/api"


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("ftp://shop.example.com", "is not a web address"),
        ("https://user:pw@shop.example.com", "must not contain a user name or password"),
    ],
)
def test_other_unusable_addresses_say_what_is_wrong(url: str, words: str) -> None:
    problem = judge_base_url(url).problem
    assert problem is not None and words in problem


def test_a_new_connection_puts_the_profile_in_the_file_and_the_token_in_the_keyring(
    tmp_path: Path,
) -> None:
    backend = MemoryKeyring()
    store = SettingsStore(tmp_path / "settings.json")
    outcome = save_connection(store, TokenStore(backend), FORM)

    assert isinstance(outcome, ConnectionSaved)
    profile = outcome.profile
    assert (profile.label, profile.dialect, profile.base_url) == (
        "Main shop",
        "nexus",
        "https://shop.example.com/api",
    )
    assert store.load().connections == (profile,)
    assert backend.passwords == {(SERVICE, profile.id): "s3cret-token"}
    assert "s3cret-token" not in store.path.read_text()


def test_editing_without_a_token_keeps_the_saved_one(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    tokens = TokenStore(backend)
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings.defaults().with_profile(ConnectionProfile("shop1", "Old", "nexus", "x")))
    tokens.set("shop1", "old-token")

    form = ConnectionForm(
        "New", "nexus", "https://shop.example.com", "", "/ca.pem", document_language="es"
    )
    outcome = save_connection(store, tokens, form, profile_id="shop1")

    expected = ConnectionProfile(
        "shop1", "New", "nexus", "https://shop.example.com", "/ca.pem", document_language="es"
    )
    assert outcome == ConnectionSaved(expected)
    assert store.load().connections == (expected,)
    assert backend.passwords == {(SERVICE, "shop1"): "old-token"}


def test_without_a_keyring_nothing_is_saved_and_the_file_may_be_offered(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    tokens = TokenStore(fail.Keyring(), token_file=tmp_path / "data" / "tokens.json")

    outcome = save_connection(store, tokens, FORM)

    assert outcome == KeyringUnavailable(NoKeyringError.NO_BACKEND, file_offered=True)
    assert not store.path.exists()
    assert not tokens.token_file.exists()


def test_a_locked_keyring_saves_nothing_and_offers_no_file(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    outcome = save_connection(store, TokenStore(LockedKeyring()), FORM)
    assert outcome == KeyringUnavailable(NoKeyringError.LOCKED, file_offered=False)
    assert not store.path.exists()


def test_a_settings_file_that_cannot_be_written_is_said_in_the_systems_words(
    tmp_path: Path,
) -> None:
    (tmp_path / "not-a-folder").write_text("")
    store = SettingsStore(tmp_path / "not-a-folder" / "settings.json")
    outcome = save_connection(store, TokenStore(MemoryKeyring()), FORM)
    assert isinstance(outcome, NotWritten)
    assert outcome.error  # the OS's sentence, e.g. "Not a directory"


def test_after_the_opt_in_the_token_goes_to_a_user_only_file(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    tokens = TokenStore(fail.Keyring(), token_file=tmp_path / "data" / "tokens.json")

    assert keep_tokens_in_file(tokens) is None
    assert stat.S_IMODE(tokens.token_file.stat().st_mode) == 0o600
    outcome = save_connection(store, tokens, FORM)

    assert isinstance(outcome, ConnectionSaved)
    assert tokens.uses_token_file
    assert tokens.get(outcome.profile.id) == "s3cret-token"


def test_a_token_file_that_cannot_be_made_says_why(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("")  # where the folder should be, a file
    tokens = TokenStore(fail.Keyring(), token_file=tmp_path / "data" / "tokens.json")
    refused = keep_tokens_in_file(tokens)
    assert isinstance(refused, NotWritten) and refused.error
    assert not tokens.uses_token_file


def test_the_first_run_is_due_until_it_is_remembered(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "config" / "settings.json")
    assert is_first_run(store)
    remember_first_run(store)
    assert not is_first_run(store)
    assert store.load() == Settings.defaults()
