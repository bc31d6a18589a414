"""Re-exports :class:`~fulfillment_station.services.search_index.PairIndex` (Qt-free, in
services/) for ``ui/main_window.py`` until the pack-flow rewrite moves its import."""

from __future__ import annotations

from fulfillment_station.services.search_index import PairIndex as PairIndex
