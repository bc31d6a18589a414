"""Keeping Python's cycle collector from freezing the window.

A full (generation 2) collection walks every container object the process holds, whichever
thread sets it off, and holds the GIL while it does. With 100,000 orders in the list (each
summary a tracked tuple, plus the search columns) one walk takes about 165 ms: a sync's
allocations set one off every few seconds, and the window stops answering each time (the
sync-stall benchmark showed exactly these pauses).

Rows the window keeps live for hours, so once a load or a sync has settled they are moved to
the permanent generation (:func:`gc.freeze`), which collections skip. The young generations
are collected first, so the short-lived garbage of the load is not frozen with them; what a
freeze can keep is only garbage that already reached the old generation, a few objects per
sync at most.
"""

from __future__ import annotations

import gc
import logging
import time

log = logging.getLogger(__name__)


def settle_long_lived() -> None:
    """Call after a bulk load or sync has been merged into the window's models."""
    started = time.perf_counter()
    gc.collect(1)  # the young generations only: cheap, unlike a full collection
    gc.freeze()
    log.debug(
        "froze %d objects out of the cycle collector in %.1f ms",
        gc.get_freeze_count(),
        (time.perf_counter() - started) * 1000,
    )
