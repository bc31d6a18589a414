"""The first-run wizard: before anything is configured, the person setting up the desk chooses
between practising in training mode and connecting a real store (whose token goes to the
keyring through the connection dialog). The choice is saved, so it is asked once
(``services.connection_setup``: whether it is due, and remembering the answer; a small file
written from the modal wizard's button, which closes once it is written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from fulfillment_station.services.connection_setup import remember_first_run
from fulfillment_station.ui.dialogs.connection_dialog import ConnectionDialog

if TYPE_CHECKING:
    from fulfillment_station.store.secrets import TokenStore
    from fulfillment_station.store.settings import SettingsStore
    from fulfillment_station.ui.common.tasks import ConnectionWorker


class FirstRunDialog(QDialog):
    """``choice`` is "training" or "store" after it is accepted."""

    def __init__(
        self,
        store: SettingsStore,
        tokens: TokenStore,
        *,
        worker: ConnectionWorker[None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Fulfillment Station"))
        self._store = store
        self._tokens = tokens
        self._worker = worker
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This desk has no store connected yet. Practise first on a training store with "
                "realistic fake orders, or connect your store's Orders API now. You can change "
                "this later in File → Settings."
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.training_button = QPushButton(self.tr("Practise in &training mode"))
        self.connect_button = QPushButton(self.tr("&Connect a store…"))
        self.training_button.setDefault(True)
        self.training_button.clicked.connect(self._training)
        self.connect_button.clicked.connect(self._connect)
        layout.addWidget(self.training_button)
        layout.addWidget(self.connect_button)
        self.connection_dialog: ConnectionDialog | None = None

    def _training(self) -> None:
        remember_first_run(self._store)  # not asked again
        self.choice = "training"
        self.accept()

    def _connect(self) -> None:
        dialog = ConnectionDialog(self._store, self._tokens, worker=self._worker, parent=self)
        self.connection_dialog = dialog
        dialog.accepted.connect(self._connected)
        dialog.open()

    def _connected(self) -> None:
        self.choice = "store"
        self.accept()
