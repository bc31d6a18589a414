"""Adding or editing one store connection: name, dialect, base URL, token, optional CA bundle,
and a "Test connection" button.

The test runs ``services.connection_check.check_connection`` on a ``ConnectionWorker``
thread, never on the GUI thread; only its ``CheckReport`` comes back, as a signal. The HTTPS
rule (``services.connection_setup.judge_base_url``) is applied *before* anything is sent, so a
plain-HTTP address to another computer is refused with its sentence and no request leaves. On
OK ``connection_setup.save_connection`` saves the profile to the settings file and the token
to the keyring (a token is never written anywhere else); the modal dialog waits for that
answer, as it closes only once both are saved. Everything the API says is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.connectors.base import CheckReport
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.services import connection_check, connection_setup
from fulfillment_station.services.connection_check import ConnectFn
from fulfillment_station.services.connection_setup import (
    TOKEN_FILE_RISK,
    ConnectionForm,
    KeyringUnavailable,
    NotWritten,
)
from fulfillment_station.store.settings import DOCUMENT_LANGUAGES
from fulfillment_station.ui.common.i18n import translate_message
from fulfillment_station.ui.common.table_model import RowTableModel
from fulfillment_station.ui.common.tasks import ConnectionWorker, Task

if TYPE_CHECKING:
    from fulfillment_station.store.secrets import TokenStore
    from fulfillment_station.store.settings import ConnectionProfile, SettingsStore

AnyIndex = QModelIndex | QPersistentModelIndex


class CapabilitiesModel(RowTableModel[tuple[str, str, str]]):
    """The (what, supported, note) rows of ``Capabilities.table()``."""

    HEADERS = (
        QT_TRANSLATE_NOOP("CapabilitiesModel", "What"),
        QT_TRANSLATE_NOOP("CapabilitiesModel", "Supported"),
        QT_TRANSLATE_NOOP("CapabilitiesModel", "Note"),
    )

    def header_words(self) -> list[str]:
        return [self.tr(header) for header in self.HEADERS]

    def cell(self, row: tuple[str, str, str], column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return translate_message(row[column])
        return None


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


# (parent, the risk in plain words) -> whether the person accepts it
ConfirmRisk = Callable[[QWidget, str], bool]


def ask_to_accept_risk(parent: QWidget, risk: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ConnectionDialog", "Keep the token in a file?"),
        risk,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


class ConnectionDialog(QDialog):
    """Add (``profile=None``) or edit a connection. After OK, ``profile`` is what was saved.

    ``worker`` runs the test; without one the dialog starts its own and stops it when it
    closes. ``connect_fn`` is the connector factory (tests pass a recording one)."""

    check_finished = Signal(object)  # the CheckReport, or the exception that stopped the test

    def __init__(
        self,
        settings_store: SettingsStore,
        tokens: TokenStore,
        *,
        profile: ConnectionProfile | None = None,
        worker: ConnectionWorker[None] | None = None,
        connect_fn: ConnectFn | None = None,
        confirm_risk: ConfirmRisk | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit connection") if profile else self.tr("Add connection"))
        self._confirm_risk = confirm_risk or ask_to_accept_risk
        self._settings_store = settings_store
        self._tokens = tokens
        self._editing = profile
        self._worker = worker
        self._own_worker = False
        # None: the connectors' own connect (tests pass a recording one).
        self._connect = connect_fn
        self._task: Task[CheckReport] | None = None
        self.profile: ConnectionProfile | None = profile

        self.label_edit = QLineEdit(profile.label if profile else "")
        self.dialect_combo = QComboBox()
        for dialect, store_name in connection_check.dialect_choices():
            # The store's product name (a brand, the same in every language), not the code.
            self.dialect_combo.addItem(store_name, dialect)
        if profile is not None:
            self.dialect_combo.setCurrentIndex(max(0, self.dialect_combo.findData(profile.dialect)))
        self.url_edit = QLineEdit(profile.base_url if profile else "")
        self.url_edit.setPlaceholderText("https://")
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if profile is not None:
            self.token_edit.setPlaceholderText(self.tr("unchanged (saved in the system keyring)"))
        self.ca_edit = QLineEdit(profile.ca_bundle or "" if profile else "")
        self.ca_edit.setPlaceholderText(
            self.tr("optional: PEM file of a private certificate authority")
        )
        # The language of this store's slips and labels: its customers', not the packer's.
        self.document_language_combo = QComboBox()
        for code, name in DOCUMENT_LANGUAGES:
            # Each language by its own name; only "same as the app" is in the UI language.
            self.document_language_combo.addItem(name if code else self.tr("Same as the app"), code)
        self.document_language_combo.setToolTip(
            self.tr(
                "Language of this store's packing slips and of the labels the app prints; "
                "by default the language of the app."
            )
        )
        if profile is not None:
            self.document_language_combo.setCurrentIndex(
                max(0, self.document_language_combo.findData(profile.document_language))
            )
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit)
        ca_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.label_edit)
        form.addRow(self.tr("API dialect"), self.dialect_combo)
        form.addRow(self.tr("Base URL"), self.url_edit)
        form.addRow(self.tr("API token"), self.token_edit)
        form.addRow(self.tr("CA bundle"), ca_row)
        form.addRow(self.tr("Document language"), self.document_language_combo)

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.status_label = _plain_label()
        self.message_label = _plain_label()
        self.capabilities = CapabilitiesModel(self)
        self.capabilities_view = QTableView()
        self.capabilities_view.setModel(self.capabilities)
        self.capabilities_view.verticalHeader().hide()
        self.capabilities_view.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.error_label = _plain_label()
        # Only offered when there is no keyring: the token in a user-only file, risk stated.
        self.token_file_button = QPushButton(self.tr("Keep the token in a file only I can read…"))
        self.token_file_button.setVisible(False)
        self.token_file_button.clicked.connect(self._opt_in_token_file)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.test_button)
        layout.addWidget(self.status_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.capabilities_view)
        layout.addWidget(self.error_label)
        layout.addWidget(self.token_file_button)
        layout.addWidget(self.buttons)

    # -- reading the form ---------------------------------------------------------------------

    def _values(self) -> tuple[str, str, str, str, str | None]:
        ca = self.ca_edit.text().strip() or None
        return (
            self.label_edit.text().strip(),
            str(self.dialect_combo.currentData()),
            self.url_edit.text().strip(),
            self.token_edit.text().strip(),
            ca,
        )

    def _problem(self, *, for_test: bool) -> str | None:
        """The first thing wrong with the form, as one sentence, or ``None``."""
        label, _dialect, url, token, ca = self._values()
        if not for_test and not label:
            return self.tr("Give the connection a name.")
        if not url:
            return self.tr("Enter the store's API base URL (it starts with https://).")
        verdict = connection_setup.judge_base_url(url)
        if verdict.problem is not None:
            return translate_message(verdict.problem)
        if not token and self._editing is None:
            return self.tr("Paste the store's API token.")
        if ca and not Path(ca).is_file():
            return self.tr("The CA bundle file {path} does not exist.").format(path=ca)
        return None

    # -- test ---------------------------------------------------------------------------------

    def test_connection(self) -> None:
        problem = self._problem(for_test=True)
        if problem is not None:
            self._show_result(problem)
            return
        _label, dialect, url, token, ca = self._values()
        saved_id = self._editing.id if self._editing is not None and not token else None
        if self._worker is None:
            self._worker = ConnectionWorker(lambda: None, lambda _r: None, name="connection-test")
            self._own_worker = True
        self.test_button.setEnabled(False)
        self.status_label.setText(self.tr("Testing…"))
        self.message_label.clear()
        self.capabilities.set_rows([])
        # One test at a time (the button is disabled until it ends). Bound slots, not lambdas,
        # so the results are delivered on the GUI thread.
        self._task = self._worker.call(
            connection_check.check_connection,
            self._tokens,
            dialect,
            url,
            token,
            saved_id,
            ca,
            connect_fn=self._connect,
        )
        self._task.succeeded.connect(self._on_checked)
        self._task.failed.connect(self._on_checked)

    @Slot(object)
    def _on_checked(self, outcome: object) -> None:
        self._task = None
        self.test_button.setEnabled(True)
        if isinstance(outcome, CheckReport):
            yes, no = self.tr("yes"), self.tr("no")
            count = (
                self.tr("unknown")
                if outcome.orders_visible is None
                else str(outcome.orders_visible)
            )
            self.status_label.setText(
                self.tr(
                    "Reachable: {reachable}\nAuthenticated: {authenticated}\n"
                    "Orders visible: {count}"
                ).format(
                    reachable=yes if outcome.reachable else no,
                    authenticated=yes if outcome.authenticated else no,
                    count=count if outcome.authenticated else "-",
                )
            )
            self.message_label.setText(translate_message(outcome.message))
            self.capabilities.set_rows(outcome.capabilities.table())
        else:
            self._show_result(
                getattr(outcome, "user_message", None)
                or self.tr("The connection could not be tested: {error}").format(error=outcome)
            )
        self.check_finished.emit(outcome)

    def _show_result(self, message: str) -> None:
        self.status_label.setText(self.tr("Not tested."))
        self.message_label.setText(translate_message(message))
        self.capabilities.set_rows([])

    # -- save ---------------------------------------------------------------------------------

    def save(self) -> None:
        problem = self._problem(for_test=False)
        if problem is not None:
            self.error_label.setText(problem)
            return
        label, dialect, url, token, ca = self._values()
        form = ConnectionForm(
            label,
            dialect,
            url,
            token,
            ca,
            document_language=str(self.document_language_combo.currentData() or ""),
        )
        outcome = connection_setup.save_connection(
            self._settings_store,
            self._tokens,
            form,
            profile_id=self._editing.id if self._editing else None,
        )
        if isinstance(outcome, KeyringUnavailable):
            self.error_label.setText(translate_message(outcome.message))
            self.token_file_button.setVisible(outcome.file_offered)
            return
        if isinstance(outcome, NotWritten):
            self.error_label.setText(
                self.tr("The settings could not be saved: {error}.").format(error=outcome.error)
            )
            return
        self.profile = outcome.profile
        self.accept()

    def _opt_in_token_file(self) -> None:
        """The explicit, informed choice to keep tokens in a user-only file; then save."""
        if not self._confirm_risk(self, translate_message(TOKEN_FILE_RISK)):
            return
        refused = connection_setup.keep_tokens_in_file(self._tokens)
        if refused is not None:
            self.error_label.setText(
                self.tr("The token file could not be made: {error}.").format(error=refused.error)
            )
            return
        self.token_file_button.setVisible(False)
        self.save()

    def _browse_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("CA bundle"), "", self.tr("Certificates (*.pem *.crt);;All files (*)")
        )
        if path:
            self.ca_edit.setText(path)

    def done(self, result: int) -> None:
        if self._own_worker and self._worker is not None:
            self._worker.stop()
            self._worker = None
        super().done(result)
