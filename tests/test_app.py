"""The wiring's choice of connection: training with nothing configured (or ``--demo``), the
active profile with its token from the keyring otherwise, and a plain notice when the keyring
cannot give the token; for a switch, a connection that cannot open is refused up front."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from keyring.backends import fail

from fulfillment_station.app import (
    TRAINING_ID,
    TRAINING_TOKEN,
    ConnectionUnavailable,
    choose_connection,
    open_connection,
)
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import ConnectionProfile, Settings
from tests.helpers.keyring import MemoryKeyring

PROFILE = ConnectionProfile(
    id="shop1", label="Main shop", dialect="price2b", base_url="https://app.price2b.example/api"
)


def test_nothing_configured_starts_the_training_sandbox(tmp_path: Path) -> None:
    config, sandbox, notice = choose_connection(
        Settings.defaults(), TokenStore(MemoryKeyring()), tmp_path, demo=False
    )
    assert sandbox is not None
    try:
        assert config.training and config.token == TRAINING_TOKEN and notice == ""
        answer = httpx.get(
            f"{config.base_url}/api/orders",
            params={"limit": 1},
            headers={"Authorization": f"Bearer {config.token}"},
        )
        assert answer.status_code == 200 and len(answer.json()["data"]) == 1
        # Practice work lives in the data dir, so it survives a restart.
        assert (tmp_path / "training" / "nexus.sqlite").exists()
    finally:
        sandbox.close()


def test_active_profile_uses_the_keyring_token(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    tokens = TokenStore(backend)
    tokens.set("shop1", "tok-123456789")
    settings = Settings.defaults().with_profile(PROFILE, activate=True)
    config, sandbox, notice = choose_connection(settings, tokens, tmp_path, demo=False)
    assert sandbox is None and notice == ""
    assert (config.id, config.dialect, config.token) == ("shop1", "price2b", "tok-123456789")
    assert not config.training


def test_demo_forces_training_even_with_a_profile(tmp_path: Path) -> None:
    settings = Settings.defaults().with_profile(PROFILE, activate=True)
    config, sandbox, _ = choose_connection(
        settings, TokenStore(MemoryKeyring()), tmp_path, demo=True
    )
    assert sandbox is not None
    sandbox.close()
    assert config.training


def test_missing_keyring_gives_a_notice_not_a_crash(tmp_path: Path) -> None:
    settings = Settings.defaults().with_profile(PROFILE, activate=True)
    config, sandbox, notice = choose_connection(
        settings, TokenStore(fail.Keyring()), tmp_path, demo=False
    )
    assert sandbox is None and config.token is None
    assert "keyring" in notice.lower()


def test_missing_token_says_where_to_enter_it(tmp_path: Path) -> None:
    settings = Settings.defaults().with_profile(PROFILE, activate=True)
    _, _, notice = choose_connection(settings, TokenStore(MemoryKeyring()), tmp_path, demo=False)
    assert "Settings" in notice and "Main shop" in notice


# -- switching: the target is checked before anything of the open connection closes ----------


def test_open_connection_gives_a_profile_with_its_token(tmp_path: Path) -> None:
    tokens = TokenStore(MemoryKeyring())
    tokens.set("shop1", "tok-123456789")
    settings = Settings.defaults().with_profile(PROFILE)
    config, sandbox = open_connection(settings, tokens, tmp_path, "shop1")
    assert sandbox is None and (config.id, config.token) == ("shop1", "tok-123456789")


def test_open_connection_starts_training_for_the_training_entry(tmp_path: Path) -> None:
    config, sandbox = open_connection(
        Settings.defaults(), TokenStore(MemoryKeyring()), tmp_path, TRAINING_ID
    )
    assert sandbox is not None
    sandbox.close()
    assert config.training and config.id == TRAINING_ID


@pytest.mark.parametrize(
    ("settings", "target", "words"),
    [
        (Settings.defaults().with_profile(PROFILE), "shop1", "No API token is saved for Main shop"),
        (Settings.defaults(), "shop1", "no longer in the settings"),
        (
            Settings.defaults().with_profile(replace(PROFILE, dialect="shopify")),
            "shop1",
            "does not know (shopify)",
        ),
        (
            Settings.defaults().with_profile(replace(PROFILE, base_url="ftp://x.example")),
            "shop1",
            "not a web address",
        ),
    ],
)
def test_open_connection_refuses_with_one_sentence(
    tmp_path: Path, settings: Settings, target: str, words: str
) -> None:
    tokens = TokenStore(MemoryKeyring())
    if settings.profile("shop1") is not None and "token" not in words:
        tokens.set("shop1", "tok-123456789")
    with pytest.raises(ConnectionUnavailable) as refused:
        open_connection(settings, tokens, tmp_path, target)
    assert words in refused.value.user_message


def test_open_connection_without_a_keyring_says_so(tmp_path: Path) -> None:
    settings = Settings.defaults().with_profile(PROFILE)
    with pytest.raises(ConnectionUnavailable) as refused:
        open_connection(settings, TokenStore(fail.Keyring()), tmp_path, "shop1")
    assert "keyring" in refused.value.user_message
