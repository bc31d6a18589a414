"""What happens when an unexpected exception escapes: a report file, a log entry and a small
non-blocking dialog, and the app keeps running.

``install_excepthook`` replaces ``sys.excepthook`` (exceptions in Qt slots and virtual methods
end up there under PySide6) and ``threading.excepthook``. Nothing here touches the outbox:
queued shipments are rows in SQLite, written before any request, so they survive whatever
went wrong in the window. The dialog is shown on the GUI thread through a queued signal, one at
a time: a burst of errors (a failing paint) updates the open dialog instead of stacking more.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.services.diagnostics import Redactor, write_crash_report

log = logging.getLogger(__name__)

#: Marked for the catalogs here, translated where it is shown (the dialog's ``tr``).
CRASH_SENTENCE = QT_TRANSLATE_NOOP(
    "CrashDialog",
    "Something went wrong in the app, but nothing was lost: queued shipments are "
    "safe and you can keep working.",
)

#: Called after the report is written: (report path, the exception).
OnCrash = Callable[[Path, BaseException], None]


class CrashDialog(QDialog):
    """One plain sentence, the report's path and "Copy details"; never modal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setModal(False)
        self.details = ""
        self.count = 0
        layout = QVBoxLayout(self)
        self.sentence = QLabel(self.tr(CRASH_SENTENCE))
        self.sentence.setWordWrap(True)
        self.path_label = QLabel()
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.sentence, self.path_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def show_report(self, path: str, details: str) -> None:
        self.count += 1
        self.details = details
        if self.count > 1:
            text = self.tr(
                "A report for support was saved to:\n{path} ({n} errors since this window opened)"
            ).format(path=path, n=self.count)
        else:
            text = self.tr("A report for support was saved to:\n{path}").format(path=path)
        self.path_label.setText(text)
        self.show()
        self.raise_()

    @Slot()
    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)


class CrashHandler(QObject):
    """The installed hook. ``uninstall()`` puts the previous hooks back."""

    crashed = Signal(str, str)  # report path, report text

    def __init__(
        self,
        report_dir: Path,
        on_crash: OnCrash | None = None,
        *,
        redactor: Redactor | None = None,
        diagnostics: Callable[[], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.report_dir = Path(report_dir)
        self.on_crash = on_crash
        self.redactor = redactor
        self.diagnostics = diagnostics
        self.dialog: CrashDialog | None = None
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._busy = threading.local()
        # Queued when the error happened on a worker thread: widgets only on the GUI thread.
        self.crashed.connect(self._show_dialog)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._handle_thread:
            threading.excepthook = self._previous_thread_hook

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            self._previous_hook(exc_type, exc, tb)
            return
        if getattr(self._busy, "active", False):  # the handler itself failed: do not loop
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._busy.active = True
        try:
            log.error("unexpected error", exc_info=(exc_type, exc, tb))
            try:
                extra = self.diagnostics() if self.diagnostics is not None else ""
            except Exception:
                log.exception("diagnostics for the crash report failed")
                extra = ""
            path = write_crash_report(
                (exc_type, exc, tb), self.report_dir, diagnostics=extra, redactor=self.redactor
            )
            log.error("crash report written to %s", path)
            if self.on_crash is not None:
                self.on_crash(path, exc)
            self.crashed.emit(str(path), path.read_text(encoding="utf-8"))
        except Exception:
            # Reporting failed (disk full?): the original error still goes to stderr.
            sys.__excepthook__(exc_type, exc, tb)
        finally:
            self._busy.active = False

    @Slot(str, str)
    def _show_dialog(self, path: str, details: str) -> None:
        if self.dialog is None:
            self.dialog = CrashDialog(QApplication.activeWindow())
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.dialog.show_report(path, details)


def install_excepthook(
    app: QApplication, report_dir: Path, on_crash: OnCrash | None = None, **options: Any
) -> CrashHandler:
    """Install the crash handler for ``app``; ``options`` go to ``CrashHandler``
    (``redactor``, ``diagnostics``). Keep the returned handler; ``uninstall()`` undoes it."""
    handler = CrashHandler(report_dir, on_crash, parent=app, **options)
    handler.install()
    return handler
