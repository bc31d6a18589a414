"""Pack mode's sounds: a short tick for a counted item, a distinct low triple tone for an error,
a rising chord when an order is complete.

The real sounds (``resources/sounds/*.wav``) play, in this order of preference:

1. through QtMultimedia's ``QSoundEffect`` when **PySide6-Addons** is installed (the app
   depends only on PySide6-Essentials: the add-ons are a 175 MB wheel);
2. through the desk's own player (:class:`SystemPlayer`): stdlib ``winsound`` on Windows,
   ``afplay`` on macOS, ``pw-play``/``paplay``/``aplay`` on Linux. The volume is applied to
   the samples before they are handed over (a scaled copy of each WAV in a private cache), so
   it works with every player;
3. as patterns of the system beep (1 beep success, 2 complete, 3 error), which many desktops
   silence: :attr:`Sounds.volume_works` is then False, so Settings can say the volume cannot
   act.

The big visual signals of pack mode (red message that stays, progress) carry the meaning —
never sound alone.

Pack mode takes any :class:`SoundPlayer`, so tests pass a fake that records calls.
"""

from __future__ import annotations

import array
import importlib
import logging
import shutil
import subprocess
import sys
import tempfile
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtWidgets import QApplication

from fulfillment_station.resources import RESOURCES_DIR

log = logging.getLogger(__name__)
SOUNDS_DIR = RESOURCES_DIR / "sounds"
#: Linux players in order of preference: PipeWire, PulseAudio, then plain ALSA.
LINUX_PLAYERS = ("pw-play", "paplay", "aplay")
_BEEP_GAP_MS = 180
_BEEPS = {"success": 1, "complete": 2, "error": 3}


class SoundPlayer(Protocol):
    def play_success(self) -> None: ...

    def play_error(self) -> None: ...

    def play_complete(self) -> None: ...


def scaled_wav(source: Path, volume: float, target: Path) -> Path:
    """``source`` (16-bit PCM) with every sample times ``volume``, written to ``target``."""
    with wave.open(str(source)) as reader:
        params = reader.getparams()
        frames = reader.readframes(params.nframes)
    if params.sampwidth != 2:
        raise ValueError(f"{source.name} is not 16-bit PCM")
    samples = array.array("h")
    samples.frombytes(frames)
    if sys.byteorder == "big":
        samples.byteswap()
    factor = min(1.0, max(0.0, volume))
    scaled = array.array("h", (int(sample * factor) for sample in samples))
    if sys.byteorder == "big":
        scaled.byteswap()
    with wave.open(str(target), "wb") as writer:
        writer.setparams(params)
        writer.writeframes(scaled.tobytes())
    return target


class SystemPlayer:
    """Plays a WAV file with what the desk's system has, without waiting for it (no Qt).

    ``command`` is the player's argv before the file; ``None`` with ``winsound`` on Windows.
    At most one sound plays at a time: a new one stops the one before (a scan burst must not
    pile up processes).
    """

    def __init__(self, command: list[str] | None, name: str) -> None:
        self.command = command
        self.name = name
        self._running: subprocess.Popen[bytes] | None = None

    @classmethod
    def find(
        cls, platform: str = sys.platform, which: Callable[[str], str | None] = shutil.which
    ) -> SystemPlayer | None:
        if platform == "win32":
            try:
                importlib.import_module("winsound")
            except ImportError:
                return None
            return cls(None, "winsound")
        names = ("afplay",) if platform == "darwin" else LINUX_PLAYERS
        for name in names:
            path = which(name)
            if path:
                return cls([path], name)
        return None

    def play(self, wav: Path) -> None:
        if self.command is None:
            winsound: Any = importlib.import_module("winsound")
            winsound.PlaySound(str(wav), winsound.SND_FILENAME | winsound.SND_ASYNC)
            return
        self.stop()
        try:
            self._running = subprocess.Popen(  # a player found on PATH, playing our file
                [*self.command, str(wav)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            log.warning("the sound player %s could not start: %s", self.name, exc)

    def stop(self) -> None:
        running, self._running = self._running, None
        if running is not None and running.poll() is None:
            running.terminate()
        if running is not None:
            try:
                running.wait(timeout=1)
            except subprocess.TimeoutExpired:
                running.kill()

    def wait(self, timeout: float) -> int | None:
        """The exit status of the sound playing now (for tests and shutdown)."""
        running = self._running
        return None if running is None else running.wait(timeout=timeout)


def sound_backend() -> str:
    """What would play the sounds on this computer: "QtMultimedia", a player's name, or
    "beep" (the volume then cannot act)."""
    if _sound_effect_class() is not None:
        return "QtMultimedia"
    player = SystemPlayer.find()
    return player.name if player is not None else "beep"


def _sound_effect_class() -> Any | None:
    try:
        return importlib.import_module("PySide6.QtMultimedia").QSoundEffect
    except ImportError:
        return None


class Sounds(QObject):
    """The pack-mode sounds with a volume (0.0-1.0) and mute.

    ``use_multimedia=False`` forces the beep fallback (tests, or a desk without speakers
    where the system bell is what people hear). ``player`` is the desk's own player, found on
    the system by default; ``cache_dir`` holds the volume-scaled copies of the sounds.
    """

    def __init__(
        self,
        *,
        volume: float = 0.8,
        muted: bool = False,
        sounds_dir: Path = SOUNDS_DIR,
        use_multimedia: bool = True,
        player: SystemPlayer | str | None = "find",
        cache_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._volume = min(1.0, max(0.0, volume))
        self.muted = muted
        self._sounds_dir = sounds_dir
        self._effects: dict[str, Any] = {}
        self._files: dict[str, Path] = {}
        self._cache_dir = cache_dir
        self.player: SystemPlayer | None = None
        effect_class = _sound_effect_class() if use_multimedia else None
        if effect_class is None and use_multimedia:
            self.player = (
                SystemPlayer.find()
                if player == "find"
                else (player if isinstance(player, SystemPlayer) else None)
            )
        if effect_class is not None:
            for name in _BEEPS:
                effect = effect_class(self)
                effect.setSource(QUrl.fromLocalFile(str(sounds_dir / f"{name}.wav")))
                effect.setVolume(self._volume)
                self._effects[name] = effect

    @property
    def has_real_sounds(self) -> bool:
        """False when neither QtMultimedia nor a system player is there and the beep stands
        in."""
        return bool(self._effects) or self.player is not None

    @property
    def volume_works(self) -> bool:
        """Whether the volume setting changes anything (the system beep has no volume)."""
        return self.has_real_sounds

    @property
    def backend(self) -> str:
        """What plays the sounds: "QtMultimedia", a player's name, or "beep"."""
        if self._effects:
            return "QtMultimedia"
        return self.player.name if self.player is not None else "beep"

    @property
    def volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        self._volume = min(1.0, max(0.0, volume))
        for effect in self._effects.values():
            effect.setVolume(self._volume)
        self._files.clear()  # rescaled on the next play

    def sound_file(self, name: str) -> Path:
        """The WAV for ``name`` at the current volume (a private cached copy)."""
        cached = self._files.get(name)
        if cached is not None and cached.is_file():
            return cached
        if self._cache_dir is None:
            self._cache_dir = Path(tempfile.mkdtemp(prefix="fulfillment-station-sounds-"))
        self._cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = self._cache_dir / f"{name}-{round(self._volume * 100)}.wav"
        if not target.is_file():
            scaled_wav(self._sounds_dir / f"{name}.wav", self._volume, target)
        self._files[name] = target
        return target

    def play_success(self) -> None:
        self._play("success")

    def play_error(self) -> None:
        self._play("error")

    def play_complete(self) -> None:
        self._play("complete")

    def _play(self, name: str) -> None:
        if self.muted or self._volume == 0:
            return
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()
            return
        if self.player is not None:
            try:
                self.player.play(self.sound_file(name))
                return
            except (OSError, ValueError, wave.Error) as exc:
                log.warning("sound %s could not be played with %s: %s", name, self.player.name, exc)
        QApplication.beep()
        for n in range(1, _BEEPS[name]):
            QTimer.singleShot(n * _BEEP_GAP_MS, self, QApplication.beep)
