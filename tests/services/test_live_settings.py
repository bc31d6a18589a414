"""The settings the running app holds: read once, changed in one place, and every subscriber
hears of exactly the keys it asked for."""

from __future__ import annotations

from pathlib import Path

from fulfillment_station.services.live_settings import LiveSettings, restart_notes
from fulfillment_station.store.settings import Settings, SettingsStore


def test_a_saved_change_reaches_the_subscribers_of_its_keys_only(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    live = LiveSettings(store)
    heard: list[tuple[str, frozenset[str]]] = []
    live.subscribe(("sounds.volume",), lambda s, keys: heard.append(("sounds", keys)))
    live.subscribe(("pack.font_size",), lambda s, keys: heard.append(("pack", keys)))
    changed = live.save(live.current.replace({"sounds.volume": 30}))
    assert changed == {"sounds.volume"}
    assert heard == [("sounds", frozenset({"sounds.volume"}))]
    assert live["sounds.volume"] == 30
    assert store.load()["sounds.volume"] == 30  # written, so the next start has it


def test_what_the_dialog_wrote_is_adopted_without_a_second_write(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    live = LiveSettings(store)
    written = live.current.replace({"station.packer_name": "Ana"})
    store.save(written)  # the settings dialog's own save
    live.adopt(written)
    assert live["station.packer_name"] == "Ana"
    assert live.adopt(written) == frozenset()  # the same again changes nothing


def test_unsubscribed_and_broken_listeners(tmp_path: Path) -> None:
    live = LiveSettings(SettingsStore(tmp_path / "settings.json"), Settings.defaults())
    heard: list[int] = []

    def broken(_s: Settings, _keys: frozenset[str]) -> None:
        raise RuntimeError("a listener with a bug")

    live.subscribe(None, broken)
    stop = live.subscribe(None, lambda s, _keys: heard.append(s["sounds.volume"]))
    live.adopt(live.current.replace({"sounds.volume": 10}))
    stop()
    live.adopt(live.current.replace({"sounds.volume": 20}))
    assert heard == [10]  # the broken one did not keep the other stale


def test_options_that_need_a_restart_say_why() -> None:
    notes = restart_notes({"station.database_url", "sounds.volume"})
    assert len(notes) == 1 and "station database" in notes[0]
    # The language applies live (the session builds the window again): no restart note.
    assert restart_notes({"pack.font_size", "scanner.max_gap_ms", "general.language"}) == []
