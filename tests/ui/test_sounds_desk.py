"""Real tones without QtMultimedia: the desk's own player gets the sound, at the volume set;
without any player the app knows the volume cannot act."""

from __future__ import annotations

import array
import os
import shutil
import stat
import sys
import wave
from pathlib import Path
from typing import Any

import pytest

from fulfillment_station.ui.pack.sounds import SOUNDS_DIR, Sounds, SystemPlayer, scaled_wav


def peak(path: Path) -> int:
    with wave.open(str(path)) as reader:
        samples = array.array("h")
        samples.frombytes(reader.readframes(reader.getnframes()))
    return max(abs(s) for s in samples)


def test_the_volume_scales_the_samples(tmp_path: Path) -> None:
    full = peak(SOUNDS_DIR / "error.wav")
    half = peak(scaled_wav(SOUNDS_DIR / "error.wav", 0.5, tmp_path / "half.wav"))
    assert abs(half - full // 2) <= 1
    assert peak(scaled_wav(SOUNDS_DIR / "error.wav", 0.0, tmp_path / "zero.wav")) == 0


def fake_bin(folder: Path, *names: str) -> Path:
    folder.mkdir()
    for name in names:
        path = folder / name
        path.write_text("#!/bin/sh\nexit 0\n")
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX players")
def test_the_linux_player_is_chosen_pipewire_first(tmp_path: Path) -> None:
    folder = fake_bin(tmp_path / "bin", "aplay", "paplay")
    player = SystemPlayer.find("linux", lambda n: shutil.which(n, path=str(folder)))
    assert player is not None and player.name == "paplay"
    (folder / "pw-play").write_text("#!/bin/sh\n")
    (folder / "pw-play").chmod(0o700)
    player = SystemPlayer.find("linux", lambda n: shutil.which(n, path=str(folder)))
    assert player is not None and player.name == "pw-play"
    assert SystemPlayer.find("linux", lambda n: None) is None
    mac = SystemPlayer.find("darwin", lambda n: f"/usr/bin/{n}" if n == "afplay" else None)
    assert mac is not None and mac.name == "afplay"


def test_a_sound_reaches_the_player_at_the_volume_set(qapp: Any, tmp_path: Path) -> None:
    # The "player" is a real process that keeps what it was given to play.
    received = tmp_path / "received.wav"
    keep = f"import shutil, sys; shutil.copy(sys.argv[1], {str(received)!r})"
    player = SystemPlayer([sys.executable, "-c", keep], "test-player")
    sounds = Sounds(volume=0.5, player=player, cache_dir=tmp_path / "cache")
    if sounds.backend == "QtMultimedia":
        pytest.skip("QtMultimedia is installed here and plays instead")
    assert sounds.has_real_sounds and sounds.volume_works and sounds.backend == "test-player"
    sounds.play_error()
    assert player.wait(timeout=20) == 0
    assert abs(peak(received) - peak(SOUNDS_DIR / "error.wav") // 2) <= 1
    sounds.set_volume(0.25)
    sounds.play_error()
    assert player.wait(timeout=20) == 0
    assert abs(peak(received) - peak(SOUNDS_DIR / "error.wav") // 4) <= 1
    assert stat.S_IMODE(os.stat(tmp_path / "cache").st_mode) == 0o700


def test_without_any_player_the_volume_says_it_cannot_act(qapp: Any) -> None:
    sounds = Sounds(use_multimedia=False)
    assert sounds.backend == "beep"
    assert not sounds.volume_works


@pytest.mark.parametrize(
    ("backend", "says"), [("beep", "cannot set"), ("paplay", "Sounds play through paplay.")]
)
def test_settings_say_when_the_volume_cannot_act(
    backend: str, says: str, qtbot: Any, tmp_path: Path
) -> None:
    from fulfillment_station.store.secrets import TokenStore
    from fulfillment_station.store.settings import SettingsStore
    from fulfillment_station.ui.dialogs.settings_dialog import SettingsDialog
    from tests.helpers.keyring import MemoryKeyring

    dialog = SettingsDialog(
        SettingsStore(tmp_path / "settings.json"),
        TokenStore(MemoryKeyring()),
        sound_backend=lambda: backend,
    )
    qtbot.addWidget(dialog)
    assert says in dialog.sound_note.text()
