"""The training store's own printer: a folder in the app's data folder where every slip and
label printed in training is saved as a PDF (or ZPL) file, so Ctrl+P and pack mode print out
of the box, with nothing set up and no paper used. A printer the packer did choose in
Settings → Printers still wins, in training too.

Owns only the folder's place and the settings as the training print worker sees them; the
window names the folder (status bar, Settings → Printers). No Qt.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.store.file_checks import private_dir
from fulfillment_station.store.settings import Settings, SettingsError

log = logging.getLogger(__name__)

#: Where under the data folder the training store's documents go (beside its database).
TRAINING_PRINTS = Path("training") / "printed"

#: What the packer is told the training printer is (Settings → Printers, the status bar).
TRAINING_PRINTER_NOTE = QT_TRANSLATE_NOOP(
    "TrainingPrinter", "Training: what you print is saved as PDF files in {folder}"
)


def training_print_folder(root: Path, *, create: bool = True) -> Path:
    """The folder the training store prints into (made user-only when ``create``). A folder
    that cannot be made now (disk full, no permission) does not stop training: the log says
    why, and each print says it in the packer's words (the file printer makes the folder)."""
    folder = root / TRAINING_PRINTS
    if create:
        try:
            private_dir(folder)
        except OSError as exc:
            log.warning("the training print folder %s cannot be made: %s", folder, exc)
    return folder


def training_printer_spec(folder: Path) -> str:
    """The printer setting of the training folder (``file:`` printers save each job)."""
    return f"file:{folder}"


def with_training_printer(settings: Settings, folder: Path) -> Settings:
    """``settings`` with the training folder as the slip and label printer wherever the
    packer chose none (a chosen printer is kept)."""
    updates = {
        key: training_printer_spec(folder)
        for key in ("printers.slip_printer", "printers.label_printer")
        if not str(settings[key]).strip()
    }
    if not updates:
        return settings
    try:
        return settings.replace(updates)
    except SettingsError as exc:  # a data folder whose path is no printer setting
        log.warning("the training folder %s cannot be the printer: %s", folder, exc)
        return settings
