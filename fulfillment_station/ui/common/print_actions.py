"""Small Qt glue for printing from the UI: preview a PDF (with "Save as PDF…" and Print always
there: Print goes where the caller says, or else to a printer the packer picks in the system's
print dialog),
print a batch of slips with a progress dialog whose Cancel works, and run the print queue
panel's Retry/Reprint on the worker.

A batch is rendered on the connection worker, never on the GUI thread; the GUI only moves the
progress bar and, when the PDF arrives, opens its preview. ``PrintService.batch_slips`` touches
no database, so the service may be passed in from the GUI side and called on the worker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, error_sentence
from fulfillment_station.domain.models import Order
from fulfillment_station.printing.errors import BatchCancelled, PrintingError
from fulfillment_station.services.print_service import PrintOutcome, PrintService, QueuedJob
from fulfillment_station.services.resources import PrintResources
from fulfillment_station.services.training_printer import TRAINING_PRINTER_NOTE
from fulfillment_station.store.print_queue import JobState
from fulfillment_station.ui.common.i18n import translate_message
from fulfillment_station.ui.common.print_preview import (
    PageRenderer,
    PdfPreviewDialog,
    pdfium_pages,
    print_pdf,
)
from fulfillment_station.ui.common.tasks import ConnectionWorker, Task, TaskContext
from fulfillment_station.ui.panels.print_queue_panel import PrintQueuePanel

# (parent, suggested file name) -> chosen path, or "" when the packer cancels
AskSavePath = Callable[[QWidget | None, str], str]
# parent -> the printer the packer chose, or None when they cancelled
AskPrinter = Callable[[QWidget | None], QPrinter | None]


def _t(text: str) -> str:
    return QCoreApplication.translate("PrintPreview", text)


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    """The system's print dialog (CUPS queues on Linux); None when the packer cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def print_with_dialog(
    parent: QWidget | None,
    pdf: bytes,
    ask: AskPrinter = ask_printer,
    render: PageRenderer = pdfium_pages,
) -> bool:
    """Print ``pdf`` on a printer the packer picks; a failure is one plain sentence."""
    printer = ask(parent)
    if printer is None:
        return False
    try:
        print_pdf(pdf, printer, render=render)
    except PrintingError as exc:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _t("Print"),
            translate_message(exc.message),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        return False
    return True


CANCELLED_MESSAGE = QT_TRANSLATE_NOOP("BatchPrint", "Printing cancelled; no slips were printed.")


def ask_save_path(parent: QWidget | None, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent, _t("Save as PDF"), suggested, _t("PDF files (*.pdf)")
    )
    return path


def save_pdf(
    parent: QWidget | None, pdf: bytes, suggested: str, ask: AskSavePath = ask_save_path
) -> Path | None:
    """Ask where to save ``pdf`` and write it there; ``None`` if the packer cancelled."""
    chosen = ask(parent, suggested)
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    try:
        target.write_bytes(pdf)
    except OSError as exc:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _t("Save as PDF"),
            f"The PDF could not be saved in {target.parent} "
            f"({exc.strerror or exc}); choose another folder.",
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        return None
    return target


def _file_name(title: str) -> str:
    safe = "".join(c if c.isalnum() or c in " ._-()" else "_" for c in title).strip()
    return f"{safe or 'document'}.pdf"


class DocumentPreview(PdfPreviewDialog):
    """The PDF preview with a "Save as PDF…" button next to Print and Close."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        *,
        render: PageRenderer = pdfium_pages,
        ask: AskSavePath = ask_save_path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(pdf, title, render=render, parent=parent)
        self.save_button = QPushButton(_t("&Save as PDF…"))
        buttons = self.findChild(QDialogButtonBox)
        assert buttons is not None  # the preview dialog made it
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.saved_to: Path | None = None
        self.save_button.clicked.connect(lambda: self._save(ask, _file_name(title)))

    def _save(self, ask: AskSavePath, suggested: str) -> None:
        self.saved_to = save_pdf(self, self.pdf, suggested, ask) or self.saved_to


def preview_document(
    parent: QWidget | None,
    pdf_bytes: bytes,
    title: str,
    *,
    render: PageRenderer = pdfium_pages,
    ask: AskSavePath = ask_save_path,
    on_print: Callable[[bytes], None] | None = None,
    ask_printer: AskPrinter = ask_printer,
) -> DocumentPreview:
    """Open (window-modal, not blocking) a preview of ``pdf_bytes`` with "Save as PDF…".

    Print calls ``on_print`` with the PDF when the caller knows where the document goes (the
    desk's slip printer); otherwise it asks for a printer with the system's print dialog.
    """
    dialog = DocumentPreview(pdf_bytes, title, render=render, ask=ask, parent=parent)
    if on_print is None:
        dialog.print_requested.connect(
            lambda: print_with_dialog(parent, pdf_bytes, ask_printer, render)
        )
    else:
        dialog.print_requested.connect(lambda: on_print(pdf_bytes))
    dialog.open()
    return dialog


class BatchPrint(QObject):
    """One batch of slips being rendered: its task, its progress dialog and, at the end, its
    preview. ``shown`` carries the preview dialog; ``cancelled`` and ``failed`` a sentence."""

    shown = Signal(object)
    cancelled = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None,
        task: Task[bytes],
        total: int,
        title: str,
        render: PageRenderer,
        ask: AskSavePath,
        on_print: Callable[[bytes], None] | None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.task = task
        self.title = title
        self._render = render
        self._ask = ask
        self._on_print = on_print
        self.preview: DocumentPreview | None = None
        self.progress = QProgressDialog(
            f"Preparing {total} packing slips…", "&Cancel", 0, total, parent
        )
        self.progress.setWindowTitle("Print packing slips")
        # Closed by us when the task ends, so reaching the maximum does not reset the bar.
        self.progress.setAutoReset(False)
        self.progress.setAutoClose(False)
        self.progress.setMinimumDuration(0)
        self.progress.setValue(0)
        self.progress.canceled.connect(self.task.cancel)
        task.progress.connect(self._on_progress)
        task.succeeded.connect(self._on_pdf)
        task.failed.connect(self._on_error)
        # Not modal: a modal QProgressDialog runs the event loop inside setValue(), so the
        # result could be handled in the middle of a progress update.
        self.progress.show()

    def cancel(self) -> None:
        self.progress.cancel()

    def _on_progress(self, done: int, total: object) -> None:
        if self.task.is_cancelled():
            return
        self.progress.setValue(done)
        if isinstance(total, int):
            self.progress.setLabelText(f"Prepared {done} of {total} packing slips…")

    def _close_progress(self) -> None:
        # Closing a QProgressDialog emits canceled(); the task is over, so nothing to cancel.
        self.progress.canceled.disconnect(self.task.cancel)
        self.progress.close()

    def _on_pdf(self, pdf: object) -> None:
        self._close_progress()
        if self.task.is_cancelled():
            # Cancel pressed while the last page was being written: the packer said no.
            self.cancelled.emit(self.tr(CANCELLED_MESSAGE))
            return
        assert isinstance(pdf, bytes)
        self.preview = preview_document(
            self._parent,
            pdf,
            self.title,
            render=self._render,
            ask=self._ask,
            on_print=self._on_print,
        )
        self.shown.emit(self.preview)

    def _on_error(self, exc: object) -> None:
        self._close_progress()
        if isinstance(exc, BatchCancelled) or self.task.is_cancelled():
            self.cancelled.emit(self.tr(CANCELLED_MESSAGE))
        elif isinstance(exc, PrintingError):
            self.failed.emit(translate_message(exc.message))
        else:
            self.failed.emit(
                self.tr("The packing slips could not be prepared ({error}).").format(error=exc)
            )


def run_batch_print(
    parent: QWidget | None,
    worker: ConnectionWorker[PrintResources],
    orders: Sequence[Order],
    service: PrintService,
    *,
    render: PageRenderer = pdfium_pages,
    ask: AskSavePath = ask_save_path,
    on_print: Callable[[bytes], None] | None = None,
) -> BatchPrint:
    """Render the orders' slips on ``worker`` with a progress dialog, then preview the PDF."""
    batch = list(orders)

    def render_batch(ctx: TaskContext[PrintResources]) -> bytes:
        return service.batch_slips(batch, ctx.report, ctx.cancelled)

    task = worker.submit(render_batch, name="batch slips")
    title = f"Packing slips ({len(batch)})"
    return BatchPrint(parent, task, len(batch), title, render, ask, on_print)


def _service_of(ctx: TaskContext[PrintResources]) -> PrintService:
    return ctx.resources.print_service


class PrintQueueActions(QObject):
    """Runs the print queue panel's Retry and Reprint on the worker and shows the new list.

    The service lives on the worker (its print queue's SQLite connection belongs to that
    thread); ``service_of(ctx)`` finds it among the worker's resources. ``message`` carries one
    sentence for the status bar: the printer's own when a job fails again.

    While a job is held (its printer said it is out of paper, paused, open, ...), the printer
    is asked again every ``held_interval_ms`` and the job prints by itself once it can.
    """

    message = Signal(str)

    def __init__(
        self,
        panel: PrintQueuePanel,
        worker: ConnectionWorker[PrintResources],
        service_of: Callable[[TaskContext[PrintResources]], PrintService] = _service_of,
        held_interval_ms: int = 5000,
    ) -> None:
        super().__init__(panel)
        self.panel = panel
        self.worker = worker
        self.service_of = service_of
        panel.retry_requested.connect(self.retry)
        panel.reprint_requested.connect(self.reprint)
        self.held_timer = QTimer(self)
        self.held_timer.setSingleShot(True)
        self.held_timer.setInterval(held_interval_ms)
        self.held_timer.timeout.connect(self.release_held)

    def refresh(self) -> Task[Any]:
        return self.run(lambda _service: None)

    def retry(self, job_id: int) -> Task[Any]:
        return self.run(lambda service: service.retry(job_id))

    def reprint(self, job_id: int) -> Task[Any]:
        return self.run(lambda service: service.reprint(job_id))

    def release_held(self) -> Task[Any]:
        """Ask the printers of held jobs again; say so when one has printed."""

        def release(service: PrintService) -> PrintOutcome | None:
            return next((o for o in service.release_held() if o.sent), None)

        return self.run(release)

    def run(self, action: Callable[[PrintService], PrintOutcome | None]) -> Task[Any]:
        """Run ``action`` on the worker, then show the job list and the outcome's sentence
        (e.g. ``run(lambda s: s.print_for_pack(...)[1])`` after a pack)."""

        def work(ctx: TaskContext[PrintResources]) -> tuple[PrintOutcome | None, list[QueuedJob]]:
            service = self.service_of(ctx)
            try:
                outcome = action(service)
            except Exception as exc:
                # The list is still worth showing: the job may have changed meanwhile.
                raise _WithJobs(exc, service.jobs()) from exc
            return outcome, service.jobs()

        task = self.worker.submit(work, name="print queue")
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        return task

    def _done(self, result: object) -> None:
        outcome, jobs = cast(tuple[PrintOutcome | None, list[QueuedJob]], result)
        self.panel.set_jobs(jobs)
        self._watch_held(jobs)
        if outcome is not None:
            self.message.emit(translate_message(outcome.message))

    def _watch_held(self, jobs: Sequence[QueuedJob]) -> None:
        held = any(j.job.state is JobState.PENDING and j.job.last_error for j in jobs)
        if held and not self.held_timer.isActive():
            self.held_timer.start()
        elif not held:
            self.held_timer.stop()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, _WithJobs):
            self.panel.set_jobs(exc.jobs)
            self._watch_held(exc.jobs)
            exc = exc.error
        self.message.emit(translate_message(error_sentence(exc)))


class _WithJobs(Exception):
    """A failed queue action, carrying the job list read after it."""

    def __init__(self, error: BaseException, jobs: list[QueuedJob]) -> None:
        super().__init__(str(error))
        self.error = error
        self.jobs = jobs


def show_training_printer(window: QMainWindow, folder: Path) -> QLabel:
    """Name the training printer in the window's status bar, for as long as it is open: the
    folder where what the packer prints in training is saved (``services.training_printer``)."""
    label = QLabel(
        QCoreApplication.translate("TrainingPrinter", "Training printer: {folder}").format(
            folder=str(folder)
        ),
        window,
    )
    label.setObjectName("training-printer")
    label.setTextFormat(Qt.TextFormat.PlainText)  # a path, not markup
    label.setToolTip(translate_message(TRAINING_PRINTER_NOTE.format(folder=str(folder))))
    window.statusBar().addPermanentWidget(label)
    return label
