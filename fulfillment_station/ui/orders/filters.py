"""The presets' words in the packer's language. The filter and sort engine itself is Qt-free,
in :mod:`fulfillment_station.services.order_filters`; the names below are re-exported from
there for screens not yet moved over (``ui/shell/main_window.py``, until the pack-flow rewrite)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fulfillment_station.services.order_filters import PRESETS as PRESETS
from fulfillment_station.services.order_filters import FilterState as FilterState
from fulfillment_station.services.order_filters import Preset as Preset
from fulfillment_station.services.order_filters import SearchColumns as SearchColumns
from fulfillment_station.services.order_filters import local_day_start as local_day_start
from fulfillment_station.services.order_filters import preset_counts as preset_counts


def preset_text(text: str) -> str:
    """A preset's label or description in the packer's language."""
    return QCoreApplication.translate("Presets", text)
