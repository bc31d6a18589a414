"""The settings dialog, generated from the option table in ``store/settings.py``: one tab per
section, one row per option (line edit, spin box, check box or combo by the option's kind,
its description as the tooltip). The Connections tab is the one written by hand: a list of
profiles with Add/Edit/Remove (each through ``ConnectionDialog``) and the active connection.

OK validates everything (required fields, ranges, and the HTTPS rule for every connection URL,
through ``services.settings_edit``), shows the first problem as one sentence on the tab it
belongs to, and only then writes the file (``settings_edit.save_settings``; the modal dialog
closes once it is written). Cancel writes nothing, except that a connection added or edited
through its own dialog was already saved by that dialog's OK (its token had to go to the
keyring then anyway).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.services import settings_edit
from fulfillment_station.services.connection_check import ConnectFn
from fulfillment_station.services.connection_setup import shown_host
from fulfillment_station.services.settings_edit import FieldProblem
from fulfillment_station.store.settings import OPTIONS, SECTIONS, Kind, Option
from fulfillment_station.ui.common.i18n import translate_message
from fulfillment_station.ui.common.tasks import ConnectionWorker, TaskContext
from fulfillment_station.ui.dialogs.connection_dialog import ConnectionDialog
from fulfillment_station.ui.pack.sounds import sound_backend

if TYPE_CHECKING:
    from fulfillment_station.store.secrets import TokenStore
    from fulfillment_station.store.settings import ConnectionProfile, Settings, SettingsStore

log = logging.getLogger(__name__)

# Hand-built on the Connections tab rather than generated.
_CUSTOM = frozenset({"connections.profiles", "connections.active"})


def _settings_text(text: str) -> str:
    """A label, description, choice or tab title of ``store/settings.py`` (which has no Qt) in
    the UI language; the catalogs list them under the context "Settings"."""
    return QCoreApplication.translate("Settings", text)


class _Field:
    """One generated editor: the widget to put in the form and how to read/write it."""

    def __init__(
        self,
        option: Option,
        widget: QWidget,
        editor: QWidget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
    ) -> None:
        self.option = option
        self.widget = widget  # what goes in the form row
        self.editor = editor  # what takes the input (tests type into it)
        self.read = read
        self.write = write


#: The printer choices: an editable list of the system's printers (CUPS queues) and the named
#: ones, in which an address (tcp://, cups:, file:) can still be typed.
PRINTER_KEYS: tuple[str, ...] = ("printers.slip_printer", "printers.label_printer")


def _make_printer_field(option: Option, parent: QWidget) -> _Field:
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return _Field(
        option,
        combo,
        combo,
        lambda: combo.currentText().strip(),
        lambda value: combo.setEditText(str(value or "")),
    )


def _make_field(option: Option, parent: QWidget) -> _Field:
    kind = option.kind
    if option.key in PRINTER_KEYS:
        return _make_printer_field(option, parent)
    if kind is Kind.BOOL:
        box = QCheckBox(parent)
        return _Field(option, box, box, box.isChecked, box.setChecked)
    if kind is Kind.INT:
        spin = QSpinBox(parent)
        spin.setRange(
            option.minimum if option.minimum is not None else -(2**31),
            option.maximum if option.maximum is not None else 2**31 - 1,
        )
        return _Field(option, spin, spin, spin.value, spin.setValue)
    if kind is Kind.TABLE:
        return _make_table_field(option, parent)
    if kind is Kind.CHOICE:
        combo = QComboBox(parent)
        for stored, shown in option.choices:
            combo.addItem(_settings_text(shown), stored)
        return _Field(
            option,
            combo,
            combo,
            combo.currentData,
            lambda v: combo.setCurrentIndex(max(0, combo.findData(v))),
        )
    edit = QLineEdit(parent)
    if kind is not Kind.PATH:
        return _Field(option, edit, edit, edit.text, edit.setText)
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit)
    browse = QPushButton(QCoreApplication.translate("SettingsDialog", "Browse…"), row)
    layout.addWidget(browse)

    def pick() -> None:
        path, _filter = QFileDialog.getOpenFileName(row, _settings_text(option.label), edit.text())
        if path:
            edit.setText(path)

    browse.clicked.connect(pick)
    return _Field(option, row, edit, edit.text, edit.setText)


def _make_table_field(option: Option, parent: QWidget) -> _Field:
    """Rows of text cells (named printers, box types) with Add and Remove; empty rows are
    dropped on reading, and the settings check the rest."""
    row = QWidget(parent)
    layout = QVBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    names = [name for name, _heading in option.columns]
    table = QTableWidget(0, len(names), row)
    table.setHorizontalHeaderLabels([_settings_text(heading) for _n, heading in option.columns])
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(110)
    add = QPushButton(QCoreApplication.translate("SettingsDialog", "Add"), row)
    remove = QPushButton(QCoreApplication.translate("SettingsDialog", "Remove"), row)
    add.clicked.connect(lambda: table.insertRow(table.rowCount()))
    remove.clicked.connect(
        lambda: table.removeRow(table.currentRow()) if table.currentRow() >= 0 else None
    )
    buttons = QHBoxLayout()
    buttons.addWidget(add)
    buttons.addWidget(remove)
    buttons.addStretch()
    layout.addWidget(table)
    layout.addLayout(buttons)

    def read() -> list[dict[str, str]]:
        rows = []
        for r in range(table.rowCount()):
            cells = {}
            for c, name in enumerate(names):
                item = table.item(r, c)
                cells[name] = item.text().strip() if item is not None else ""
            if any(cells.values()):
                rows.append(cells)
        return rows

    def write(value: Any) -> None:
        table.setRowCount(0)
        for entry in value or ():
            r = table.rowCount()
            table.insertRow(r)
            for c, name in enumerate(names):
                table.setItem(r, c, QTableWidgetItem(str(entry.get(name, ""))))

    return _Field(option, row, table, read, write)


def _describe(profile: ConnectionProfile) -> str:
    return f"{profile.label} — {profile.dialect}, {shown_host(profile.base_url)}"


class SettingsDialog(QDialog):
    """Edits a copy of ``settings`` (loaded from ``store`` when not given); OK saves it and
    emits ``saved`` with what was written."""

    saved = Signal(object)  # Settings
    printers_listed = Signal(list)  # the printer choices offered (names, cups:QUEUE)
    test_page_printed = Signal(str)  # the sentence shown

    def __init__(
        self,
        store: SettingsStore,
        tokens: TokenStore,
        settings: Settings | None = None,
        *,
        worker: ConnectionWorker[None] | None = None,
        connect_fn: ConnectFn | None = None,
        sound_backend: Callable[[], str] = sound_backend,
        training_print_folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        #: where training prints when no printer is chosen (``None``: a real store is open)
        self._training_prints = training_print_folder
        self.setWindowTitle(self.tr("Settings"))
        self._sound_backend = sound_backend
        self._store = store
        self._tokens = tokens
        self._settings = settings if settings is not None else store.load()
        self._worker = worker
        self._connect = connect_fn
        self._profiles: list[ConnectionProfile] = list(self._settings.connections)
        self._removed: set[str] = set()
        self.connection_dialog: ConnectionDialog | None = None
        self.fields: dict[str, _Field] = {}

        self._hardware_worker: ConnectionWorker[None] | None = None
        self._printers_page: QWidget | None = None
        self._printers_listed = False
        self.finished.connect(self._stop_hardware_worker)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._connections_tab(), _settings_text(SECTIONS["connections"]))
        for section, title in SECTIONS.items():
            options = [o for o in OPTIONS if o.section == section and o.key not in _CUSTOM]
            if not options:
                continue
            page = QWidget()
            form = QFormLayout(page)
            for option in options:
                field = _make_field(option, page)
                field.write(self._settings[option.key])
                description = _settings_text(option.description)
                field.widget.setToolTip(description)
                label = QLabel(_settings_text(option.label) + (" *" if option.required else ""))
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setToolTip(description)
                form.addRow(label, field.widget)
                self.fields[option.key] = field
            if section == "scale":
                self._add_scale_tools(form, page)
            if section == "printers":
                self._add_printer_tools(form, page)
            if section == "sounds":
                self._add_sound_note(form, page)
            self.tabs.addTab(page, _settings_text(title))

        self.tabs.currentChanged.connect(self._tab_shown)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _add_sound_note(self, form: QFormLayout, page: QWidget) -> None:
        """Says what plays the sounds, and when the volume setting cannot act."""
        backend = self._sound_backend()
        self.sound_note = QLabel(page)
        self.sound_note.setTextFormat(Qt.TextFormat.PlainText)
        self.sound_note.setWordWrap(True)
        if backend == "beep":
            self.sound_note.setText(
                self.tr(
                    "No sound player was found on this computer, so the app can only use the "
                    "system beep, which many desktops silence and whose volume the app cannot set. "
                    "Install PipeWire's or PulseAudio's tools (pw-play, paplay) or ALSA's aplay."
                )
            )
        else:
            self.sound_note.setText(self.tr("Sounds play through {player}.").format(player=backend))
        form.addRow("", self.sound_note)

    def editor(self, key: str) -> QWidget:
        """The input widget of an option (for tests and for focusing a bad value)."""
        return self.fields[key].editor

    # -- scale tab: detect, test, zero --------------------------------------------------------

    def _add_scale_tools(self, form: QFormLayout, page: QWidget) -> None:
        self.scale_found = QComboBox(page)
        self.scale_detect_button = QPushButton(self.tr("Detect"), page)
        self.scale_test_button = QPushButton(self.tr("Test scale"), page)
        self.scale_zero_button = QPushButton(self.tr("Zero"), page)
        self.scale_result = QLabel(page)
        self.scale_result.setTextFormat(Qt.TextFormat.PlainText)  # scale bytes are untrusted
        self.scale_result.setWordWrap(True)
        self.scale_detect_button.clicked.connect(self.detect_scales)
        self.scale_test_button.clicked.connect(self.test_scale)
        self.scale_zero_button.clicked.connect(self.zero_scale)
        self.scale_found.activated.connect(self._scale_chosen)
        found_row = QHBoxLayout()
        found_row.addWidget(self.scale_found, 1)
        found_row.addWidget(self.scale_detect_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.scale_test_button)
        buttons.addWidget(self.scale_zero_button)
        buttons.addStretch()
        form.addRow(self.tr("Detected"), found_row)
        form.addRow("", buttons)
        form.addRow("", self.scale_result)

    def detect_scales(self) -> None:
        """List the USB scales and serial ports plugged in now (enumeration is quick)."""
        from fulfillment_station.hardware.hid_scale import find_hid_scales
        from fulfillment_station.hardware.serial_scale import list_serial_ports

        self.scale_found.clear()
        for found in find_hid_scales():
            self.scale_found.addItem(
                self.tr("USB scale: {label}").format(label=found.label), ("hid", found.path)
            )
        for device, description in list_serial_ports():
            self.scale_found.addItem(
                self.tr("Serial port {device} ({description})").format(
                    device=device, description=description
                ),
                ("serial", device),
            )
        if self.scale_found.count() == 0:
            self.scale_result.setText(self.tr("No USB scale or serial port was found."))
        else:
            self.scale_result.setText(self.tr("Choose the scale in the list above."))

    def _scale_chosen(self, index: int) -> None:
        choice = self.scale_found.itemData(index)
        if choice:
            self.fields["scale.source"].write(choice[0])
            self.fields["scale.device"].write(choice[1])

    def _form_settings(self, prefix: str, result: QLabel) -> Settings | None:
        """The saved settings with this tab's fields as the form holds them now."""
        settings = settings_edit.apply_form_values(
            self._settings,
            ((key, field.read()) for key, field in self.fields.items() if key.startswith(prefix)),
        )
        if isinstance(settings, FieldProblem):
            result.setText(settings.message)
            return None
        return settings

    def _hardware(self) -> ConnectionWorker[None]:
        """The thread that talks to scales and printers, so the dialog never waits on them."""
        if self._hardware_worker is None:
            self._hardware_worker = ConnectionWorker(
                lambda: None, close_resources=lambda _r: None, name="hardware"
            )
        return self._hardware_worker

    def _run_on_scale(self, action: Callable[[Any], str]) -> None:
        """Open the form's scale on a worker thread, run ``action`` on it, show the result."""
        from fulfillment_station.services.weighing import open_scale

        settings = self._form_settings("scale.", self.scale_result)
        if settings is None:
            return

        def work(_ctx: TaskContext[None]) -> str:
            from fulfillment_station.hardware.scale import ScaleError

            try:
                scale = open_scale(settings)
                if scale is None:
                    return self.tr("Weights are typed by hand; choose a USB or serial scale first.")
                try:
                    return action(scale)
                finally:
                    scale.close()
            except ScaleError as exc:
                return translate_message(exc.message)

        self.scale_result.setText(self.tr("Asking the scale…"))
        self.scale_test_button.setEnabled(False)
        self.scale_zero_button.setEnabled(False)
        task = self._hardware().submit(work, name="scale test")
        task.succeeded.connect(self._scale_answered)
        task.failed.connect(lambda exc: self._scale_answered(str(exc)))

    def _scale_answered(self, text: object) -> None:
        self.scale_result.setText(str(text))
        self.scale_test_button.setEnabled(True)
        self.scale_zero_button.setEnabled(True)

    def test_scale(self) -> None:
        from fulfillment_station.hardware.scale import read_stable

        def read(scale: Any) -> str:
            reading = read_stable(scale, timeout=5)
            unit = reading.unit or "kg"
            weight = reading.stable_weight
            assert weight is not None
            return self.tr("The scale reads {weight} {unit} (stable).").format(
                weight=format(weight.in_unit(unit, 3), "f"), unit=unit
            )

        self._run_on_scale(read)

    def zero_scale(self) -> None:
        def zero(scale: Any) -> str:
            if scale.zero():
                return self.tr("The scale was asked to zero; leave it empty for a moment.")
            return self.tr("This scale is zeroed with the key on the scale itself.")

        self._run_on_scale(zero)

    # -- printers tab: ask every printer ---------------------------------------------------------

    def _add_printer_tools(self, form: QFormLayout, page: QWidget) -> None:
        self._printers_page = page
        self.training_printer_note: QLabel | None = None
        if self._training_prints is not None:
            empty = self.tr("Empty: PDF files in the training folder (below)")
            # Named in full under the printer fields: a long path does not fit in a field.
            from fulfillment_station.services.training_printer import TRAINING_PRINTER_NOTE

            note = QLabel(
                translate_message(TRAINING_PRINTER_NOTE.format(folder=str(self._training_prints))),
                page,
            )
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # PySide6 types the (row, role) pair as a plain object.
            position = cast(
                tuple[int, Any], form.getWidgetPosition(self.fields[PRINTER_KEYS[-1]].widget)
            )
            form.insertRow(position[0] + 1, "", note)
            self.training_printer_note = note
        else:
            empty = self.tr("Choose a printer, or type tcp://host:9100, cups:QUEUE or file:/folder")
        for key in PRINTER_KEYS:
            combo = self.fields[key].editor
            assert isinstance(combo, QComboBox)
            line = combo.lineEdit()
            if line is not None:
                line.setPlaceholderText(empty)
        self._offer_printers([])
        self.test_page_button = QPushButton(self.tr("Print a test page"), page)
        self.test_page_button.setToolTip(
            self.tr("Print a sample packing slip on the slip printer chosen above.")
        )
        self.test_label_button = QPushButton(self.tr("Print a test label"), page)
        self.test_label_button.setToolTip(
            self.tr("Print a sample 4×6 label on the label printer chosen above.")
        )
        self.test_page_result = QLabel(page)
        self.test_page_result.setTextFormat(Qt.TextFormat.PlainText)  # printer words: untrusted
        self.test_page_result.setWordWrap(True)
        self.test_page_button.clicked.connect(lambda: self.print_test_page("slip"))
        self.test_label_button.clicked.connect(lambda: self.print_test_page("label"))
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_page_button)
        test_row.addWidget(self.test_label_button)
        test_row.addStretch()
        form.addRow("", test_row)
        form.addRow("", self.test_page_result)
        self.printer_check_button = QPushButton(self.tr("Check printers"), page)
        self.printer_check_button.setToolTip(
            self.tr("Ask each printer whether it can print now, and list the CUPS printers.")
        )
        self.printer_result = QLabel(page)
        self.printer_result.setTextFormat(Qt.TextFormat.PlainText)  # printer words: untrusted
        self.printer_result.setWordWrap(True)
        self.printer_check_button.clicked.connect(self.check_printers)
        form.addRow("", self.printer_check_button)
        form.addRow("", self.printer_result)

    def check_printers(self) -> None:
        from fulfillment_station.hardware.cups import CupsUnavailable, list_queues
        from fulfillment_station.services.printer_check import check_printers

        settings = self._form_settings("printers.", self.printer_result)
        if settings is None:
            return
        if self._training_prints is not None:  # an empty printer is the training folder
            from fulfillment_station.services.training_printer import with_training_printer

            settings = with_training_printer(settings, self._training_prints)

        def work(_ctx: TaskContext[None]) -> str:
            lines: list[str] = []
            for state in check_printers(settings):
                verdict = {
                    True: self.tr("can print"),
                    False: self.tr("cannot print"),
                    None: self.tr("did not say whether it can print"),
                }[state.can_print]
                lines.append(f"{state.name}: {verdict}")
                lines += [f"    {translate_message(p)}" for p in (*state.problems, *state.warnings)]
            try:
                queues = list_queues(timeout=5)
            except CupsUnavailable:
                queues = []
            if queues:
                lines.append(self.tr("CUPS printers:"))
                for queue in queues:
                    state_text = {
                        "idle": self.tr("idle"),
                        "printing": self.tr("printing"),
                        "stopped": self.tr("stopped"),
                    }[queue.state]
                    accepting = "" if queue.accepting else self.tr(", not accepting jobs")
                    lines.append(f"    cups:{queue.name} — {state_text}{accepting}")
            return "\n".join(lines) or self.tr("No printer is set up yet.")

        self.printer_result.setText(self.tr("Asking the printers…"))
        self.printer_check_button.setEnabled(False)
        task = self._hardware().submit(work, name="printer check")
        task.succeeded.connect(self._printers_answered)
        task.failed.connect(lambda exc: self._printers_answered(str(exc)))

    def _printers_answered(self, text: object) -> None:
        self.printer_result.setText(str(text))
        self.printer_check_button.setEnabled(True)

    def _tab_shown(self, index: int) -> None:
        """The system's printers are asked for the first time the Printers tab is shown (lpstat
        can take seconds when CUPS is slow; most visits to Settings are not about printers)."""
        if (
            not self._printers_listed
            and self._printers_page is not None
            and self.tabs.widget(index) is self._printers_page
        ):
            self.list_printers()

    def list_printers(self) -> None:
        """Offer the system's printers (CUPS queues) in the printer fields, on the hardware
        worker; ``printers_listed`` tells when they are there."""
        from fulfillment_station.hardware.cups import CupsUnavailable, list_queues

        self._printers_listed = True

        def work(_ctx: TaskContext[None]) -> list[str]:
            try:
                return [f"cups:{queue.name}" for queue in list_queues(timeout=5)]
            except CupsUnavailable as exc:
                log.info("no CUPS printers to offer: %s", exc)
                return []

        task = self._hardware().submit(work, name="list printers")
        task.succeeded.connect(lambda queues: self._offer_printers(list(queues)))
        task.failed.connect(lambda _exc: self._offer_printers([]))

    def _offer_printers(self, queues: list[str]) -> None:
        """The named printers (this form's table) and ``queues`` as the printer choices; what
        each field holds stays as it is."""
        named = self.fields.get("printers.named")
        names = [row["name"] for row in named.read()] if named is not None else []
        choices = [*names, *(q for q in queues if q not in names)]
        for key in PRINTER_KEYS:
            combo = self.fields[key].editor
            assert isinstance(combo, QComboBox)
            current = combo.currentText()
            combo.clear()
            combo.addItems(choices)
            combo.setEditText(current)
        self.printers_listed.emit(choices)

    def print_test_page(self, kind: str) -> None:
        """Print a sample slip (``kind`` "slip") or label on the printer the form names, and
        say in one sentence what became of it."""
        from fulfillment_station.services.printer_check import print_test_page
        from fulfillment_station.services.training_printer import with_training_printer

        settings = self._form_settings("printers.", self.test_page_result)
        if settings is None:
            return
        if self._training_prints is not None:
            settings = with_training_printer(settings, self._training_prints)
        printer_kind: Literal["slip", "label"] = "label" if kind == "label" else "slip"

        def work(_ctx: TaskContext[None]) -> str:
            return translate_message(print_test_page(settings, printer_kind))

        self.test_page_result.setText(self.tr("Printing a test page…"))
        self.test_page_button.setEnabled(False)
        self.test_label_button.setEnabled(False)
        task = self._hardware().submit(work, name="test page")
        task.succeeded.connect(self._test_page_done)
        task.failed.connect(
            lambda exc: self._test_page_done(
                self.tr("The test page was not printed: {reason}").format(reason=str(exc))
            )
        )

    def _test_page_done(self, text: object) -> None:
        self.test_page_result.setText(str(text))
        self.test_page_button.setEnabled(True)
        self.test_label_button.setEnabled(True)
        self.test_page_printed.emit(str(text))

    @Slot()
    def _stop_hardware_worker(self) -> None:
        if self._hardware_worker is not None:
            self._hardware_worker.stop()
            self._hardware_worker = None

    # -- connections tab ----------------------------------------------------------------------

    def _connections_tab(self) -> QWidget:
        page = QWidget()
        self.profile_list = QListWidget(page)
        self.active_combo = QComboBox(page)
        self.add_button = QPushButton(self.tr("Add…"), page)
        self.edit_button = QPushButton(self.tr("Edit…"), page)
        self.remove_button = QPushButton(self.tr("Remove"), page)
        self.add_button.clicked.connect(lambda: self._open_connection(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.remove_button.clicked.connect(self._remove_selected)
        self.profile_list.itemDoubleClicked.connect(lambda _item: self._edit_selected())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        note = QLabel(
            self.tr(
                "API tokens are kept in this computer's password store (keyring), "
                "never in the settings file."
            ),
            page,
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Open on start"), self.active_combo)
        layout = QVBoxLayout(page)
        layout.addWidget(self.profile_list)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(note)
        self._refresh_connections(self._settings["connections.active"])
        return page

    def _refresh_connections(self, active: str) -> None:
        self.profile_list.clear()
        self.profile_list.addItems([_describe(p) for p in self._profiles])
        self.active_combo.clear()
        self.active_combo.addItem(self.tr("Training mode (practice store, no real orders)"), "")
        for profile in self._profiles:
            self.active_combo.addItem(profile.label, profile.id)
        self.active_combo.setCurrentIndex(max(0, self.active_combo.findData(active)))
        has = bool(self._profiles)
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def _selected(self) -> ConnectionProfile | None:
        row = self.profile_list.currentRow()
        return self._profiles[row] if 0 <= row < len(self._profiles) else None

    def _edit_selected(self) -> None:
        profile = self._selected()
        if profile is not None:
            self._open_connection(profile)

    def _open_connection(self, profile: ConnectionProfile | None) -> None:
        dialog = ConnectionDialog(
            self._store,
            self._tokens,
            profile=profile,
            worker=self._worker,
            connect_fn=self._connect,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._connection_saved(dialog.profile))
        self.connection_dialog = dialog
        dialog.open()  # window-modal, without a nested event loop

    @Slot(object)
    def _connection_saved(self, profile: ConnectionProfile | None) -> None:
        if profile is None:
            return
        ids = [p.id for p in self._profiles]
        if profile.id in ids:
            self._profiles[ids.index(profile.id)] = profile
        else:
            self._profiles.append(profile)
        self._removed.discard(profile.id)
        active = self.active_combo.currentData() or ""
        if not active and len(self._profiles) == 1:
            active = profile.id  # the first store added is the one to open
        self._refresh_connections(active)

    def _remove_selected(self) -> None:
        profile = self._selected()
        if profile is None:
            return
        self._profiles.remove(profile)
        self._removed.add(profile.id)
        active = self.active_combo.currentData() or ""
        self._refresh_connections("" if active == profile.id else active)

    # -- OK -----------------------------------------------------------------------------------

    def _fail(self, message: str, widget: QWidget | None = None) -> None:
        self.error_label.setText(message)
        page = widget
        while page is not None and self.tabs.indexOf(page) < 0:
            page = page.parentWidget()
        if page is not None and widget is not None:
            self.tabs.setCurrentWidget(page)
            widget.setFocus()

    def validated(self) -> Settings | None:
        """The settings the form holds, or ``None`` after showing what is wrong."""
        settings = settings_edit.apply_form_values(
            self._settings, ((key, field.read()) for key, field in self.fields.items())
        )
        if isinstance(settings, FieldProblem):
            self._fail(settings.message, self.fields[settings.key].editor)
            return None
        refused = settings_edit.refused_connection(self._profiles)
        if refused is not None:
            self.tabs.setCurrentIndex(0)
            self._fail(
                self.tr("Connection “{name}”: {problem}").format(
                    name=refused.profile.label, problem=translate_message(refused.message)
                )
            )
            return None
        return settings.replace(
            {
                "connections.profiles": tuple(self._profiles),
                "connections.active": self.active_combo.currentData() or "",
            }
        )

    def save(self) -> None:
        settings = self.validated()
        if settings is None:
            return
        refused = settings_edit.save_settings(self._store, self._tokens, settings, self._removed)
        if refused is not None:
            self._fail(
                self.tr("The settings could not be saved: {error}.").format(error=refused.error)
            )
            return
        self._settings = settings
        self.saved.emit(settings)
        self.accept()
