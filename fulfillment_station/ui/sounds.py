"""Pack mode's sounds: a short tick for a counted item, a distinct low triple tone for an error,
a rising chord when an order is complete.

The real sounds (``resources/sounds/*.wav``) play through QtMultimedia's ``QSoundEffect``,
which ships in **PySide6-Addons**; the app depends only on PySide6-Essentials. Without the
add-ons :class:`Sounds` falls back to patterns of the system beep (1 beep success, 2 complete,
3 error) and the big visual signals of pack mode (red message that stays, progress) carry the
meaning — never sound alone. Installing PySide6-Addons enables the real sounds; nothing else
changes.

Pack mode takes any :class:`SoundPlayer`, so tests pass a fake that records calls.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtWidgets import QApplication

from fulfillment_station.resources import RESOURCES_DIR

SOUNDS_DIR = RESOURCES_DIR / "sounds"
_BEEP_GAP_MS = 180
_BEEPS = {"success": 1, "complete": 2, "error": 3}


class SoundPlayer(Protocol):
    def play_success(self) -> None: ...

    def play_error(self) -> None: ...

    def play_complete(self) -> None: ...


def _sound_effect_class() -> Any | None:
    try:
        return importlib.import_module("PySide6.QtMultimedia").QSoundEffect
    except ImportError:
        return None


class Sounds(QObject):
    """The pack-mode sounds with a volume (0.0-1.0) and mute.

    ``use_multimedia=False`` forces the beep fallback (tests, or a desk without speakers
    where the system bell is what people hear).
    """

    def __init__(
        self,
        *,
        volume: float = 0.8,
        muted: bool = False,
        sounds_dir: Path = SOUNDS_DIR,
        use_multimedia: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._volume = min(1.0, max(0.0, volume))
        self.muted = muted
        self._effects: dict[str, Any] = {}
        effect_class = _sound_effect_class() if use_multimedia else None
        if effect_class is not None:
            for name in _BEEPS:
                effect = effect_class(self)
                effect.setSource(QUrl.fromLocalFile(str(sounds_dir / f"{name}.wav")))
                effect.setVolume(self._volume)
                self._effects[name] = effect

    @property
    def has_real_sounds(self) -> bool:
        """False when PySide6-Addons (QtMultimedia) is missing and the beep stands in."""
        return bool(self._effects)

    @property
    def volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        self._volume = min(1.0, max(0.0, volume))
        for effect in self._effects.values():
            effect.setVolume(self._volume)

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
        QApplication.beep()
        for n in range(1, _BEEPS[name]):
            QTimer.singleShot(n * _BEEP_GAP_MS, self, QApplication.beep)
