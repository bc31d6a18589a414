"""Help → User guide in the packer's language, and About with the version and licences."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import importlib.metadata as metadata
from typing import Any

import pytest

from fulfillment_station.ui.shell.help_dialogs import AboutDialog, UserGuideDialog, guide_path

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "Packing an order"),
        ("es", "Preparar un pedido"),
        ("es_MX", "Preparar un pedido"),
        ("pt_BR", "Embalar um pedido"),
        ("de", "Packing an order"),
    ],
)
def test_the_guide_opens_in_the_packers_language(language: str, heading: str, qtbot: Any) -> None:
    dialog = UserGuideDialog(language)
    qtbot.addWidget(dialog)
    dialog.show()
    assert heading in dialog.browser.toPlainText()


def test_every_guide_covers_the_same_sections() -> None:
    counts = {
        lang: guide_path(lang).read_text(encoding="utf-8").count("\n## ")
        for lang in ("en", "es", "pt_BR")
    }
    assert len(set(counts.values())) == 1 and counts["en"] >= 5


def test_about_shows_the_version_and_each_librarys_licence(qtbot: Any) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.version == metadata.version("fulfillment-station")
    rows = {
        dialog.table.item(r, 0).text().lower(): dialog.table.item(r, 2).text()
        for r in range(dialog.table.rowCount())
    }
    assert "reportlab" in rows and "httpx" in rows
    assert all(licence and licence != "?" for licence in rows.values()), rows
