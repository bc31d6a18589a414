"""Background work for the GUI: one worker thread per kind of work, and typed task handles.

``ConnectionWorker[Res]`` owns a QThread and one resource object of type ``Res`` (one type per
kind of worker: ``services.resources.ReaderResources``, ``SyncResources``,
``OutboxResources``, ``PrintResources``). The resources are made *on that thread* by a factory
the wiring module passes in, so SQLite and httpx objects never cross threads.

What a worker runs is an operation from ``services.operations``: a typed, Qt-free function
whose first argument is the resources. ``call`` runs one with its arguments; ``submit`` runs a
function of the whole :class:`TaskContext` (for operations that report progress or stop when
cancelled). Results, errors and progress reach the GUI only as signals of the ``Task``
handle, on the GUI thread::

    task = worker.call(operations.find_order_refs, scan)
    task.succeeded.connect(on_done)
    task.failed.connect(on_error)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, cast

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

log = logging.getLogger(__name__)
R = TypeVar("R")
Res = TypeVar("Res")
P = ParamSpec("P")


class Task(QObject, Generic[R]):
    """The GUI-side handle of one piece of background work.

    The worker reports through private signals that are queued to this object's own thread
    (the GUI thread), and the public signals are emitted from there: whatever is connected to
    ``succeeded``/``failed``/``progress`` (a method, a lambda) runs on the GUI thread.
    """

    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(int, object)  # done, total (or None)
    finished = Signal()  # after succeeded or failed

    _outcome = Signal(bool, object)
    _progressed = Signal(int, object)

    def __init__(self, fn: Callable[[TaskContext[Any]], R], name: str) -> None:
        super().__init__()
        self.fn = fn
        self.name = name
        self.done = False  # the work has run (set on the worker thread)
        self.delivered = False  # its answer has reached the GUI thread
        self._cancel = threading.Event()
        self._outcome.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progressed.connect(self.progress, Qt.ConnectionType.QueuedConnection)

    @Slot(bool, object)
    def _deliver(self, ok: bool, payload: object) -> None:
        self.delivered = True
        (self.succeeded if ok else self.failed).emit(payload)
        self.finished.emit()

    def report_success(self, result: object) -> None:
        """Called on the worker thread."""
        self.done = True
        self._outcome.emit(True, result)

    def report_failure(self, exc: BaseException) -> None:
        """Called on the worker thread."""
        self.done = True
        self._outcome.emit(False, exc)

    def report_progress(self, done: int, total: int | None) -> None:
        self._progressed.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


@dataclass
class TaskContext(Generic[Res]):
    """What a task function sees: the worker thread's resources and its own task."""

    resources: Res
    task: Task[Any]

    def report(self, done: int, total: int | None = None) -> None:
        self.task.report_progress(done, total)

    def cancelled(self) -> bool:
        return self.task.is_cancelled()


class _Runner(QObject, Generic[Res]):
    """Lives on the worker thread; runs submitted tasks one after the other."""

    def __init__(
        self, make_resources: Callable[[], Res], close_resources: Callable[[Res], None]
    ) -> None:
        super().__init__()
        self._make = make_resources
        self._close = close_resources
        self._resources: Res | None = None
        self._made = False  # a worker's resources may be None (the utility worker's)
        self._error: BaseException | None = None

    @Slot(object)
    def run(self, task: Task[Any]) -> None:
        if not self._made and self._error is None:
            try:
                self._resources = self._make()
                self._made = True
            except Exception as exc:  # reported to every task, not raised into Qt
                log.exception("worker resources could not be made")
                self._error = exc
        if self._error is not None:
            task.report_failure(self._error)
            return
        try:
            result = task.fn(TaskContext(cast(Res, self._resources), task))
        except Exception as exc:
            log.info("task %s failed: %s", task.name, exc, exc_info=True)
            task.report_failure(exc)
        else:
            task.report_success(result)

    @Slot()
    def shutdown(self) -> None:
        """Close the resources on their own thread, then end the thread's event loop (after
        every task queued before, which the queue order guarantees)."""
        try:
            if self._made:
                self._close(cast(Res, self._resources))
        except Exception:
            log.exception("closing worker resources failed")
        finally:
            self._resources, self._made = None, False
            QThread.currentThread().quit()


def _close(resources: Any) -> None:
    resources.close()


class ConnectionWorker(QObject, Generic[Res]):
    """The GUI's way to run work for one connection without ever blocking."""

    _submit = Signal(object)
    _shutdown = Signal()

    def __init__(
        self,
        make_resources: Callable[[], Res],
        close_resources: Callable[[Res], None] = _close,
        name: str = "connection",
    ) -> None:
        super().__init__()
        self._thread = QThread()
        self._thread.setObjectName(f"worker-{name}")
        self._runner: _Runner[Res] = _Runner(make_resources, close_resources)
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.run)
        self._shutdown.connect(self._runner.shutdown)
        self._tasks: set[Task[Any]] = set()
        self._thread.start()

    @property
    def name(self) -> str:
        return self._thread.objectName()

    def call(
        self, operation: Callable[Concatenate[Res, P], R], /, *args: P.args, **kwargs: P.kwargs
    ) -> Task[R]:
        """Run ``operation(resources, *args, **kwargs)`` on the worker; the task is named
        after the operation."""
        return self.submit(
            lambda ctx: operation(ctx.resources, *args, **kwargs),
            operation.__name__.replace("_", " "),
        )

    def submit(self, fn: Callable[[TaskContext[Res]], R], name: str = "task") -> Task[R]:
        task: Task[R] = Task(fn, name)
        # Keep handles alive until their answer is delivered on the GUI thread: the runner
        # emits on them from its thread, and a handle nobody else holds (a fire-and-forget
        # pump) would otherwise be collected with its answer still queued.
        self._tasks = {t for t in self._tasks if not t.delivered}
        self._tasks.add(task)
        self._submit.emit(task)
        return task

    def stop(self, timeout_ms: int = 10_000) -> None:
        """Cancel what is queued or running, close the resources on their thread, end it."""
        for task in list(self._tasks):
            task.cancel()
        if self._thread.isRunning():
            self._shutdown.emit()  # closes the resources, then quits the thread
            if not self._thread.wait(timeout_ms):
                log.warning("worker %s did not stop in time", self._thread.objectName())
                self._thread.quit()
                self._thread.wait(timeout_ms)
