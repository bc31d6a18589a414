"""The shift view: a real dialog over the numbers of a real shift's shape; the manifest saves
as CSV and PDF with every shipment, and API text stays plain text."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fulfillment_station.station.reports import (
    HourRow,
    ManifestRow,
    PackTimeRow,
    ScanRow,
    ShiftNumbers,
)
from fulfillment_station.ui.dialogs.shift_report_dialog import ShiftReportDialog

pytestmark = pytest.mark.gui

AT = datetime(2026, 12, 4, 15, 30, tzinfo=UTC)


def numbers(manifest: list[ManifestRow]) -> ShiftNumbers:
    return ShiftNumbers(
        "2026-12-04",
        [HourRow(AT, "Ana", 12, 30, 12), HourRow(AT, "Bo", 9, 11, 9)],
        [PackTimeRow("o1", "#1001", "Desk 1", "Ana", 42.4)],
        [ScanRow("Ana", 2, 1)],
        manifest,
    )


def test_the_shift_view_shows_each_report_and_saves_the_manifest(
    qtbot: Any, tmp_path: Path
) -> None:
    rows = [
        ManifestRow("DHL", "JD014600000000000001", "#1001", 3, 1, "Desk 1", "Ana", AT),
        ManifestRow("UPS", "1Z999AA10123456784", "<b>#1002</b>", 1, 1, "Desk 2", "Bo", AT),
    ]
    dialog = ShiftReportDialog(numbers(rows))
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Per hour",
        "Pack times",
        "Scans",
        "Manifest",
    ]
    assert dialog.hourly.rowCount() == 2 and dialog.hourly.item(0, 2).text() == "12"
    assert dialog.pack_times.item(0, 3).text() == "42"
    assert dialog.scans.item(0, 1).text() == "2"
    assert dialog.manifest.item(1, 2).text() == "<b>#1002</b>"  # shown literally
    assert dialog.save_pdf.isEnabled() and dialog.save_csv.isEnabled()

    dialog.write_manifest_csv(tmp_path / "m.csv")
    assert (tmp_path / "m.csv").read_text("utf-8").count("\n") == 3
    dialog.write_manifest_pdf(tmp_path / "m.pdf")
    reader = PdfReader(tmp_path / "m.pdf")
    assert len(reader.pages) == 2  # one section per carrier
    text = "".join(page.extract_text() for page in reader.pages)
    assert "JD014600000000000001" in text and "<b>#1002</b>" in text


def test_nothing_to_save_on_a_day_without_shipments(qtbot: Any) -> None:
    dialog = ShiftReportDialog(numbers([]))
    qtbot.addWidget(dialog)
    assert not dialog.save_pdf.isEnabled() and not dialog.save_csv.isEnabled()
