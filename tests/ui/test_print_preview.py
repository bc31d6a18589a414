"""The PDF preview dialog and QPrinter glue, on real Qt widgets (offscreen)."""

from __future__ import annotations

import io
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from fulfillment_station.printing.errors import DocumentError
from fulfillment_station.printing.samples import sample_order, sample_settings
from fulfillment_station.printing.slip import render_slip
from fulfillment_station.ui.common.print_preview import PdfPreviewDialog, pdfium_pages, print_pdf

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


@pytest.fixture(scope="module")
def three_page_slip() -> bytes:
    return render_slip(sample_order("7007", lines=90), sample_settings("letter"))


def test_preview_shows_every_page_and_print_asks_for_printing(qtbot, three_page_slip) -> None:
    dialog = PdfPreviewDialog(three_page_slip, "Packing slip 7007")
    qtbot.addWidget(dialog)
    dialog.show()

    assert len(dialog.page_labels) == len(pypdf.PdfReader(io.BytesIO(three_page_slip)).pages)
    # Letter at 96 dpi is 816 px wide: shown whole, scaled to the window's width, no wider.
    qtbot.waitUntil(
        lambda: dialog.page_labels[0].pixmap().width() <= dialog.pages_area.viewport().width()
    )
    pixmap = dialog.page_labels[0].pixmap()
    assert abs(pixmap.height() / pixmap.width() - 1056 / 816) < 0.01
    dialog.resize(1100, 900)
    qtbot.waitUntil(lambda: dialog.page_labels[0].pixmap().width() == 816)
    with qtbot.waitSignal(dialog.print_requested, timeout=2000):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == PdfPreviewDialog.DialogCode.Accepted


def test_print_pdf_puts_each_page_on_a_printer_page(qtbot, tmp_path, three_page_slip) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)

    pages = print_pdf(three_page_slip, printer)

    printed = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert pages == len(printed.pages) == 3


def test_a_broken_pdf_is_a_clear_error() -> None:
    with pytest.raises(DocumentError, match="not a readable PDF"):
        list(pdfium_pages(b"%PDF-1.4 broken", 96))
