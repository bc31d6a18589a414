"""The wiring's choice of connection: training with nothing configured (or ``--demo``), the
active profile with its token from the keyring otherwise, and a plain notice when the keyring
cannot give the token."""

from __future__ import annotations

from pathlib import Path

import httpx
from keyring.backends import fail

from fulfillment_station.app import TRAINING_TOKEN, choose_connection
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import ConnectionProfile, Settings
from tests.store.test_secrets import MemoryKeyring

PROFILE = ConnectionProfile(id="shop1", label="Main shop", dialect="price2b",
                            base_url="https://app.price2b.example/api")


def test_nothing_configured_starts_the_training_sandbox(tmp_path: Path) -> None:
    config, sandbox, notice = choose_connection(Settings.defaults(), TokenStore(MemoryKeyring()),
                                                tmp_path, demo=False)
    assert sandbox is not None
    try:
        assert config.training and config.token == TRAINING_TOKEN and notice == ""
        answer = httpx.get(f"{config.base_url}/api/orders", params={"limit": 1},
                           headers={"Authorization": f"Bearer {config.token}"})
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
    config, sandbox, _ = choose_connection(settings, TokenStore(MemoryKeyring()), tmp_path,
                                           demo=True)
    assert sandbox is not None
    sandbox.close()
    assert config.training


def test_missing_keyring_gives_a_notice_not_a_crash(tmp_path: Path) -> None:
    settings = Settings.defaults().with_profile(PROFILE, activate=True)
    config, sandbox, notice = choose_connection(settings, TokenStore(fail.Keyring()), tmp_path,
                                                demo=False)
    assert sandbox is None and config.token is None
    assert "keyring" in notice.lower()


def test_missing_token_says_where_to_enter_it(tmp_path: Path) -> None:
    settings = Settings.defaults().with_profile(PROFILE, activate=True)
    _, _, notice = choose_connection(settings, TokenStore(MemoryKeyring()), tmp_path, demo=False)
    assert "Settings" in notice and "Main shop" in notice
