"""A settings file as a hand editor, another tool or an attacker leaves it: with a BOM, nested
beyond reason, the wrong shape, huge. The app starts, says what it refused, and every valid
connection survives."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fulfillment_station.store.settings import MAX_SETTINGS_BYTES, SettingsStore

PROFILE = {
    "id": "shop1",
    "label": "Main shop",
    "dialect": "nexus",
    "base_url": "https://shop.example.com/api",
}


def document(**extra: object) -> dict[str, object]:
    return {
        "version": 2,
        "connections": {"profiles": [PROFILE], "active": "shop1"},
        "station": {"packer_name": "Ana"},
        **extra,
    }


def store_with(tmp_path: Path, data: bytes) -> SettingsStore:
    path = tmp_path / "settings.json"
    path.write_bytes(data)
    return SettingsStore(path)


def test_a_byte_order_mark_is_read_as_nothing(tmp_path: Path) -> None:
    store = store_with(tmp_path, b"\xef\xbb\xbf" + json.dumps(document()).encode())
    settings = store.load()
    assert [p.id for p in settings.connections] == ["shop1"]
    assert settings.active_profile() is not None and settings["station.packer_name"] == "Ana"
    assert store.problems == []


def test_an_entry_nested_beyond_the_json_reader_is_dropped_and_the_rest_survives(
    tmp_path: Path,
) -> None:
    deep = "[" * 200_000 + "]" * 200_000  # RecursionError in Python's own JSON reader
    text = json.dumps(document())[:-1] + f', "junk": {deep}, "tail": {{"a": 1}}}}'
    store = store_with(tmp_path, text.encode())
    settings = store.load()
    assert [p.id for p in settings.connections] == ["shop1"]
    assert settings["station.packer_name"] == "Ana"
    assert store.problems == [
        "The settings entry junk is nested too deeply and was ignored; "
        "the other settings and connections were read."
    ]
    assert settings.extra["tail"] == {"a": 1}
    store.save(settings)  # and it can be written back
    assert "junk" not in json.loads(store.path.read_text())


def test_a_moderately_deep_entry_is_dropped_before_it_reaches_the_settings(tmp_path: Path) -> None:
    nested: object = 1
    for _ in range(100):
        nested = {"x": nested}
    store = store_with(tmp_path, json.dumps(document(printers=nested)).encode())
    settings = store.load()
    assert [p.id for p in settings.connections] == ["shop1"]
    assert store.problems == [
        "The settings entry printers is nested too deeply and was "
        "ignored; the other settings and connections were read."
    ]


def test_wrong_shapes_fall_back_per_option_and_keep_the_connections(tmp_path: Path) -> None:
    doc = document(station=["not", "a", "table"], scanner={"max_gap_ms": {"a": 1}}, general="x")
    doc["connections"] = {"profiles": [PROFILE, {"id": 5}, "junk"], "active": "shop1"}
    store = store_with(tmp_path, json.dumps(doc).encode())
    settings = store.load()
    assert [p.id for p in settings.connections] == ["shop1"]
    assert settings["station.station_name"] == "Packing desk 1"  # the default
    assert settings["scanner.max_gap_ms"] == 30


def test_a_huge_or_binary_file_is_set_aside_with_a_message(tmp_path: Path) -> None:
    store = store_with(tmp_path, b" " * (MAX_SETTINGS_BYTES + 10))
    assert store.load().connections == ()
    assert store.problems and "could not be read" in store.problems[0]
    assert (tmp_path / "settings.json.bad").exists()
    store = store_with(tmp_path, b"\xff\xfe{\x00}\x00")
    assert store.load().connections == ()
    assert "could not be read" in store.problems[0]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    junk=st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(alphabet=st.characters(codec=None, exclude_categories=())),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=30,
    )
)
def test_any_json_next_to_the_connections_never_costs_them(tmp_path: Path, junk: object) -> None:
    """Arbitrary values (any Unicode, any nesting) in every section a file can hold: the load
    never raises and the valid connection is always read."""
    doc = document(station=junk, printers=junk, general=junk, extra_key=junk)
    # ASCII-escaped, so lone surrogates ("\ud83d", half an emoji) are valid JSON in the file.
    store = store_with(tmp_path, json.dumps(doc).encode("utf-8"))
    settings_read = store.load()
    assert [p.id for p in settings_read.connections] == ["shop1"]
    store.save(settings_read)  # and what was read can be written back, and read again
    assert [p.id for p in store.load().connections] == ["shop1"]
    assert all(
        _printable(settings_read[key]) for key in ("station.station_name", "station.packer_name")
    )


def _printable(text: str) -> bool:
    return all(ord(c) >= 0x20 and not 0xD800 <= ord(c) <= 0xDFFF for c in text)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2000))
def test_any_bytes_at_all_never_stop_the_load(tmp_path: Path, data: bytes) -> None:
    store = store_with(tmp_path, data)
    store.load()


def test_half_an_emoji_or_a_control_character_in_a_name_falls_back(tmp_path: Path) -> None:
    doc = document(
        station={
            "station_name": "Desk \ud83d",
            "packer_name": "Ana\x1b[2J",
            "store_name": "Caf\u00e9 \U0001f600",
        }
    )
    store = store_with(tmp_path, json.dumps(doc).encode())
    settings_read = store.load()
    assert settings_read["station.station_name"] == "Packing desk 1"
    assert settings_read["station.packer_name"] == ""
    assert settings_read["station.store_name"] == "Caf\u00e9 \U0001f600"  # whole emoji: fine
    assert [p.id for p in settings_read.connections] == ["shop1"]
