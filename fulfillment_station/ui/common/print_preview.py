"""The print preview: a PDF preview dialog, and printing a PDF through a QPrinter.

This is the Qt side of printing; ``printing/`` itself stays free of Qt and hands the UI PDF
bytes.

PySide6-Essentials has no QtPdf (``QPdfView`` ships in PySide6-Addons), so pages are rasterised
with pdfium (the ``pypdfium2`` package) into QImages. The rasteriser is passed in, so the UI
can swap it and tests need no monkeypatching.

Rendering happens where these functions are called: the preview is for one slip or label (a
batch preview shows its first ``MAX_PREVIEW_PAGES`` pages); ``print_pdf`` belongs on the
worker thread for a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.printing.errors import DocumentError, PrinterError

# (pdf bytes, dots per inch, first page count to render or None for all) -> page images
PageRenderer = Callable[[bytes, float, int | None], Iterator[QImage]]
MAX_PREVIEW_PAGES = 20
PREVIEW_DPI = 96.0
MAX_PRINT_DPI = 300.0


def pdfium_pages(pdf: bytes, dpi: float, limit: int | None = None) -> Iterator[QImage]:
    """Rasterise the pages of ``pdf`` at ``dpi`` with pdfium, one QImage per page."""
    import pypdfium2  # imported here: only the UI needs it, and it loads a native library

    try:
        document = pypdfium2.PdfDocument(pdf)
    except pypdfium2.PdfiumError as exc:
        raise DocumentError("This document is not a readable PDF, so it cannot be shown.") from exc
    try:
        count = len(document) if limit is None else min(limit, len(document))
        for index in range(count):
            bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGB888,
            )
            # copy(): the QImage must own its pixels before pdfium frees the bitmap.
            yield image.copy()
    finally:
        document.close()


class PdfPreviewDialog(QDialog):
    """Shows a PDF's pages one under the other, with Print and Close buttons.

    Each page is scaled down to the width of the window (never up), so the whole width of the
    page is always in view; the window opens within the screen's available area.

    ``print_requested`` is emitted when the packer presses Print; the caller decides which
    printer (and thread) the job goes to.
    """

    print_requested = Signal()

    def __init__(
        self,
        pdf: bytes,
        title: str,
        *,
        render: PageRenderer = pdfium_pages,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pdf = pdf
        pages = QWidget()
        column = QVBoxLayout(pages)
        column.setSpacing(12)
        self.page_labels: list[QLabel] = []
        self._images: list[QImage] = []
        for image in render(pdf, PREVIEW_DPI, MAX_PREVIEW_PAGES):
            label = QLabel()
            self._images.append(image)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setFrameShape(QLabel.Shape.Box)
            column.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages_area = scroll
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(
            QCoreApplication.translate("PrintPreview", "&Print…"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.print_button.setDefault(True)
        buttons.accepted.connect(self._print)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self._fit_to_screen(parent)

    def _fit_to_screen(self, parent: QWidget | None) -> None:
        screen = (
            parent.screen() if parent is not None else None
        ) or QGuiApplication.primaryScreen()
        width, height = 720, 860
        if screen is not None:
            area = screen.availableGeometry()
            width = min(width, area.width() - 40)
            height = min(height, area.height() - 60)
        self.resize(max(width, 320), max(height, 320))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_pages()

    def _fit_pages(self) -> None:
        """Scale each page to the viewport's width (minus the frame and margins)."""
        room = self.pages_area.viewport().width() - 30
        for label, image in zip(self.page_labels, self._images, strict=True):
            if room <= 0 or image.width() <= room:
                pixmap = QPixmap.fromImage(image)
            else:
                pixmap = QPixmap.fromImage(
                    image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
                )
            label.setPixmap(pixmap)

    def _print(self) -> None:
        self.print_requested.emit()
        self.accept()


def print_pdf(pdf: bytes, printer: QPrinter, *, render: PageRenderer = pdfium_pages) -> int:
    """Paint every page of ``pdf`` onto ``printer``, each scaled to fit its page; return the
    page count. A printer that cannot start raises ``PrinterError``."""
    dpi = min(float(printer.resolution()), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError(
            f"The printer {printer.printerName() or 'chosen'} could not start printing; "
            "check it is connected and try again."
        )
    printed = 0
    try:
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for image in render(pdf, dpi, None):
            if printed:
                printer.newPage()
            scale = min(target.width() / image.width(), target.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF(0, 0, width, height), image)
            printed += 1
    finally:
        painter.end()
    return printed
