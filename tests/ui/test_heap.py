"""The window's rows are kept out of the cycle collector's walks, without keeping garbage."""

from __future__ import annotations

import gc
import weakref

from fulfillment_station.ui.shell.heap import settle_long_lived


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def test_live_objects_are_frozen_and_fresh_garbage_is_collected_first() -> None:
    rows = [[f"order-{i}", i] for i in range(1000)]  # long-lived containers, like the rows
    garbage = Node()
    garbage.other = Node()
    garbage.other.other = garbage  # a reference cycle only the collector can free
    gone = weakref.ref(garbage)
    del garbage

    settle_long_lived()

    assert gone() is None  # not frozen with the live objects
    assert gc.get_freeze_count() >= len(rows)
    walked = {id(o) for o in gc.get_objects()}  # what a collection would walk
    assert not any(id(row) in walked for row in rows)
