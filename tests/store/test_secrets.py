"""Tokens live only in the keyring: set/get/delete, never in the settings file, and a clear
error (not a plain-text fallback) when the computer has no keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from fulfillment_station.store.secrets import SERVICE, NoKeyringError, TokenStore
from fulfillment_station.store.settings import ConnectionProfile, Settings, SettingsStore
from tests.helpers.keyring import LockedKeyring, MemoryKeyring

TOKEN = "s3cr3t-token-ABCDEF-0123456789"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_set_get_delete_through_the_configured_keyring(memory_keyring: MemoryKeyring) -> None:
    seen: list[str] = []
    tokens = TokenStore(on_secret=seen.append)
    assert tokens.get("shop1") is None
    tokens.set("shop1", TOKEN)
    assert memory_keyring.passwords == {(SERVICE, "shop1"): TOKEN}
    assert tokens.get("shop1") == TOKEN
    tokens.delete("shop1")
    tokens.delete("shop1")  # already gone: not an error
    assert tokens.get("shop1") is None
    assert seen and set(seen) == {TOKEN}  # every token handled is reported for redaction


def test_the_token_never_reaches_the_settings_file(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    settings_store = SettingsStore(tmp_path / "settings.json")
    profile = ConnectionProfile("shop1", "Main", "nexus", "https://api.example.com")
    TokenStore().set(profile.id, TOKEN)
    settings_store.save(Settings.defaults().with_profile(profile))
    text = settings_store.path.read_text()
    assert "shop1" in text
    assert TOKEN not in text
    assert TokenStore().get(settings_store.load().active_profile().id) == TOKEN  # type: ignore[union-attr]


def test_no_keyring_gives_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        tokens = TokenStore()
        for call in (
            lambda: tokens.set("shop1", TOKEN),
            lambda: tokens.get("shop1"),
            lambda: tokens.delete("shop1"),
        ):
            with pytest.raises(NoKeyringError) as caught:
                call()
            assert "password store (keyring)" in caught.value.user_message
    finally:
        keyring.set_keyring(previous)
    assert not any(
        TOKEN in p.read_text(errors="ignore") for p in tmp_path.rglob("*") if p.is_file()
    )


def test_a_locked_keyring_says_to_unlock_it() -> None:
    with pytest.raises(NoKeyringError, match="locked; unlock it"):
        TokenStore(LockedKeyring()).get("shop1")


def test_an_empty_token_is_refused() -> None:
    with pytest.raises(ValueError, match="empty token"):
        TokenStore(MemoryKeyring()).set("shop1", "")
