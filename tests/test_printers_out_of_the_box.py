"""Printing out of the box: in training, Ctrl+P with nothing set up saves the slip as a PDF in
a folder the app made and names on screen; Settings → Printers offers the system's printers
(CUPS queues, asked of a private cupsd) and prints a test page, saying in one sentence what
became of it."""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from fulfillment_station.services.training_printer import training_print_folder
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import Settings, SettingsStore
from fulfillment_station.ui.dialogs.settings_dialog import SettingsDialog
from tests.helpers.cups_server import (
    CUPS_PDF_ANONYMOUS,
    PrivateCups,
    cups_pdf_missing,
    cupsd_missing,
)
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.langdesk_session import training_session
from tests.helpers.zebra_sim import ZebraSimulator

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.e2e
def test_ctrl_p_in_training_saves_the_slip_in_the_folder_the_window_names(
    qtbot: Any, qapp: QApplication, tmp_path: Path
) -> None:
    with training_session(qtbot, qapp, tmp_path) as session:
        window = session.parts.window
        folder = training_print_folder(tmp_path / "data", create=False)
        assert folder.is_dir() and list(folder.iterdir()) == []
        # Named on screen before anything is printed.
        named = window.findChild(QLabel, "training-printer")
        assert named is not None and named.isVisible()
        assert str(folder) in named.text()
        assert session.live["printers.slip_printer"] == ""  # nothing was set up

        window.show()
        window.table.setFocus()
        window.table.selectRow(0)
        (ref,) = window.selected_refs()
        number = next(s.number for s in window.model.summaries if s.order_id == ref.order_id)
        print_slip = next(
            a
            for a in window.findChildren(type(window.pack_action))
            if a.shortcut() == QKeySequence("Ctrl+P")
        )
        print_slip.trigger()
        qtbot.waitUntil(lambda: any(folder.glob("*.pdf")), timeout=30_000)
        (saved,) = folder.glob("*.pdf")
        assert number in pdf_text(saved.read_bytes())
        qtbot.waitUntil(lambda: str(folder) in window.statusBar().currentMessage(), timeout=10_000)
        assert window.statusBar().currentMessage().startswith(f"Packing slip {number} sent to")
        assert "No slip printer" not in window.error_banner.message.text()

        # Settings says where an empty printer prints, and its test page lands there too.
        settings_action = next(
            a for a in session.parts.file_menu.menu.actions() if a.text() == "&Settings…"
        )
        settings_action.trigger()
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, SettingsDialog) and w.isVisible()
        )
        slip_printer = dialog.editor("printers.slip_printer")
        assert isinstance(slip_printer, QComboBox) and slip_printer.lineEdit() is not None
        assert "training folder" in slip_printer.lineEdit().placeholderText()
        assert dialog.training_printer_note is not None
        assert dialog.training_printer_note.text() == (
            f"Training: what you print is saved as PDF files in {folder}"
        )
        with qtbot.waitSignal(dialog.test_page_printed, timeout=30_000) as told:
            dialog.test_page_button.click()
        assert told.args[0] == (f"The test page went to {folder}; check that it came out whole.")
        assert len(list(folder.glob("test-page*.pdf"))) == 1
        dialog.reject()


@pytest.fixture
def cups(monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateCups]:
    """A private cupsd on a loopback port (see tests/helpers/cups_server.py)."""
    missing = cupsd_missing()
    if missing is not None:
        pytest.skip(missing)
    # Not under tmp_path (0700): cupsd started as root runs its filters as lp.
    root = Path(tempfile.mkdtemp(prefix="fs-cups-"))
    os.chmod(root, 0o755)
    server = PrivateCups(root)
    try:
        server.start()
        monkeypatch.setenv("CUPS_SERVER", server.server)
        monkeypatch.setenv("CUPS_USER", "fs-test-desk")  # cups-pdf files it under ANONYMOUS
        yield server
    finally:
        server.close()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def dialog(qtbot: Any, tmp_path: Path) -> Iterator[SettingsDialog]:
    settings = Settings.defaults().replace(
        {"printers.named": [{"name": "Office", "uri": "tcp://127.0.0.1:9"}]}
    )
    opened = SettingsDialog(
        SettingsStore(tmp_path / "settings.json"), TokenStore(MemoryKeyring()), settings
    )
    qtbot.addWidget(opened)
    opened.show()
    yield opened
    opened.reject()  # stops its hardware thread


def show_printers_tab(qtbot: Any, dialog: SettingsDialog) -> list[str]:
    """Open Settings → Printers as the packer does; the choices it then offers."""
    page = next(i for i in range(dialog.tabs.count()) if dialog.tabs.tabText(i) == "Printers")
    with qtbot.waitSignal(dialog.printers_listed, timeout=30_000) as listed:
        dialog.tabs.setCurrentIndex(page)
    return list(listed.args[0])


@pytest.mark.integration
def test_the_printer_fields_list_the_systems_printers(
    qtbot: Any, cups: PrivateCups, dialog: SettingsDialog
) -> None:
    with ZebraSimulator() as zebra:
        cups.add_socket_queue("Desk_raw", zebra.port)
        cups.add_socket_queue("Backroom", zebra.port)
        offered = show_printers_tab(qtbot, dialog)
    # The printers named in this form first, then the CUPS queues (in lpstat's order).
    assert offered[0] == "Office" and sorted(offered[1:]) == ["cups:Backroom", "cups:Desk_raw"]
    for key in ("printers.slip_printer", "printers.label_printer"):
        combo = dialog.editor(key)
        assert isinstance(combo, QComboBox)
        assert [combo.itemText(i) for i in range(combo.count())] == offered
        assert combo.currentText() == ""  # offering chose nothing for the packer
    slip = dialog.editor("printers.slip_printer")
    assert isinstance(slip, QComboBox)
    slip.setCurrentIndex(slip.findText("cups:Backroom"))
    assert dialog.validated() is not None
    assert dialog.validated()["printers.slip_printer"] == "cups:Backroom"  # type: ignore[index]


@pytest.mark.integration
def test_a_test_page_reaches_the_cups_queue_and_is_reported_in_one_sentence(
    qtbot: Any, cups: PrivateCups, dialog: SettingsDialog
) -> None:
    with ZebraSimulator() as printer:
        cups.add_socket_queue("Desk_raw", printer.port)
        show_printers_tab(qtbot, dialog)
        slip = dialog.editor("printers.slip_printer")
        assert isinstance(slip, QComboBox)
        slip.setCurrentIndex(slip.findText("cups:Desk_raw"))
        with qtbot.waitSignal(dialog.test_page_printed, timeout=30_000) as told:
            qtbot.mouseClick(dialog.test_page_button, Qt.MouseButton.LeftButton)
        assert told.args[0] == "The test page went to Desk_raw; check that it came out whole."
        assert dialog.test_page_result.text() == told.args[0]
        assert printer.wait_for_jobs(1, timeout=20)
        (job,) = printer.jobs
    assert job.startswith(b"%PDF")
    assert "TEST-PAGE" in pdf_text(job)

    # A printer that is not there: one sentence saying so, nothing else.
    slip.setEditText("cups:Nowhere")
    with qtbot.waitSignal(dialog.test_page_printed, timeout=30_000) as told:
        dialog.test_page_button.click()
    assert told.args[0].startswith("The test page was not printed: ")
    assert "Nowhere" in told.args[0] and "\n" not in told.args[0]


@pytest.mark.integration
def test_a_test_page_comes_out_of_the_virtual_pdf_printer(
    qtbot: Any, cups: PrivateCups, dialog: SettingsDialog
) -> None:
    missing = cups_pdf_missing()
    if missing is not None:
        pytest.skip(missing)
    cups.add_pdf_queue("Desk_PDF")
    before = set(CUPS_PDF_ANONYMOUS.glob("*.pdf")) if CUPS_PDF_ANONYMOUS.is_dir() else set()
    assert "cups:Desk_PDF" in show_printers_tab(qtbot, dialog)
    slip = dialog.editor("printers.slip_printer")
    assert isinstance(slip, QComboBox)
    slip.setCurrentIndex(slip.findText("cups:Desk_PDF"))
    with qtbot.waitSignal(dialog.test_page_printed, timeout=30_000) as told:
        dialog.test_page_button.click()
    assert told.args[0] == "The test page went to Desk_PDF; check that it came out whole."

    def new_pdfs() -> set[Path]:
        found = set(CUPS_PDF_ANONYMOUS.glob("*.pdf")) if CUPS_PDF_ANONYMOUS.is_dir() else set()
        return found - before

    qtbot.waitUntil(lambda: bool(new_pdfs()), timeout=30_000)
    (made,) = new_pdfs()
    qtbot.waitUntil(lambda: "TEST-PAGE" in _readable(made), timeout=10_000)
    made.unlink()


def _readable(path: Path) -> str:
    """The PDF's text, or "" while cups-pdf is still writing it."""
    try:
        return pdf_text(path.read_bytes())
    except Exception:
        return ""


def test_a_test_label_comes_out_in_the_label_printers_format(qtbot: Any, tmp_path: Path) -> None:
    labels = tmp_path / "labels"
    labels.mkdir()
    opened = SettingsDialog(
        SettingsStore(tmp_path / "settings.json"),
        TokenStore(MemoryKeyring()),
        Settings.defaults().replace(
            {"printers.label_printer": f"file:{labels}", "printers.label_format": "zpl"}
        ),
    )
    qtbot.addWidget(opened)
    opened.show()
    try:
        with qtbot.waitSignal(opened.test_page_printed, timeout=30_000) as told:
            qtbot.mouseClick(opened.test_label_button, Qt.MouseButton.LeftButton)
        assert told.args[0] == f"The test page went to {labels}; check that it came out whole."
        (label,) = labels.iterdir()
        assert label.suffix == ".zpl"
        zpl = label.read_text(encoding="utf-8")
        assert zpl.startswith("^XA") and "TEST-PAGE" in zpl

        # No slip printer outside training: the sentence says so, nothing is written.
        with qtbot.waitSignal(opened.test_page_printed, timeout=30_000) as told:
            opened.test_page_button.click()
        assert told.args[0].startswith("The test page was not printed: ")
        assert "slip printer" in told.args[0]
        assert opened.test_page_button.isEnabled()
    finally:
        opened.reject()
