"""The settings file: defaults, round trip, bad values, unknown keys, migration, atomic writes."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from fulfillment_station.store.paths import config_dir
from fulfillment_station.store.settings import (
    OPTIONS,
    SECTIONS,
    SETTINGS_VERSION,
    ConnectionProfile,
    Kind,
    Settings,
    SettingsError,
    SettingsStore,
)

PROFILE = ConnectionProfile("shop1", "Main shop", "nexus", "https://api.example.com/v2")


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(tmp_path / "settings.json")


def write(store: SettingsStore, doc: object) -> None:
    store.path.write_text(json.dumps(doc), encoding="utf-8")


def test_config_dir_honours_the_environment(tmp_path: Path) -> None:
    assert config_dir() == tmp_path / "config"  # set by tests/conftest.py
    assert config_dir(env={"FULFILLMENT_STATION_CONFIG_DIR": str(tmp_path / "x")}) == tmp_path / "x"
    assert config_dir(tmp_path / "explicit") == tmp_path / "explicit"
    assert SettingsStore().path == tmp_path / "config" / "settings.json"


def test_every_option_is_declared_once_with_a_valid_default() -> None:
    keys = [o.key for o in OPTIONS]
    assert len(keys) == len(set(keys))
    assert {o.section for o in OPTIONS} <= set(SECTIONS)
    defaults = Settings.defaults()
    assert defaults.replace(dict(defaults.values)) == defaults  # every default passes its check
    assert defaults["pack.allow_ship_all_unverified"] is False
    assert defaults["scanner.max_gap_ms"] == 30
    assert defaults["scanner.min_length"] == 4
    assert defaults["general.sync_interval_s"] == 300


def test_choices_match_the_printing_tables() -> None:
    from fulfillment_station.printing.settings import LABEL_DPIS, PAGE_SIZES

    by_key = {o.key: o for o in OPTIONS}
    assert [c for c, _ in by_key["printers.page_size"].choices] == list(PAGE_SIZES)
    assert [c for c, _ in by_key["printers.label_dpi"].choices] == list(LABEL_DPIS)


def test_no_file_gives_defaults_and_nothing_is_written(store: SettingsStore) -> None:
    assert store.load() == Settings.defaults()
    assert not store.path.exists()


def test_round_trip_keeps_every_value(store: SettingsStore) -> None:
    settings = (
        Settings.defaults()
        .replace(
            {
                "station.packer_name": "Ana",
                "general.sync_interval_s": 120,
                "printers.label_dpi": 300,
                "pack.auto_print": False,
                "general.language": "pt_BR",
            }
        )
        .with_profile(PROFILE)
    )
    store.save(settings)
    loaded = store.load()
    assert loaded == settings
    assert loaded.active_profile() == PROFILE
    doc = json.loads(store.path.read_text())
    assert doc["version"] == SETTINGS_VERSION
    assert doc["station"]["packer_name"] == "Ana"
    assert doc["connections"]["profiles"][0]["base_url"] == "https://api.example.com/v2"


def test_bad_values_fall_back_to_defaults_with_a_warning(
    store: SettingsStore, caplog: pytest.LogCaptureFixture
) -> None:
    write(
        store,
        {
            "version": 2,
            "station": {"packer_name": 42, "station_name": "Desk 7"},
            "printers": {"label_dpi": 250, "page_size": "a4"},
            "scanner": {"max_gap_ms": "fast", "min_length": True},
            "general": {"sync_interval_s": -5},
            "pack": "not a section",
        },
    )
    with caplog.at_level(logging.WARNING):
        loaded = store.load()
    assert loaded["station.station_name"] == "Desk 7"
    assert loaded["printers.page_size"] == "a4"
    assert loaded["station.packer_name"] == ""
    assert loaded["printers.label_dpi"] == 203
    assert loaded["scanner.max_gap_ms"] == 30
    assert loaded["scanner.min_length"] == 4
    assert loaded["general.sync_interval_s"] == 300
    warned = caplog.text
    for key in (
        "station.packer_name",
        "printers.label_dpi",
        "scanner.max_gap_ms",
        "general.sync_interval_s",
    ):
        assert key in warned


def test_a_file_that_is_not_json_is_kept_aside_and_defaults_are_used(
    store: SettingsStore, caplog: pytest.LogCaptureFixture
) -> None:
    store.path.write_text('{"version": 2, "station": {', encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert store.load() == Settings.defaults()
    backup = store.path.with_name("settings.json.bad")
    assert backup.read_text() == '{"version": 2, "station": {'
    assert "not valid JSON" in caplog.text


def test_unknown_keys_are_kept_when_saving(store: SettingsStore) -> None:
    write(
        store,
        {
            "version": 2,
            "station": {"packer_name": "Bo", "desk_colour": "blue"},
            "future_section": {"x": [1, 2]},
        },
    )
    loaded = store.load()
    store.save(loaded.replace({"station.packer_name": "Cy"}))
    doc = json.loads(store.path.read_text())
    assert doc["station"] == {**doc["station"], "packer_name": "Cy", "desk_colour": "blue"}
    assert doc["future_section"] == {"x": [1, 2]}


def test_a_broken_connection_profile_is_skipped_but_not_lost(store: SettingsStore) -> None:
    broken = {"id": "b", "label": "Broken", "dialect": "nexus"}  # no base_url
    write(
        store,
        {"version": 2, "connections": {"profiles": [PROFILE.to_json(), broken], "active": "shop1"}},
    )
    loaded = store.load()
    assert loaded.connections == (PROFILE,)
    store.save(loaded)
    doc = json.loads(store.path.read_text())
    assert doc["connections"]["unreadable_profiles"] == [broken]
    assert doc["connections"]["profiles"] == [PROFILE.to_json()]


def test_v1_file_is_migrated_to_connection_profiles(store: SettingsStore) -> None:
    write(
        store,
        {
            "version": 1,
            "dialect": "price2b",
            "base_url": "https://p2b.example/v1",
            "store_label": "Price2b shop",
            "packer_name": "Dee",
            "sync_interval": 600,
            "printer": "Brother",
            "something_else": True,
        },
    )
    loaded = store.load()
    profile = loaded.active_profile()
    assert profile == ConnectionProfile(
        "default", "Price2b shop", "price2b", "https://p2b.example/v1"
    )
    assert loaded["station.packer_name"] == "Dee"
    assert loaded["general.sync_interval_s"] == 600
    assert loaded["printers.slip_printer"] == "Brother"
    store.save(loaded)
    doc = json.loads(store.path.read_text())
    assert doc["version"] == 2
    assert "base_url" not in doc and "dialect" not in doc
    assert doc["something_else"] is True


def test_v1_file_without_a_version_or_a_store_migrates_to_training_mode(
    store: SettingsStore,
) -> None:
    write(store, {"packer_name": "Eve"})
    loaded = store.load()
    assert loaded.active_profile() is None
    assert loaded["station.packer_name"] == "Eve"


def test_replace_rejects_bad_values_with_a_plain_sentence() -> None:
    settings = Settings.defaults()
    with pytest.raises(SettingsError, match="Station name cannot be empty"):
        settings.replace({"station.station_name": "  "})
    with pytest.raises(SettingsError, match="between 30 and"):
        settings.replace({"general.sync_interval_s": 5})
    with pytest.raises(SettingsError, match="one of pdf, zpl"):
        settings.replace({"printers.label_format": "png"})
    with pytest.raises(SettingsError, match="no setting called"):
        settings.replace({"station.nope": 1})


def test_profiles_add_replace_remove_and_activate() -> None:
    other = ConnectionProfile("shop2", "Second", "generic-rest", "https://g.example")
    settings = Settings.defaults().with_profile(PROFILE).with_profile(other)
    assert settings.active_profile() == PROFILE  # the first one added becomes active
    renamed = ConnectionProfile("shop1", "Renamed", "nexus", PROFILE.base_url)
    settings = settings.with_profile(renamed)
    assert [p.label for p in settings.connections] == ["Renamed", "Second"]
    settings = settings.with_profile(other, activate=True).without_profile("shop2")
    assert settings.active_profile() is None
    assert settings.connections == (renamed,)


def test_save_is_atomic_and_leaves_no_temp_files(
    store: SettingsStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(Settings.defaults().replace({"station.packer_name": "Old"}))
    before = store.path.read_text()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("fulfillment_station.store.settings.os.replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        store.save(Settings.defaults().replace({"station.packer_name": "New"}))
    assert store.path.read_text() == before
    leftovers = [p.name for p in tmp_path.iterdir() if "settings.json" in p.name]
    assert leftovers == ["settings.json"]


def test_kinds_cover_every_option() -> None:
    assert {o.kind for o in OPTIONS} == set(Kind)
