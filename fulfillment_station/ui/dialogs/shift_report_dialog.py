"""The shift's numbers in the app: per hour, pack times, wrong scans and overrides, and the
carrier manifest with Save as PDF / CSV. Shows a ``station.reports.ShiftNumbers`` read by the
caller on a worker thread (``reports.load_shift``); nothing here talks to the database. Texts
from the stores and desks go into plain table items, never rich text."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.domain.messages import error_sentence
from fulfillment_station.services import station_ops
from fulfillment_station.station.reports import ManifestRow, ShiftNumbers, write_csv
from fulfillment_station.ui.common.i18n import translate_message

if TYPE_CHECKING:
    from fulfillment_station.services.resources import OutboxResources
    from fulfillment_station.ui.common.tasks import ConnectionWorker
    from fulfillment_station.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    return table


class ShiftReportDialog(QDialog):
    def __init__(self, numbers: ShiftNumbers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.numbers = numbers
        self.setWindowTitle(self.tr("Shift numbers · {day}").format(day=numbers.day))
        self.tabs = QTabWidget()
        self.hourly = _table(
            [
                self.tr("Hour"),
                self.tr("Packer"),
                self.tr("Orders"),
                self.tr("Items"),
                self.tr("Boxes"),
            ],
            [
                [
                    r.hour.astimezone().strftime("%H:00"),
                    r.who,
                    str(r.orders),
                    str(r.items),
                    str(r.boxes),
                ]
                for r in numbers.hourly
            ],
        )
        self.pack_times = _table(
            [self.tr("Order"), self.tr("Desk"), self.tr("Packer"), self.tr("Seconds")],
            [[r.order_number, r.desk, r.packer, f"{r.seconds:.0f}"] for r in numbers.pack_times],
        )
        self.scans = _table(
            [self.tr("Packer"), self.tr("Wrong items"), self.tr("Overrides")],
            [[r.who, str(r.wrong_scans), str(r.overrides)] for r in numbers.scans],
        )
        self.manifest = _table(
            [
                self.tr("Carrier"),
                self.tr("Tracking number"),
                self.tr("Order"),
                self.tr("Items"),
                self.tr("Boxes"),
            ],
            [
                [r.carrier, r.tracking, r.order_number, str(r.items), str(r.boxes)]
                for r in numbers.manifest
            ],
        )
        self.tabs.addTab(self.hourly, self.tr("Per hour"))
        self.tabs.addTab(self.pack_times, self.tr("Pack times"))
        self.tabs.addTab(self.scans, self.tr("Scans"))
        self.tabs.addTab(self.manifest, self.tr("Manifest"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_pdf = QPushButton(self.tr("Save manifest as PDF…"))
        self.save_csv = QPushButton(self.tr("Save manifest as CSV…"))
        has_shipments = bool(numbers.manifest)
        for button in (self.save_pdf, self.save_csv):
            button.setEnabled(has_shipments)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_pdf.clicked.connect(self._ask_pdf)
        self.save_csv.clicked.connect(self._ask_csv)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def write_manifest_csv(self, path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as handle:
            write_csv(self.numbers.manifest, handle, ManifestRow)

    def write_manifest_pdf(self, path: Path) -> None:
        from fulfillment_station.printing.manifest import render_manifest

        path.write_bytes(render_manifest(self.numbers.manifest, self.numbers.day))

    def _ask_pdf(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save manifest"), f"manifest-{self.numbers.day}.pdf", "PDF (*.pdf)"
        )
        if name:
            self.write_manifest_pdf(Path(name))

    def _ask_csv(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save manifest"), f"manifest-{self.numbers.day}.csv", "CSV (*.csv)"
        )
        if name:
            self.write_manifest_csv(Path(name))


class ShiftReportMenu(QObject):
    """View → Shift report…: the day's numbers read on the outbox worker (the desk's station
    connection), then shown in a :class:`ShiftReportDialog`. Without a station database the
    entry stays in the menu, disabled, and says what it needs."""

    def __init__(
        self,
        window: MainWindow,
        outbox: ConnectionWorker[OutboxResources],
        *,
        station_set: bool,
    ) -> None:
        super().__init__(window)  # lives as long as the window
        self.setObjectName("shift_report_menu")
        self.window = window
        self.outbox = outbox
        #: the dialog last opened (kept so it is not collected while shown)
        self.dialog: ShiftReportDialog | None = None
        self.action = QAction(window.tr("Shift &report…"), window)
        self.action.setObjectName("shift_report")
        if station_set:
            tip = window.tr("Today's numbers from every desk: per hour, scans, manifest")
        else:
            tip = translate_message(station_ops.NO_STATION_DATABASE)
        self.action.setEnabled(station_set)
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.open)
        window.view_menu.setToolTipsVisible(True)
        window.view_menu.addAction(self.action)

    def open(self) -> None:
        task = self.outbox.call(station_ops.load_shift_numbers)
        task.succeeded.connect(self._show)
        task.failed.connect(self._failed)

    def _show(self, numbers: ShiftNumbers) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = ShiftReportDialog(numbers, self.window)
        self.dialog.open()

    def _failed(self, exc: BaseException) -> None:
        log.warning("shift numbers could not be read: %s", exc)
        self.window.error_banner.show_message(translate_message(error_sentence(exc)))
