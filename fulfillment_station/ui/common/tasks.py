"""Background work for the GUI: one worker thread per kind of work, and typed task handles.

``ConnectionWorker[Res]`` owns a QThread and one resource object of type ``Res`` (one type per
kind of worker: ``services.resources.ReaderResources``, ``SyncResources``,
``OutboxResources``, ``PrintResources``). The resources are made *on that thread* by a factory
the wiring module passes in, so SQLite and httpx objects never cross threads.

What a worker runs is an operation from ``services.operations``: a typed, Qt-free function
whose first argument is the resources. ``call`` runs one with its arguments; ``submit`` runs a
function of the whole :class:`TaskContext` (for operations that report progress or stop when
cancelled). Results, errors and progress reach the GUI only as signals of the ``Task``
handle, on the GUI thread. No Qt object crosses to a worker thread: it gets a plain job by
number (see ``_Job`` for why)::

    task = worker.call(operations.find_order_refs, scan)
    task.succeeded.connect(on_done)
    task.failed.connect(on_error)
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, cast

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

log = logging.getLogger(__name__)
R = TypeVar("R")
Res = TypeVar("Res")
P = ParamSpec("P")


class Task(QObject, Generic[R]):
    """The GUI-side handle of one piece of background work.

    It lives and dies on the GUI thread: the worker thread never holds it (see
    :class:`_Job`). The worker's answer reaches :class:`ConnectionWorker` as a queued signal,
    which emits the public signals from the GUI thread: whatever is connected to
    ``succeeded``/``failed``/``progress`` (a method, a lambda) runs on the GUI thread.
    """

    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(int, object)  # done, total (or None)
    finished = Signal()  # after succeeded or failed

    def __init__(self, job: _Job) -> None:
        super().__init__()
        self._job = job
        self.name = job.name
        self.delivered = False  # its answer has reached the GUI thread

    @property
    def done(self) -> bool:
        """The work has run (set on the worker thread)."""
        return self._job.ran

    def _deliver(self, ok: bool, payload: object) -> None:
        self.delivered = True
        (self.succeeded if ok else self.failed).emit(payload)
        self.finished.emit()

    def cancel(self) -> None:
        self._job.cancel.set()

    def is_cancelled(self) -> bool:
        return self._job.cancel.is_set()


@dataclass(eq=False)
class _Job:
    """What the worker thread sees of a task: plain Python, no Qt object.

    Why: a Python-owned QObject is destroyed by whichever thread drops its last reference.
    When the worker thread was handed the ``Task`` itself (through a queued signal argument,
    released only after the slot returned), a worker descheduled between reporting and
    returning let the GUI thread deliver the answer and forget the handle first, so the
    worker thread ran ``~QObject`` of a GUI-thread object while the GUI thread's event loop
    still used it: a rare segmentation fault. Now only the job's number crosses threads, the
    worker drops every reference it took before it sends the answer, and the GUI thread
    (which holds the job through the task until that answer arrives) always lets go last.
    """

    key: int
    name: str
    fn: Callable[[TaskContext[Any]], Any]
    cancel: threading.Event = field(default_factory=threading.Event)
    #: (ok, result or exception), set on the worker thread before it answers
    outcome: tuple[bool, object] | None = None
    ran: bool = False


@dataclass
class TaskContext(Generic[Res]):
    """What a task function sees: the worker thread's resources and a way to report
    progress and see a cancel."""

    resources: Res
    _job: _Job
    _runner: _Runner[Any]

    def report(self, done: int, total: int | None = None) -> None:
        self._runner.progressed.emit(self._job.key, done, total)

    def cancelled(self) -> bool:
        return self._job.cancel.is_set()


class _Runner(QObject, Generic[Res]):
    """Lives on the worker thread; runs submitted jobs one after the other."""

    answered = Signal(int)  # the job's key; its outcome is on the job
    progressed = Signal(int, int, object)  # key, done, total (or None)

    def __init__(
        self,
        make_resources: Callable[[], Res],
        close_resources: Callable[[Res], None],
        jobs: dict[int, _Job],
    ) -> None:
        super().__init__()
        self._make = make_resources
        self._close = close_resources
        self._jobs = jobs  # filled and emptied by the GUI thread; read here by key
        self._resources: Res | None = None
        self._made = False  # a worker's resources may be None (the utility worker's)
        self._error: BaseException | None = None

    @Slot(int)
    def run(self, key: int) -> None:
        job = self._jobs.get(key)
        if job is None:  # the GUI thread has let go of it already (it cannot, but be safe)
            return
        job.outcome = self._outcome(job)
        job.ran = True
        # Every reference this thread took to the job (its function, its answer, whatever
        # their frames hold) is dropped before the GUI thread can know the answer is there.
        del job
        self.answered.emit(key)

    def _outcome(self, job: _Job) -> tuple[bool, object]:
        if not self._made and self._error is None:
            try:
                self._resources = self._make()
                self._made = True
            except Exception as exc:  # reported to every task, not raised into Qt
                log.exception("worker resources could not be made")
                self._error = exc
        if self._error is not None:
            return False, self._error
        try:
            return True, job.fn(TaskContext(cast(Res, self._resources), job, self))
        except Exception as exc:
            log.info("task %s failed: %s", job.name, exc, exc_info=True)
            return False, exc

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


def _spent(_ctx: TaskContext[Any]) -> None:
    """A delivered job's function: the real one is let go of on the GUI thread."""


class ConnectionWorker(QObject, Generic[Res]):
    """The GUI's way to run work for one connection without ever blocking."""

    _submit = Signal(int)  # a job's key: nothing of Qt or of the caller crosses threads
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
        self._keys = itertools.count(1)
        # Until its answer is delivered (on the GUI thread), each job and its handle are held
        # here: the worker reads the job by key, and a handle nobody else holds (a
        # fire-and-forget pump) must still deliver its answer.
        self._jobs: dict[int, _Job] = {}
        self._tasks: dict[int, Task[Any]] = {}
        self._runner: _Runner[Res] = _Runner(make_resources, close_resources, self._jobs)
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.run, Qt.ConnectionType.QueuedConnection)
        self._shutdown.connect(self._runner.shutdown, Qt.ConnectionType.QueuedConnection)
        self._runner.answered.connect(self._answered, Qt.ConnectionType.QueuedConnection)
        self._runner.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
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
        job = _Job(next(self._keys), name, fn)
        task: Task[R] = Task(job)
        self._jobs[job.key] = job
        self._tasks[job.key] = task
        self._submit.emit(job.key)
        return task

    @Slot(int)
    def _answered(self, key: int) -> None:
        job = self._jobs.pop(key)
        task = self._tasks.pop(key)
        ok, payload = job.outcome or (False, RuntimeError(f"task {job.name} gave no answer"))
        # Let go of the function and the answer here, on the GUI thread: an exception's
        # traceback holds the job's frames, a cycle only the collector would otherwise break.
        job.fn, job.outcome = _spent, None
        task._deliver(ok, payload)

    @Slot(int, int, object)
    def _progressed(self, key: int, done: int, total: int | None) -> None:
        task = self._tasks.get(key)
        if task is not None:
            task.progress.emit(done, total)

    def stop(self, timeout_ms: int = 10_000) -> None:
        """Cancel what is queued or running, close the resources on their thread, end it."""
        for job in list(self._jobs.values()):
            job.cancel.set()
        if self._thread.isRunning():
            self._shutdown.emit()  # closes the resources, then quits the thread
            if not self._thread.wait(timeout_ms):
                log.warning("worker %s did not stop in time", self._thread.objectName())
                self._thread.quit()
                self._thread.wait(timeout_ms)
