"""The bulk ship dialog imports a hostile CSV file (chosen through its own file dialog) with
one sentence per bad row and the good rows filled in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from fulfillment_station.ui.dialogs.bulk_ship_dialog import Column
from tests.ui.test_bulk_ship_dialog import UPS, cell, dialog


@pytest.mark.gui
def test_a_hostile_csv_file_is_imported_row_by_row(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_file = tmp_path / "tracking.csv"
    csv_file.write_bytes(
        "\ufeffOrder number,carrier,tracking,lines\n"
        f"1001,UPS,{UPS},L1:²\n"
        f"1002,=cmd|' /C calc'!A0,{UPS}\n"
        f"1003,UPS\x00,{UPS}\n"
        f"1003,UPS,{'9' * 131_072}\n"
        f"1003,UPS,{UPS}\n".encode()
    )
    dlg = dialog(qtbot)
    # The one thing not driven for real: the platform's file chooser.
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(csv_file), "CSV files (*.csv)")
    )
    dlg.import_button.click()
    assert dlg.error_label.text().splitlines() == [
        "Row 2: L1:² is not a quantity between 1 and 3.",
        "Row 3: the carrier starts with =, which a spreadsheet would run as a formula.",
        "Row 4: the carrier holds a control character; type it again.",
        "Row 5: the row is longer than 2500 characters.",
    ]
    assert (cell(dlg, 0, Column.TRACKING), cell(dlg, 1, Column.TRACKING)) == ("", "")
    assert (cell(dlg, 2, Column.CARRIER), cell(dlg, 2, Column.TRACKING)) == ("UPS", UPS)
