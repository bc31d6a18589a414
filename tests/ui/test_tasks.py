"""The background-work helper: answers reach the GUI thread, even for a task whose handle
the caller did not keep."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from fulfillment_station.ui.common.tasks import ConnectionWorker, TaskContext

pytestmark = pytest.mark.gui


@pytest.fixture
def worker() -> Iterator[ConnectionWorker]:
    w = ConnectionWorker(lambda: None, close_resources=lambda _r: None, name="test")
    yield w
    w.stop()


def test_answers_arrive_on_the_gui_thread(qtbot: Any, worker: ConnectionWorker) -> None:
    gui = threading.get_ident()
    task = worker.submit(lambda _ctx: threading.get_ident(), "where")
    seen: list[int] = []
    task.succeeded.connect(lambda ran_on: seen.extend([ran_on, threading.get_ident()]))
    with qtbot.waitSignal(task.finished):
        pass
    assert seen[0] != gui and seen[1] == gui


def test_an_unheld_task_still_delivers_when_others_are_submitted_before_its_answer(
    qtbot: Any, worker: ConnectionWorker
) -> None:
    """A fire-and-forget task (like the outbox pump) has run on the worker, its answer is
    still queued for the GUI thread, and another submit comes first: the answer must not be
    lost with a collected handle."""
    answers: list[str] = []
    unheld = worker.submit(lambda _ctx: "pumped", "pump")
    unheld.succeeded.connect(answers.append)
    del unheld  # the caller keeps no handle

    ran = threading.Event()

    def after(_ctx: TaskContext) -> None:
        ran.set()  # tasks run in order: the pump has run and reported by now

    marker = worker.submit(after, "marker")
    assert ran.wait(10)  # the GUI thread has not turned: the pump's answer is queued
    worker.submit(lambda _ctx: None, "another")
    gc.collect()
    with qtbot.waitSignal(marker.finished):
        pass
    qtbot.waitUntil(lambda: answers == ["pumped"], timeout=5000)


def test_an_operation_runs_on_the_workers_own_resources(qtbot: Any) -> None:
    made_on: list[int] = []

    def make() -> dict[str, int]:
        made_on.append(threading.get_ident())
        return {"count": 0}

    def bump(resources: dict[str, int], by: int) -> int:
        resources["count"] += by
        return resources["count"]

    worker: ConnectionWorker[dict[str, int]] = ConnectionWorker(
        make, close_resources=lambda _r: None, name="typed"
    )
    try:
        first = worker.call(bump, 2)
        second = worker.call(bump, 3)
        assert second.name == "bump"
        with qtbot.waitSignal(second.succeeded) as answer:
            pass
        assert first.delivered and answer.args == [5]  # one resource object, made once
        assert made_on and made_on[0] != threading.get_ident()
    finally:
        worker.stop()


def test_a_task_handle_is_let_go_of_on_the_gui_thread_whatever_the_worker_keeps(
    qtbot: Any, worker: ConnectionWorker
) -> None:
    """A handle is a GUI-thread QObject: if the worker thread held the last reference to it,
    the worker thread would destroy it while the GUI thread's event loop may still use it
    (a rare segmentation fault). Here the first task's function keeps what it was given
    until the second task, on the worker thread, lets go of it after the GUI thread has
    delivered the first answer and forgotten the handle."""
    gui = threading.get_ident()
    destroyed_on: list[int] = []
    kept: list[object] = []
    first = worker.submit(lambda ctx: kept.append(ctx), "keeps its context")
    first.destroyed.connect(
        lambda *_a: destroyed_on.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    with qtbot.waitSignal(first.finished):
        pass
    del first  # delivered: the worker's bookkeeping forgets it at the next submit
    second = worker.submit(lambda _ctx: kept.clear(), "lets go")
    with qtbot.waitSignal(second.finished):
        pass
    gc.collect()
    assert destroyed_on == [gui]


def test_progress_and_cancel_reach_across_threads(qtbot: Any, worker: ConnectionWorker) -> None:
    started = threading.Event()

    def counts_until_cancelled(ctx: TaskContext) -> int:
        done = 0
        ctx.report(done, None)
        started.set()
        while not ctx.cancelled() and done < 10_000_000:
            done += 1
        return done

    task = worker.submit(counts_until_cancelled, "counts")
    seen: list[tuple[int, object]] = []
    task.progress.connect(lambda done, total: seen.append((done, total)))
    assert started.wait(10)
    task.cancel()
    with qtbot.waitSignal(task.succeeded) as answer:
        pass
    assert seen == [(0, None)] and task.is_cancelled() and task.done
    assert answer.args[0] < 10_000_000
