"""Price2b's channel sync: ask the store to fetch new orders from its marketplaces, and watch
it — its status, when it started and finished, the per-channel counts and the next scheduled
run. The store's calls run on the connection's worker; the dialog only shows their answers
(as plain text: channel names come from the API).

While a sync is running the status is read again every ``poll_ms`` (at most ``max_polls``
times, so a sync the store never finishes does not poll forever)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.connectors.base import ChannelSyncStatus
from fulfillment_station.connectors.errors import ConnectorError
from fulfillment_station.services import operations
from fulfillment_station.services.resources import SyncResources
from fulfillment_station.ui.common.i18n import current_locale, format_datetime, translate_message
from fulfillment_station.ui.common.tasks import ConnectionWorker, Task
from fulfillment_station.ui.dialogs.ship_dialog import plain_label

_RUNNING = frozenset({"processing", "running", "pending", "queued", "in_progress"})


class ChannelSyncDialog(QDialog):
    """``worker`` is the connection's sync worker (its resources hold the connector)."""

    def __init__(
        self,
        worker: ConnectionWorker[SyncResources],
        parent: QWidget | None = None,
        *,
        poll_ms: int = 2000,
        max_polls: int = 90,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Channel sync"))
        self._worker = worker
        self._polls_left = max_polls
        self.status: ChannelSyncStatus | None = None
        layout = QVBoxLayout(self)
        self.summary = plain_label()
        self.times = plain_label()
        self.next_run = plain_label()
        self.error_label = plain_label()
        self.channels = QTableWidget(0, 4)
        self.channels.setHorizontalHeaderLabels(
            [self.tr("Channel"), self.tr("Synced"), self.tr("New"), self.tr("Updated")]
        )
        self.channels.verticalHeader().hide()
        self.start_button = QPushButton(self.tr("Start channel sync"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.start_button.clicked.connect(self.start_sync)
        self.refresh_button.clicked.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for widget in (self.summary, self.times, self.next_run):
            layout.addWidget(widget)
        layout.addWidget(QLabel(self.tr("Per channel")))
        layout.addWidget(self.channels)
        layout.addWidget(self.error_label)
        layout.addLayout(row)
        layout.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.refresh)
        self.refresh()

    def start_sync(self) -> None:
        self.start_button.setEnabled(False)
        self._watch(self._worker.call(operations.start_channel_sync))

    def refresh(self) -> None:
        self._watch(self._worker.call(operations.channel_sync_status))

    def _watch(self, task: Task[ChannelSyncStatus]) -> None:
        task.succeeded.connect(self._show)
        task.failed.connect(self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.start_button.setEnabled(True)
        text = translate_message(exc.user_message) if isinstance(exc, ConnectorError) else str(exc)
        self.error_label.setText(self.tr("The store did not answer: {error}").format(error=text))

    def _when(self, value: datetime | None) -> str:
        return format_datetime(value, current_locale()) if value is not None else "—"

    def _show(self, status: ChannelSyncStatus) -> None:
        self.status = status
        self.error_label.clear()
        running = status.status.lower() in _RUNNING
        self.start_button.setEnabled(not running)
        word = {
            "never": self.tr("No channel sync has run yet."),
            "completed": self.tr("Last channel sync completed."),
        }.get(status.status.lower(), self.tr("Channel sync {status}.").format(status=status.status))
        if running:
            word = self.tr("Channel sync running…")
        self.summary.setText(f"{word} {status.sync_id or ''}".strip())
        self.times.setText(
            self.tr("Started {started} · finished {finished}").format(
                started=self._when(status.started_at), finished=self._when(status.completed_at)
            )
        )
        self.next_run.setText(
            self.tr("Next scheduled sync: {when}").format(
                when=self._when(status.next_scheduled_sync)
            )
        )
        self.channels.setRowCount(len(status.channels))
        for row, (name, counts) in enumerate(sorted(status.channels.items())):
            values = counts if isinstance(counts, dict) else {}
            cells = [str(name)] + [
                str(values.get(key, "…"))
                for key in ("orders_synced", "orders_new", "orders_updated")
            ]
            for column, text in enumerate(cells):
                self.channels.setItem(row, column, QTableWidgetItem(text))
        if running and self._polls_left > 0:
            self._polls_left -= 1
            self._timer.start()
